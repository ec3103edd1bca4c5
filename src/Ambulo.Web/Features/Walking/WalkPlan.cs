using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Simulation;

namespace Ambulo.Web.Features.Walking;

/// <summary>Whether and how this person may walk with the Walk screen today.</summary>
internal enum WalkPermission
{
    /// <summary>The profile does not allow walking practice (gate G-WALK fails): no Start.</summary>
    NotAllowed,

    /// <summary>Walking is allowed only with a carer present (clinical reference §6.5 "supervised mode"): the carer confirms first.</summary>
    WithCarer,

    /// <summary>Walking alone is allowed (§6.5 walking_allowed_unsupervised).</summary>
    Alone,
}

/// <summary>
/// What the Walk screen does for one ability profile: the safety gate (<see cref="SafetyGates"/>), the step-counter
/// preset and how the simulated walker walks.
/// </summary>
internal sealed record WalkPlan(
    WalkPermission Permission,
    StepCounterOptions Counter,
    string CounterPreset,
    WalkingSimulationOptions Simulation)
{
    public const string HemipareticPreset = "Hemiparetic";
    public const string SlowOrImpairedPreset = "SlowOrImpaired";

    public bool CanWalk => Permission != WalkPermission.NotAllowed;

    public bool NeedsCarer => Permission == WalkPermission.WithCarer;

    /// <summary>The plan for a profile. A profile that cannot be read never walks.</summary>
    public static WalkPlan For(AbilityProfile? profile)
    {
        if (profile is null || profile.Validate().Count > 0)
        {
            return new WalkPlan(WalkPermission.NotAllowed, StepCounterOptions.Hemiparetic, HemipareticPreset, HemipareticWalker);
        }

        var gates = new SafetyGates(profile);
        var permission = !gates.Walk ? WalkPermission.NotAllowed
            : gates.WalkUnsupervised ? WalkPermission.Alone
            : WalkPermission.WithCarer;

        // The preset is never Healthy. Every Ambulo user is a stroke survivor, and Healthy is tuned for healthy adults: its
        // 0.6 m/s² minimum peak and 1.3 s longest step miss the soft, slow steps of a weaker leg, and a count that misses
        // steps tells the person they did less than they did. Hemiparetic (lowest thresholds, steps up to 2.5 s) fits
        // anyone who walks with an aid, is not yet independent on level ground everywhere (FAC ≤ 4), is hemiplegic or has
        // a clearly weak leg (an MRC grade ≤ 3); SlowOrImpaired fits the rest, who still walk slower and less evenly than
        // the healthy adults Healthy was tuned on. Both still need a run of steps before they count, so a jolt is no step.
        var hemiparetic = gates.HasWalkingAid
            || profile.FunctionalAmbulationCategory <= 4
            || profile.Presentation == Presentation.Hemiplegia
            || profile.MotorGrades.Lowest <= 3;
        return hemiparetic
            ? new WalkPlan(permission, StepCounterOptions.Hemiparetic, HemipareticPreset, HemipareticWalker)
            : new WalkPlan(permission, StepCounterOptions.SlowOrImpaired, SlowOrImpairedPreset, SlowWalker);
    }

    // The simulated walkers (synthetic; chosen to look like the group the preset serves, not measured from anyone).
    private static readonly WalkingSimulationOptions HemipareticWalker = new()
    {
        Steps = 100_000, CadenceStepsPerMinute = 60, StepTimeAsymmetryRatio = 1.3, PeakAccelerationMps2 = 1.2, StillSeconds = 1,
    };

    private static readonly WalkingSimulationOptions SlowWalker = new()
    {
        Steps = 100_000, CadenceStepsPerMinute = 85, StepTimeAsymmetryRatio = 1.1, PeakAccelerationMps2 = 1.8, StillSeconds = 1,
    };
}
