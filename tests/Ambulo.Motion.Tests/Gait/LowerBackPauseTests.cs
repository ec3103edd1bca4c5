using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// A walk interrupted by a standstill: the Mobilise-D walking bout runs on across a break of up to 3 s
/// (<see cref="LowerBackGaitOptions.MaximumPauseSeconds"/>), the strides around the pause left out.
/// </summary>
public class LowerBackPauseTests
{
    /// <summary>Four steps of 0.6 s, a standstill of <paramref name="pauseSeconds"/> from the last of them, then twelve steps of 0.6 s.</summary>
    private static (Ambulo.Motion.Samples.ImuSample[] Samples, List<double> Steps) WalkPauseWalk(double pauseSeconds, int firstSteps = 4)
    {
        var steps = new List<double>();
        for (var k = 0; k < firstSteps; k++)
        {
            steps.Add(2.0 + 0.6 * k);
        }

        var resume = steps[^1] + pauseSeconds;
        for (var k = 0; k < 12; k++)
        {
            steps.Add(resume + 0.6 * k);
        }

        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 4);
        return (samples, steps);
    }

    [Fact]
    public void Detect_PauseUnderThreeSeconds_SlowOrImpairedKeepsOneBoutWithoutStridesAcrossIt()
    {
        var (samples, steps) = WalkPauseWalk(2.6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired with { SensorHeightMeters = 0.95 });

        var bout = result.WalkingBouts.ShouldHaveSingleItem();
        bout.StartSeconds.ShouldBe(steps[0], 0.15);
        result.InitialContacts.Count(c => c.TimeSeconds < steps[4] - 0.3).ShouldBe(4);
        // The strides holding the 2.6 s standstill are no strides: the cadence stays the walking's 100 steps/min.
        bout.CadenceStepsPerMinute.ShouldBe(100, 3);
        result.Strides.ShouldAllBe(s => s.StrideTimeSeconds < 1.5);
        result.Strides.Count.ShouldBe(2 + 10 - 1);
    }

    [Fact]
    public void Detect_PauseUnderThreeSeconds_SplitsTheBoutWhenPausesAreOff()
    {
        var (samples, steps) = WalkPauseWalk(2.6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired with { MaximumPauseSeconds = 0 });

        // The four steps before the pause are too few for a bout of their own.
        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[4], 0.15);
    }

    [Fact]
    public void Detect_PauseOverThreeSeconds_EndsTheBout()
    {
        var (samples, steps) = WalkPauseWalk(3.6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[4], 0.15);
    }

    [Fact]
    public void Detect_TwoBouncesBeforeAPause_AreNotJoined()
    {
        // Two bounces hold no stride, so they are not walking, pause or not.
        var (samples, steps) = WalkPauseWalk(2.6, firstSteps: 2);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[2], 0.15);
    }
}
