using Ambulo.Web.Data;

namespace Ambulo.Web.Features.Session;

/// <summary>The exercise being done, as the exercise screen shows it.</summary>
internal sealed record ExerciseView(
    int PlannedExerciseId,
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
    IReadOnlyList<string> Warnings,
    string? LevelUp = null,
    string? EasierToday = null)
{
    /// <param name="p">The planned exercise.</param>
    /// <param name="previous">The same exercise as planned on the last earlier day, if any (for the "level up" or "easier today" line).</param>
    public static ExerciseView From(PlannedExercise p, PlannedExercise? previous = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var levelUp = previous is null ? null
            : Session.LevelUp.Describe(previous.Mode, previous.Sets, previous.RepetitionsPerSet, p.Mode, p.Sets, p.RepetitionsPerSet);
        var easier = previous is null ? null
            : Session.LevelUp.DescribeEasier(previous.Mode, previous.Sets, previous.RepetitionsPerSet, p.Mode, p.Sets, p.RepetitionsPerSet);
        return new(p.Id, p.ExerciseId, p.Name, p.Mode, p.Sets, p.RepetitionsPerSet, p.TempoSeconds,
            p.RestBetweenSetsSeconds, p.TargetRangeOfMotionDegrees, p.HelperRequired,
            Lines(p.Instructions), Lines(p.Warnings), levelUp, easier);
    }
}

/// <summary>Everything the session screen needs, read from storage in one go.</summary>
internal sealed record SessionView(
    int SessionId,
    SessionStatus Status,
    SessionPhase Phase,
    ExerciseView? Exercise,
    int ExerciseNumber,
    int ExerciseCount,
    int CurrentSet,
    int RepetitionsInSet,
    DateTime? RestEndsUtc,
    int SessionPoints,
    int TotalPoints,
    int Level,
    double? LastRangeOfMotionDegrees,
    string? SensorSource)
{
    public bool IsOver => Status != SessionStatus.InProgress;
}

/// <summary>What happened to one repetition offered to the session.</summary>
internal sealed record RepetitionOutcome(
    bool Counted,
    string? NotCountedReason,
    int Number,
    int PointsEarned,
    bool SetComplete,
    bool PersonalBest,
    bool LevelUp,
    int Level)
{
    public static RepetitionOutcome Refused(string reason) => new(false, reason, 0, 0, false, false, false, 0);
}

/// <summary>Mode wording a patient understands.</summary>
internal static class ModeWording
{
    public static string For(string mode) => mode switch
    {
        "Passive" => "with your helper",
        "ActiveAssisted" => "with a little help",
        "Active" => "on your own",
        "Resisted" => "with ankle weight",
        _ => "on your own",
    };
}
