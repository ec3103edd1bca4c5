using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

public class LowerBackBoutStartTests
{
    /// <summary>Two hesitant first steps 1.0 s apart, then 14 steady steps of 0.6 s; the pelvis yaw alternates.</summary>
    private static (Ambulo.Motion.Samples.ImuSample[] Samples, List<double> Steps) HesitantStart()
    {
        var steps = new List<double> { 2.0, 3.0 };
        for (var k = 0; k < 14; k++)
        {
            steps.Add(4.0 + 0.6 * k);
        }

        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), 15, seed: 2);
        return (samples, steps);
    }

    [Fact]
    public void Detect_HesitantFirstSteps_SlowOrImpairedStartsTheBoutWithTheSteadyWalking()
    {
        var (samples, steps) = HesitantStart();

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        // The strides started by the steps at 2.0 s (2.0 s long) and 3.0 s (1.6 s) exceed 1.3× the median stride (1.2 s).
        var bout = result.WalkingBouts.ShouldHaveSingleItem();
        bout.StartSeconds.ShouldBe(steps[2], 0.15);
        result.InitialContacts.ShouldAllBe(c => c.TimeSeconds > steps[1] + 0.3);
        bout.CadenceStepsPerMinute.ShouldBe(100, 3);
    }

    [Fact]
    public void Detect_HesitantFirstSteps_KeptWhenTheRatioIsOff()
    {
        var (samples, steps) = HesitantStart();

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired with { InitiationStrideRatio = 0 });

        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[0], 0.15);
    }

    [Fact]
    public void Detect_SteadyWalk_SlowOrImpairedKeepsTheFirstStep()
    {
        var (samples, peaks) = SyntheticSteps.Walk(16, stepSeconds: 0.6, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        result.InitialContacts[0].TimeSeconds.ShouldBe(peaks[0], 0.15);
    }
}
