namespace Ambulo.Web.Features.SensorIngest.Frames;

/// <summary>
/// Constants of the phone → server sensor frame format, version 1. The full description, with a
/// byte-by-byte table, is in <c>docs/sensor-frame-format.md</c>; keep the two in step.
/// All multi-byte fields are little-endian.
/// </summary>
public static class SensorFrameFormat
{
    /// <summary>First two bytes of every frame: ASCII "AS" (Ambulo Sensor).</summary>
    public const byte Magic0 = (byte)'A';

    /// <summary>Second magic byte.</summary>
    public const byte Magic1 = (byte)'S';

    /// <summary>The only version this server reads.</summary>
    public const byte Version = 1;

    /// <summary>Bytes before the first sample.</summary>
    public const int HeaderBytes = 24;

    /// <summary>Bytes of the per-sample time offset (unsigned 16-bit, in <see cref="OffsetTickMicroseconds"/> ticks).</summary>
    public const int TimeOffsetBytes = 2;

    /// <summary>Bytes of one three-axis channel (three 32-bit floats).</summary>
    public const int ChannelBytes = 12;

    /// <summary>One tick of the per-sample time offset: 100 µs, so one frame can span up to 6.5535 s.</summary>
    public const int OffsetTickMicroseconds = 100;

    /// <summary>Most samples one frame may carry (a 500 Hz sensor batched every 50 ms sends 25).</summary>
    public const int MaxSamplesPerFrame = 256;

    /// <summary>Largest legal frame: header plus <see cref="MaxSamplesPerFrame"/> samples with every channel.</summary>
    public const int MaxFrameBytes = HeaderBytes + (MaxSamplesPerFrame * (TimeOffsetBytes + (2 * ChannelBytes)));

    /// <summary>
    /// Largest stream time accepted, in µs (about 11.6 days). A stream restarts at 0 whenever the
    /// phone reloads the page, so anything larger is a broken or hostile sender.
    /// </summary>
    public const ulong MaxStreamTimeMicroseconds = 1_000_000_000_000UL;

    /// <summary>
    /// Largest accepted magnitude of one acceleration axis, m/s² (about 20 g). Phone accelerometers
    /// saturate at 8–16 g; a larger reading cannot come from a real phone.
    /// </summary>
    public const float MaxAbsAccelerationMps2 = 200f;

    /// <summary>
    /// Largest accepted magnitude of one angular-velocity axis, rad/s (about 2300 °/s). Phone gyroscopes
    /// saturate at 2000 °/s ≈ 34.9 rad/s.
    /// </summary>
    public const float MaxAbsAngularVelocityRadps = 40f;

    /// <summary>Bytes one sample takes with the given channels.</summary>
    public static int SampleBytes(FrameChannels channels)
    {
        var bytes = TimeOffsetBytes;
        if ((channels & FrameChannels.Accelerometer) != 0)
        {
            bytes += ChannelBytes;
        }

        if ((channels & FrameChannels.Gyroscope) != 0)
        {
            bytes += ChannelBytes;
        }

        return bytes;
    }
}

/// <summary>Channel flags carried in byte 3 of a frame. Bits not listed here must be zero.</summary>
[Flags]
public enum FrameChannels : byte
{
    None = 0,

    /// <summary>Acceleration including gravity, m/s², sensor frame (x, y, z).</summary>
    Accelerometer = 1,

    /// <summary>Angular velocity, rad/s, sensor frame (x, y, z).</summary>
    Gyroscope = 2,

    All = Accelerometer | Gyroscope,
}

/// <summary>The fixed part of a decoded frame.</summary>
/// <param name="StreamId">Chosen at random by the phone page each time it starts streaming.</param>
/// <param name="Sequence">Frame number within the stream, 0 for the first frame, +1 per frame.</param>
/// <param name="BaseTimeMicroseconds">Time of the frame's first sample since the stream started, µs.</param>
/// <param name="SampleCount">Samples in the frame (0 is a keep-alive).</param>
/// <param name="Channels">Which channels each sample carries.</param>
public readonly record struct SensorFrameHeader(
    uint StreamId,
    uint Sequence,
    ulong BaseTimeMicroseconds,
    int SampleCount,
    FrameChannels Channels);
