using System.Numerics;
using System.Text;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Recordings;

/// <summary>
/// The implausible-value rule of the shared reading path: a component beyond twice the sensor's range is no reading,
/// so the row is skipped and counted under its own reason, by every reader.
/// </summary>
public class SampleSanitizerTests
{
    private const SensorChannels AccAndGyr = SensorChannels.Accelerometer | SensorChannels.Gyroscope;
    private static readonly double AccelerationLimit = 2 * RecordingReadOptions.Default.AccelerationRangeMps2;
    private static readonly double AngularVelocityLimit = 2 * RecordingReadOptions.Default.AngularVelocityRangeRadps;

    /// <summary>The largest float that is not beyond <paramref name="limit"/>.</summary>
    private static float LargestWithin(double limit)
    {
        var f = (float)limit;
        return f > limit ? MathF.BitDecrement(f) : f;
    }

    private static ImuSample Sample(double t, Vector3 acc, Vector3 gyr = default) => new(t, acc, gyr);

    private static (SampleSanitizer Sanitizer, bool[] Kept) PushAll(SensorChannels channels, params ImuSample[] samples)
    {
        var sanitizer = new SampleSanitizer(RecordingReadOptions.Default, channels);
        var kept = new bool[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            kept[i] = sanitizer.Push(samples[i], i + 1, out _);
        }

        return (sanitizer, kept);
    }

    [Theory]
    [InlineData(1e30f)]
    [InlineData(-1e30f)]
    [InlineData(1000f)]
    public void Push_AccelerationSpikeBeyondTwiceTheRange_IsSkippedAndCountedAsImplausible(float spike)
    {
        var (sanitizer, kept) = PushAll(AccAndGyr,
            Sample(0, new Vector3(0, 0, 9.81f)),
            Sample(0.01, new Vector3(0, spike, 9.81f)),
            Sample(0.02, new Vector3(0, 0, 9.81f)));

        kept.ShouldBe([true, false, true]);
        var report = sanitizer.Report();
        report.Count(ReadIssue.ImplausibleValue).ShouldBe(1);
        report.Find(ReadIssue.ImplausibleValue)!.FirstLineNumbers.ShouldBe([2]);
        report.Find(ReadIssue.ImplausibleValue)!.FirstDetail.ShouldContain("acceleration");
        report.Count(ReadIssue.Saturated).ShouldBe(0); // counted once, under its own reason
        report.RowsSkipped.ShouldBe(1);
    }

    [Theory]
    [InlineData(1e30f)]
    [InlineData(-100f)]
    public void Push_GyroscopeSpikeBeyondTwiceTheRange_IsSkippedAndCountedAsImplausible(float spike)
    {
        var (sanitizer, kept) = PushAll(AccAndGyr,
            Sample(0, new Vector3(0, 0, 9.81f), new Vector3(0.1f, 0, 0)),
            Sample(0.01, new Vector3(0, 0, 9.81f), new Vector3(0.1f, 0, spike)));

        kept.ShouldBe([true, false]);
        var report = sanitizer.Report();
        report.Count(ReadIssue.ImplausibleValue).ShouldBe(1);
        report.Find(ReadIssue.ImplausibleValue)!.FirstDetail.ShouldContain("angular velocity");
    }

    [Fact]
    public void Push_ValuesJustInsideTheLimit_AreKeptAndCountedAsSaturated()
    {
        var acc = LargestWithin(AccelerationLimit);
        var gyr = LargestWithin(AngularVelocityLimit);

        var (sanitizer, kept) = PushAll(AccAndGyr,
            Sample(0, new Vector3(-acc, 0, 9.81f)),
            Sample(0.01, new Vector3(0, 0, 9.81f), new Vector3(0, gyr, 0)));

        kept.ShouldBe([true, true]);
        sanitizer.Report().Count(ReadIssue.ImplausibleValue).ShouldBe(0);
        sanitizer.Report().Count(ReadIssue.Saturated).ShouldBe(2);
    }

    [Fact]
    public void Push_ValuesJustBeyondTheLimit_AreSkipped()
    {
        var acc = MathF.BitIncrement(LargestWithin(AccelerationLimit));
        var gyr = MathF.BitIncrement(LargestWithin(AngularVelocityLimit));

        var (sanitizer, kept) = PushAll(AccAndGyr,
            Sample(0, new Vector3(0, 0, acc)),
            Sample(0.01, new Vector3(0, 0, 9.81f), new Vector3(-gyr, 0, 0)));

        kept.ShouldBe([false, false]);
        sanitizer.Report().Count(ReadIssue.ImplausibleValue).ShouldBe(2);
    }

    [Fact]
    public void Push_StatedRange_SetsTheLimit()
    {
        // A ±2 g accelerometer: 40 m/s² is beyond 2 × 19.6, although well inside the default ±16 g.
        var sanitizer = new SampleSanitizer(RecordingReadOptions.Default, SensorChannels.Accelerometer, accelerationRangeMps2: 2 * 9.80665);

        sanitizer.Push(Sample(0, new Vector3(0, 0, 39)), 1, out _).ShouldBeTrue();
        sanitizer.Push(Sample(0.01, new Vector3(0, 0, 40)), 2, out _).ShouldBeFalse();
        sanitizer.Report().Count(ReadIssue.ImplausibleValue).ShouldBe(1);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Push_NonFiniteValue_StillCountedAsNonFiniteNotImplausible(float value)
    {
        var (sanitizer, kept) = PushAll(AccAndGyr,
            Sample(0, new Vector3(0, 0, 9.81f)),
            Sample(0.01, new Vector3(value, 0, 9.81f)),
            Sample(0.02, new Vector3(0, 0, 9.81f), new Vector3(0, value, 0)));

        kept.ShouldBe([true, false, false]);
        sanitizer.Report().Count(ReadIssue.NonFiniteValue).ShouldBe(2);
        sanitizer.Report().Count(ReadIssue.ImplausibleValue).ShouldBe(0);
    }

    [Fact]
    public void Push_NonFiniteTime_StillCountedAsNonFiniteTime()
    {
        var (sanitizer, kept) = PushAll(SensorChannels.Accelerometer, Sample(double.NaN, new Vector3(0, 0, 1e30f)));

        kept.ShouldBe([false]);
        sanitizer.Report().Count(ReadIssue.NonFiniteTime).ShouldBe(1);
        sanitizer.Report().Count(ReadIssue.ImplausibleValue).ShouldBe(0);
    }

    [Fact]
    public void Push_GyroscopeValuesWithoutGyroscopeChannel_AreNotChecked()
    {
        var (sanitizer, kept) = PushAll(SensorChannels.Accelerometer, Sample(0, new Vector3(0, 0, 9.81f), new Vector3(1e30f, 0, 0)));

        kept.ShouldBe([true]);
        sanitizer.Report().IsClean.ShouldBeTrue();
    }

    [Fact]
    public void Push_SkippedSpike_DoesNotBecomeThePreviousTime()
    {
        // The spike row is dropped before the time checks, like a NaN row: the next row is compared with the row before it.
        var (sanitizer, kept) = PushAll(SensorChannels.Accelerometer,
            Sample(0, new Vector3(0, 0, 9.81f)),
            Sample(0.02, new Vector3(0, 0, 1e30f)),
            Sample(0.01, new Vector3(0, 0, 9.81f)));

        kept.ShouldBe([true, false, true]);
        sanitizer.Report().Count(ReadIssue.OutOfOrderTimestamp).ShouldBe(0);
    }

    [Fact]
    public void Push_FactorInfinity_KeepsEveryFiniteValue()
    {
        var sanitizer = new SampleSanitizer(new RecordingReadOptions { ImplausibleRangeFactor = double.PositiveInfinity }, AccAndGyr);

        sanitizer.Push(Sample(0, new Vector3(float.MaxValue, 0, 0), new Vector3(0, 0, float.MinValue)), 1, out _).ShouldBeTrue();
        sanitizer.Report().Count(ReadIssue.ImplausibleValue).ShouldBe(0);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Constructor_FactorBelowOne_Throws(double factor)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new SampleSanitizer(new RecordingReadOptions { ImplausibleRangeFactor = factor }, SensorChannels.Accelerometer));
    }

    [Fact]
    public void Push_BadRowsAfterTheFirstOfEachKind_AllocateNothing()
    {
        // Readers meet week-long files where every row may have the same fault; only the first of each kind gets a text.
        var sanitizer = new SampleSanitizer(RecordingReadOptions.Default, AccAndGyr);
        var good = new Vector3(0, 0, 9.81f);
        var t = 0.0;
        long line = 0;
        void Cycle()
        {
            sanitizer.Push(Sample(t += 0.01, good), ++line, out _);
            sanitizer.Push(Sample(t, good), ++line, out _); // duplicate time
            sanitizer.Push(Sample(t - 0.5, good), ++line, out _); // a little back: out of order
            sanitizer.Push(Sample(t + 0.001, new Vector3(float.NaN, 0, 0)), ++line, out _);
            sanitizer.Push(Sample(double.PositiveInfinity, good), ++line, out _);
            sanitizer.Push(Sample(t + 0.002, new Vector3(0, 0, 1e30f)), ++line, out _); // implausible
            sanitizer.Push(Sample(t + 0.003, new Vector3(0, 0, 300)), ++line, out _); // saturated, kept
            sanitizer.Push(Sample(t += 2, good), ++line, out _); // gap
            sanitizer.Push(Sample(t -= 100, good), ++line, out _); // clock reset: the rows after it follow the new clock
            sanitizer.Reject(ReadIssue.WrongColumnCount, ++line, sanitizer.WantsDetail(ReadIssue.WrongColumnCount) ? "3 fields" : null);
        }

        Cycle();
        var fewestBytes = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++) // the quietest of three: the runtime may allocate once while re-compiling
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                Cycle();
            }

            fewestBytes = Math.Min(fewestBytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        fewestBytes.ShouldBe(0);
        var report = sanitizer.Report();
        foreach (var issue in new[] { ReadIssue.DuplicateTimestamp, ReadIssue.OutOfOrderTimestamp, ReadIssue.NonFiniteValue, ReadIssue.NonFiniteTime,
            ReadIssue.ImplausibleValue, ReadIssue.Saturated, ReadIssue.Gap, ReadIssue.ClockJump, ReadIssue.WrongColumnCount })
        {
            report.Count(issue).ShouldBe(3001, issue.ToString());
        }
    }

    // ------------------------------------------------------------ every reader applies it

    private const string Head = "# ambulo-recording: 1\n# sensor: imu\n# placement: shank-left\n# sampling_rate_hz: 100\n";

    [Fact]
    public void RecordingCsv_Spike_IsSkippedAndCounted()
    {
        var result = RecordingCsv.Parse(Head + "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps,gyr_y_radps,gyr_z_radps\n"
            + "0,0,0,9.81,0,0,0\n0.01,0,0,1e30,0,0,0\n0.02,0,0,9.81,0,500,0\n0.03,0,0,9.81,0,0,0\n");

        result.Recording.Samples.Select(s => s.TimeSeconds).ShouldBe([0, 0.03]);
        result.Report.Count(ReadIssue.ImplausibleValue).ShouldBe(2);
        result.Report.Find(ReadIssue.ImplausibleValue)!.FirstLineNumbers.ShouldBe([7, 8]);
    }

    [Fact]
    public void RecordingCsv_RangeLabel_SetsTheLimit()
    {
        var result = RecordingCsv.Parse(Head + "# acc_range_mps2: 19.6133\nt_s,acc_x_mps2,acc_y_mps2,acc_z_mps2\n0,0,0,39\n0.01,0,0,40\n");

        result.Recording.Samples.Length.ShouldBe(1);
        result.Report.Count(ReadIssue.ImplausibleValue).ShouldBe(1);
    }

    [Fact]
    public void RecordingBinary_Spike_IsSkippedAndCounted()
    {
        var recording = RecordingCsvTests.Recording(SensorChannels.Accelerometer,
            new ImuSample(0, new Vector3(0, 0, 9.81f)), new ImuSample(0.01, new Vector3(0, 0, 1e30f)), new ImuSample(0.02, new Vector3(0, 0, 9.81f)));
        using var stream = new MemoryStream();
        RecordingBinary.Write(stream, recording);
        stream.Position = 0;

        var (copy, report) = RecordingBinary.Read(stream);

        copy.Samples.Length.ShouldBe(2);
        report.Find(ReadIssue.ImplausibleValue)!.FirstLineNumbers.ShouldBe([2]);
    }

    [Fact]
    public void OxfordImporter_Spike_IsSkippedAndCounted()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            "1000000000,0.1,9.8,0.2,0,0,0\n1010000000,0.1,9.8,1e30,0,0,0\n1020000000,0.1,9.8,0.2,0,1,0\n"));

        var (recording, report) = OxfordImporter.Import(stream, "front-pocket", "test");

        recording.Samples.Length.ShouldBe(2);
        report.Count(ReadIssue.ImplausibleValue).ShouldBe(1);
    }

    [Fact]
    public void MobgapImporter_Spike_IsSkippedAndCounted()
    {
        // Acceleration in g: 40 g is beyond 2 × 16 g; gyroscope in deg/s: 9000 °/s is beyond 2 × 2000 °/s.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            "samples,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n0,1,0,0,0,0,0\n1,40,0,0,0,0,0\n2,1,0,0,9000,0,0\n3,1,0,0,0,0,0\n"));

        var (recording, report) = MobgapImporter.Import(stream);

        recording.Samples.Length.ShouldBe(2);
        report.Count(ReadIssue.ImplausibleValue).ShouldBe(2);
    }

    [Fact]
    public void GaitmapImporter_Spike_IsSkippedAndCounted()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            ",left_sensor,left_sensor,left_sensor,left_sensor,left_sensor,left_sensor\n"
            + ",acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n"
            + "0,0,0,9.8,0,0,0\n1,0,0,9.8,0,1e20,0\n2,0,0,9.8,0,0,0\n"));

        var (recording, report) = GaitmapImporter.Import(stream, BodySide.Left, 100, "test");

        recording.Samples.Length.ShouldBe(2);
        report.Count(ReadIssue.ImplausibleValue).ShouldBe(1);
    }
}
