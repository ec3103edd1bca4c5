namespace Ambulo.Web.Features.SensorIngest.Frames;

/// <summary>
/// Follows one phone's stream across frames (and across reconnections of the same page): refuses
/// replayed sequence numbers and frames that start before the previous one ended, and counts the
/// frames lost in sequence gaps. A new stream id means the page was reloaded: tracking starts over.
/// Not thread-safe; one instance per pairing, used by one receive loop at a time.
/// </summary>
public sealed class SensorStreamTracker
{
    private bool _started;
    private bool _continuesUnseen;

    /// <summary>The stream being followed.</summary>
    public uint StreamId { get; private set; }

    /// <summary>Sequence number of the last accepted frame.</summary>
    public uint LastSequence { get; private set; }

    /// <summary>Time of the last accepted sample in the current stream, µs.</summary>
    public ulong LastTimeMicroseconds { get; private set; }

    /// <summary>Frames missing from sequence gaps, over all streams.</summary>
    public long LostFrames { get; private set; }

    /// <summary>How many times a new stream id started (the first stream counts as one).</summary>
    public int StreamsStarted { get; private set; }

    /// <summary>
    /// The first stream seen began before this tracker existed (the server restarted): its first
    /// frame's sequence number says how many came before, not how many were lost.
    /// </summary>
    public void ContinuesUnseenStream() => _continuesUnseen = !_started;

    /// <summary>
    /// Checks a decoded frame against the stream so far and, when it is accepted, advances the stream.
    /// </summary>
    /// <param name="header">The decoded header.</param>
    /// <param name="lastSampleTimeMicroseconds">Time of the frame's last sample, µs (the base time if it has none).</param>
    /// <param name="newStream">True when this frame started a new stream (the consumer should reset its state).</param>
    public FrameRejection Accept(in SensorFrameHeader header, ulong lastSampleTimeMicroseconds, out bool newStream)
    {
        newStream = !_started || header.StreamId != StreamId;
        if (newStream)
        {
            _started = true;
            StreamId = header.StreamId;
            StreamsStarted++;
            LostFrames += _continuesUnseen ? 0 : header.Sequence;
            _continuesUnseen = false;
            LastSequence = header.Sequence;
            LastTimeMicroseconds = lastSampleTimeMicroseconds;
            return FrameRejection.None;
        }

        if (header.Sequence <= LastSequence)
        {
            return FrameRejection.StaleSequence;
        }

        if (header.BaseTimeMicroseconds < LastTimeMicroseconds)
        {
            return FrameRejection.TimeWentBackwards;
        }

        LostFrames += header.Sequence - LastSequence - 1L;
        LastSequence = header.Sequence;
        LastTimeMicroseconds = lastSampleTimeMicroseconds;
        return FrameRejection.None;
    }
}
