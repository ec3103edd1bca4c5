using System.Collections.Concurrent;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Session;

namespace Ambulo.Web.Features.Sensors;

/// <summary>Settings of the built-in simulated sensor (section <c>Ambulo:Simulator</c>).</summary>
internal sealed class SimulatorOptions
{
    /// <summary>Multiplies the exercise's tempo: 1 is the prescribed pace; tests use a small value to go fast.</summary>
    public double TempoScale { get; set; } = 1.0;
}

/// <summary>
/// The simulated sensor: for the current exercise and set it synthesises a recording with
/// Ambulo.Motion's <see cref="RepetitionSimulator"/> (realistic noise, variable tempo) and streams it
/// through the same <see cref="MotionPipeline"/> as every other sensor. One loop per session.
/// </summary>
internal sealed class SimulatorRunner(
    SessionEngine engine,
    TrackingPlans tracking,
    Microsoft.Extensions.Options.IOptions<SimulatorOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<SimulatorRunner> logger)
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public bool IsRunning(int sessionId) => _running.ContainsKey(sessionId);

    /// <summary>Starts the simulator for a session (no effect when it already runs).</summary>
    public void Start(int sessionId)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        if (!_running.TryAdd(sessionId, cts))
        {
            cts.Dispose();
            return;
        }

        var token = cts.Token; // read now: a Stop before the loop starts disposes the source
        _ = Task.Run(() => RunAsync(sessionId, cts, token));
    }

    public void Stop(int sessionId)
    {
        if (_running.TryRemove(sessionId, out var cts))
        {
            cts.Cancel();
            cts.Dispose();
        }
    }

    private async Task RunAsync(int sessionId, CancellationTokenSource own, CancellationToken cancellationToken)
    {
        // Seeded per session: a rerun of the same session moves the same way.
        var random = new Random(sessionId);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var view = await engine.GetAsync(sessionId, cancellationToken);
                if (view is null || view.IsOver || view.SensorSource != SensorSources.Simulator)
                {
                    break;
                }

                if (view.Phase != SessionPhase.Exercising || view.Exercise is null)
                {
                    // Resting or rating: the simulated person waits.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    continue;
                }

                var exercise = view.Exercise;
                var plan = tracking.For(exercise.ExerciseId);
                if (!plan.IsCountable)
                {
                    // Holds and timed work have no movement to detect: the simulated person completes one per tempo.
                    var seconds = exercise.TempoSeconds * (0.8 + (0.5 * random.NextDouble())) * options.Value.TempoScale;
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, seconds)), cancellationToken);
                    await engine.CountRepetitionAsync(sessionId, SensorSources.Simulator, null, cancellationToken);
                    continue;
                }

                var remaining = Math.Max(1, exercise.RepetitionsPerSet - view.RepetitionsInSet);
                var simulated = RepetitionSimulator.Simulate(plan.Simulation with
                {
                    Repetitions = remaining,
                    Seed = random.Next(),
                    StillSeconds = 1,
                    TempoVariationFraction = 0.25,
                });
                var recording = simulated.Recording;
                await MotionPipeline.StreamAsync(recording.Samples, recording.Metadata.SamplingRateHz, recording.Metadata.Channels,
                    plan.Detector, engine, sessionId, SensorSources.Simulator, options.Value.TempoScale, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
#pragma warning disable CA1031 // The simulator must never take the server down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SimulatorFailed(logger, sessionId, ex);
        }
        finally
        {
            // Remove only this loop's own entry: after Stop and a quick Start (another sensor chosen, then
            // the simulator again) the entry belongs to the new loop, which must keep running and stay known.
            if (_running.TryRemove(new KeyValuePair<int, CancellationTokenSource>(sessionId, own)))
            {
                own.Dispose();
            }
        }
    }

    private static readonly Action<ILogger, int, Exception?> SimulatorFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(1, "SimulatorFailed"), "The simulator of session {SessionId} stopped with an error");
}
