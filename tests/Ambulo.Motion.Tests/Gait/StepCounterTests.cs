using System.Numerics;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;
using CsCheck;

namespace Ambulo.Motion.Tests.Gait;

public class StepCounterTests
{
    [Fact]
    public void Detect_RegularWalkIrregularlySampled_CountsEveryStepOnTime()
    {
        var (samples, peaks) = SyntheticSteps.Walk(40);

        var result = StepCounter.Detect(samples);

        result.Steps.ShouldBe(40);
        // The causal band-pass delays each peak by roughly its group delay (≈ 0.08 s at 3 Hz).
        var score = GaitEventMatching.Match(result.StepTimesSeconds, peaks, 0.12);
        score.F1.ShouldBe(1.0);
        score.MeanSignedErrorSeconds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Detect_ThreeIsolatedJolts_CountsNothing()
    {
        var (samples, _) = SyntheticSteps.Walk(3, stepSeconds: 0.6);

        StepCounter.Detect(samples).Steps.ShouldBe(0);
    }

    [Fact]
    public void Detect_SlowWeakSteps_NeedTheHemipareticPreset()
    {
        var (samples, peaks) = SyntheticSteps.Walk(20, stepSeconds: 1.8, amplitudeMps2: 0.5);

        StepCounter.Detect(samples, StepCounterOptions.Healthy).Steps.ShouldBe(0);
        StepCounter.Detect(samples, StepCounterOptions.Hemiparetic).Steps.ShouldBe(peaks.Count);
    }

    [Fact]
    public void Detect_NaNAndOutOfOrderSamples_AreSkippedAndCounted()
    {
        var (samples, _) = SyntheticSteps.Walk(20);
        var damaged = samples.ToList();
        damaged.Insert(100, new ImuSample(damaged[99].TimeSeconds + 0.001, new Vector3(float.NaN, 0, 0)));
        damaged.Insert(200, damaged[150]);
        var counter = new OnlineStepCounter();

        var steps = new List<double>();
        counter.Push(damaged.ToArray(), steps);
        counter.Flush(steps);

        counter.SkippedSamples.ShouldBe(2);
        steps.Count.ShouldBe(20);
    }

    [Fact]
    public void Push_AnyChunking_GivesExactlyTheOfflineSteps()
    {
        var (samples, _) = SyntheticSteps.Walk(30, seed: 7);
        var offline = StepCounter.Detect(samples).StepTimesSeconds;

        Gen.Int[1, 400].Array[1, 60].Sample(chunkSizes =>
        {
            var online = new OnlineStepCounter();
            var steps = new List<double>();
            var position = 0;
            var c = 0;
            while (position < samples.Length)
            {
                var size = Math.Min(chunkSizes[c++ % chunkSizes.Length], samples.Length - position);
                online.Push(samples.AsSpan(position, size), steps);
                online.Steps.ShouldBe(steps.Count);
                position += size;
            }

            online.Flush(steps);
            steps.ShouldBe(offline);
        }, iter: 50);
    }

    /// <summary>
    /// Property: for any walk (steps, step time from brisk to hemiparetic-slow, bounce strength, weak steps, sampling
    /// jitter and seed), any preset and any chunking of the stream, the live counter gives exactly the offline steps.
    /// </summary>
    [Fact]
    public void Push_AnyWalkAnyPresetAnyChunking_GivesExactlyTheOfflineSteps()
    {
        var presets = new[] { StepCounterOptions.Healthy, StepCounterOptions.SlowOrImpaired, StepCounterOptions.Hemiparetic };
        var walks = Gen.Select(Gen.Int[0, 40], Gen.Double[0.4, 1.8], Gen.Double[0.3, 4.0], Gen.Int[0, 1000], Gen.Int[0, 2], Gen.Int[1, 300].Array[1, 20]);

        walks.Sample((steps, stepSeconds, amplitude, seed, preset, chunkSizes) =>
        {
            var weak = new HashSet<int>(Enumerable.Range(0, steps).Where(k => (k + seed) % 5 == 0));
            var (samples, _) = SyntheticSteps.Walk(steps, stepSeconds, rateHz: 50 + (seed % 3 * 25), amplitudeMps2: amplitude, seed: seed, leadSeconds: 1.5,
                weakSteps: weak, weakAmplitudeMps2: amplitude / 3);
            var options = presets[preset];
            var offline = StepCounter.Detect(samples, options).StepTimesSeconds;
            var online = new OnlineStepCounter(options);
            var found = PushInChunks(online, samples, chunkSizes);
            found.ShouldBe(offline);
            online.Steps.ShouldBe(offline.Count);
        }, iter: 60);
    }

    /// <summary>Streams <paramref name="samples"/> through <paramref name="online"/> in chunks of the given sizes (cycled), then flushes; the steps it found.</summary>
    internal static List<double> PushInChunks(OnlineStepCounter online, ImuSample[] samples, int[] chunkSizes)
    {
        var found = new List<double>();
        for (int position = 0, c = 0; position < samples.Length; c++)
        {
            var size = Math.Min(chunkSizes[c % chunkSizes.Length], samples.Length - position);
            online.Push(samples.AsSpan(position, size), found);
            position += size;
        }

        online.Flush(found);
        return found;
    }

    [Fact]
    public void Reset_AfterAStream_CountsTheNextStreamFromZero()
    {
        var (samples, _) = SyntheticSteps.Walk(12);
        var counter = new OnlineStepCounter();
        counter.Push(samples);
        counter.Flush();
        var first = counter.Steps;

        counter.Reset();
        counter.Push(samples);
        counter.Flush();

        first.ShouldBe(12);
        counter.Steps.ShouldBe(first);
    }
}
