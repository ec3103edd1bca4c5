using System.Numerics;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class FootStrideDetectorTests
{
    [Fact]
    public void Detect_SyntheticStrides_FindsEveryInitialContactWithin10Milliseconds()
    {
        var (samples, ics) = SyntheticGait.Foot(200, strides: 12);

        var result = FootStrideDetector.Detect(samples, 200, BodySide.Left);

        var score = GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), ics, 0.01);
        score.F1.ShouldBe(1.0);
        result.Strides.Count.ShouldBe(ics.Count - 1);
        result.Strides.ShouldAllBe(s => Math.Abs(s.StrideTimeSeconds - 1.1) < 0.01 && s.Side == BodySide.Left);
    }

    [Fact]
    public void Detect_WalkThatEndsInStandstill_FlagsOnlyTheLastStride()
    {
        var (samples, _) = SyntheticGait.Foot(200, strides: 10);

        var result = FootStrideDetector.Detect(samples, 200, BodySide.Left);

        result.Strides.Count.ShouldBeGreaterThan(3);
        result.Strides[^1].EndsInStandstill.ShouldBeTrue();
        result.Strides.Take(result.Strides.Count - 1).ShouldAllBe(s => !s.EndsInStandstill);
    }

    [Fact]
    public void Detect_SyntheticStrides_StanceAndSwingAddUpToStrideTime()
    {
        var (samples, _) = SyntheticGait.Foot(200, strides: 8);

        var result = FootStrideDetector.Detect(samples, 200, BodySide.Right);

        result.Strides.ShouldNotBeEmpty();
        foreach (var s in result.Strides)
        {
            (s.StanceSeconds!.Value + s.SwingSeconds!.Value).ShouldBe(s.StrideTimeSeconds, 1e-9);
            s.SwingSeconds.Value.ShouldBe(0.38, 0.02);
        }
    }

    [Fact]
    public void Detect_SensorMountedAtAnAngleOnTheShoe_FindsTheSameContacts()
    {
        var mounting = Quaternion.CreateFromYawPitchRoll(0.7f, -0.5f, 2.2f);
        var (samples, ics) = SyntheticGait.Foot(100, strides: 10, mounting: mounting);

        var result = FootStrideDetector.Detect(samples, 100, BodySide.Left);

        GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), ics, 0.02).F1.ShouldBe(1.0);
    }

    [Fact]
    public void Detect_SlowWeakHemipareticSwings_NeedsTheHemipareticPreset()
    {
        var (samples, ics) = SyntheticGait.Foot(100, strides: 10, strideSeconds: 2.4, swingPeakDegreesPerSecond: 70);

        var healthy = FootStrideDetector.Detect(samples, 100, BodySide.Left, FootStrideOptions.Healthy);
        var hemiparetic = FootStrideDetector.Detect(samples, 100, BodySide.Left, FootStrideOptions.Hemiparetic);

        healthy.InitialContacts.ShouldBeEmpty();
        GaitEventMatching.Match(hemiparetic.InitialContacts.Select(c => c.TimeSeconds).ToList(), ics, 0.03).F1.ShouldBe(1.0);
    }

    [Fact]
    public void Detect_RecordingShorterThanTwoSeconds_ReturnsNoStrides()
    {
        var samples = Enumerable.Range(0, 50).Select(i => new ImuSample(i / 100.0, new Vector3(0, 0, 9.81f))).ToArray();

        var result = FootStrideDetector.Detect(samples, 100, BodySide.Left);

        result.Strides.ShouldBeEmpty();
    }
}
