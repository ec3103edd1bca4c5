using Ambulo.Domain.Programs;

namespace Ambulo.Domain.Motivation;

/// <summary>
/// Point values. Every counted repetition earns points, a full-range one earns more, so effort is rewarded
/// before quality (engineering choice for motivation, not a clinical rule).
/// </summary>
public sealed record PointsRules
{
    public int PerRepetition { get; init; } = 10;
    /// <summary>Extra points for a repetition that reached the target range of motion.</summary>
    public int FullRangeBonus { get; init; } = 5;

    public static PointsRules Default { get; } = new();
}

/// <summary>What one exercise session earns points for.</summary>
public sealed record ExerciseSessionScore
{
    public required DateOnly Date { get; init; }
    public required string ExerciseId { get; init; }
    /// <summary>All counted repetitions of the session (all sets).</summary>
    public required int Repetitions { get; init; }
    /// <summary>Of those, the ones that reached the target range of motion.</summary>
    public required int FullRangeRepetitions { get; init; }
    /// <summary>Largest range of motion reached in the session, when measured.</summary>
    public double? BestRangeOfMotionDegrees { get; init; }
}

public static class Points
{
    public static int ForRepetition(bool fullRange, PointsRules? rules = null)
    {
        rules ??= PointsRules.Default;
        return rules.PerRepetition + (fullRange ? rules.FullRangeBonus : 0);
    }

    /// <summary>Points of one session. Negative or inconsistent counts are clamped (full-range reps never exceed reps).</summary>
    public static int ForSession(ExerciseSessionScore session, PointsRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        rules ??= PointsRules.Default;
        var reps = Math.Max(0, session.Repetitions);
        var full = Math.Clamp(session.FullRangeRepetitions, 0, reps);
        return (reps * rules.PerRepetition) + (full * rules.FullRangeBonus);
    }

    /// <summary>
    /// A reachable daily goal for a program: the points of doing every prescribed repetition without the
    /// full-range bonus, times <paramref name="fraction"/> (default 80 %, so a tired day can still meet it).
    /// </summary>
    public static int DailyGoalFor(DailyProgram program, double fraction = 0.8, PointsRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        rules ??= PointsRules.Default;
        var all = program.Items.Sum(i => i.Sets * i.Reps) * rules.PerRepetition;
        return Math.Max(rules.PerRepetition, (int)Math.Round(all * Math.Clamp(fraction, 0.1, 1.0)));
    }
}
