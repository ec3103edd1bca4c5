using Ambulo.Web.Data;

namespace Ambulo.Web.Features.Home;

/// <summary>One exercise of a day's plan, as the planner hands it to storage.</summary>
internal sealed record PlannedExerciseDraft(
    string ExerciseId,
    string Name,
    string Mode,
    int Sets,
    int RepetitionsPerSet,
    double TempoSeconds,
    double RestBetweenSetsSeconds,
    double? TargetRangeOfMotionDegrees,
    IReadOnlyList<string> Instructions);

/// <summary>
/// Turns a patient's profile into today's plan. STAND-IN until the domain's program generator
/// (src/Ambulo.Domain/Programs) lands on main: then this class only maps the generator's result to
/// <see cref="PlannedExerciseDraft"/> rows. It deliberately holds no clinical logic of its own.
/// </summary>
internal sealed class DailyProgramPlanner
{
    public const string Name = "ambulo-web-demo-plan/0";

    public IReadOnlyList<PlannedExerciseDraft> Plan(string profileJson)
    {
        ArgumentNullException.ThrowIfNull(profileJson);
        _ = this; // The generator will be injected here; the stand-in has no state yet.
        return
        [
            new("seated-marching", "Seated marching", "Active", 2, 10, 3, 60, 20,
                ["Sit upright with both feet flat on the floor.", "Rest your hands on your thighs or the armrests.",
                 "Lift your weaker knee up toward the ceiling.", "Lower the foot slowly back to the floor."]),
            new("ankle-dorsiflexion", "Ankle lifts", "ActiveAssisted", 2, 10, 3, 60, 15,
                ["Sit upright with both feet flat on the floor.", "Lift the toes of your weaker foot, keep the heel down.",
                 "Lower the toes slowly."]),
            new("leg-rotation", "Knee rocking", "Active", 1, 10, 3, 60, 20,
                ["Lie on your back with your knees bent.", "Let both knees fall slowly to one side.", "Bring them back to the middle."]),
        ];
    }
}
