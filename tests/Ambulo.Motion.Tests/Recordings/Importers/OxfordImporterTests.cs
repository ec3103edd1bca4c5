using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Recordings.Importers;

public class OxfordImporterTests
{
    [Fact]
    public void Import_ValidationFile_TimesFromNanosecondsAndValuesAsRecorded()
    {
        // First rows of user1_frontpocket: "1245907240064,-1.0319009,5.9124813,7.5848308,0,0,0" and
        // "1245917304595,1.9021933,6.8127007,5.3462524,0,0,0"; the last steps_groundtruth is 327.
        var (recording, report) = OxfordImporter.Import(TestData.Path("oxford-phone-steps", "validation", "user1_frontpocket_1506422223341.csv"));

        report.IsClean.ShouldBeTrue(report.ToString());
        recording.Samples.Length.ShouldBe(19311);
        recording.Samples[0].ShouldBe(new ImuSample(0, new(-1.0319009f, 5.9124813f, 7.5848308f)));
        recording.Samples[1].TimeSeconds.ShouldBe(0.010064531, 1e-12);
        recording.Samples[1].AccelerationMps2.Z.ShouldBe(5.3462524f);
        recording.Metadata.Sensor.ShouldBe(SensorKind.Phone);
        recording.Metadata.Placement.ShouldBe("front-pocket");
        recording.Metadata.Channels.ShouldBe(SensorChannels.Accelerometer);
        recording.Metadata.Label("true_step_count").ShouldBe("327");
        recording.Metadata.Label(OxfordImporter.TimeOriginLabel).ShouldBe("1245907240064");
        recording.Metadata.SamplingRateHz.ShouldBe(100, 2);
    }

    [Theory]
    [InlineData("user1_backpocket_1506422470497.csv", "back-pocket", "343")]
    [InlineData("user2_hand_1506421987098.csv", "hand", "340")]
    public void Import_ValidationFiles_PlacementAndStepCountFromFile(string file, string placement, string steps)
    {
        var recording = OxfordImporter.Import(TestData.Path("oxford-phone-steps", "validation", file)).Recording;

        recording.Metadata.Placement.ShouldBe(placement);
        recording.Metadata.Label("true_step_count").ShouldBe(steps);
    }

    [Fact]
    public void Import_OptimisationWalkFolder_ReadsAccelerometerWithAccuracyColumn()
    {
        // accelerometer.csv (CRLF line ends): "199298775112789,3,-1.1228806,4.0797195,9.730036" then
        // "199298782666164,3,-1.1109096,3.9133227,9.54209".
        var (recording, report) = OxfordImporter.Import(TestData.Path("oxford-phone-steps", "optimisation", "Samsung_Carmelo_Hard_BackPocket_1"));

        report.IsClean.ShouldBeTrue(report.ToString());
        recording.Samples.Length.ShouldBe(40208);
        recording.Samples[0].AccelerationMps2.ShouldBe(new(-1.1228806f, 4.0797195f, 9.730036f));
        recording.Samples[1].TimeSeconds.ShouldBe(0.007553375, 1e-12);
        recording.Metadata.Placement.ShouldBe("back-pocket");
        recording.Metadata.SamplingRateHz.ShouldBe(215, 5);
        recording.Metadata.Label("true_step_count").ShouldBeNull();
    }

    [Fact]
    public void Import_AllZeroFirstReading_SkippedCountedAndTimeOriginKept()
    {
        // The first row of user1_hand is "1012461540465,0.0,0.0,0.0,0,0,0": the sensor had not delivered a value yet.
        var (recording, report) = OxfordImporter.Import(TestData.Path("oxford-phone-steps", "validation", "user1_hand_1506421989895.csv"));

        report.Issues.ShouldContain(i => i.Issue == ReadIssue.AllZeroReading && i.Count == 1 && i.FirstLineNumbers[0] == 1);
        recording.Samples[0].AccelerationMps2.ShouldNotBe(System.Numerics.Vector3.Zero);
        recording.Samples[0].TimeSeconds.ShouldBeGreaterThan(0);
        recording.Metadata.Label(OxfordImporter.TimeOriginLabel).ShouldBe("1012461540465");
    }

    [Fact]
    public void Import_ExplicitPlacement_OverridesName()
    {
        var recording = OxfordImporter.Import(TestData.Path("oxford-phone-steps", "validation", "user2_hand_1506421987098.csv"), placement: "hand-right").Recording;

        recording.Metadata.Placement.ShouldBe("hand-right");
    }

    [Fact]
    public void Import_UnknownLayout_ThrowsNamingFieldCount()
    {
        using var stream = new MemoryStream("1,2,3\n"u8.ToArray());

        Should.Throw<RecordingFormatException>(() => OxfordImporter.Import(stream, "hand", "test")).Message.ShouldContain("3 fields");
    }

    [Fact]
    public void Import_DuplicateAndOutOfOrderTimestamps_SkippedAndCounted()
    {
        using var stream = new MemoryStream("1000000000,3,0,0,9.8\n1010000000,3,0,0,9.8\n1010000000,3,0,0,9.8\n1005000000,3,0,0,9.8\n1020000000,3,0,0,9.8\n"u8.ToArray());

        var (recording, report) = OxfordImporter.Import(stream, "hand", "test");

        recording.Samples.Select(s => s.TimeSeconds).ShouldBe([0, 0.01, 0.02]);
        report.Count(ReadIssue.DuplicateTimestamp).ShouldBe(1);
        report.Count(ReadIssue.OutOfOrderTimestamp).ShouldBe(1);
    }
}
