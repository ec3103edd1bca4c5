using System.Globalization;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Tests.Gait;

namespace Ambulo.Motion.Tests.Evaluation;

public class GaitValidationTests
{
    private static SensorRecording Recording(ImuSample[] samples, string placement, double rate) => TestRecordings.Of(samples, placement, rate);

    [Fact]
    public void ValidateSteps_OneMissingReferenceStep_ShowsAsPositiveCountError()
    {
        var (samples, peaks) = SyntheticSteps.Walk(40);

        var v = GaitValidation.ValidateSteps(Recording(samples, "hand", 100), peaks.Skip(1).ToList(), 0.2);

        v.Detected.ShouldBe(40);
        v.CountErrorPercent.ShouldBe(100.0 / 39, 1e-9);
        v.Timing.FalsePositives.ShouldBe(1);
    }

    [Fact]
    public void ValidateFoot_ReferenceFromTheSyntheticTruth_ScoresEveryStride()
    {
        var (samples, ics) = SyntheticGait.Foot(200, strides: 10);
        var reference = ics.Zip(ics.Skip(1), (a, b) => new ReferenceStride(BodySide.Left, a, b, null)).ToList();

        var v = GaitValidation.ValidateFoot([Recording(samples, "foot-left", 200)], reference, 0.1);

        v.Strides.F1.ShouldBe(1.0);
        v.StrideTimeMaeSeconds.ShouldBeLessThan(0.01);
        v.StrideLengthMaeMeters.ShouldBeNull();
    }

    [Fact]
    public void LowerBackSpeedAtReferenceContacts_StraightWalk_WithinATenthOfTheReferenceAndNoneWithoutAHeight()
    {
        var trial = new MobgapTrial("MS", "001", "Test5", "Trial1");
        var set = MobgapReference.ReadDerived(TestData.Path("mobgap-lowerback", "derived"));
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;
        var contacts = set.InitialContactsOf(trial, MobgapReferenceSystem.Indip).Select(e => new InitialContact(e.TimeSeconds, e.Side)).ToList();
        var bout = set.BoutsOf(trial, MobgapReferenceSystem.Indip).Single();
        var reference = new ReferenceBout(bout.StartSeconds, bout.EndSeconds, bout.CadenceStepsPerMinute!.Value, bout.WalkingSpeedMetersPerSecond);
        var height = double.Parse(recording.Metadata.Label("sensor_height_m")!, CultureInfo.InvariantCulture);

        var speed = GaitValidation.LowerBackSpeedAtReferenceContacts(recording, contacts, [reference], LowerBackGaitOptions.SlowOrImpaired with { SensorHeightMeters = height });
        var none = GaitValidation.LowerBackSpeedAtReferenceContacts(recording, contacts, [reference], LowerBackGaitOptions.SlowOrImpaired);

        speed.Single()!.Value.ShouldBe(bout.WalkingSpeedMetersPerSecond!.Value, 0.1);
        none.Single().ShouldBeNull();
    }
}
