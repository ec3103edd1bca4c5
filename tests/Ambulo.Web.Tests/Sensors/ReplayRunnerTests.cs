using System.Net.Http.Json;
using System.Text;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Sensors;

public sealed class ReplayRunnerTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new(settings: new Dictionary<string, string> { ["Ambulo:Replay:TimeScale"] = "0.05" });

    [Fact]
    public async Task StartAsync_RecordingOfFourRepetitions_CountsFourIntoTheSession()
    {
        var session = await _factory.StartSessionAsync();
        var exercise = ExerciseCatalogue.Default.Get(session.Exercise!.ExerciseId);
        var plan = new TrackingPlans(ExerciseCatalogue.Default).For(exercise.Id);
        var simulated = RepetitionSimulator.Simulate(plan.Simulation with { Repetitions = 4, Seed = 11 });
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(RecordingCsv.Format(simulated.Recording)));
        var replay = _factory.Services.GetRequiredService<ReplayRunner>();

        var started = await replay.StartAsync(session.SessionId, file, CancellationToken.None);

        started.Started.ShouldBeTrue(started.Message);
        await using var db = _factory.CreateDb();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await db.Repetitions.CountAsync(r => r.SessionId == session.SessionId) < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var reps = await db.Repetitions.Where(r => r.SessionId == session.SessionId).ToListAsync();
        reps.Count.ShouldBe(4);
        reps.ShouldAllBe(r => r.Source == SensorSources.Replay && r.RangeOfMotionDegrees > 0);
    }

    [Theory]
    [InlineData("this is not a recording")]
    [InlineData("")]
    public async Task StartAsync_MalformedFile_RefusedWithReasonAndNothingCounted(string content)
    {
        var session = await _factory.StartSessionAsync();
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var replay = _factory.Services.GetRequiredService<ReplayRunner>();

        var started = await replay.StartAsync(session.SessionId, file, CancellationToken.None);

        started.Started.ShouldBeFalse();
        started.Message.ShouldStartWith("This file cannot be replayed");
        await using var db = _factory.CreateDb();
        (await db.Repetitions.CountAsync()).ShouldBe(0);
    }

    public void Dispose() => _factory.Dispose();
}
