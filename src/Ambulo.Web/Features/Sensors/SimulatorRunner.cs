using System.Collections.Concurrent;
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
/// The simulated sensor: performs the current exercise at a variable tempo, one server-side loop per
/// session, and hands each repetition to the session like any other source.
/// STAND-IN: until Ambulo.Tracking (catalogue signature → detector and simulator options) lands on
/// main, it produces repetitions with a range of motion directly instead of raw samples through the
/// motion detector.
/// </summary>
internal sealed class SimulatorRunner(
    SessionEngine engine,
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

        _ = Task.Run(() => RunAsync(sessionId, cts.Token));
    }

    public void Stop(int sessionId)
    {
        if (_running.TryRemove(sessionId, out var cts))
        {
            cts.Cancel();
            cts.Dispose();
        }
    }

    private async Task RunAsync(int sessionId, CancellationToken cancellationToken)
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

                // Variable tempo: each repetition takes 80–130 % of the prescribed time.
                var seconds = view.Exercise.TempoSeconds * (0.8 + (0.5 * random.NextDouble())) * options.Value.TempoScale;
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(0.05, seconds)), cancellationToken);
                double? rom = view.Exercise.TargetRangeOfMotionDegrees is { } target
                    ? Math.Round(target * (0.9 + (0.4 * random.NextDouble())), 1)
                    : null;
                await engine.CountRepetitionAsync(sessionId, SensorSources.Simulator, rom, cancellationToken);
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
            if (_running.TryRemove(sessionId, out var cts))
            {
                cts.Dispose();
            }
        }
    }

    private static readonly Action<ILogger, int, Exception?> SimulatorFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(1, "SimulatorFailed"), "The simulator of session {SessionId} stopped with an error");
}
