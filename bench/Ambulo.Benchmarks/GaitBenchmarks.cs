using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;
using BenchmarkDotNet.Attributes;

namespace Ambulo.Benchmarks;

/// <summary>
/// Issue 5 speed target: a week of 100 Hz lower-back data (7 × 24 × 3600 × 100 ≈ 60.5 million samples) analysed in
/// under 5 s on one core. A week does not fit in memory as one array of samples (48 bytes each ≈ 2.9 GB), so it is
/// analysed the way a long recording is: hour by hour. The hour is synthetic (2 min walking at 0.55 s steps with
/// noise, 3 min quiet standing, repeated), generated once with a fixed seed.
/// </summary>
// Run: dotnet run -c Release --project bench/Ambulo.Benchmarks -- --filter "*GaitBenchmarks*" --inProcess --launchCount 1 --warmupCount 1 --iterationCount 3
[MemoryDiagnoser]
public class GaitBenchmarks
{
    private const double RateHz = 100;
    private const int HoursPerWeek = 7 * 24;
    private ImuSample[] _hour = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        var n = (int)(3600 * RateHz);
        _hour = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / RateHz;
            var inCycle = t % 300;
            double vertical = 0, yaw = 0;
            if (inCycle < 120)
            {
                var phase = inCycle % 0.55 / 0.55 * 2 * Math.PI;
                vertical = 2.0 * Math.Cos(phase) + 0.8 * Math.Cos(2 * phase);
                yaw = 0.3 * Math.Sin(phase / 2);
            }

            var noise = (float)((random.NextDouble() - 0.5) * 0.2);
            _hour[i] = new ImuSample(t, new Vector3((float)(9.81 + vertical) + noise, noise, 0.3f), new Vector3(noise, noise, (float)yaw));
        }
    }

    /// <summary>Steps found in a week of lower-back data (walking bouts, contacts, sides, pendulum distance).</summary>
    [Benchmark]
    public int LowerBackWeek() => DetectWeek(LowerBackGaitOptions.Healthy);

    /// <summary>
    /// The same week with the preset the CLI and walk tests use by default for Ambulo's users: it adds the pause joining,
    /// the periodic-bout search and gait-initiation trimming that <see cref="LowerBackWeek"/>'s Healthy preset leaves out.
    /// </summary>
    [Benchmark]
    public int LowerBackWeekSlowOrImpaired() => DetectWeek(LowerBackGaitOptions.SlowOrImpaired);

    private int DetectWeek(LowerBackGaitOptions preset)
    {
        var steps = 0;
        var options = preset with { SensorHeightMeters = 0.95 };
        for (var h = 0; h < HoursPerWeek; h++)
        {
            steps += LowerBackGaitDetector.Detect(_hour, RateHz, options).InitialContacts.Count;
        }

        return steps;
    }

    /// <summary>The live step counter over a week of samples (irregular phone timing is handled inside).</summary>
    [Benchmark]
    public int OnlineStepCounterWeek()
    {
        var counter = new OnlineStepCounter();
        for (var h = 0; h < HoursPerWeek; h++)
        {
            counter.Reset();
            counter.Push(_hour);
            counter.Flush();
        }

        return counter.Steps;
    }
}
