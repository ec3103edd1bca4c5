using System.Collections.Concurrent;
using Ambulo.Motion.Recordings;
using Ambulo.Web.Features.Session;

namespace Ambulo.Web.Features.Sensors;

/// <summary>Settings of recording replay (section <c>Ambulo:Replay</c>).</summary>
internal sealed class ReplayOptions
{
    /// <summary>Largest accepted recording file.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>1 replays at the recorded speed; tests use a small value to go fast.</summary>
    public double TimeScale { get; set; } = 1.0;
}

/// <summary>What happened to an uploaded recording.</summary>
internal sealed record ReplayStart(bool Started, string Message);

/// <summary>
/// Replays a recording file (Ambulo's recording CSV format) through the same <see cref="MotionPipeline"/>
/// as live sensors, at the recorded speed, for the session's current exercise.
/// </summary>
internal sealed class ReplayRunner(
    SessionEngine engine,
    TrackingPlans tracking,
    Microsoft.Extensions.Options.IOptions<ReplayOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ReplayRunner> logger)
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _running = new();

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Reads the recording (rejecting a malformed file with its reason) and starts replaying it.</summary>
    public async Task<ReplayStart> StartAsync(int sessionId, Stream file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        SensorRecording recording;
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            var read = RecordingCsv.Read(buffer);
            recording = read.Recording;
        }
        catch (RecordingFormatException ex)
        {
            return new ReplayStart(false, "This file cannot be replayed: " + ex.Message);
        }

        if (recording.Samples.Length < 2)
        {
            return new ReplayStart(false, "This file cannot be replayed: it holds no movement samples.");
        }

        var view = await engine.GetAsync(sessionId, cancellationToken);
        if (view?.Exercise is not { } exercise || view.IsOver)
        {
            return new ReplayStart(false, "There is no exercise to replay into right now.");
        }

        await engine.SetSensorSourceAsync(sessionId, SensorSources.Replay, cancellationToken);
        Stop(sessionId);
        var cts = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        _running[sessionId] = cts;
        var plan = tracking.For(exercise.ExerciseId);
        _ = Task.Run(async () =>
        {
            try
            {
                await MotionPipeline.StreamAsync(recording.Samples, recording.Metadata.SamplingRateHz, recording.Metadata.Channels,
                    plan.Detector, engine, sessionId, SensorSources.Replay, options.Value.TimeScale, cts.Token, stopAtSetEnd: false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
#pragma warning disable CA1031 // A bad recording must never take the server down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ReplayFailed(logger, sessionId, ex);
            }
        }, CancellationToken.None);
        return new ReplayStart(true, $"Replaying {recording.DurationSeconds:0} seconds of recording.");
    }

    public void Stop(int sessionId)
    {
        if (_running.TryRemove(sessionId, out var cts))
        {
            cts.Cancel();
            cts.Dispose();
        }
    }

    private static readonly Action<ILogger, int, Exception?> ReplayFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(2, "ReplayFailed"), "The replay of session {SessionId} stopped with an error");
}
