namespace Ambulo.Domain.Motivation;

/// <summary>Daily goal state for one day and the streak of days the goal was met.</summary>
public sealed record StreakStatus(int PointsToday, int DailyGoal, bool GoalMetToday, int CurrentStreakDays, int LongestStreakDays);

/// <summary>
/// One day as the streak sees it: the points earned against that day's own goal (the program, and so the
/// goal, changes from day to day). <paramref name="StoppedForSafety"/>: the person stopped that day because of
/// pain or dizziness; such a day keeps the streak, so that telling the truth never costs a reward.
/// </summary>
public sealed record DayScore(int Points, int DailyGoal, bool StoppedForSafety = false)
{
    public bool Kept => StoppedForSafety || (DailyGoal > 0 && Points >= DailyGoal);
}

/// <summary>
/// Daily goal and streak. Dates are passed in (the caller's calendar day for the person), never read from
/// a clock. Today's unfinished goal does not break the streak until the day is over.
/// </summary>
public static class Streaks
{
    /// <summary>Every day with the same goal (no day stopped for safety).</summary>
    public static StreakStatus Evaluate(IReadOnlyDictionary<DateOnly, int> pointsByDay, int dailyGoal, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pointsByDay);
        if (dailyGoal <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dailyGoal), dailyGoal, "the daily goal must be positive");
        }

        var days = pointsByDay.ToDictionary(d => d.Key, d => new DayScore(d.Value, dailyGoal));
        var status = Evaluate(days, today);
        return status with { DailyGoal = dailyGoal };
    }

    /// <summary>
    /// Each day against its own goal. A day counts when its goal was met or the person stopped for safety.
    /// Today's status reports today's goal (0 when today has no entry).
    /// </summary>
    public static StreakStatus Evaluate(IReadOnlyDictionary<DateOnly, DayScore> days, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(days);
        bool Kept(DateOnly day) => days.TryGetValue(day, out var d) && d.Kept;

        var todayScore = days.GetValueOrDefault(today);
        var keptToday = Kept(today);
        var current = 0;
        for (var day = keptToday ? today : today.AddDays(-1); Kept(day); day = day.AddDays(-1))
        {
            current++;
        }

        var longest = 0;
        var run = 0;
        DateOnly? previous = null;
        foreach (var day in days.Keys.Where(d => d <= today && Kept(d)).Order())
        {
            run = previous is { } p && p.AddDays(1) == day ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }

        return new StreakStatus(todayScore?.Points ?? 0, todayScore?.DailyGoal ?? 0, keptToday, current, longest);
    }
}
