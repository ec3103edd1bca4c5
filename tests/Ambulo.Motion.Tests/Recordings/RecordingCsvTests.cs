using System.Numerics;
using System.Text;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using CsCheck;

namespace Ambulo.Motion.Tests.Recordings;

public class RecordingCsvTests
{
    private const string Example = """
        # ambulo-recording: 1
        # sensor: phone
        # placement: front-pocket-right
        # sampling_rate_hz: 100
        # true_count: 12
        # exercise: seated-marching
        t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2
        0,0.1,-9.81,0.25
        0.01,0.125,-9.8,0.5

        """;

    [Fact]
    public void Parse_ExampleFile_ReadsMetadataLabelsAndSamples()
    {
        var (recording, report) = RecordingCsv.Parse(Example);

        recording.Metadata.Sensor.ShouldBe(SensorKind.Phone);
        recording.Metadata.Placement.ShouldBe("front-pocket-right");
        recording.Metadata.SamplingRateHz.ShouldBe(100);
        recording.Metadata.Channels.ShouldBe(SensorChannels.Accelerometer);
        recording.Metadata.Labels.ShouldBe(new Dictionary<string, string> { ["true_count"] = "12", ["exercise"] = "seated-marching" });
        recording.Samples.Length.ShouldBe(2);
        recording.Samples[1].ShouldBe(new ImuSample(0.01, new Vector3(0.125f, -9.8f, 0.5f)));
        report.IsClean.ShouldBeTrue(report.ToString());
        report.RowsRead.ShouldBe(2);
    }

    [Fact]
    public void Format_ExampleRecording_WritesCanonicalText()
    {
        var recording = RecordingCsv.Parse(Example).Recording;

        RecordingCsv.Format(recording).ShouldBe(Example.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n");
    }

    [Fact]
    public void Parse_AllColumnGroupsInAnyOrderWithCrLf_MapsEachColumnToItsChannel()
    {
        var text = "# ambulo-recording: 1\r\n# sensor: puck\r\n# placement: hand\r\n# sampling_rate_hz: 50\r\n"
            + "force_n,mag_x_ut,mag_y_ut,mag_z_ut,t_s,gyr_x_radps,gyr_y_radps,gyr_z_radps,acc_x_mps2,acc_y_mps2,acc_z_mps2\r\n"
            + "12.5,20,21,22,3.25,0.5,0.75,-1,1,2,3\r\n";

        var (recording, report) = RecordingCsv.Parse(text);

        report.IsClean.ShouldBeTrue(report.ToString());
        recording.Metadata.Channels.ShouldBe(SensorChannels.Accelerometer | SensorChannels.Gyroscope | SensorChannels.Magnetometer | SensorChannels.Force);
        recording.Samples.ShouldBe([new ImuSample(3.25, new Vector3(1, 2, 3), new Vector3(0.5f, 0.75f, -1), new Vector3(20, 21, 22), 12.5f)]);
    }

    [Fact]
    public void Parse_ByteOrderMarkAndPlainComments_AreIgnored()
    {
        var text = "\uFEFF# ambulo-recording: 1\n# a comment without colon\n# sensor: imu\n# placement: shank-left\n# sampling_rate_hz: 204.8\nt_s,acc_x_mps2,acc_y_mps2,acc_z_mps2\n0,0,0,9.81\n";

        var (recording, report) = RecordingCsv.Parse(text);

        recording.Metadata.SamplingRateHz.ShouldBe(204.8);
        recording.Metadata.Labels.ShouldBeEmpty();
        recording.Samples.Length.ShouldBe(1);
        report.IsClean.ShouldBeTrue();
    }

    [Fact]
    public void Write_ThenRead_RoundTripsExactly_ForAnyRecording()
    {
        GenRecording.Sample(original =>
        {
            var text = RecordingCsv.Format(original);
            var (copy, report) = RecordingCsv.Parse(text, new RecordingReadOptions { AccelerationRangeMps2 = double.MaxValue, AngularVelocityRangeRadps = double.MaxValue, MaxGapSeconds = double.MaxValue });

            report.RowsSkipped.ShouldBe(0, report.ToString());
            copy.Metadata.Sensor.ShouldBe(original.Metadata.Sensor);
            copy.Metadata.Placement.ShouldBe(original.Metadata.Placement);
            BitConverter.DoubleToInt64Bits(copy.Metadata.SamplingRateHz).ShouldBe(BitConverter.DoubleToInt64Bits(original.Metadata.SamplingRateHz));
            copy.Metadata.Channels.ShouldBe(original.Metadata.Channels);
            copy.Metadata.Labels.ToArray().ShouldBe(original.Metadata.Labels.ToArray());
            copy.Samples.Length.ShouldBe(original.Samples.Length);
            for (var i = 0; i < copy.Samples.Length; i++)
            {
                Bits(copy.Samples[i]).ShouldBe(Bits(original.Samples[i]), $"sample {i}");
            }

            RecordingCsv.Format(copy).ShouldBe(text);
        }, iter: 300);
    }

    [Fact]
    public void Write_NonFiniteValue_ThrowsNamingTheSample()
    {
        var recording = Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.Zero), new ImuSample(0.01, new Vector3(float.NaN, 0, 0)));

        Should.Throw<ArgumentException>(() => RecordingCsv.Format(recording)).Message.ShouldContain("sample 1");
    }

    [Fact]
    public void Write_TimesNotIncreasing_Throws()
    {
        var recording = Recording(SensorChannels.Accelerometer, new ImuSample(1, Vector3.Zero), new ImuSample(1, Vector3.Zero));

        Should.Throw<ArgumentException>(() => RecordingCsv.Format(recording)).Message.ShouldContain("sample 1");
    }

    [Fact]
    public void Write_LabelWithLineBreakOrReservedKey_Throws()
    {
        var broken = Recording(SensorChannels.Accelerometer) with
        {
            Metadata = Recording(SensorChannels.Accelerometer).Metadata with { Labels = new Dictionary<string, string> { ["note"] = "two\nlines" } },
        };
        var reserved = Recording(SensorChannels.Accelerometer) with
        {
            Metadata = Recording(SensorChannels.Accelerometer).Metadata with { Labels = new Dictionary<string, string> { ["sensor"] = "imu" } },
        };

        Should.Throw<ArgumentException>(() => RecordingCsv.Format(broken));
        Should.Throw<ArgumentException>(() => RecordingCsv.Format(reserved));
    }

    [Fact]
    public void WriteFile_ThenReadFile_GivesSameSamples()
    {
        var recording = Recording(
            SensorChannels.Accelerometer | SensorChannels.Gyroscope,
            new ImuSample(0, new Vector3(1, 2, 3), new Vector3(0.1f, 0.2f, 0.3f)),
            new ImuSample(0.005, new Vector3(-1, -2, -3), new Vector3(-0.1f, -0.2f, -0.3f)));
        var path = Path.Combine(Path.GetTempPath(), $"ambulo-{Guid.NewGuid():N}.csv");
        try
        {
            RecordingCsv.WriteFile(path, recording);
            RecordingCsv.ReadFile(path).Recording.Samples.ShouldBe(recording.Samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_LongRecording_LinesSpanningBufferBoundariesParseIntact()
    {
        // 20 000 rows are several times the reader's 64 KiB buffer, so many rows straddle a refill.
        var samples = Enumerable.Range(0, 20_000)
            .Select(i => new ImuSample(i / 100.0, new Vector3(i * 0.001f, -i * 0.5f, 9.81f + i), new Vector3(i, -i, 0.5f)))
            .ToArray();
        var recording = Recording(SensorChannels.Accelerometer | SensorChannels.Gyroscope, samples);

        // Values up to 20 000 are beyond any sensor's range; this test is about the line buffer, so the range check is off.
        var copy = RecordingCsv.Parse(RecordingCsv.Format(recording), new RecordingReadOptions { ImplausibleRangeFactor = double.PositiveInfinity }).Recording;

        copy.Samples.ShouldBe(samples);
    }

    internal static SensorRecording Recording(SensorChannels channels, params ImuSample[] samples) =>
        new(new RecordingMetadata { Sensor = SensorKind.Imu, Placement = "shank-left", SamplingRateHz = 100, Channels = channels }, samples);

    private static (long, int, int, int, int, int, int, int, int, int, int) Bits(ImuSample s) => (
        BitConverter.DoubleToInt64Bits(s.TimeSeconds),
        BitConverter.SingleToInt32Bits(s.AccelerationMps2.X), BitConverter.SingleToInt32Bits(s.AccelerationMps2.Y), BitConverter.SingleToInt32Bits(s.AccelerationMps2.Z),
        BitConverter.SingleToInt32Bits(s.AngularVelocityRadps.X), BitConverter.SingleToInt32Bits(s.AngularVelocityRadps.Y), BitConverter.SingleToInt32Bits(s.AngularVelocityRadps.Z),
        BitConverter.SingleToInt32Bits(s.MagneticFieldMicroTesla.X), BitConverter.SingleToInt32Bits(s.MagneticFieldMicroTesla.Y), BitConverter.SingleToInt32Bits(s.MagneticFieldMicroTesla.Z),
        BitConverter.SingleToInt32Bits(s.ForceNewtons));
}

/// <summary>CsCheck generators for whole recordings: any finite value, any channel set, any labels the format allows.</summary>
internal static class GenRecording
{
    private static readonly Gen<float> AnyFiniteFloat = Gen.OneOf(
        Gen.Int.Select(BitConverter.Int32BitsToSingle).Where(float.IsFinite),
        Gen.Float[-200f, 200f],
        Gen.Const(-0f));

    private static readonly Gen<double> AnyFiniteDouble = Gen.OneOf(
        Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite),
        Gen.Double[0, 100_000]);

    private static readonly Gen<Vector3> AnyVector = Gen.Select(AnyFiniteFloat, AnyFiniteFloat, AnyFiniteFloat, (x, y, z) => new Vector3(x, y, z));

    private static readonly Gen<string> Key = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz_0123456789-."], 1, 12]
        .Where(k => k is not ("sensor" or "placement" or "sampling_rate_hz" or "ambulo-recording"));

    private static readonly Gen<string> Value = Gen.String[Gen.Char["abc XYZ-_:,.#0123456789éü°µ"], 0, 20]
        .Select(v => v.Trim());

    public static readonly Gen<SensorRecording> Recording =
        from sensor in Gen.Enum<SensorKind>()
        from placement in Gen.OneOf(RecordingPlacements.Names.ToArray())
        from rate in Gen.Double[0.001, 10_000]
        from channelBits in Gen.Int[0, 7]
        from labels in Gen.Dictionary(Key, Value)[0, 5]
        from times in AnyFiniteDouble.Array[0, 40]
        let sortedTimes = times.Distinct().Order().ToArray()
        let channels = SensorChannels.Accelerometer | (SensorChannels)(channelBits << 1)
        from acc in AnyVector.Array[sortedTimes.Length]
        from gyr in AnyVector.Array[sortedTimes.Length]
        from mag in AnyVector.Array[sortedTimes.Length]
        from force in AnyFiniteFloat.Array[sortedTimes.Length]
        select new SensorRecording(
            new RecordingMetadata { Sensor = sensor, Placement = placement, SamplingRateHz = rate, Channels = channels, Labels = labels },
            [.. sortedTimes.Select((t, i) => new ImuSample(
                t,
                acc[i],
                channels.HasFlag(SensorChannels.Gyroscope) ? gyr[i] : Vector3.Zero,
                channels.HasFlag(SensorChannels.Magnetometer) ? mag[i] : Vector3.Zero,
                channels.HasFlag(SensorChannels.Force) ? force[i] : 0f))]);

    public static void Sample(Action<SensorRecording> assert, long iter) => Recording.Sample(assert, iter: iter);
}
