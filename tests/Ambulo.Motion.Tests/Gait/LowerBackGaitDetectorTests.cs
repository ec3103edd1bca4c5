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

        // The last bounce is the closing step, which starts no stride and is left out.
        var score = GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks[..^1], 0.15);
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
    public void Detect_ClosingStepKept_WhenAskedFindsEveryPeak()
    {
        var (samples, peaks) = SyntheticSteps.Walk(12, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false });

        GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15).F1.ShouldBe(1.0);
    }

    [Fact]
    public void Detect_SomeStepsUnderTheThreshold_FindsTheWeakStepsBetweenTheStrongOnes()
    {
        // Shuffling or weaker-leg steps: three bounces of 0.3 m/s² stay under the 0.5 m/s² peak threshold.
        var (samples, peaks) = SyntheticSteps.Walk(20, stepSeconds: 0.7, rateHz: 100, weakSteps: new HashSet<int> { 5, 9, 13 }, weakAmplitudeMps2: 0.3);

        var filled = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false });
        var strongOnly = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false, FillSkippedSteps = false });

        var recallFilled = GaitEventMatching.Match(filled.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15).Recall;
        var recallStrong = GaitEventMatching.Match(strongOnly.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15).Recall;
        recallStrong.ShouldBeLessThan(0.9);
        recallFilled.ShouldBe(1.0);
        filled.WalkingBouts.ShouldHaveSingleItem().CadenceStepsPerMinute.ShouldBe(60 / 0.7, 2);
    }

    [Fact]
    public void CadenceStepsPerMinute_PauseInsideTheRun_CountsOnlyTheTimeSpentStepping()
    {
        // Four steps of 0.6 s, a 5 s pause, four more steps of 0.6 s: 100 steps/min while stepping.
        double[] contacts = [0, 0.6, 1.2, 1.8, 2.4, 7.4, 8.0, 8.6, 9.2, 9.8];

        LowerBackGaitDetector.CadenceStepsPerMinute(contacts, 2.0)!.Value.ShouldBe(100, 1e-9);
        LowerBackGaitDetector.CadenceStepsPerMinute([0, 5.0, 10.0], 2.0).ShouldBeNull();
    }
}
