using System.Buffers.Binary;
using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.SensorIngest.Frames;

/// <summary>
/// Writes version-1 sensor frames. The phone page has its own JavaScript writer
/// (<c>wwwroot/phone/sensor-frame.js</c>); this one serves the simulator, replays and tests.
/// It writes what it is given without validation, so tests can build hostile frames with it too.
/// </summary>
public static class SensorFrameEncoder
{
    /// <summary>Bytes a frame of <paramref name="sampleCount"/> samples takes.</summary>
    public static int FrameBytes(int sampleCount, FrameChannels channels) =>
        SensorFrameFormat.HeaderBytes + (sampleCount * SensorFrameFormat.SampleBytes(channels));

    /// <summary>
    /// Encodes <paramref name="samples"/> into <paramref name="destination"/> and returns the bytes written.
    /// Sample times (seconds since the stream started) are rounded to whole microseconds; the first
    /// sample's time becomes the base time and the others are stored as 100 µs offsets from it.
    /// </summary>
    public static int Encode(
        uint streamId,
        uint sequence,
        FrameChannels channels,
        ReadOnlySpan<ImuSample> samples,
        Span<byte> destination)
    {
        var length = FrameBytes(samples.Length, channels);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The frame needs {length} bytes.", nameof(destination));
        }

        var baseMicros = samples.IsEmpty ? 0UL : ToMicroseconds(samples[0].TimeSeconds);
        WriteHeader(destination, streamId, sequence, channels, baseMicros, (ushort)samples.Length);

        var body = destination[SensorFrameFormat.HeaderBytes..];
        foreach (var sample in samples)
        {
            var micros = ToMicroseconds(sample.TimeSeconds);
            var ticks = Math.Round((double)(micros - baseMicros) / SensorFrameFormat.OffsetTickMicroseconds);
            BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)ticks);
            body = body[SensorFrameFormat.TimeOffsetBytes..];
            if ((channels & FrameChannels.Accelerometer) != 0)
            {
                WriteAxes(ref body, sample.AccelerationMps2.X, sample.AccelerationMps2.Y, sample.AccelerationMps2.Z);
            }

            if ((channels & FrameChannels.Gyroscope) != 0)
            {
                WriteAxes(ref body, sample.AngularVelocityRadps.X, sample.AngularVelocityRadps.Y, sample.AngularVelocityRadps.Z);
            }
        }

        return length;
    }

    /// <summary>Encodes into a new array (convenient for tests and the simulator).</summary>
    public static byte[] Encode(uint streamId, uint sequence, FrameChannels channels, ReadOnlySpan<ImuSample> samples)
    {
        var bytes = new byte[FrameBytes(samples.Length, channels)];
        Encode(streamId, sequence, channels, samples, bytes);
        return bytes;
    }

    /// <summary>Writes the 24-byte header.</summary>
    public static void WriteHeader(
        Span<byte> destination, uint streamId, uint sequence, FrameChannels channels, ulong baseTimeMicroseconds, ushort sampleCount)
    {
        destination[0] = SensorFrameFormat.Magic0;
        destination[1] = SensorFrameFormat.Magic1;
        destination[2] = SensorFrameFormat.Version;
        destination[3] = (byte)channels;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], streamId);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[12..], baseTimeMicroseconds);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], sampleCount);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], 0);
    }

    private static ulong ToMicroseconds(double seconds) => (ulong)Math.Max(0, Math.Round(seconds * 1_000_000d));

    private static void WriteAxes(ref Span<byte> body, float x, float y, float z)
    {
        BinaryPrimitives.WriteSingleLittleEndian(body, x);
        BinaryPrimitives.WriteSingleLittleEndian(body[4..], y);
        BinaryPrimitives.WriteSingleLittleEndian(body[8..], z);
        body = body[SensorFrameFormat.ChannelBytes..];
    }
}
