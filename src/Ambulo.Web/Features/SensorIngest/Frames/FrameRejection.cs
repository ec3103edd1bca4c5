namespace Ambulo.Web.Features.SensorIngest.Frames;

/// <summary>Why a frame was refused. <see cref="None"/> means it was accepted.</summary>
public enum FrameRejection
{
    None = 0,

    /// <summary>Shorter than the 24-byte header.</summary>
    TooShort,

    /// <summary>Longer than <see cref="SensorFrameFormat.MaxFrameBytes"/>.</summary>
    TooLarge,

    /// <summary>The first two bytes are not "AS".</summary>
    BadMagic,

    /// <summary>A version this server cannot read.</summary>
    UnsupportedVersion,

    /// <summary>No channel set, or a bit set that has no meaning.</summary>
    BadChannels,

    /// <summary>The reserved bytes are not zero.</summary>
    ReservedNotZero,

    /// <summary>More than <see cref="SensorFrameFormat.MaxSamplesPerFrame"/> samples announced.</summary>
    TooManySamples,

    /// <summary>The frame's length does not match header + count × sample size.</summary>
    LengthMismatch,

    /// <summary>The base time is beyond <see cref="SensorFrameFormat.MaxStreamTimeMicroseconds"/>.</summary>
    TimeOutOfRange,

    /// <summary>A sample's time offset is smaller than the one before it, or the frame starts before the previous one ended.</summary>
    TimeWentBackwards,

    /// <summary>A NaN or infinite reading.</summary>
    NonFiniteValue,

    /// <summary>A reading no phone sensor can produce.</summary>
    ValueOutOfRange,

    /// <summary>A sequence number already seen in this stream (a replay or duplicate).</summary>
    StaleSequence,

    /// <summary>A text message, or a message split into fragments larger than the limit.</summary>
    NotBinary,

    /// <summary>The sender exceeded the frames-per-second limit; the frame was dropped unread.</summary>
    RateLimited,
}

/// <summary>Counts of rejected frames per reason; thread-safe, cheap to update.</summary>
public sealed class FrameRejectionCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<FrameRejection>().Length];

    /// <summary>Adds one rejection. <see cref="FrameRejection.None"/> is ignored.</summary>
    public void Add(FrameRejection reason)
    {
        if (reason != FrameRejection.None)
        {
            Interlocked.Increment(ref _counts[(int)reason]);
        }
    }

    /// <summary>Rejections for one reason so far.</summary>
    public long this[FrameRejection reason] => Interlocked.Read(ref _counts[(int)reason]);

    /// <summary>All rejections so far.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 1; i < _counts.Length; i++)
            {
                total += Interlocked.Read(ref _counts[i]);
            }

            return total;
        }
    }

    /// <summary>Non-zero counts, by reason name, for a status endpoint or a log line.</summary>
    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var result = new Dictionary<string, long>();
        foreach (var reason in Enum.GetValues<FrameRejection>())
        {
            var count = this[reason];
            if (count > 0)
            {
                result[reason.ToString()] = count;
            }
        }

        return result;
    }
}
