using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

public class LowerBackGaitDetectorTests
{
    [Fact]
    public void Detect_RegularWalk_FindsOneContactPerStepJustBeforeEachPeak()
    {
        var (samples, peaks) = SyntheticSteps.Walk(24, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100);

        var score = GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15);
        score.F1.ShouldBe(1.0);
        score.MeanSignedErrorSeconds.ShouldBeLessThan(0);
        result.WalkingBouts.ShouldHaveSingleItem().CadenceStepsPerMinute.ShouldBe(60 / 0.55, 1.5);
    }

    [Fact]
    public void Detect_YawAlternatingWithSteps_AssignsAlternatingSides()
    {
        var (samples, _) = SyntheticSteps.Walk(16, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100);

        var sides = result.InitialContacts.Select(c => c.Side).ToList();
        sides.ShouldNotContain(BodySide.Unknown);
        for (var k = 1; k < sides.Count; k++)
        {
            sides[k].ShouldNotBe(sides[k - 1]);
        }
    }

    [Fact]
    public void Detect_WithoutSensorHeight_GivesNoDistance()
    {
        var (samples, _) = SyntheticSteps.Walk(16, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100);

        result.DistanceModel.ShouldBe(DistanceModel.None);
        result.WalkingBouts.ShouldAllBe(b => b.DistanceMeters == null && b.GaitSpeedMetersPerSecond == null);
    }

    [Fact]
    public void Detect_WithSensorHeight_StatesTheInvertedPendulumModel()
    {
        var (samples, _) = SyntheticSteps.Walk(16, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { SensorHeightMeters = 1.0 });

        result.DistanceModel.ShouldBe(DistanceModel.InvertedPendulum);
        result.WalkingBouts.ShouldAllBe(b => b.DistanceMeters > 0 && b.GaitSpeedMetersPerSecond > 0);
    }

    [Fact]
    public void VerticalExcursionMeters_SinusoidalBounce_MatchesItsPeakToPeak()
    {
        // z = 0.02·sin(2πft) ⇒ a = −0.02·(2πf)²·sin(2πft); one full period has a peak-to-peak of 0.04 m.
        const double fs = 100, f = 1.0;
        var a = Enumerable.Range(0, 101).Select(i => -0.02 * Math.Pow(2 * Math.PI * f, 2) * Math.Sin(2 * Math.PI * f * i / fs)).ToArray();

        LowerBackGaitDetector.VerticalExcursionMeters(a, 0, 100, fs).ShouldBe(0.04, 0.003);
    }
}
