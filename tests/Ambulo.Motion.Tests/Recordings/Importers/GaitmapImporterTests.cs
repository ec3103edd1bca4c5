using System.Text;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Recordings.Importers;

public class GaitmapImporterTests
{
    private static string ImuSample => TestData.Path("gaitmap-foot-mocap", "data", "imu_sample.csv");

    [Fact]
    public void Import_LeftFoot_FirstRowMatchesFileConvertedToRadians()
    {
        // Row "0,0.8808107066241624,0.3115525903932168,2.7622080650315652,..." read by hand: the left_sensor
        // columns are 1, 3, 5 (acc x, y, z) and 7, 9, 11 (gyr x, y, z in deg/s).
        var (recording, report) = GaitmapImporter.Import(ImuSample, BodySide.Left);

        // The NilsPod accelerometer clips at ±16 g during a few heel strikes (e.g. 156.896 m/s² on line 662):
        // those rows are kept and counted, nothing is skipped.
        report.RowsSkipped.ShouldBe(0);
        report.Issues.Select(i => i.Issue).ShouldBe([ReadIssue.Saturated]);
        report.Find(ReadIssue.Saturated)!.FirstLineNumbers[0].ShouldBe(662);
        recording.Samples.Length.ShouldBe(7928);
        var first = recording.Samples[0];
        first.TimeSeconds.ShouldBe(0);
        first.AccelerationMps2.X.ShouldBe(0.8808107f);
        first.AccelerationMps2.Y.ShouldBe(2.762208f);
        first.AccelerationMps2.Z.ShouldBe(9.408650f, 1e-5f);
        first.AngularVelocityRadps.X.ShouldBe((float)(-0.11240170597252427 * Math.PI / 180), 1e-9f);
        first.AngularVelocityRadps.Y.ShouldBe((float)(-0.032157165192030705 * Math.PI / 180), 1e-9f);
        first.AngularVelocityRadps.Z.ShouldBe((float)(-0.06226105420289057 * Math.PI / 180), 1e-9f);
        recording.Metadata.Placement.ShouldBe("foot-left");
        recording.Metadata.SamplingRateHz.ShouldBe(204.8);
        recording.Metadata.Channels.ShouldBe(SensorChannels.Accelerometer | SensorChannels.Gyroscope);
    }

    [Fact]
    public void Import_RightFoot_LastRowAndTimeFromIndex()
    {
        // Last row: index 7927; right_sensor acc_y = -2.4134064900347902, gyr_z = -0.8140273567688203 deg/s.
        var recording = GaitmapImporter.Import(ImuSample, BodySide.Right).Recording;

        var last = recording.Samples[^1];
        last.TimeSeconds.ShouldBe(7927 / 204.8, 1e-12);
        last.AccelerationMps2.Y.ShouldBe((float)-2.4134064900347902);
        last.AngularVelocityRadps.Z.ShouldBe((float)(-0.8140273567688203 * Math.PI / 180), 1e-9f);
        recording.Metadata.Placement.ShouldBe("foot-right");
    }

    [Fact]
    public void Import_IcStrideFile_UsesItsOwnColumnOrderAndRate()
    {
        // imu_sample_ic_stride.csv, first data row: right acc_x -6.493950687, right gyr_y 0.056928183 deg/s.
        var recording = GaitmapImporter.Import(TestData.Path("gaitmap-foot-mocap", "data", "imu_sample_ic_stride.csv"), BodySide.Right).Recording;

        recording.Metadata.SamplingRateHz.ShouldBe(102.4);
        recording.Samples.Length.ShouldBe(4053);
        recording.Samples[0].AccelerationMps2.X.ShouldBe(-6.493950687f);
        recording.Samples[0].AngularVelocityRadps.Y.ShouldBe((float)(0.056928183 * Math.PI / 180), 1e-9f);
        recording.Samples[^1].TimeSeconds.ShouldBe(4052 / 102.4, 1e-12);
    }

    [Fact]
    public void Import_ResultWritesAndReadsBackAsAmbuloFile()
    {
        var recording = GaitmapImporter.Import(ImuSample, BodySide.Left).Recording;

        var copy = RecordingCsv.Parse(RecordingCsv.Format(recording)).Recording;

        copy.Samples.ShouldBe(recording.Samples);
        copy.Metadata.Label("axes").ShouldBe(recording.Metadata.Label("axes"));
    }

    [Fact]
    public void Import_MissingFootColumns_ThrowsNamingTheColumn()
    {
        var text = "sensor,left_sensor,left_sensor\naxis,acc_x,acc_y\n0,1,2\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var ex = Should.Throw<RecordingFormatException>(() => GaitmapImporter.Import(stream, BodySide.Left, 100, "test"));

        ex.Column.ShouldBe("left_sensor/acc_z");
    }

    [Fact]
    public void Import_BadRows_SkippedAndCounted()
    {
        var text = "sensor,left_sensor,left_sensor,left_sensor,left_sensor,left_sensor,left_sensor\n"
            + "axis,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n"
            + "0,0,0,9.8,0,0,0\n1,0,x,9.8,0,0,0\n1,0,0,9.8,0,0,0\n2,0,0,9.8\n3,0,0,9.8,0,0,0\n4,0,0,9.";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var (recording, report) = GaitmapImporter.Import(stream, BodySide.Left, 100, "test");

        recording.Samples.Select(s => s.TimeSeconds).ShouldBe([0, 0.01, 0.03]);
        report.Count(ReadIssue.UnparsableValue).ShouldBe(1);
        report.Count(ReadIssue.WrongColumnCount).ShouldBe(1);
        report.Count(ReadIssue.TruncatedLastLine).ShouldBe(1);
    }

    [Fact]
    public void Import_FootColumnsBeyondThe32nd_AreRead()
    {
        // 34 other columns before the foot's six (it crashed with an index out of range: the row split held 32 fields).
        var others = Enumerable.Range(0, 34).ToArray();
        var text = "sensor," + string.Join(',', others.Select(i => "other")) + ",left_sensor,left_sensor,left_sensor,left_sensor,left_sensor,left_sensor\n"
            + "axis," + string.Join(',', others.Select(i => $"x{i}")) + ",acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n"
            + "0," + string.Join(',', others.Select(i => "7")) + ",1,2,9.8,0,0,90\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var (recording, report) = GaitmapImporter.Import(stream, BodySide.Left, 100, "test");

        report.IsClean.ShouldBeTrue(report.ToString());
        recording.Samples.Single().AccelerationMps2.ShouldBe(new System.Numerics.Vector3(1, 2, 9.8f));
        recording.Samples.Single().AngularVelocityRadps.Z.ShouldBe((float)(Math.PI / 2), 1e-6f);
    }

    [Fact]
    public void Import_UnknownFileWithoutRate_Throws()
    {
        Should.Throw<ArgumentException>(() => GaitmapImporter.Import("/tmp/other.csv", BodySide.Left));
    }
}
