using Ambulo.Domain.Motivation;
using CsCheck;

namespace Ambulo.Domain.Tests.Motivation;

/// <summary>The streak with each day's own goal and the safety rule (a day stopped for pain or dizziness keeps it).</summary>
public class StreakDayScoreTests
{
    private static readonly DateOnly Today = new(2026, 5, 10);

    [Fact]
    public void Evaluate_EachDayAgainstItsOwnGoal_CountsOnlyDaysMeetingTheirGoal()
    {
        var days = new Dictionary<DateOnly, DayScore>
        {
            [Today.AddDays(-1)] = new(Points: 150, DailyGoal: 120),
            [Today.AddDays(-2)] = new(Points: 150, DailyGoal: 200), // same points, a bigger program that day: not met
            [Today.AddDays(-3)] = new(Points: 90, DailyGoal: 80),
        };

        var status = Streaks.Evaluate(days, Today);

        status.CurrentStreakDays.ShouldBe(1);
        status.LongestStreakDays.ShouldBe(1);
    }

    [Fact]
    public void Evaluate_DayStoppedForPainOrDizziness_KeepsTheStreak()
    {
        var days = new Dictionary<DateOnly, DayScore>
        {
            [Today.AddDays(-1)] = new(Points: 30, DailyGoal: 400, StoppedForSafety: true),
            [Today.AddDays(-2)] = new(Points: 500, DailyGoal: 400),
        };

        Streaks.Evaluate(days, Today).CurrentStreakDays.ShouldBe(2);
    }

    [Fact]
    public void Evaluate_OneRepetitionDoesNotMakeADay()
    {
        var days = new Dictionary<DateOnly, DayScore> { [Today.AddDays(-1)] = new(Points: 10, DailyGoal: 400) };

        var status = Streaks.Evaluate(days, Today);

        status.CurrentStreakDays.ShouldBe(0);
        status.GoalMetToday.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_TodayReportsTodaysOwnPointsAndGoal()
    {
        var days = new Dictionary<DateOnly, DayScore> { [Today] = new(Points: 60, DailyGoal: 960) };

        var status = Streaks.Evaluate(days, Today);

        (status.PointsToday, status.DailyGoal, status.GoalMetToday).ShouldBe((60, 960, false));
    }

    [Fact]
    public void Evaluate_SameGoalEveryDay_AgreesWithTheSingleGoalForm()
    {
        Gen.Select(Gen.Int[0, 30], Gen.Int[0, 400]).Array[0, 40].Sample(rows =>
        {
            var points = new Dictionary<DateOnly, int>();
            foreach (var (daysAgo, p) in rows)
            {
                points[Today.AddDays(-daysAgo)] = p;
            }

            var single = Streaks.Evaluate(points, dailyGoal: 200, Today);
            var perDay = Streaks.Evaluate(points.ToDictionary(d => d.Key, d => new DayScore(d.Value, 200)), Today);

            (perDay.CurrentStreakDays, perDay.LongestStreakDays, perDay.GoalMetToday).ShouldBe((single.CurrentStreakDays, single.LongestStreakDays, single.GoalMetToday));
        });
    }
}
