using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;

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
    bool HelperRequired,
    IReadOnlyList<string> Instructions,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Turns a patient's stored profile into today's plan with the domain's <see cref="ProgramGenerator"/>
/// and the exercise catalogue; this class only maps the result to rows the web stores.
/// </summary>
internal sealed class DailyProgramPlanner(ExerciseCatalogue catalogue)
{
    public const string Name = "Ambulo.Domain.ProgramGenerator";

    public IReadOnlyList<PlannedExerciseDraft> Plan(string profileJson)
    {
        ArgumentNullException.ThrowIfNull(profileJson);
        var read = AbilityProfileJson.Read(profileJson);
        if (!read.IsValid)
        {
            throw new InvalidOperationException("The stored ability profile is not valid: " + string.Join("; ", read.Errors));
        }

        var program = ProgramGenerator.Generate(read.Profile!, catalogue.All);
        return program.Items.Select(item => Map(item, catalogue.Get(item.ExerciseId))).ToArray();
    }

    private static PlannedExerciseDraft Map(ProgramItem item, Exercise exercise)
    {
        var steps = exercise.Modes.TryGetValue(item.Mode, out var mode) ? mode.Steps : exercise.Modes.Values.First().Steps;
        // The target for one repetition is the low end of the typical excursion: reachable, and more is welcome.
        var target = exercise.Sensor.ExpectedExcursionMinDegrees ?? exercise.Movement.TypicalRangeMinDegrees;
        return new PlannedExerciseDraft(
            exercise.Id,
            exercise.Name,
            item.Mode.ToString(),
            item.Sets,
            item.Reps,
            exercise.DefaultDose.TempoSeconds,
            exercise.DefaultDose.RestBetweenSetsSeconds,
            target,
            item.HelperRequired,
            steps,
            item.Warnings);
    }
}
