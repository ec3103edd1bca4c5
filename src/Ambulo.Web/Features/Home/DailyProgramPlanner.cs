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
/// and the exercise catalogue, then moves each exercise on from its last prescription with the domain's
/// <see cref="Progression"/> rules and the stored history (efforts, repetitions done, pain). This class
/// only maps the results to rows the web stores.
/// </summary>
internal sealed class DailyProgramPlanner(ExerciseCatalogue catalogue)
{
    public const string Name = "Ambulo.Domain.ProgramGenerator+Progression";

    public IReadOnlyList<PlannedExerciseDraft> Plan(string profileJson) => Plan(profileJson, []);

    /// <param name="profileJson">The patient's ability profile.</param>
    /// <param name="history">Earlier days' prescriptions and outcomes, oldest first (see <see cref="ProgressionHistory"/>).</param>
    public IReadOnlyList<PlannedExerciseDraft> Plan(string profileJson, IReadOnlyList<PastExercise> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(profileJson);
        var read = AbilityProfileJson.Read(profileJson);
        if (!read.IsValid)
        {
            throw new InvalidOperationException("The stored ability profile is not valid: " + string.Join("; ", read.Errors));
        }

        var program = ProgramGenerator.Generate(read.Profile!, catalogue.All);
        var choices = program.Items.Select(item => Progress(item, catalogue.Get(item.ExerciseId), history)).ToArray();
        // Progression may add repetitions or sets; the day must still fit the minutes the person has.
        var fitted = ProgressionBudget.Fit(choices, read.Profile!.MinutesAvailablePerDay);
        return fitted.Items.Select(item => Map(item, catalogue.Get(item.ExerciseId))).ToArray();
    }

    /// <summary>
    /// Today's prescription of one exercise: the last one stored, moved at most one step by
    /// <see cref="Progression.Propose"/> (with the last one and the generator's kept as fall-backs for the time budget). With no history the generator's prescription stands. The mode
    /// the generator chooses today (from the current muscle grade and the safety caps, §3.7, §3.5) is the
    /// ceiling: progression never goes above it, and a lower grade brings the mode down to it.
    /// </summary>
    internal static DoseChoice Progress(ProgramItem item, Exercise exercise, IReadOnlyList<PastExercise> history)
    {
        var past = history.Where(h => string.Equals(h.ExerciseId, item.ExerciseId, StringComparison.Ordinal)).OrderBy(h => h.Day).ToList();
        if (past.Count == 0)
        {
            return new DoseChoice(item, item, item, exercise.DefaultDose);
        }

        var last = past[^1];
        var lastMode = Enum.TryParse<ExerciseMode>(last.Mode, out var parsed) ? parsed : item.Mode;
        var current = new Prescription(item.ExerciseId, lastMode > item.Mode ? item.Mode : lastMode, last.Sets, last.RepetitionsPerSet);
        var proposal = Progression.Propose(
            current,
            past.Select(p => p.ToSessionResult()).OfType<SessionResult>().ToList(),
            exercise.Modes.Keys.ToArray(),
            gradeCeiling: item.Mode);
        return new DoseChoice(WithPrescription(item, exercise, proposal.Next), WithPrescription(item, exercise, current), item, exercise.DefaultDose);
    }

    private static ProgramItem WithPrescription(ProgramItem item, Exercise exercise, Prescription prescription)
    {
        // An easier mode may need a helper where the generator's mode did not (passive work, helper steps).
        var helper = item.HelperRequired
            || prescription.Mode == ExerciseMode.Passive
            || (exercise.Modes.TryGetValue(prescription.Mode, out var steps) && steps.RequiresHelper);
        return item with
        {
            Mode = prescription.Mode,
            Sets = prescription.Sets,
            Reps = prescription.Reps,
            HelperRequired = helper,
            EstimatedSeconds = ProgramGenerator.EstimateSeconds(exercise.DefaultDose, prescription.Sets, prescription.Reps),
        };
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
