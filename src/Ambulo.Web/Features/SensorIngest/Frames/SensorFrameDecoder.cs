using System.Buffers.Binary;
using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.SensorIngest.Frames;

/// <summary>
/// Reads one version-1 sensor frame (see <c>docs/sensor-frame-format.md</c>) from a span into a
/// caller-owned sample buffer. Nothing is allocated, nothing from the frame can make it throw: every
/// problem comes back as a <see cref="FrameRejection"/>.
/// </summary>
public static class SensorFrameDecoder
{
    private const double MicrosecondsPerSecond = 1_000_000d;

    /// <summary>
    /// Decodes and validates <paramref name="frame"/>. On success the first
    /// <see cref="SensorFrameHeader.SampleCount"/> entries of <paramref name="destination"/> hold the
    /// samples, with <see cref="ImuSample.TimeSeconds"/> measured from the start of the stream; missing
    /// channels are zero. On rejection the contents of <paramref name="destination"/> are unspecified.
    /// </summary>
    /// <param name="frame">The bytes of one WebSocket binary message.</param>
    /// <param name="destination">At least <see cref="SensorFrameFormat.MaxSamplesPerFrame"/> long.</param>
    /// <param name="header">The header, when the header itself was readable; default otherwise.</param>
    /// <returns><see cref="FrameRejection.None"/> when the frame is valid, else the first problem found.</returns>
    public static FrameRejection Decode(ReadOnlySpan<byte> frame, Span<ImuSample> destination, out SensorFrameHeader header)
    {
        if (destination.Length < SensorFrameFormat.MaxSamplesPerFrame)
        {
            throw new ArgumentException(
                $"The sample buffer must hold {SensorFrameFormat.MaxSamplesPerFrame} samples.", nameof(destination));
        }

        header = default;
        var rejection = ReadHeader(frame, out var parsed);
        if (rejection != FrameRejection.None)
        {
            return rejection;
        }

        header = parsed;
        var hasAcc = (parsed.Channels & FrameChannels.Accelerometer) != 0;
        var hasGyro = (parsed.Channels & FrameChannels.Gyroscope) != 0;
        var body = frame[SensorFrameFormat.HeaderBytes..];
        var previousOffset = 0;

        for (var i = 0; i < parsed.SampleCount; i++)
        {
            int offset = BinaryPrimitives.ReadUInt16LittleEndian(body);
            body = body[SensorFrameFormat.TimeOffsetBytes..];
            if (offset < previousOffset)
            {
                return FrameRejection.TimeWentBackwards;
            }

            previousOffset = offset;

            var acceleration = Vector3.Zero;
            if (hasAcc)
            {
                rejection = ReadAxes(ref body, SensorFrameFormat.MaxAbsAccelerationMps2, out acceleration);
                if (rejection != FrameRejection.None)
                {
                    return rejection;
                }
            }

            var angularVelocity = Vector3.Zero;
            if (hasGyro)
            {
                rejection = ReadAxes(ref body, SensorFrameFormat.MaxAbsAngularVelocityRadps, out angularVelocity);
                if (rejection != FrameRejection.None)
                {
                    return rejection;
                }
            }

            var micros = parsed.BaseTimeMicroseconds + ((ulong)offset * SensorFrameFormat.OffsetTickMicroseconds);
            destination[i] = new ImuSample(micros / MicrosecondsPerSecond, acceleration, angularVelocity);
        }

        return FrameRejection.None;
    }

    /// <summary>Reads and checks the 24-byte header and the frame's total length.</summary>
    public static FrameRejection ReadHeader(ReadOnlySpan<byte> frame, out SensorFrameHeader header)
    {
        header = default;
        if (frame.Length > SensorFrameFormat.MaxFrameBytes)
        {
            return FrameRejection.TooLarge;
        }

        if (frame.Length < SensorFrameFormat.HeaderBytes)
        {
            return FrameRejection.TooShort;
        }

        if (frame[0] != SensorFrameFormat.Magic0 || frame[1] != SensorFrameFormat.Magic1)
        {
            return FrameRejection.BadMagic;
        }

        if (frame[2] != SensorFrameFormat.Version)
        {
            return FrameRejection.UnsupportedVersion;
        }

        var channels = (FrameChannels)frame[3];
        if (channels == FrameChannels.None || (channels & ~FrameChannels.All) != 0)
        {
            return FrameRejection.BadChannels;
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(frame[22..]) != 0)
        {
            return FrameRejection.ReservedNotZero;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(frame[20..]);
        if (count > SensorFrameFormat.MaxSamplesPerFrame)
        {
            return FrameRejection.TooManySamples;
        }

        if (frame.Length != SensorFrameFormat.HeaderBytes + (count * SensorFrameFormat.SampleBytes(channels)))
        {
            return FrameRejection.LengthMismatch;
        }

        var baseTime = BinaryPrimitives.ReadUInt64LittleEndian(frame[12..]);
        if (baseTime > SensorFrameFormat.MaxStreamTimeMicroseconds)
        {
            return FrameRejection.TimeOutOfRange;
        }

        header = new SensorFrameHeader(
            StreamId: BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]),
            Sequence: BinaryPrimitives.ReadUInt32LittleEndian(frame[8..]),
            BaseTimeMicroseconds: baseTime,
            SampleCount: count,
            Channels: channels);
        return FrameRejection.None;
    }

    private static FrameRejection ReadAxes(ref ReadOnlySpan<byte> body, float maxAbs, out Vector3 value)
    {
        var x = BinaryPrimitives.ReadSingleLittleEndian(body);
        var y = BinaryPrimitives.ReadSingleLittleEndian(body[4..]);
        var z = BinaryPrimitives.ReadSingleLittleEndian(body[8..]);
        body = body[SensorFrameFormat.ChannelBytes..];
        value = new Vector3(x, y, z);
        if (!float.IsFinite(x) || !float.IsFinite(y) || !float.IsFinite(z))
        {
            return FrameRejection.NonFiniteValue;
        }

        if (MathF.Abs(x) > maxAbs || MathF.Abs(y) > maxAbs || MathF.Abs(z) > maxAbs)
        {
            return FrameRejection.ValueOutOfRange;
        }

        return FrameRejection.None;
    }
}
