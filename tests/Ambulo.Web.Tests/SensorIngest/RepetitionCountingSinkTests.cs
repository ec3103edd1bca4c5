using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Features.SensorIngest;

namespace Ambulo.Web.Tests.SensorIngest;

public class RepetitionCountingSinkTests
{
    private static SimulatedSet Set(bool gyroscope) =>
        RepetitionSimulator.Simulate(new SimulationOptions { Seed = 3, Repetitions = 5, RangeOfMotionDegrees = 35, SamplingRateHz = 60, IncludeGyroscope = gyroscope });

    private static void Feed(RepetitionCountingSink sink, ImuSample[] samples, SensorChannels channels, int perBatch = 3)
    {
        for (var i = 0; i < samples.Length; i += perBatch)
        {
            sink.OnSamples(samples.AsSpan(i, Math.Min(perBatch, samples.Length - i)), channels, streamRestarted: i == 0);
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
