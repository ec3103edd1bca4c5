using Ambulo.Domain.Motivation;
using Ambulo.Web.Data;
using Ambulo.Web.Features.History;
using Ambulo.Web.Features.Home;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.History;

/// <summary>
/// The web's streak and personal bests follow the domain's rules (real SQLite): a day counts when its own
/// daily goal is met or the person stopped for pain or dizziness; personal bests are the domain's table.
/// </summary>
public sealed class MotivationRulesTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new();

    private async Task<(int PatientId, DateOnly Today, PlannedExercise First)> TodayAsync()
    {
        await using var db = _factory.CreateDb();
        var patientId = await db.Patients.Select(p => p.Id).FirstAsync();
        using var scope = _factory.Services.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<TodayProgram>();
        var program = await today.EnsureAsync(patientId, CancellationToken.None);
        return (patientId, today.Today, program.Exercises.OrderBy(e => e.Position).First());
    }

    /// <summary>An earlier program day with one exercise of <paramref name="reps"/>×1 planned and <paramref name="done"/> repetitions counted.</summary>
    private async Task StoreDayAsync(int patientId, DateOnly day, PlannedExercise like, int reps, int done, double? rom, SessionStatus status)
    {
        await using var db = _factory.CreateDb();
        var program = new DailyProgram { PatientId = patientId, Day = day, GeneratedBy = "test history" };
        var planned = new PlannedExercise
        {
            ExerciseId = like.ExerciseId, Name = like.Name, Mode = like.Mode, Sets = 1, RepetitionsPerSet = reps,
            TargetRangeOfMotionDegrees = like.TargetRangeOfMotionDegrees, Instructions = like.Instructions,
        };
        program.Exercises.Add(planned);
        db.DailyPrograms.Add(program);
        await db.SaveChangesAsync();
        var at = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var session = new ExerciseSession
        {
            PatientId = patientId, DailyProgramId = program.Id, StartedUtc = at, Status = status, Phase = SessionPhase.Finished, CurrentSet = 1,
            Points = done * Points.ForRepetition(fullRange: false),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        for (var i = 1; i <= done; i++)
        {
            db.Repetitions.Add(new CountedRepetition
            {
                SessionId = session.Id, PlannedExerciseId = planned.Id, ExerciseId = like.ExerciseId, SetNumber = 1, Number = i,
                CountedUtc = at.AddSeconds(i), RangeOfMotionDegrees = rom, Source = "puck", Points = Points.ForRepetition(fullRange: false),
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task<Progress> ProgressAsync(int patientId)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ProgressQuery>().ForPatientAsync(patientId, CancellationToken.None);
    }

    [Fact]
    public async Task Streak_DayWithARepetitionButGoalMissed_DoesNotCount()
    {
        var (patientId, today, first) = await TodayAsync();
        await StoreDayAsync(patientId, today.AddDays(-1), first, reps: 10, done: 1, rom: null, SessionStatus.Stopped);

        var progress = await ProgressAsync(patientId);

        progress.StreakDays.ShouldBe(0);
        progress.Streak.GoalMetToday.ShouldBeFalse();
        progress.Streak.DailyGoal.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Streak_GoalMetTwoDaysRunning_TwoDays()
    {
        var (patientId, today, first) = await TodayAsync();
        await StoreDayAsync(patientId, today.AddDays(-2), first, reps: 10, done: 10, rom: null, SessionStatus.Completed);
        await StoreDayAsync(patientId, today.AddDays(-1), first, reps: 10, done: 8, rom: null, SessionStatus.Completed); // 80 % is the goal

        (await ProgressAsync(patientId)).StreakDays.ShouldBe(2);
    }

    [Fact]
    public async Task Streak_DayStoppedForPainOrDizziness_KeepsTheStreak()
    {
        var (patientId, today, first) = await TodayAsync();
        await StoreDayAsync(patientId, today.AddDays(-2), first, reps: 10, done: 10, rom: null, SessionStatus.Completed);
        await StoreDayAsync(patientId, today.AddDays(-1), first, reps: 10, done: 2, rom: null, SessionStatus.EndedForSafety);

        (await ProgressAsync(patientId)).StreakDays.ShouldBe(2);
    }

    [Fact]
    public async Task PersonalBests_TwoDays_MostInADayAndLargestRangeFromTheDomainTable()
    {
        var (patientId, today, first) = await TodayAsync();
        await StoreDayAsync(patientId, today.AddDays(-2), first, reps: 10, done: 7, rom: 31.5, SessionStatus.Completed);
        await StoreDayAsync(patientId, today.AddDays(-1), first, reps: 10, done: 9, rom: 22.0, SessionStatus.Completed);

        var best = (await ProgressAsync(patientId)).PersonalBests.ShouldHaveSingleItem();

        best.ExerciseId.ShouldBe(first.ExerciseId);
        best.MostRepetitionsInADay.ShouldBe(9);
        best.LargestRangeOfMotionDegrees.ShouldBe(31.5);
    }

    [Fact]
    public async Task CountRepetition_BeatingYesterdaysCount_CelebratedOnceAtTheRecord()
    {
        var (patientId, today, first) = await TodayAsync();
        await StoreDayAsync(patientId, today.AddDays(-1), first, reps: 10, done: 2, rom: null, SessionStatus.Completed);
        var engine = _factory.Services.GetRequiredService<SessionEngine>();
        var sessionId = await engine.StartOrResumeAsync(patientId, CancellationToken.None);

        var outcomes = new List<RepetitionOutcome>();
        for (var i = 0; i < 4; i++)
        {
            outcomes.Add(await engine.CountRepetitionAsync(sessionId, "puck", null, CancellationToken.None));
        }

        outcomes.Select(o => o.PersonalBest).ShouldBe([false, false, true, false]);
    }

    [Fact]
    public async Task CountRepetition_FirstDayOfAnExercise_NeverCelebrated()
    {
        var (patientId, _, _) = await TodayAsync();
        var engine = _factory.Services.GetRequiredService<SessionEngine>();
        var sessionId = await engine.StartOrResumeAsync(patientId, CancellationToken.None);

        var outcome = await engine.CountRepetitionAsync(sessionId, "puck", 40, CancellationToken.None);

        outcome.PersonalBest.ShouldBeFalse();
    }

    public void Dispose() => _factory.Dispose();
}
