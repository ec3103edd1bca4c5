using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Tests.Gait;

namespace Ambulo.Motion.Tests.Evaluation;

public class GaitValidationTests
{
    private static SensorRecording Recording(ImuSample[] samples, string placement, double rate) => new(new RecordingMetadata
    {
        Sensor = SensorKind.Imu,
        Placement = placement,
        SamplingRateHz = rate,
        Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
    }, samples);

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
}
