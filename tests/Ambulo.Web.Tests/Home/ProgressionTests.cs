using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;
using ProgramGenerator = Ambulo.Domain.Programs.ProgramGenerator;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Home;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Home;

/// <summary>
/// Today's plan follows the domain's progression rules from the stored history (real SQLite): two good
/// days step the dose up and the exercise screen says "level up"; pain on the last day steps back.
/// </summary>
public sealed class ProgressionTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new(settings: new Dictionary<string, string> { ["Ambulo:SeedDemoPatient"] = "false" });

    private async Task<(int PatientId, DateOnly Today, PlannedExercise Generated)> NewPatientAsync()
    {
        await using var db = _factory.CreateDb();
        var patient = new Patient { DisplayName = "Sam", ProfileJson = DemoPatientSeeder.DemoProfileJson, CreatedUtc = DateTime.UtcNow };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        using var scope = _factory.Services.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<TodayProgram>();
        // What the generator alone plans for this profile (no history yet), then forget it: it was only a probe.
        var probe = await today.EnsureAsync(patient.Id, CancellationToken.None);
        var generated = probe.Exercises.OrderBy(p => p.Position).First();
        await using var clean = _factory.CreateDb();
        await clean.DailyPrograms.Where(p => p.Id == probe.Id).ExecuteDeleteAsync();
        return (patient.Id, today.Today, generated);
    }

    /// <summary>Stores one earlier day on which the exercise was done as prescribed and rated.</summary>
    private async Task StoreDayAsync(int patientId, DateOnly day, PlannedExercise like, int repetitionsPerSet, int effort, bool pain, double romFactor = 1.2)
    {
        await using var db = _factory.CreateDb();
        var program = new DailyProgram { PatientId = patientId, Day = day, GeneratedBy = "test history" };
        var planned = new PlannedExercise
        {
            ExerciseId = like.ExerciseId, Name = like.Name, Mode = like.Mode, Sets = like.Sets, RepetitionsPerSet = repetitionsPerSet,
            TempoSeconds = like.TempoSeconds, RestBetweenSetsSeconds = like.RestBetweenSetsSeconds,
            TargetRangeOfMotionDegrees = like.TargetRangeOfMotionDegrees, Instructions = like.Instructions,
        };
        program.Exercises.Add(planned);
        db.DailyPrograms.Add(program);
        await db.SaveChangesAsync();
        var at = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        var session = new ExerciseSession
        {
            PatientId = patientId, DailyProgramId = program.Id, StartedUtc = at, EndedUtc = at.AddMinutes(20),
            Status = pain ? SessionStatus.EndedForSafety : SessionStatus.Completed, Phase = SessionPhase.Finished, CurrentSet = like.Sets,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        for (var set = 1; set <= like.Sets; set++)
        {
            for (var number = 1; number <= repetitionsPerSet; number++)
            {
                db.Repetitions.Add(new CountedRepetition
                {
                    SessionId = session.Id, PlannedExerciseId = planned.Id, ExerciseId = like.ExerciseId, SetNumber = set, Number = number,
                    CountedUtc = at.AddSeconds((set * 100) + number), RangeOfMotionDegrees = (like.TargetRangeOfMotionDegrees ?? 20) * romFactor,
                    Source = "puck", Points = 10,
                });
            }
        }

        db.Ratings.Add(new ExerciseRating { SessionId = session.Id, PlannedExerciseId = planned.Id, Effort = effort, PainOrDizziness = pain, RatedUtc = at.AddMinutes(20) });
        await db.SaveChangesAsync();
    }

    private async Task<PlannedExercise> PlanTodayAsync(int patientId, string exerciseId)
    {
        using var scope = _factory.Services.CreateScope();
        var program = await scope.ServiceProvider.GetRequiredService<TodayProgram>().EnsureAsync(patientId, CancellationToken.None);
        return program.Exercises.Single(p => p.ExerciseId == exerciseId);
    }

    [Fact]
    public async Task EnsureAsync_TwoComfortableDaysAtTarget_StepsTheDoseUpOneStep()
    {
        var (patientId, today, generated) = await NewPatientAsync();
        await StoreDayAsync(patientId, today.AddDays(-2), generated, generated.RepetitionsPerSet, effort: 3, pain: false);
        await StoreDayAsync(patientId, today.AddDays(-1), generated, generated.RepetitionsPerSet, effort: 4, pain: false);

        var planned = await PlanTodayAsync(patientId, generated.ExerciseId);

        planned.Mode.ShouldBe(generated.Mode);
        var oneStepUp = (planned.Sets == generated.Sets && planned.RepetitionsPerSet == Math.Min(15, generated.RepetitionsPerSet + 2) && generated.RepetitionsPerSet < 15)
            || (generated.RepetitionsPerSet >= 15 && planned.Sets == generated.Sets + 1);
        oneStepUp.ShouldBeTrue($"from {generated.Sets} × {generated.RepetitionsPerSet} the plan went to {planned.Sets} × {planned.RepetitionsPerSet}");
    }

    [Fact]
    public async Task EnsureAsync_OneGoodDayOnly_KeepsTheDose()
    {
        var (patientId, today, generated) = await NewPatientAsync();
        await StoreDayAsync(patientId, today.AddDays(-1), generated, generated.RepetitionsPerSet, effort: 3, pain: false);

        var planned = await PlanTodayAsync(patientId, generated.ExerciseId);

        (planned.Mode, planned.Sets, planned.RepetitionsPerSet).ShouldBe((generated.Mode, generated.Sets, generated.RepetitionsPerSet));
    }

    [Fact]
    public async Task EnsureAsync_PainOnTheLastDay_StepsBackAndIsNotALevelUp()
    {
        var (patientId, today, generated) = await NewPatientAsync();
        await StoreDayAsync(patientId, today.AddDays(-2), generated, generated.RepetitionsPerSet, effort: 3, pain: false);
        await StoreDayAsync(patientId, today.AddDays(-1), generated, generated.RepetitionsPerSet, effort: 3, pain: true);

        var planned = await PlanTodayAsync(patientId, generated.ExerciseId);

        var easier = !string.Equals(planned.Mode, generated.Mode, StringComparison.Ordinal)
            || planned.RepetitionsPerSet < generated.RepetitionsPerSet
            || planned.Sets < generated.Sets;
        easier.ShouldBeTrue($"after pain the plan stayed at {planned.Mode} {planned.Sets} × {planned.RepetitionsPerSet}");
        LevelUp.Describe(generated.Mode, generated.Sets, generated.RepetitionsPerSet, planned.Mode, planned.Sets, planned.RepetitionsPerSet).ShouldBeNull();
    }

    [Fact]
    public async Task SessionView_ExerciseProgressedSinceLastTime_ShowsLevelUp()
    {
        var (patientId, today, generated) = await NewPatientAsync();
        await StoreDayAsync(patientId, today.AddDays(-2), generated, generated.RepetitionsPerSet, effort: 2, pain: false);
        await StoreDayAsync(patientId, today.AddDays(-1), generated, generated.RepetitionsPerSet, effort: 2, pain: false);
        var engine = _factory.Services.GetRequiredService<SessionEngine>();

        var sessionId = await engine.StartOrResumeAsync(patientId, CancellationToken.None);
        var view = await engine.GetAsync(sessionId, CancellationToken.None);

        view!.Exercise!.ExerciseId.ShouldBe(generated.ExerciseId);
        view.Exercise.LevelUp.ShouldNotBeNull().ShouldStartWith("Level up!");
    }

    [Fact]
    public async Task SessionView_PainLastTime_SaysEasierTodayAndNoLevelUp()
    {
        var (patientId, today, generated) = await NewPatientAsync();
        await StoreDayAsync(patientId, today.AddDays(-1), generated, generated.RepetitionsPerSet, effort: 3, pain: true);
        var engine = _factory.Services.GetRequiredService<SessionEngine>();

        var view = await engine.GetAsync(await engine.StartOrResumeAsync(patientId, CancellationToken.None), CancellationToken.None);

        view!.Exercise!.ExerciseId.ShouldBe(generated.ExerciseId);
        view.Exercise.EasierToday.ShouldNotBeNull().ShouldStartWith("Easier today:");
        view.Exercise.LevelUp.ShouldBeNull();
    }

    [Fact]
    public async Task EnsureAsync_EveryExerciseReadyToProgress_TheDayStillFitsTheMinutesAvailable()
    {
        var (patientId, today, _) = await NewPatientAsync();
        using var scope = _factory.Services.CreateScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<ExerciseCatalogue>();
        var planner = scope.ServiceProvider.GetRequiredService<DailyProgramPlanner>();
        var minutes = AbilityProfileJson.Read(DemoPatientSeeder.DemoProfileJson).Profile!.MinutesAvailablePerDay;
        // Two comfortable days at target for every exercise of the plan: each one wants to step up.
        var plan = planner.Plan(DemoPatientSeeder.DemoProfileJson);
        var history = plan.SelectMany(p => new[] { today.AddDays(-2), today.AddDays(-1) }.Select(day =>
                new PastExercise(day, p.ExerciseId, p.Mode, p.Sets, p.RepetitionsPerSet, p.TargetRangeOfMotionDegrees,
                    p.Sets * p.RepetitionsPerSet, (p.TargetRangeOfMotionDegrees ?? 20) * 1.2, Rated: true, Effort: 2, PainOrDizziness: false)))
            .ToArray();

        var progressed = planner.Plan(DemoPatientSeeder.DemoProfileJson, history);

        var seconds = progressed.Sum(p => ProgramGenerator.EstimateSeconds(catalogue.Get(p.ExerciseId).DefaultDose, p.Sets, p.RepetitionsPerSet));
        seconds.ShouldBeLessThanOrEqualTo(minutes * 60);
        progressed.Zip(plan).Any(x => x.First.RepetitionsPerSet > x.Second.RepetitionsPerSet || x.First.Sets > x.Second.Sets)
            .ShouldBeTrue("at least one exercise should still step up within the budget");
    }

    [Fact]
    public async Task SessionView_FirstDay_NoLevelUp()
    {
        var (patientId, _, _) = await NewPatientAsync();
        var engine = _factory.Services.GetRequiredService<SessionEngine>();

        var view = await engine.GetAsync(await engine.StartOrResumeAsync(patientId, CancellationToken.None), CancellationToken.None);

        view!.Exercise!.LevelUp.ShouldBeNull();
    }

    public void Dispose() => _factory.Dispose();
}
