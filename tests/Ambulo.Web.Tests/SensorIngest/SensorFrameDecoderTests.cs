using System.Buffers.Binary;
using System.Numerics;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest.Frames;
using CsCheck;

namespace Ambulo.Web.Tests.SensorIngest;

public class SensorFrameDecoderTests
{
    private static readonly ImuSample[] ThreeSamples =
    [
        new(0.5, new Vector3(0.1f, 9.7f, -0.3f), new Vector3(0.01f, -0.02f, 0.5f)),
        new(0.5167, new Vector3(0.2f, 9.9f, -0.2f), new Vector3(0.02f, -0.03f, 0.6f)),
        new(0.5333, new Vector3(-1f, 12.5f, 0f), new Vector3(-0.5f, 1.5f, -2f)),
    ];

    private static byte[] ValidFrame(FrameChannels channels = FrameChannels.All) =>
        SensorFrameEncoder.Encode(streamId: 7, sequence: 3, channels, ThreeSamples);

    private static FrameRejection Decode(ReadOnlySpan<byte> frame) =>
        SensorFrameDecoder.Decode(frame, new ImuSample[SensorFrameFormat.MaxSamplesPerFrame], out _);

    [Fact]
    public void Decode_ValidFrame_ReturnsHeaderAndSamples()
    {
        var buffer = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];

        var result = SensorFrameDecoder.Decode(ValidFrame(), buffer, out var header);

        result.ShouldBe(FrameRejection.None);
        header.ShouldBe(new SensorFrameHeader(7, 3, 500_000, 3, FrameChannels.All));
        buffer[0].ShouldBe(ThreeSamples[0]);
        buffer[2].AccelerationMps2.ShouldBe(ThreeSamples[2].AccelerationMps2);
        buffer[2].AngularVelocityRadps.ShouldBe(ThreeSamples[2].AngularVelocityRadps);
        // Offsets are stored in 100 µs ticks: 16.7 ms and 33.3 ms survive exactly.
        buffer[1].TimeSeconds.ShouldBe(0.5167, 1e-9);
        buffer[2].TimeSeconds.ShouldBe(0.5333, 1e-9);
    }

    [Fact]
    public void Decode_AccelerometerOnly_LeavesGyroscopeZeroAndUsesShorterSamples()
    {
        var frame = ValidFrame(FrameChannels.Accelerometer);
        var buffer = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];

        SensorFrameDecoder.Decode(frame, buffer, out var header).ShouldBe(FrameRejection.None);

        frame.Length.ShouldBe(24 + (3 * 14));
        header.Channels.ShouldBe(FrameChannels.Accelerometer);
        buffer[1].AccelerationMps2.ShouldBe(ThreeSamples[1].AccelerationMps2);
        buffer[1].AngularVelocityRadps.ShouldBe(Vector3.Zero);
    }

    [Fact]
    public void Decode_EmptyFrame_IsAcceptedAsKeepAlive()
    {
        var frame = SensorFrameEncoder.Encode(1, 0, FrameChannels.All, ReadOnlySpan<ImuSample>.Empty);

        frame.Length.ShouldBe(SensorFrameFormat.HeaderBytes);
        Decode(frame).ShouldBe(FrameRejection.None);
    }

    [Fact]
    public void Decode_ShorterThanHeader_IsTooShort() =>
        Decode(ValidFrame().AsSpan(0, SensorFrameFormat.HeaderBytes - 1)).ShouldBe(FrameRejection.TooShort);

    [Fact]
    public void Decode_LongerThanLimit_IsTooLarge() =>
        Decode(new byte[SensorFrameFormat.MaxFrameBytes + 1]).ShouldBe(FrameRejection.TooLarge);

    [Fact]
    public void Decode_WrongMagic_IsBadMagic()
    {
        var frame = ValidFrame();
        frame[1] = (byte)'X';

        Decode(frame).ShouldBe(FrameRejection.BadMagic);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Decode_OtherVersion_IsUnsupportedVersion(byte version)
    {
        var frame = ValidFrame();
        frame[2] = version;

        Decode(frame).ShouldBe(FrameRejection.UnsupportedVersion);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(0x83)]
    public void Decode_NoOrUnknownChannelBits_IsBadChannels(byte channels)
    {
        var frame = ValidFrame();
        frame[3] = channels;

        Decode(frame).ShouldBe(FrameRejection.BadChannels);
    }

    [Fact]
    public void Decode_ReservedBytesSet_IsReservedNotZero()
    {
        var frame = ValidFrame();
        frame[23] = 1;

        Decode(frame).ShouldBe(FrameRejection.ReservedNotZero);
    }

    [Fact]
    public void Decode_CountAboveLimit_IsTooManySamples()
    {
        var frame = ValidFrame();
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(20), SensorFrameFormat.MaxSamplesPerFrame + 1);

        Decode(frame).ShouldBe(FrameRejection.TooManySamples);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(0)]
    public void Decode_CountThatLies_IsLengthMismatch(ushort announced)
    {
        var frame = ValidFrame();
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(20), announced);

        Decode(frame).ShouldBe(FrameRejection.LengthMismatch);
    }

    [Fact]
    public void Decode_TrailingByte_IsLengthMismatch()
    {
        var frame = ValidFrame();
        Array.Resize(ref frame, frame.Length + 1);

        Decode(frame).ShouldBe(FrameRejection.LengthMismatch);
    }

    [Fact]
    public void Decode_ChannelFlagsThatDisagreeWithLength_IsLengthMismatch()
    {
        var frame = ValidFrame();
        frame[3] = (byte)FrameChannels.Accelerometer;

        Decode(frame).ShouldBe(FrameRejection.LengthMismatch);
    }

    [Fact]
    public void Decode_BaseTimeBeyondLimit_IsTimeOutOfRange()
    {
        var frame = ValidFrame();
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(12), SensorFrameFormat.MaxStreamTimeMicroseconds + 1);

        Decode(frame).ShouldBe(FrameRejection.TimeOutOfRange);
    }

    [Fact]
    public void Decode_SampleOffsetSmallerThanPrevious_IsTimeWentBackwards()
    {
        var frame = ValidFrame();
        var secondSampleOffset = SensorFrameFormat.HeaderBytes + SensorFrameFormat.SampleBytes(FrameChannels.All);
        var thirdSampleOffset = secondSampleOffset + SensorFrameFormat.SampleBytes(FrameChannels.All);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(thirdSampleOffset), 10);

        Decode(frame).ShouldBe(FrameRejection.TimeWentBackwards);
    }

    [Theory]
    [InlineData(float.NaN, 0)]
    [InlineData(float.PositiveInfinity, 1)]
    [InlineData(float.NegativeInfinity, 3)]
    public void Decode_NonFiniteReading_IsNonFiniteValue(float value, int axis)
    {
        var frame = ValidFrame();
        // axis 0–2: accelerometer of the first sample; 3–5: its gyroscope.
        BinaryPrimitives.WriteSingleLittleEndian(frame.AsSpan(SensorFrameFormat.HeaderBytes + 2 + (axis * 4)), value);

        Decode(frame).ShouldBe(FrameRejection.NonFiniteValue);
    }

    [Theory]
    [InlineData(201f, 2)]
    [InlineData(-1e30f, 0)]
    [InlineData(41f, 4)]
    [InlineData(-40.5f, 5)]
    public void Decode_ImpossibleReading_IsValueOutOfRange(float value, int axis)
    {
        var frame = ValidFrame();
        BinaryPrimitives.WriteSingleLittleEndian(frame.AsSpan(SensorFrameFormat.HeaderBytes + 2 + (axis * 4)), value);

        Decode(frame).ShouldBe(FrameRejection.ValueOutOfRange);
    }

    [Fact]
    public void Decode_ReadingsAtTheLimits_AreAccepted()
    {
        ImuSample[] extremes =
        [
            new(0, new Vector3(SensorFrameFormat.MaxAbsAccelerationMps2, -SensorFrameFormat.MaxAbsAccelerationMps2, 0),
                new Vector3(SensorFrameFormat.MaxAbsAngularVelocityRadps, 0, -SensorFrameFormat.MaxAbsAngularVelocityRadps)),
        ];

        Decode(SensorFrameEncoder.Encode(1, 0, FrameChannels.All, extremes)).ShouldBe(FrameRejection.None);
    }

    [Fact]
    public void Decode_SmallBuffer_IsAProgrammingErrorNotAFrameError() =>
        Should.Throw<ArgumentException>(() => SensorFrameDecoder.Decode(ValidFrame(), new ImuSample[3], out _));

    private static readonly Gen<ImuSample[]> GenSamples =
        Gen.Select(
            Gen.ULong[0, 100_000_000_000UL],
            Gen.Select(
                Gen.Int[0, 2000],
                Gen.Float[-SensorFrameFormat.MaxAbsAccelerationMps2, SensorFrameFormat.MaxAbsAccelerationMps2].Array[3],
                Gen.Float[-SensorFrameFormat.MaxAbsAngularVelocityRadps, SensorFrameFormat.MaxAbsAngularVelocityRadps].Array[3])
            .Array[0, SensorFrameFormat.MaxSamplesPerFrame])
        .Select((baseMicros, steps) =>
        {
            var samples = new ImuSample[steps.Length];
            var ticks = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                // Offsets only grow and stay within one frame's 16-bit tick range.
                ticks = Math.Min(ushort.MaxValue, ticks + (i == 0 ? 0 : steps[i].Item1));
                var micros = baseMicros + ((ulong)ticks * SensorFrameFormat.OffsetTickMicroseconds);
                var (_, a, g) = steps[i];
                samples[i] = new ImuSample(micros / 1_000_000d, new Vector3(a[0], a[1], a[2]), new Vector3(g[0], g[1], g[2]));
            }

            return samples;
        });

    [Fact]
    public void Decode_OfEncodedRandomSamples_GivesTheSameSamples()
    {
        // CsCheck runs samples on several threads: each sample needs its own buffer.
        Gen.Select(GenSamples, Gen.UInt, Gen.UInt).Sample((samples, stream, sequence) =>
        {
            var buffer = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];
            var frame = SensorFrameEncoder.Encode(stream, sequence, FrameChannels.All, samples);

            var result = SensorFrameDecoder.Decode(frame, buffer, out var header);

            result.ShouldBe(FrameRejection.None);
            header.StreamId.ShouldBe(stream);
            header.Sequence.ShouldBe(sequence);
            header.SampleCount.ShouldBe(samples.Length);
            for (var i = 0; i < samples.Length; i++)
            {
                buffer[i].ShouldBe(samples[i], $"sample {i}");
            }
        });
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        // CsCheck runs samples on several threads: each sample needs its own buffer.
        Gen.Byte.Array[0, SensorFrameFormat.MaxFrameBytes + 16].Sample(bytes =>
        {
            var result = SensorFrameDecoder.Decode(bytes, new ImuSample[SensorFrameFormat.MaxSamplesPerFrame], out _);

            Enum.IsDefined(result).ShouldBeTrue();
        });
    }

    [Fact]
    public void Decode_ValidFrameWithRandomBytesChanged_NeverThrowsAndNeverAcceptsABadHeader()
    {
        var valid = ValidFrame();
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 8].Sample(changes =>
        {
            var buffer = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];
            var frame = (byte[])valid.Clone();
            foreach (var (index, value) in changes)
            {
                frame[index] = value;
            }

            var result = SensorFrameDecoder.Decode(frame, buffer, out var header);

            if (result == FrameRejection.None)
            {
                // Anything accepted must honour the format's invariants.
                frame[0].ShouldBe(SensorFrameFormat.Magic0);
                frame[2].ShouldBe(SensorFrameFormat.Version);
                frame.Length.ShouldBe(SensorFrameEncoder.FrameBytes(header.SampleCount, header.Channels));
                for (var i = 0; i < header.SampleCount; i++)
                {
                    float.IsFinite(buffer[i].AccelerationMps2.Length()).ShouldBeTrue();
                    float.IsFinite(buffer[i].AngularVelocityRadps.Length()).ShouldBeTrue();
                }
            }
        });
    }
}
