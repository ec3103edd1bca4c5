using Ambulo.Motion.Evaluation;

namespace Ambulo.Motion.Tests.Evaluation;

public class StepLengthCalibrationTests
{
    [Fact]
    public void Fit_StridesExactlyOnThePlane_GivesScaleAndSpeedOffset()
    {
        // Reference stride = 1.2 · pendulum stride − 0.1 m/s · stride time: per step 1.2 · L − 0.1 m/s · T.
        var strides = new[] { (0.4, 1.6), (0.7, 1.3), (0.9, 1.1), (1.3, 1.0), (0.6, 1.9) }
            .Select(s => new StrideTerms(s.Item1, s.Item2, (1.2 * s.Item1) - (0.1 * s.Item2))).ToList();

        var line = StepLengthCalibration.Fit(strides).ShouldNotBeNull();

        line.Scale.ShouldBe(1.2, 1e-9);
        line.SpeedOffsetMetersPerSecond.ShouldBe(-0.1, 1e-9);
        line.Strides.ShouldBe(5);
    }

    [Fact]
    public void Fit_NoisyStrides_MinimisesTheSquaredError()
    {
        var strides = new List<StrideTerms> { new(0.5, 1.5, 0.4), new(0.8, 1.2, 0.9), new(1.1, 1.1, 1.15), new(1.4, 1.0, 1.5), new(0.45, 2.0, 0.3) };
        var line = StepLengthCalibration.Fit(strides).ShouldNotBeNull();

        double Sse(double a, double c) => strides.Sum(s => Math.Pow(s.ReferenceMeters - ((a * s.PendulumMeters) + (c * s.ProjectedSeconds)), 2));
        var best = Sse(line.Scale, line.SpeedOffsetMetersPerSecond);
        foreach (var (da, dc) in new[] { (0.01, 0.0), (-0.01, 0.0), (0.0, 0.005), (0.0, -0.005) })
        {
            Sse(line.Scale + da, line.SpeedOffsetMetersPerSecond + dc).ShouldBeGreaterThan(best);
        }
    }

    [Fact]
    public void Fit_TooFewStridesOrTermsInProportion_IsNull()
    {
        StepLengthCalibration.Fit([new StrideTerms(0.8, 1.2, 0.9)]).ShouldBeNull();
        // Every stride with time in proportion to its pendulum length: scale and speed offset cannot be told apart.
        StepLengthCalibration.Fit([new StrideTerms(0.8, 1.6, 0.9), new StrideTerms(0.5, 1.0, 0.6), new StrideTerms(1.0, 2.0, 1.0)]).ShouldBeNull();
    }
}
