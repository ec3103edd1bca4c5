using Ambulo.Domain.Exercises;
using Ambulo.Domain.Motivation;
using Ambulo.Domain.Programs;
using Ambulo.Domain.Tests.Patients;
using Ambulo.Domain.Tests.Programs;
using CsCheck;

namespace Ambulo.Domain.Tests.Motivation;

public class PointsTests
{
    [Fact]
    public void ForRepetition_FullRange_EarnsMore() =>
        Points.ForRepetition(fullRange: true).ShouldBeGreaterThan(Points.ForRepetition(fullRange: false));

    [Fact]
    public void ForSession_MixedRange_SumsRepsAndBonus()
    {
        var rules = new PointsRules { PerRepetition = 10, FullRangeBonus = 5 };
        var session = new ExerciseSessionScore { Date = new(2026, 1, 5), ExerciseId = "a", Repetitions = 12, FullRangeRepetitions = 4 };

        Points.ForSession(session, rules).ShouldBe((12 * 10) + (4 * 5));
    }

    [Fact]
    public void ForSession_InconsistentCounts_Clamped()
    {
        var session = new ExerciseSessionScore { Date = new(2026, 1, 5), ExerciseId = "a", Repetitions = 3, FullRangeRepetitions = 9 };

        Points.ForSession(session).ShouldBe(Points.ForSession(session with { FullRangeRepetitions = 3 }));
        Points.ForSession(session with { Repetitions = -4, FullRangeRepetitions = -1 }).ShouldBe(0);
    }

    [Fact]
    public void ForSession_MoreRepsOrMoreFullRange_NeverFewerPoints()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, 200], Gen.Int[0, 20]).Sample((reps, full, extra) =>
        {
            var s = new ExerciseSessionScore { Date = new(2026, 1, 5), ExerciseId = "a", Repetitions = reps, FullRangeRepetitions = Math.Min(full, reps) };
            Points.ForSession(s with { Repetitions = reps + extra }).ShouldBeGreaterThanOrEqualTo(Points.ForSession(s));
            Points.ForSession(s with { Repetitions = reps + extra, FullRangeRepetitions = s.FullRangeRepetitions + extra })
                .ShouldBeGreaterThanOrEqualTo(Points.ForSession(s with { Repetitions = reps + extra }));
        }, iter: 1_000);
    }

    [Fact]
    public void DailyGoalFor_Program_IsEightyPercentOfPrescribedReps()
    {
        var program = ProgramGenerator.Generate(ProfileGen.CommunityWalker(), FixtureCatalogue.All);
        var prescribed = program.Items.Sum(i => i.Sets * i.Reps) * PointsRules.Default.PerRepetition;

        Points.DailyGoalFor(program).ShouldBe((int)Math.Round(prescribed * 0.8));
    }
}

public class PersonalBestsTests
{
    private static ExerciseSessionScore S(int day, int reps, double? rom = null) =>
        new() { Date = new DateOnly(2026, 2, 1).AddDays(day), ExerciseId = "seated-marching", Repetitions = reps, FullRangeRepetitions = 0, BestRangeOfMotionDegrees = rom };

    [Fact]
    public void Record_MoreReps_NewRecordAndDate()
    {
        var first = PersonalBests.Record(new Dictionary<string, PersonalBest>(), S(0, 10, 20));
        var second = PersonalBests.Record(first.Bests, S(1, 12, 18));

        second.NewMostRepetitions.ShouldBeTrue();
        second.NewBestRange.ShouldBeFalse();
        second.Bests["seated-marching"].ShouldBe(new PersonalBest("seated-marching", 12, 20, new DateOnly(2026, 2, 2)));
        first.Bests["seated-marching"].MostRepetitions.ShouldBe(10);
    }

    [Fact]
    public void Record_NaNRange_Ignored()
    {
        var first = PersonalBests.Record(new Dictionary<string, PersonalBest>(), S(0, 10, 20));

        var update = PersonalBests.Record(first.Bests, S(1, 5, double.NaN));

        update.NewBestRange.ShouldBeFalse();
        update.Bests["seated-marching"].BestRangeOfMotionDegrees.ShouldBe(20);
    }

    [Fact]
    public void From_AnyHistory_BestIsTheMaximum()
    {
        Gen.Select(Gen.Int[0, 60], Gen.Int[0, 30], Gen.Double[0, 120]).Array[1, 20].Sample(rows =>
        {
            var history = rows.Select(r => S(r.Item2, r.Item1, r.Item3)).ToArray();
            var best = PersonalBests.From(history)["seated-marching"];
            best.MostRepetitions.ShouldBe(history.Max(h => h.Repetitions));
            best.BestRangeOfMotionDegrees.ShouldBe(history.Max(h => h.BestRangeOfMotionDegrees));
        }, iter: 1_000);
    }
}

public class LevelsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(-50, 1)]
    [InlineData(1_499, 1)]
    [InlineData(1_500, 2)]
    [InlineData(79_999, 9)]
    [InlineData(1_000_000, 10)]
    public void For_Points_Level(int points, int level) => Levels.For(points).Number.ShouldBe(level);

    [Fact]
    public void For_AnyPoints_WithinItsBand()
    {
        Gen.Int[0, 200_000].Sample(points =>
        {
            var level = Levels.For(points);
            points.ShouldBeGreaterThanOrEqualTo(level.FromPoints);
            if (level.NextLevelAtPoints is { } next)
            {
                points.ShouldBeLessThan(next);
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Unlocked_HighLevelButEarlyHemiplegia_NoStandingOrWalking()
    {
        var unlocked = Levels.Unlocked(10, ProfileGen.HemiplegiaEarly(), FixtureCatalogue.All);

        unlocked.ShouldNotBeEmpty();
        unlocked.ShouldAllBe(e => e.Position == StartingPosition.Lying || e.Position == StartingPosition.Seated);
    }

    [Fact]
    public void Unlocked_LevelOneCommunityWalker_NoStandingYet()
    {
        var unlocked = Levels.Unlocked(1, ProfileGen.CommunityWalker(), FixtureCatalogue.All);

        unlocked.ShouldNotContain(e => e.Position == StartingPosition.Standing || e.Position == StartingPosition.Walking);
        Levels.Unlocked(3, ProfileGen.CommunityWalker(), FixtureCatalogue.All).ShouldContain(e => e.Position == StartingPosition.Walking);
    }

    public static TheoryData<string> Catalogues => new(TestCatalogues.Names);

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Unlocked_AnyProfileAndLevel_OnlyExercisesWhoseRulesHold(string catalogue)
    {
        var exercises = TestCatalogues.Get(catalogue);
        Gen.Select(ProfileGen.Profile, Gen.Int[1, 10]).Sample((profile, level) =>
        {
            var gates = new SafetyGates(profile);
            foreach (var exercise in Levels.Unlocked(level, profile, exercises))
            {
                Levels.UnlockLevel(exercise).ShouldBeLessThanOrEqualTo(level);
                exercise.Prerequisites.Where(p => !gates.Holds(p)).ShouldBeEmpty(exercise.Id);
                ProgramGenerator.Assess(exercise, profile).IsAllowed.ShouldBeTrue();
            }
        }, iter: 1_000);
    }
}

public class StreaksTests
{
    private static readonly DateOnly Today = new(2026, 5, 10);

    [Fact]
    public void Evaluate_ThreeDaysInARowIncludingToday_StreakThree()
    {
        var points = new Dictionary<DateOnly, int> { [Today] = 300, [Today.AddDays(-1)] = 250, [Today.AddDays(-2)] = 200, [Today.AddDays(-4)] = 500 };

        var status = Streaks.Evaluate(points, dailyGoal: 200, Today);

        status.GoalMetToday.ShouldBeTrue();
        status.CurrentStreakDays.ShouldBe(3);
        status.LongestStreakDays.ShouldBe(3);
    }

    [Fact]
    public void Evaluate_TodayNotYetMet_StreakFromYesterdaySurvives()
    {
        var points = new Dictionary<DateOnly, int> { [Today] = 50, [Today.AddDays(-1)] = 250, [Today.AddDays(-2)] = 200 };

        var status = Streaks.Evaluate(points, dailyGoal: 200, Today);

        status.GoalMetToday.ShouldBeFalse();
        status.PointsToday.ShouldBe(50);
        status.CurrentStreakDays.ShouldBe(2);
    }

    [Fact]
    public void Evaluate_MissedYesterday_StreakBroken()
    {
        var points = new Dictionary<DateOnly, int> { [Today.AddDays(-2)] = 500, [Today.AddDays(-3)] = 500 };

        var status = Streaks.Evaluate(points, dailyGoal: 200, Today);

        status.CurrentStreakDays.ShouldBe(0);
        status.LongestStreakDays.ShouldBe(2);
    }

    [Fact]
    public void Evaluate_FutureDays_Ignored()
    {
        var points = new Dictionary<DateOnly, int> { [Today.AddDays(1)] = 500, [Today.AddDays(2)] = 500 };

        Streaks.Evaluate(points, dailyGoal: 200, Today).LongestStreakDays.ShouldBe(0);
    }

    [Fact]
    public void Evaluate_ZeroGoal_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Streaks.Evaluate(new Dictionary<DateOnly, int>(), 0, Today));

    [Fact]
    public void Evaluate_AnyHistory_CurrentNeverAboveLongestAndMatchesCountBack()
    {
        Gen.Select(Gen.Int[0, 30], Gen.Int[0, 400]).Array[0, 40].Sample(rows =>
        {
            var points = new Dictionary<DateOnly, int>();
            foreach (var (daysAgo, p) in rows)
            {
                points[Today.AddDays(-daysAgo)] = p;
            }

            var status = Streaks.Evaluate(points, 200, Today);
            status.CurrentStreakDays.ShouldBeLessThanOrEqualTo(status.LongestStreakDays);
            var start = status.GoalMetToday ? Today : Today.AddDays(-1);
            for (var i = 0; i < status.CurrentStreakDays; i++)
            {
                points[start.AddDays(-i)].ShouldBeGreaterThanOrEqualTo(200);
            }

            (points.TryGetValue(start.AddDays(-status.CurrentStreakDays), out var before) && before >= 200).ShouldBeFalse();
        }, iter: 1_000);
    }
}
