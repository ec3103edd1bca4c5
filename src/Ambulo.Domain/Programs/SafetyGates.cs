using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;

namespace Ambulo.Domain.Programs;

/// <summary>
/// The gates of clinical reference §4 ("Common prerequisites and gates") and §6.5 evaluated for one
/// profile. All of them are [PRODUCT] rules that need clinician sign-off; where the profile does not
/// record something a gate asks for (e.g. a Berg Balance Scale score), the gate takes the safer answer.
/// </summary>
public sealed class SafetyGates
{
    private readonly AbilityProfile _profile;

    public SafetyGates(AbilityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _profile = profile;
    }

    private int Fac => _profile.FunctionalAmbulationCategory;

    /// <summary>G-SIT: sits ≥ 30 s without hands (TCT sitting item 25).</summary>
    public bool IndependentSitting => _profile.SittingBalance == SittingBalance.Independent;

    /// <summary>Sits with hand support (TCT sitting item ≥ 12), enough for supported seated work.</summary>
    public bool SupportedSitting => _profile.SittingBalance >= SittingBalance.WithHandSupport;

    /// <summary>
    /// G-STAND-SUP: stands with hand support at a counter. We also require independent sitting first
    /// (no standing or walking task without sitting balance; trunk control precedes standing, TCT §2.2) and
    /// FAC ≥ 2, because §6.5 limits FAC ≤ 1 to a seated/supine programme plus assisted sit-to-stand.
    /// </summary>
    public bool StandWithSupport => IndependentSitting && _profile.StandingBalance >= StandingBalance.WithSupport && Fac >= 2;

    /// <summary>
    /// G-STAND-IND: FAC ≥ 4 AND standing balance independent AND no fall in the last 3 months AND neglect
    /// screen negative (§4 gates). The BBS threshold of the reference is not in the profile; standing
    /// balance "independent" stands in for it.
    /// </summary>
    public bool StandUnsupervised => StandWithSupport
        && _profile.StandingBalance == StandingBalance.Independent
        && Fac >= 4
        && !_profile.Flags.FallInLast3Months
        && !_profile.Flags.Hemineglect;

    /// <summary>True when the person has a walking aid (a wheelchair is not one).</summary>
    public bool HasWalkingAid => _profile.WalkingAid is not (WalkingAid.None or WalkingAid.Wheelchair);

    /// <summary>
    /// G-WALK, supervised: standing with support, FAC ≥ 3 (walking with a stand-by person, §2.1 and catalogue
    /// W2) with the current aid, and FAC ≥ 4 when there is no aid (§6.5: walking without an aid needs
    /// independent level-ground walking). FAC ≤ 1 never walks (§6.5).
    /// </summary>
    public bool Walk => StandWithSupport && Fac >= 3 && (HasWalkingAid || Fac >= 4);

    /// <summary>
    /// §6.5 "walking_allowed_unsupervised": clinician clearance recorded, FAC ≥ 4, neglect and visual-field
    /// screens negative, no fall (the profile only knows "last 3 months", stricter than 4 weeks), standing
    /// balance independent. Orthostatic hypotension keeps walking supervised because today's orthostatic
    /// check cannot be known in advance.
    /// </summary>
    public bool WalkUnsupervised => Walk
        && Fac >= 4
        && _profile.ClinicianClearance
        && _profile.StandingBalance == StandingBalance.Independent
        && !_profile.Flags.Hemineglect
        && !_profile.Flags.VisualFieldLoss
        && !_profile.Flags.FallInLast3Months
        && !_profile.Flags.OrthostaticHypotension;

    /// <summary>Whether one catalogue prerequisite holds for this profile.</summary>
    public bool Holds(Prerequisite prerequisite) => prerequisite switch
    {
        Prerequisite.IndependentSitting => IndependentSitting,
        Prerequisite.SupportedSitting => SupportedSitting,
        Prerequisite.StandingWithSupport => StandWithSupport,
        Prerequisite.IndependentStanding => StandUnsupervised,
        Prerequisite.Walking => Walk,
        // The profile does not record bed transfers; lying work is offered, and a helper is required
        // whenever sitting balance is not independent (see ProgramGenerator helper rules).
        Prerequisite.BedAccess => true,
        Prerequisite.StepWithRail => _profile.HasStepWithRail,
        Prerequisite.ClinicianClearance => _profile.ClinicianClearance,
        _ => false,
    };

    /// <summary>Plain-language reason a prerequisite fails, for the "excluded" list.</summary>
    public static string Describe(Prerequisite prerequisite) => prerequisite switch
    {
        Prerequisite.IndependentSitting => "needs independent sitting balance (gate G-SIT)",
        Prerequisite.SupportedSitting => "needs at least sitting with hand support",
        Prerequisite.StandingWithSupport => "needs independent sitting, standing with support (gate G-STAND-SUP) and FAC ≥ 2 (§6.5)",
        Prerequisite.IndependentStanding => "needs FAC ≥ 4, independent standing, no fall in 3 months and no neglect (gate G-STAND-IND)",
        Prerequisite.Walking => "needs standing with support and FAC ≥ 3 with a walking aid, or FAC ≥ 4 without one (gate G-WALK)",
        Prerequisite.BedAccess => "needs safe access to a firm bed",
        Prerequisite.StepWithRail => "needs a step or stairs with a hand rail at home",
        Prerequisite.ClinicianClearance => "needs clinician clearance for higher-intensity work (§3.5)",
        _ => "needs " + prerequisite,
    };
}
