using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Tests.Evaluation.References;

public class MobgapReferenceTests
{
    private static readonly MobgapTrial Ha001Straight = new("HA", "001", "Test5", "Trial1");

    private static MobgapReferenceSet Set => MobgapReference.ReadDerived(TestData.Path("mobgap-lowerback", "derived"));

    [Fact]
    public void ReadDerived_AllTables_CountsAsInTheFiles()
    {
        var set = Set;

        set.Recordings.Count.ShouldBe(9);
        set.WalkingBouts.Count.ShouldBe(37);
        set.Events.Count.ShouldBe(862 - 55); // 55 events have no time (nan) in the source
        set.Strides.Count.ShouldBe(394 - 26); // 26 strides have no start/end (nan)
    }

    [Fact]
    public void WalkingBouts_FirstRow_ReadByHand()
    {
        // "HA,001,Test5,Trial1,Stereophoto,0,5.03,10.52,5.49,8,99.6872,0.969628,1.16562,5.16394,Pause,0"
        var bout = Set.BoutsOf(Ha001Straight, MobgapReferenceSystem.Stereophoto).Single();

        bout.ShouldBe(new MobgapWalkingBout(Ha001Straight, MobgapReferenceSystem.Stereophoto, 0, 5.03, 10.52, 5.49, 8, 99.6872, 0.969628, 1.16562, 5.16394, "Pause", false));
    }

    [Fact]
    public void Events_InitialContactsWithSides_ReadByHand()
    {
        // First rows: IC 5.03 Left, IC 5.72 Right, IC 6.34 Left, IC 6.91 Right (Stereophoto, HA/001 Test5 Trial1).
        var contacts = Set.InitialContactsOf(Ha001Straight, MobgapReferenceSystem.Stereophoto).Take(4).ToArray();

        contacts.Select(c => c.TimeSeconds).ShouldBe([5.03, 5.72, 6.34, 6.91]);
        contacts.Select(c => c.Side).ShouldBe([BodySide.Left, BodySide.Right, BodySide.Left, BodySide.Right]);
    }

    [Fact]
    public void Strides_FirstRow_ReadByHand()
    {
        // "HA,001,Test5,Trial1,Stereophoto,0,0,Left,5.03,6.34,1.31,1.17315,0.895533,0.88,0.43"
        var stride = Set.StridesOf(Ha001Straight, MobgapReferenceSystem.Stereophoto).First();

        stride.ShouldBe(new MobgapStride(Ha001Straight, MobgapReferenceSystem.Stereophoto, 0, 0, BodySide.Left, 5.03, 6.34, 1.31, 1.17315, 0.895533, 0.88, 0.43));
    }

    [Fact]
    public void IndipBoutsOfMsParticipant_HaveSpeedAndTurning()
    {
        // "MS,001,Test11,Trial1,INDIP,1,45.35,55.49,10.14,11,93.3961,0.365176,0.483923,2.90045,Pause,1"
        var bout = Set.BoutsOf(new MobgapTrial("MS", "001", "Test11", "Trial1"), MobgapReferenceSystem.Indip).Single(b => b.WalkingBoutId == 1);

        bout.WalkingSpeedMetersPerSecond.ShouldBe(0.365176);
        bout.CadenceStepsPerMinute.ShouldBe(93.3961);
        bout.Turning.ShouldBe(true);
    }

    [Fact]
    public void Recordings_MatchImportedSampleCounts()
    {
        var info = Set.Recordings.Single(r => r.Trial == new MobgapTrial("MS", "001", "Test11", "Trial1"));
        var path = info.Trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"));

        info.SampleCount.ShouldBe(22728);
        MobgapImporter.Import(path).Recording.Samples.Length.ShouldBe(info.SampleCount);
        MobgapTrial.FromPath(path).ShouldBe(info.Trial);
    }
}
