using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;

namespace Ambulo.Domain.Motivation;

/// <summary>A level: its number (1 = start), the points it starts at and the points the next one starts at (null at the top).</summary>
public sealed record Level(int Number, int FromPoints, int? NextLevelAtPoints);

/// <summary>
/// Levels from total points, and exercises unlocked by level. An unlock never overrides safety: an
/// exercise is unlocked only when the level is reached AND the generator's own rules allow it for the
/// profile (prerequisites, position gates, FAC limit, a safe mode).
/// </summary>
public static class Levels
{
    /// <summary>Points at which each level starts (level 1 at 0). Roughly 2–3 weeks of daily goals per early level.</summary>
    public static IReadOnlyList<int> Thresholds { get; } = [0, 1_500, 4_000, 8_000, 14_000, 22_000, 32_000, 45_000, 60_000, 80_000];

    public static Level For(int totalPoints)
    {
        var points = Math.Max(0, totalPoints);
        var index = 0;
        while (index + 1 < Thresholds.Count && points >= Thresholds[index + 1])
        {
            index++;
        }

        return new Level(index + 1, Thresholds[index], index + 1 < Thresholds.Count ? Thresholds[index + 1] : null);
    }

    /// <summary>
    /// Level at which an exercise unlocks: lying and seated work from level 1, standing from 2, walking practice
    /// from 3, and work that needs clinician clearance from 4 (more demanding positions come later).
    /// </summary>
    public static int UnlockLevel(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (exercise.Prerequisites.Contains(Prerequisite.ClinicianClearance))
        {
            return 4;
        }

        if (exercise.Position == StartingPosition.Walking || exercise.Category == ExerciseCategory.Walking)
        {
            return 3;
        }

        return exercise.Position == StartingPosition.Standing ? 2 : 1;
    }

    /// <summary>Exercises open to this person at this level: level reached AND allowed by the safety rules.</summary>
    public static IReadOnlyList<Exercise> Unlocked(int level, AbilityProfile profile, IEnumerable<Exercise> catalogue)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue
            .Where(e => UnlockLevel(e) <= level && ProgramGenerator.Assess(e, profile).IsAllowed)
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();
    }
}
