using System.Collections.Concurrent;
using System.Diagnostics;
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

/// <summary>
/// The trace source is process-wide and every test server numbers its sessions from 1, so a test server running at the
/// same time in another class could add its repetitions to this listener's. This collection runs alone, after the others.
/// </summary>
[CollectionDefinition(nameof(PipelineTelemetryTests), DisableParallelization = true)]
public sealed class PipelineTelemetryCollection;

/// <summary>The pipeline's trace, which the latency harness (bench/Ambulo.LatencyBenchmarks) times.</summary>
[Collection(nameof(PipelineTelemetryTests))]
public sealed class PipelineTelemetryTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new(settings: new Dictionary<string, string> { ["Ambulo:Replay:TimeScale"] = "0.05" });

    [Fact]
    public async Task Replay_ThreeRepetitions_OneTracePerRepetitionWithNumberAndStoredEvent()
    {
        var session = await _factory.StartSessionAsync();
        var plan = new TrackingPlans(ExerciseCatalogue.Default).For(session.Exercise!.ExerciseId);
        var simulated = RepetitionSimulator.Simulate(plan.Simulation with { Repetitions = 3, Seed = 5 });
        var traces = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(PipelineTelemetry.SessionIdTag) is int id && id == session.SessionId)
                {
                    traces.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(RecordingCsv.Format(simulated.Recording)));

        var started = await _factory.Services.GetRequiredService<ReplayRunner>().StartAsync(session.SessionId, file, CancellationToken.None);

        started.Started.ShouldBeTrue(started.Message);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (traces.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var numbers = traces.Select(a => a.GetTagItem(PipelineTelemetry.NumberInSetTag)).ToArray();
        numbers.ShouldBe(new object?[] { 1, 2, 3 });
        traces.ShouldAllBe(a => a.Events.Any(e => e.Name == SessionEngine.StoredEvent));
    }

    public void Dispose() => _factory.Dispose();
}
