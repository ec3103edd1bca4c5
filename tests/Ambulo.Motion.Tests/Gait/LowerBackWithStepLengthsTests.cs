using System.Globalization;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Tests.Gait;

public class LowerBackWithStepLengthsTests
{
    [Fact]
    public void WithStepLengths_OtherCalibration_SameAsDetectingWithIt()
    {
        var trial = new MobgapTrial("MS", "001", "Test11", "Trial1");
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;
        var height = double.Parse(recording.Metadata.Label("sensor_height_m")!, CultureInfo.InvariantCulture);
        var shipped = LowerBackGaitOptions.SlowOrImpaired with { SensorHeightMeters = height };
        var other = shipped with { StepLengthScale = 0.9, StepLengthSpeedOffsetMetersPerSecond = 0.05, SensorHeightMeters = height + 0.05 };
        var fs = recording.Metadata.SamplingRateHz;
        var detected = LowerBackGaitDetector.Detect(recording.Samples, fs, shipped);

        var recalibrated = LowerBackGaitDetector.WithStepLengths(detected, recording.Samples, fs, other);
        var expected = LowerBackGaitDetector.Detect(recording.Samples, fs, other);

        recalibrated.WalkingBouts.ShouldBe(expected.WalkingBouts);
        recalibrated.Strides.ShouldBe(expected.Strides);
        recalibrated.InitialContacts.ShouldBe(expected.InitialContacts);
        recalibrated.Options.ShouldBe(other);
        // Not vacuous: the other calibration does change the speeds.
        recalibrated.WalkingBouts.Select(b => b.GaitSpeedMetersPerSecond).ShouldNotBe(detected.WalkingBouts.Select(b => b.GaitSpeedMetersPerSecond));
    }

    [Fact]
    public void WithStepLengths_NoHeight_BoutsWithoutDistance()
    {
        var trial = new MobgapTrial("HA", "001", "Test5", "Trial1");
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;
        var fs = recording.Metadata.SamplingRateHz;
        var detected = LowerBackGaitDetector.Detect(recording.Samples, fs, LowerBackGaitOptions.SlowOrImpaired with { SensorHeightMeters = 0.95 });

        var withoutHeight = LowerBackGaitDetector.WithStepLengths(detected, recording.Samples, fs, LowerBackGaitOptions.SlowOrImpaired);

        detected.WalkingBouts.ShouldNotBeEmpty();
        withoutHeight.WalkingBouts.ShouldAllBe(b => b.DistanceMeters == null && b.GaitSpeedMetersPerSecond == null);
        withoutHeight.DistanceModel.ShouldBe(DistanceModel.None);
    }

    [Fact]
    public void WithStepLengths_ResultNotFromTheDetector_ClearError()
    {
        var made = new LowerBackGaitResult([], [], [new WalkingBout(1, 2, 3, 90, null, null)], DistanceModel.None, LowerBackGaitOptions.Healthy);

        Should.Throw<ArgumentException>(() => LowerBackGaitDetector.WithStepLengths(made, [], 100, LowerBackGaitOptions.Healthy)).Message.ShouldContain("LowerBackGaitDetector.Detect");
    }
}
