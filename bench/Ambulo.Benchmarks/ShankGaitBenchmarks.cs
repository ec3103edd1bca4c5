using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;
using BenchmarkDotNet.Attributes;

namespace Ambulo.Benchmarks;

/// <summary>
/// A week of 100 Hz shank gyroscope data (about 60.5 million samples) through <see cref="ShankGaitDetector"/>, hour by
/// hour as <see cref="GaitBenchmarks"/> does for the lower back. The hour is synthetic, generated once with a fixed
/// seed: 2 min walking (1.1 s strides, a half-sine swing lobe of 250 °/s, a backward stance plateau and a dip at each
/// contact) then 3 min standing, repeated.
/// </summary>
// Run: dotnet run -c Release --project bench/Ambulo.Benchmarks -- --filter "*ShankGaitBenchmarks*" --inProcess --launchCount 1 --warmupCount 1 --iterationCount 3
[MemoryDiagnoser]
public class ShankGaitBenchmarks
{
    private const double RateHz = 100;
    private const int HoursPerWeek = 7 * 24;
    private ImuSample[] _hour = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var n = (int)(3600 * RateHz);
        _hour = new ImuSample[n];
        const double Stride = 1.1;
        const double Swing = 0.42;
        for (var i = 0; i < n; i++)
        {
            var t = i / RateHz;
            var inCycle = t % 300;
            var rate = 0.0;
            if (inCycle < 120)
            {
                var phase = inCycle % Stride; // 0 = initial contact
                var toSwing = Stride - Swing;
                rate = phase >= toSwing ? 250 * Math.Sin(Math.PI * (phase - toSwing) / Swing) : -60;
                rate -= 90 * (Math.Exp(-phase * phase / 0.0018) + Math.Exp(-(phase - toSwing) * (phase - toSwing) / 0.005));
            }

            var noise = (float)((random.NextDouble() - 0.5) * 0.05);
            _hour[i] = new ImuSample(t, new Vector3(0.3f, 0.1f, 9.81f), new Vector3(noise, (float)(rate * Math.PI / 180), -noise));
        }

        // 12 walks of 109 strides each, less the last stride of a walk (its final swing lands at the 2-minute mark or not).
        var strides = ShankGaitDetector.Detect(_hour, RateHz, BodySide.Left, ShankGaitOptions.SlowOrImpaired).Strides.Count;
        if (strides < 12 * 100)
        {
            throw new InvalidOperationException($"the synthetic hour gave {strides} strides; the benchmark would not measure walking");
        }
    }

    /// <summary>Strides found in a week of shank data with the preset the CLI uses by default.</summary>
    [Benchmark]
    public int ShankWeekSlowOrImpaired()
    {
        var strides = 0;
        for (var h = 0; h < HoursPerWeek; h++)
        {
            strides += ShankGaitDetector.Detect(_hour, RateHz, BodySide.Left, ShankGaitOptions.SlowOrImpaired).Strides.Count;
        }

        return strides;
    }
}
