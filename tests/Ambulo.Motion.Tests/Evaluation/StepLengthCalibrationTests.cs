using Ambulo.Motion.Evaluation;

namespace Ambulo.Motion.Tests.Evaluation;

public class StepLengthCalibrationTests
{
    [Fact]
    public void Fit_PairsOnAStrideLine_GivesThePerStepLine()
    {
        // Reference stride = 1.2 · model stride − 0.1 m exactly: per step that is 1.2 · L − 0.05 m (a stride is two steps).
        var pairs = new[] { 0.4, 0.7, 0.9, 1.3 }.Select(x => (x, 1.2 * x - 0.1)).ToList();

        var line = StepLengthCalibration.Fit(pairs).ShouldNotBeNull();

        line.Scale.ShouldBe(1.2, 1e-12);
        line.OffsetMeters.ShouldBe(-0.05, 1e-12);
        line.Strides.ShouldBe(4);
    }

    [Fact]
    public void Fit_NoisyPairs_MinimisesTheSquaredError()
    {
        var pairs = new List<(double, double)> { (0.5, 0.4), (0.8, 0.9), (1.1, 1.15), (1.4, 1.5) };
        var line = StepLengthCalibration.Fit(pairs).ShouldNotBeNull();

        double Sse(double a, double b) => pairs.Sum(p => Math.Pow(p.Item2 - (a * p.Item1 + 2 * b), 2));
        var best = Sse(line.Scale, line.OffsetMeters);
        foreach (var (da, db) in new[] { (0.01, 0.0), (-0.01, 0.0), (0.0, 0.005), (0.0, -0.005) })
        {
            Sse(line.Scale + da, line.OffsetMeters + db).ShouldBeGreaterThan(best);
        }
    }

    [Fact]
    public void Fit_TooFewPairsOrNoSpread_IsNull()
    {
        StepLengthCalibration.Fit([(0.8, 0.9)]).ShouldBeNull();
        StepLengthCalibration.Fit([(0.8, 0.9), (0.8, 1.0)]).ShouldBeNull();
    }
}
