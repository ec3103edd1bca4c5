using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Programs;

/// <summary>One exercise of today's program, with the dose and every reason and warning that shaped it.</summary>
public sealed record ProgramItem
{
    public required string ExerciseId { get; init; }
    public required ExerciseCategory Category { get; init; }
    public required StartingPosition Position { get; init; }
    public required ExerciseMode Mode { get; init; }
    public required int Sets { get; init; }
    /// <summary>Repetitions per set (for holds and walking bouts: holds or bouts per set).</summary>
    public required int Reps { get; init; }
    public required bool HelperRequired { get; init; }
    /// <summary>Why the exercise was chosen, its mode and dose (plain language with the reference section).</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
    /// <summary>Safety warnings to show before the exercise starts.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>Estimated time including rests and getting into position.</summary>
    public required int EstimatedSeconds { get; init; }

    /// <summary>Standing or walking work, or any walking practice: the tasks the standing and walking gates guard.</summary>
    public bool IsUpright => Position is StartingPosition.Standing or StartingPosition.Walking || Category == ExerciseCategory.Walking;

    /// <summary>Walking practice: the walking category or a task that starts walking.</summary>
    public bool IsWalkingPractice => Position == StartingPosition.Walking || Category == ExerciseCategory.Walking;
}

/// <summary>Outcome of <see cref="ProgramGenerator.Assess"/>: the item as it would be offered, or why it may not be.</summary>
public sealed record ExerciseAssessment(string ExerciseId, ProgramItem? Item, string? ReasonNotAllowed)
{
    public bool IsAllowed => Item is not null;
}

/// <summary>An exercise left out, and why (shown on request so a therapist can check the rules).</summary>
public sealed record ExcludedExercise(string ExerciseId, string Reason);

/// <summary>Today's program: the items in order, their total time, program-level notes and what was left out.</summary>
public sealed record DailyProgram
{
    public required IReadOnlyList<ProgramItem> Items { get; init; }
    /// <summary>Total estimated minutes, rounded up; never more than the profile's minutes per day.</summary>
    public required int TotalMinutes { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    public required IReadOnlyList<ExcludedExercise> Excluded { get; init; }
}

/// <summary>Tuning of the generator. The defaults carry their sources.</summary>
public sealed record ProgramOptions
{
    /// <summary>Billinger 2014 (§3.1): strength work of 8–10 exercises for the major muscle groups.</summary>
    public int MaxItems { get; init; } = 10;
    /// <summary>Time to get into position, read the steps and fit the sensor, per exercise (engineering estimate).</summary>
    public int SetupSecondsPerExercise { get; init; } = 60;
    /// <summary>Fatigue rating (0–10, §3.6) from which one set is dropped.</summary>
    public int ModerateFatigueFrom { get; init; } = 4;
    /// <summary>Fatigue rating from which every exercise is cut to one shorter set.</summary>
    public int HighFatigueFrom { get; init; } = 7;

    public static ProgramOptions Default { get; } = new();
}

/// <summary>The warning texts the generator adds; tests and the UI refer to them by these names.</summary>
public static class ProgramWarnings
{
    /// <summary>§6.1, §6.2, §6.5: neglect or visual-field loss → screening before any standing or walking task.</summary>
    public const string Screening =
        "Neglect or visual-field loss is flagged: before standing or walking, do the screening of clinical reference §6 " +
        "(cancellation test, visual-field check), clear the path on the affected side and have the helper stand on that side; " +
        "walk only supervised until the screens are negative (§6.5).";

    /// <summary>§6.3: orthostatic hypotension → dizziness check on standing.</summary>
    public const string DizzinessOnStanding =
        "Orthostatic hypotension is flagged: stand up slowly after a seated pause; if you feel dizzy, light-headed or your " +
        "vision blurs, sit down at once and switch to the seated exercises for today (§6.3).";

    /// <summary>§4 gate G-STAND-IND, §6.4: a recent fall blocks unsupervised standing.</summary>
    public const string RecentFall =
        "A fall in the last 3 months: stand only with a helper within arm's reach (gate G-STAND-IND, §6.4).";

    /// <summary>§3.4, §3.5: cardiac precautions.</summary>
    public const string Cardiac =
        "Cardiac precautions: keep the effort moderate (about 3–4 on the 0–10 scale, §3.4) and stop at once on chest pain, " +
        "palpitations, unusual breathlessness or dizziness (§3.5).";

    /// <summary>§4 "Always" line for standing work.</summary>
    public const string StandingSetup =
        "Set up first: a chair with armrests behind you, non-slip shoes, a clear floor and a counter or sturdy support in reach (§4).";

    /// <summary>Seated work without sitting balance yet.</summary>
    public const string SupportedSeated =
        "Supported sitting only: sit in a chair with a backrest and armrests, with the helper beside you (no independent sitting balance yet).";

    /// <summary>Helper needed because of a helper rule.</summary>
    public const string HelperPresent = "A helper must be present for the whole exercise.";
}
