using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

public class LowerBackStepLengthTests
{
    [Fact]
    public void VerticalDisplacementMeters_SinusoidalBounce_MatchesItsPeakToPeak()
    {
        // z = 0.02·sin(2πft) ⇒ a = −0.02·(2πf)²·sin(2πft); at 2 Hz the 1 Hz drift filter barely touches it.
        const double fs = 100, f = 2.0;
        var a = Enumerable.Range(0, 2000).Select(i => -0.02 * Math.Pow(2 * Math.PI * f, 2) * Math.Sin(2 * Math.PI * f * i / fs)).ToArray();

        var z = new double[a.Length];
        LowerBackStepLength.VerticalDisplacementMeters(a, z, fs);

        LowerBackStepLength.PeakToPeak(z, 1000, 1050).ShouldBe(0.04, 0.002);
    }

    [Fact]
    public void HampelInPlace_OneLongStepAmongRegularOnes_ReplacedByTheLocalMedian()
    {
        double[] steps = [0.60, 0.62, 0.61, 1.25, 0.59, 0.60, 0.63];

        LowerBackStepLength.HampelInPlace(steps);

        steps[3].ShouldBe(0.60, 0.011);
        steps[0].ShouldBe(0.60);
        steps[6].ShouldBe(0.63);
    }
}
