using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest;
using CsCheck;

namespace Ambulo.Web.Tests.SensorIngest;

public class SamplingRateEstimatorTests
{
    private static ImuSample[] At(IEnumerable<double> times) => [.. times.Select(t => new ImuSample(t, default, default))];

    private static ImuSample[] Steady(double rateHz, int count, double start = 0) => At(Enumerable.Range(0, count).Select(i => start + (i / rateHz)));

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(200)]
    public void Push_SteadyRate_IsMeasuredAfterOneWindow(double rateHz)
    {
        var estimator = new SamplingRateEstimator();

        estimator.Push(Steady(rateHz, SamplingRateEstimator.WindowIntervals)).ShouldBeFalse(); // one interval short
        estimator.SamplingRateHz.ShouldBeNull();
        estimator.Push(Steady(rateHz, 1, start: SamplingRateEstimator.WindowIntervals / rateHz)).ShouldBeTrue();

        estimator.SamplingRateHz!.Value.ShouldBe(rateHz, rateHz * 1e-9);
    }

    [Fact]
    public void Push_JitteredTimestamps_GivesTheMeanRate()
    {
        // Each reading late by 0-8 ms at 100 Hz (a busy browser), the clock itself steady.
        var random = new Random(5);
        var times = Enumerable.Range(0, 400).Select(i => (i / 100.0) + (random.NextDouble() * 0.008));
        var estimator = new SamplingRateEstimator();

        estimator.Push(At(times));

        estimator.SamplingRateHz!.Value.ShouldBe(100, 2.5);
        estimator.LatestWindowHz!.Value.ShouldBe(100, 2.5);
    }

    [Theory]
    [InlineData(60, 0.001)]  // a clock rounded to 1 ms: intervals of 16 and 17 ms
    [InlineData(60, 0.05)]   // rounded to 50 ms: most readings share a timestamp
    [InlineData(100, 0.0001)]
    public void Push_CoarsenedTimestamps_GivesTheTrueMeanRate(double rateHz, double resolutionSeconds)
    {
        var times = Enumerable.Range(0, 1000).Select(i => Math.Floor(i / rateHz / resolutionSeconds) * resolutionSeconds);
        var estimator = new SamplingRateEstimator();

        estimator.Push(At(times));

        estimator.SamplingRateHz!.Value.ShouldBe(rateHz, rateHz * 0.08);
    }

    [Fact]
    public void Push_PauseInsideTheWindow_IsLeftOutNotAveragedIn()
    {
        var before = Steady(100, 20);
        var after = Steady(100, 40, start: 3); // 2.8 s without readings (the page was in the background)
        var estimator = new SamplingRateEstimator();

        estimator.Push([.. before, .. after]);

        estimator.SamplingRateHz!.Value.ShouldBe(100, 1e-6);
    }

    [Fact]
    public void Push_SampleEarlierThanThePrevious_IsIgnored()
    {
        var times = Enumerable.Range(0, 60).Select(i => i / 50.0).ToList();
        times.Insert(30, 0.1); // out of order
        var estimator = new SamplingRateEstimator();

        estimator.Push(At(times));

        estimator.SamplingRateHz!.Value.ShouldBe(50, 1e-6);
    }

    [Fact]
    public void Break_LostFrames_TheIntervalAcrossTheHoleIsNotMeasured()
    {
        var estimator = new SamplingRateEstimator();
        estimator.Push(Steady(50, 30));
        estimator.Break();
        estimator.Push(Steady(50, 30, start: 0.6 + (1.5 / 50))); // one and a half intervals missing: no gap by size alone

        estimator.SamplingRateHz!.Value.ShouldBe(50, 1e-6);
    }

    [Fact]
    public void Push_AllTimestampsEqualOrOutsideThePlausibleRange_MeasuresNothing()
    {
        var estimator = new SamplingRateEstimator();

        estimator.Push(At(Enumerable.Repeat(1.0, 200)));
        estimator.Push(Steady(2, 60, start: 2)); // 2 Hz: too slow for a motion sensor
        estimator.Push(Steady(5000, 60, start: 40)); // 5 kHz: a hostile or broken clock

        estimator.SamplingRateHz.ShouldBeNull();
        estimator.ImplausibleWindows.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Push_RateChangesForGood_IsReMeasuredAfterTwoAgreeingWindows()
    {
        var estimator = new SamplingRateEstimator();
        estimator.Push(Steady(100, 200));
        var end = 199 / 100.0;

        estimator.Push(Steady(50, SamplingRateEstimator.WindowIntervals + 1, start: end + 0.02)).ShouldBeFalse(); // one window: could be a hiccup
        estimator.SamplingRateHz!.Value.ShouldBe(100, 1e-6);
        estimator.Push(Steady(50, SamplingRateEstimator.WindowIntervals + 1, start: end + 3)).ShouldBeTrue();

        estimator.SamplingRateHz!.Value.ShouldBe(50, 1e-6);
    }

    [Fact]
    public void Push_SmallDrift_KeepsTheRateInUse()
    {
        var estimator = new SamplingRateEstimator();
        estimator.Push(Steady(100, 100));

        var changed = estimator.Push(Steady(90, 300, start: 2));

        changed.ShouldBeFalse();
        estimator.SamplingRateHz!.Value.ShouldBe(100, 1e-6);
        estimator.LatestWindowHz!.Value.ShouldBe(90, 1e-6);
    }

    [Fact]
    public void Reset_NewStream_ForgetsTheRate()
    {
        var estimator = new SamplingRateEstimator();
        estimator.Push(Steady(100, 100));

        estimator.Reset();

        estimator.SamplingRateHz.ShouldBeNull();
        estimator.Push(Steady(60, 60, start: 100));
        estimator.SamplingRateHz!.Value.ShouldBe(60, 1e-6);
    }

    [Fact]
    public void Estimate_AnyIntervals_IsNullOrAPlausibleRateAndNeverThrows()
    {
        Gen.Double[-1, 1].Array[1, 100].Sample(intervals =>
        {
            var rate = SamplingRateEstimator.Estimate(intervals);
            (rate is null || rate is >= SamplingRateEstimator.MinimumHz and <= SamplingRateEstimator.MaximumHz).ShouldBeTrue();
        });
    }
}
