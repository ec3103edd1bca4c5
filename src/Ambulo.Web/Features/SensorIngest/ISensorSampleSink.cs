using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// One batch of phone samples, as it arrived in one frame.
/// </summary>
/// <param name="Samples">
/// Decoded samples in time order. <see cref="ImuSample.TimeSeconds"/> is on the session's own time
/// line: it starts at the first sample of the first stream and keeps growing across phone reloads and
/// reconnections, so a detector never sees time go backwards.
/// </param>
/// <param name="StreamRestarted">
/// True on the first batch of a new phone stream (the first ever, or after the page was reloaded).
/// An online detector may want to <c>Reset()</c> here: the phone may have been strapped on again.
/// </param>
/// <param name="LostFramesBefore">Frames known to be missing just before this batch (a sequence gap).</param>
/// <param name="Channels">
/// What the samples carry (from the frame header): a phone without a gyroscope sends the accelerometer
/// only, and its samples' angular velocity is then zero, not measured.
/// </param>
/// <param name="SamplingRateHz">
/// The stream's sampling rate as measured from its timestamps so far (<see cref="SamplingRateEstimator"/>),
/// including this batch; null until enough samples of the current stream arrived (about one second) —
/// so always null on the first batches of a new stream. A detector built for a rate waits for it.
/// </param>
/// <param name="StreamId">The phone stream the samples came from (the frames' stream id).</param>
/// <param name="StreamOffsetSeconds">
/// What was added to the phone's own times (seconds since its stream started) to make the samples' session
/// times, which keep running across reloads of the phone page: phone time = sample time − this.
/// </param>
public sealed record SensorBatch(ImuSample[] Samples, bool StreamRestarted, long LostFramesBefore, SensorChannels Channels, double? SamplingRateHz = null, uint StreamId = 0, double StreamOffsetSeconds = 0)
{
    /// <summary>An attached sink took this batch, so dropping it from the buffer loses nothing.</summary>
    internal bool TakenBySink { get; init; }
}

/// <summary>
/// Something that consumes a session's samples as they are decoded, on the receiving connection's
/// thread, before the batch is queued on <see cref="SensorSession.Batches"/>. Keep it quick (an online
/// detector's <c>Push</c> is); anything slow belongs on the channel reader instead. An exception
/// thrown here detaches the sink; the connection goes on.
/// </summary>
public interface ISensorSampleSink
{
    /// <summary>New samples from the phone (see <see cref="SensorBatch"/> for the time line, channels and rate).</summary>
    void OnSamples(SensorBatch batch);

    /// <summary>The phone connected, dropped off or the session closed.</summary>
    void OnConnectionStateChanged(SensorConnectionState state);
}
