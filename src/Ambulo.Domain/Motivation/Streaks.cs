namespace Ambulo.Domain.Motivation;

/// <summary>Daily goal state for one day and the streak of days the goal was met.</summary>
public sealed record StreakStatus(int PointsToday, int DailyGoal, bool GoalMetToday, int CurrentStreakDays, int LongestStreakDays);

/// <summary>
/// Daily goal and streak. Dates are passed in (the caller's calendar day for the person), never read from
/// a clock. Today's unfinished goal does not break the streak until the day is over.
/// </summary>
public static class Streaks
{
    public static StreakStatus Evaluate(IReadOnlyDictionary<DateOnly, int> pointsByDay, int dailyGoal, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(pointsByDay);
        if (dailyGoal <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dailyGoal), dailyGoal, "the daily goal must be positive");
        }

        bool Met(DateOnly day) => pointsByDay.TryGetValue(day, out var p) && p >= dailyGoal;

        var pointsToday = pointsByDay.GetValueOrDefault(today);
        var metToday = Met(today);
        var current = 0;
        for (var day = metToday ? today : today.AddDays(-1); Met(day); day = day.AddDays(-1))
        {
            current++;
        }

        var longest = 0;
        var run = 0;
        DateOnly? previous = null;
        foreach (var day in pointsByDay.Keys.Where(d => d <= today && Met(d)).Order())
        {
            run = previous is { } p && p.AddDays(1) == day ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }

        return new StreakStatus(pointsToday, dailyGoal, metToday, current, longest);
    }
}
