using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Features.SensorIngest;

namespace Ambulo.Web.Tests.SensorIngest;

public class RepetitionCountingSinkTests
{
    private const SensorChannels AccGyro = SensorChannels.Accelerometer | SensorChannels.Gyroscope;

    private static SimulatedSet Set(bool gyroscope) =>
        RepetitionSimulator.Simulate(new SimulationOptions { Seed = 3, Repetitions = 5, RangeOfMotionDegrees = 35, SamplingRateHz = 60, IncludeGyroscope = gyroscope });

    /// <summary>Batches as the session gives them: the rate unknown for the first <paramref name="unmeasured"/> samples.</summary>
    private static void Feed(RepetitionCountingSink sink, ImuSample[] samples, SensorChannels channels, int perBatch = 3, double rateHz = 60, int unmeasured = 0)
    {
        for (var i = 0; i < samples.Length; i += perBatch)
        {
            var batch = samples.AsSpan(i, Math.Min(perBatch, samples.Length - i)).ToArray();
            sink.OnSamples(new SensorBatch(batch, StreamRestarted: i == 0, 0, channels, i + perBatch > unmeasured ? rateHz : null));
        }
    }

    [Fact]
    public void OnSamples_PhoneWithoutGyroscope_CountsFromTheAccelerometerLikeTheOfflineDetector()
    {
        var set = Set(gyroscope: false);
        var sink = new RepetitionCountingSink(RepetitionOptions.Default); // expects both channels
        var reported = new List<Repetition>();
        sink.RepetitionCompleted += reported.Add;

        Feed(sink, set.Recording.Samples, SensorChannels.Accelerometer);

        var offline = RepetitionDetector.Detect(set.Recording.Samples, RepetitionOptions.Default, 60, SensorChannels.Accelerometer);
        offline.Count.ShouldBe(set.TrueCount);
        sink.Count.ShouldBe(offline.Count);
        reported.Count.ShouldBe(sink.Count);
        reported.ShouldAllBe(r => r.RangeOfMotionDegrees > 20);
    }

    [Fact]
    public void OnSamples_RateUnknownAtFirst_HoldsTheSamplesThenCountsThemAllAtTheMeasuredRate()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 3, Repetitions = 5, RangeOfMotionDegrees = 35, SamplingRateHz = 150 });
        var sink = new RepetitionCountingSink(RepetitionOptions.Default);

        Feed(sink, set.Recording.Samples[..90], AccGyro, rateHz: 150, unmeasured: 90);
        sink.SamplingRateHz.ShouldBeNull();
        sink.CounterBuilds.ShouldBe(0);
        Feed(sink, set.Recording.Samples[90..], AccGyro, rateHz: 150);

        var offline = RepetitionDetector.Detect(set.Recording.Samples, RepetitionOptions.Default, 150, AccGyro);
        offline.Count.ShouldBe(set.TrueCount);
        sink.Count.ShouldBe(offline.Count); // nothing held was lost
        sink.SamplingRateHz.ShouldBe(150);
        sink.CounterBuilds.ShouldBe(1);
        sink.SkippedSamples.ShouldBe(0);
    }

    [Fact]
    public void OnSamples_RateNeverMeasured_HoldsAtMostTheLimitAndCountsTheRestAsSkipped()
    {
        var sink = new RepetitionCountingSink(RepetitionOptions.Default);
        var still = Enumerable.Range(0, RepetitionCountingSink.MaxHeldSamples + 100)
            .Select(i => new ImuSample(i * 0.01, new System.Numerics.Vector3(0, 9.8f, 0), default)).ToArray();

        Feed(sink, still, AccGyro, perBatch: 50, unmeasured: int.MaxValue);

        sink.SkippedSamples.ShouldBe(100);
        sink.Count.ShouldBe(0);
    }

    [Fact]
    public void OnSamples_RateReMeasured_BuildsANewCounterForIt()
    {
        var set = Set(gyroscope: true);
        var sink = new RepetitionCountingSink(RepetitionOptions.Default);
        Feed(sink, set.Recording.Samples[..120], AccGyro, rateHz: 60);
        sink.SamplingRateHz.ShouldBe(60);

        sink.OnSamples(new SensorBatch(set.Recording.Samples[120..123], false, 0, AccGyro, 60.5)); // within 2 %: same counter
        sink.CounterBuilds.ShouldBe(1);
        sink.OnSamples(new SensorBatch(set.Recording.Samples[123..126], false, 0, AccGyro, 90));

        sink.SamplingRateHz.ShouldBe(90);
        sink.CounterBuilds.ShouldBe(2);
    }

    [Fact]
    public void OnSamples_FramesWithoutAccelerometer_AreSkippedAndCountedNotThrown()
    {
        var set = Set(gyroscope: true);
        var sink = new RepetitionCountingSink(RepetitionOptions.Default);

        Feed(sink, set.Recording.Samples, SensorChannels.Gyroscope);

        sink.Count.ShouldBe(0);
        sink.SkippedSamples.ShouldBe(set.Recording.Samples.Length);
    }

    [Fact]
    public void Constructor_ForceExercise_IsRefusedWithAReason()
    {
        var refused = Should.Throw<ArgumentException>(() => new RepetitionCountingSink(RepetitionOptions.Press));

        refused.Message.ShouldContain("puck");
    }
}
