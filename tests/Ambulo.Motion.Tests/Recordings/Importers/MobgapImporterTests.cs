using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Tests.Recordings.Importers;

public class MobgapImporterTests
{
    private static string Trial(string cohort, string id, string name) =>
        TestData.Path("mobgap-lowerback", "data_csv", cohort, id, $"TimeMeasure1_{name}.csv");

    [Fact]
    public void Import_HealthyTest5_FirstRowConvertedFromGAndDegreesPerSecond()
    {
        // HA/001 Test5_Trial1, row "0,0.9548392163990763,-0.15229248609871882,-0.09066828215547612,
        // 7.540124583921633,-0.1718873385392476,-1.13445643435903" (acc in g, gyr in deg/s).
        var (recording, report) = MobgapImporter.Import(Trial("HA", "001", "Test5_Trial1"));

        report.IsClean.ShouldBeTrue(report.ToString());
        recording.Samples.Length.ShouldBe(1246); // derived/recordings.csv: n_samples 1246
        var first = recording.Samples[0];
        first.AccelerationMps2.X.ShouldBe((float)(0.9548392163990763 * 9.80665), 1e-5f);
        first.AccelerationMps2.Y.ShouldBe((float)(-0.15229248609871882 * 9.80665), 1e-5f);
        first.AngularVelocityRadps.X.ShouldBe((float)(7.540124583921633 * Math.PI / 180), 1e-7f);
        first.AngularVelocityRadps.Z.ShouldBe((float)(-1.13445643435903 * Math.PI / 180), 1e-7f);
        recording.Samples[^1].TimeSeconds.ShouldBe(12.45, 1e-12);
        recording.Metadata.Placement.ShouldBe("lower-back");
        recording.Metadata.SamplingRateHz.ShouldBe(100);
    }

    [Fact]
    public void Import_StandingStill_VerticalAxisReadsAboutOneG()
    {
        var recording = MobgapImporter.Import(Trial("HA", "001", "Test5_Trial1")).Recording;

        // The first second is standing before the walk: x (up) near +9.8 m/s².
        recording.Samples.Take(100).Average(s => (double)s.AccelerationMps2.X).ShouldBe(9.4, 0.6);
    }

    [Fact]
    public void Import_LabelsFromPathAndParticipantMetadata()
    {
        var recording = MobgapImporter.Import(Trial("MS", "001", "Test11_Trial1")).Recording;

        recording.Metadata.Label("cohort").ShouldBe("MS");
        recording.Metadata.Label("participant").ShouldBe("001");
        recording.Metadata.Label("test").ShouldBe("Test11");
        recording.Metadata.Label("trial").ShouldBe("Trial1");
        recording.Metadata.Label("sensor_height_m").ShouldBe("0.975");
        recording.Metadata.Label("height_m").ShouldBe("1.68");
        recording.Samples.Length.ShouldBe(22728);
    }

    [Fact]
    public void Import_MissingColumn_ThrowsNamingIt()
    {
        using var stream = new MemoryStream("samples,acc_x,acc_y,acc_z,gyr_x,gyr_y\n0,1,0,0,0,0\n"u8.ToArray());

        Should.Throw<RecordingFormatException>(() => MobgapImporter.Import(stream)).Column.ShouldBe("gyr_z");
    }
}
