using System.Numerics;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;
using CsCheck;

namespace Ambulo.Motion.Tests.Recordings;

public class RecordingBinaryTests
{
    private static RecordingReadResult RoundTrip(SensorRecording recording, RecordingReadOptions? options = null)
    {
        using var stream = new MemoryStream();
        RecordingBinary.Write(stream, recording);
        stream.Position = 0;
        return RecordingBinary.Read(stream, options);
    }

    private static byte[] Bytes(SensorRecording recording)
    {
        using var stream = new MemoryStream();
        RecordingBinary.Write(stream, recording);
        return stream.ToArray();
    }

    [Fact]
    public void WriteThenRead_RoundTripsExactly_ForAnyRecording()
    {
        var unlimited = new RecordingReadOptions { AccelerationRangeMps2 = double.MaxValue, AngularVelocityRangeRadps = double.MaxValue, MaxGapSeconds = double.MaxValue };
        GenRecording.Sample(original =>
        {
            var bytes = Bytes(original);
            using var stream = new MemoryStream(bytes);
            var (copy, report) = RecordingBinary.Read(stream, unlimited);

            report.RowsSkipped.ShouldBe(0, report.ToString());
            copy.Metadata.Sensor.ShouldBe(original.Metadata.Sensor);
            copy.Metadata.Placement.ShouldBe(original.Metadata.Placement);
            copy.Metadata.SamplingRateHz.ShouldBe(original.Metadata.SamplingRateHz);
            copy.Metadata.Channels.ShouldBe(original.Metadata.Channels);
            copy.Metadata.Labels.ToArray().ShouldBe(original.Metadata.Labels.ToArray());
            Bytes(copy).ShouldBe(bytes);
            RecordingCsv.Format(copy).ShouldBe(RecordingCsv.Format(original));
        }, iter: 300);
    }

    [Fact]
    public void Write_RealRecording_IsSmallerThanCsvAndReadsBackIdentical()
    {
        var recording = GaitmapImporter.Import(TestData.Path("gaitmap-foot-mocap", "data", "imu_sample.csv"), Ambulo.Motion.Gait.BodySide.Left).Recording;

        var bytes = Bytes(recording);
        var copy = RoundTrip(recording).Recording;

        copy.Samples.ShouldBe(recording.Samples);
        bytes.Length.ShouldBeLessThan(recording.Samples.Length * RecordingBinary.BytesPerSample(recording.Metadata.Channels) + 2048);
        bytes.Length.ShouldBeLessThan(RecordingCsv.Format(recording).Length / 2);
    }

    [Fact]
    public void Read_FileCutInsideSamples_KeepsWholeSamplesAndCountsTruncation()
    {
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer, [.. Enumerable.Range(0, 10).Select(i => new ImuSample(i * 0.01, new Vector3(i, 0, 9.8f)))]);
        var bytes = Bytes(recording);
        using var cut = new MemoryStream(bytes[..^7]);

        var (copy, report) = RecordingBinary.Read(cut);

        copy.Samples.ShouldBe(recording.Samples[..9]);
        report.Find(ReadIssue.TruncatedLastLine)!.FirstDetail.ShouldContain("9 of 10");
    }

    [Fact]
    public void Read_NonFiniteAndDuplicateSamplesInFile_SkippedByTheSameRules()
    {
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.Zero), new ImuSample(0.01, Vector3.Zero), new ImuSample(0.02, Vector3.Zero));
        var bytes = Bytes(recording);
        // Patch the second sample's x to NaN and the third sample's time to the first's, straight in the bytes.
        var firstSample = bytes.Length - (3 * 20);
        BitConverter.GetBytes(float.NaN).CopyTo(bytes, firstSample + 20 + 8);
        BitConverter.GetBytes(0.0).CopyTo(bytes, firstSample + 40);
        using var stream = new MemoryStream(bytes);

        var (copy, report) = RecordingBinary.Read(stream);

        copy.Samples.Length.ShouldBe(1);
        report.Count(ReadIssue.NonFiniteValue).ShouldBe(1);
        report.Count(ReadIssue.DuplicateTimestamp).ShouldBe(1);
    }

    [Theory]
    [InlineData(0, "not an Ambulo binary recording")]
    [InlineData(4, "unsupported binary version")]
    [InlineData(6, "channel flags")]
    [InlineData(8, "unknown sensor kind")]
    public void Read_CorruptHeader_ThrowsNamingByteOffset(int offset, string problem)
    {
        var bytes = Bytes(RecordingCsvTests.Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.Zero)));
        bytes[offset] = 0xEE;
        using var stream = new MemoryStream(bytes);

        var ex = Should.Throw<RecordingFormatException>(() => RecordingBinary.Read(stream));

        ex.Message.ShouldContain(problem);
        ex.Message.ShouldStartWith("byte ");
    }

    [Fact]
    public void Read_LabelWithLineBreak_ThrowsNamingByteOffset()
    {
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.Zero));
        recording = recording with { Metadata = recording.Metadata with { Labels = new Dictionary<string, string> { ["note"] = "xy" } } };
        var bytes = Bytes(recording);
        var at = bytes.AsSpan().IndexOf("xy"u8);
        bytes[at + 1] = (byte)'\n';
        using var stream = new MemoryStream(bytes);

        var ex = Should.Throw<RecordingFormatException>(() => RecordingBinary.Read(stream));

        ex.Message.ShouldStartWith("byte ");
        ex.Message.ShouldContain("label 'note'");
    }

    [Fact]
    public void Read_RangeLabelNotAPositiveNumber_ThrowsLikeTheTextReader()
    {
        // It was ignored, so the default ±16 g stood in for a range the file claimed to state.
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.Zero));
        recording = recording with { Metadata = recording.Metadata with { Labels = new Dictionary<string, string> { [RecordingCsv.AccelerationRangeKey] = "20" } } };
        var bytes = Bytes(recording);
        var at = bytes.AsSpan().IndexOf("mps2\u0002\u000020"u8) + 6;
        "-2"u8.CopyTo(bytes.AsSpan(at));
        using var stream = new MemoryStream(bytes);

        var ex = Should.Throw<RecordingFormatException>(() => RecordingBinary.Read(stream));

        ex.Message.ShouldStartWith("byte ");
        ex.Message.ShouldContain("acc_range_mps2 '-2' is not a positive number");
    }

    [Fact]
    public void Write_RangeLabelNotAPositiveNumber_Throws()
    {
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer, new ImuSample(0, Vector3.Zero));
        recording = recording with { Metadata = recording.Metadata with { Labels = new Dictionary<string, string> { [RecordingCsv.AngularVelocityRangeKey] = "fast" } } };

        Should.Throw<ArgumentException>(() => Bytes(recording)).Message.ShouldContain("gyr_range_radps 'fast' is not a positive number");
        Should.Throw<ArgumentException>(() => RecordingCsv.Format(recording)).Message.ShouldContain("gyr_range_radps 'fast' is not a positive number");
    }

    [Fact]
    public void Read_HeaderCutShort_Throws()
    {
        var bytes = Bytes(RecordingCsvTests.Recording(SensorChannels.Accelerometer));
        using var stream = new MemoryStream(bytes[..12]);

        Should.Throw<RecordingFormatException>(() => RecordingBinary.Read(stream)).Message.ShouldContain("ends inside the header");
    }

    [Fact]
    public void Read_RandomBytes_NeverCrashWithAnythingButFormatError()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            using var stream = new MemoryStream([.. RecordingBinary.Magic, .. bytes]);
            try
            {
                var result = RecordingBinary.Read(stream);
                result.Recording.Samples.Length.ShouldBeLessThanOrEqualTo(result.Report.RowsRead);
            }
            catch (RecordingFormatException)
            {
                // a clear error is an acceptable outcome
            }
        }, iter: 500);
    }
}
