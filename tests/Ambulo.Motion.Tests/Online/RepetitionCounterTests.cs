using System.Numerics;
using Ambulo.Motion.Online;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using CsCheck;

namespace Ambulo.Motion.Tests.Online;

public class RepetitionCounterTests
{
    private static readonly SimulatedSet Set = RepetitionSimulator.Simulate(new SimulationOptions
    {
        Seed = 41,
        Repetitions = 6,
        TremorAmplitudeDegrees = 1,
        PartialRepetitionAtEnd = true,
        SpasmBursts = 1,
    });

    private static RepetitionCounter NewCounter() =>
        new(RepetitionOptions.Default, Set.Recording.Metadata.SamplingRateHz, Set.Recording.Metadata.Channels);

    [Fact]
    public void Push_RandomChunkSizes_GivesExactlyTheOfflineResult()
    {
        var offline = RepetitionDetector.Detect(Set.Recording, RepetitionOptions.Default);
        offline.Count.ShouldBe(Set.TrueCount);

        Gen.Int[1, 400].Array[1, 60].Sample(chunks =>
        {
            var counter = NewCounter();
            var online = new List<Repetition>();
            var samples = Set.Recording.Samples.AsSpan();
            var position = 0;
            var c = 0;
            while (position < samples.Length)
            {
                var size = Math.Min(chunks[c++ % chunks.Length], samples.Length - position);
                online.AddRange(counter.Push(samples.Slice(position, size)));
                position += size;
            }

            online.ShouldBe(offline.Repetitions);
            counter.Count.ShouldBe(offline.Count);
        }, iter: 40);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Push_BulkSpans_MatchOneSampleAtATimeOnADirtyStream(bool bidirectional)
    {
        // Push(span) runs orientation in bulk once the axis is fixed; Push(in sample) always takes the
        // per-sample path. A stream with NaNs, duplicates, backward steps and gaps must give identical results.
        var set = RepetitionSimulator.Simulate(new SimulationOptions
        {
            Seed = 77,
            Repetitions = 10,
            Bidirectional = bidirectional,
            TremorAmplitudeDegrees = 1,
            SpasmBursts = 1,
        });
        var samples = set.Recording.Samples.ToList();
        for (var i = samples.Count - 300; i > 300; i -= 397)
        {
            var s = samples[i];
            switch (i % 4)
            {
                case 0:
                    samples.Insert(i, s with { AccelerationMps2 = new Vector3(float.NaN, 0, 9.8f) });
                    break;
                case 1:
                    samples.Insert(i, s); // duplicate
                    break;
                case 2:
                    samples.Insert(i, samples[i - 5]); // backwards
                    break;
                default:
                    for (var j = i; j < samples.Count; j++)
                    {
                        samples[j] = samples[j] with { TimeSeconds = samples[j].TimeSeconds + 0.8 }; // a gap
                    }

                    break;
            }
        }

        var options = RepetitionOptions.Default with { Bidirectional = bidirectional };
        var channels = set.Recording.Metadata.Channels;
        var rate = set.Recording.Metadata.SamplingRateHz;
        var bulk = new RepetitionCounter(options, rate, channels);
        var bulkReps = bulk.Push(samples.ToArray()).ToList();
        var single = new RepetitionCounter(options, rate, channels);
        var singleReps = new List<Repetition>();
        foreach (var sample in samples)
        {
            if (single.Push(in sample) is { } rep)
            {
                singleReps.Add(rep);
            }
        }

        bulkReps.Count.ShouldBeGreaterThan(0);
        bulkReps.ShouldBe(singleReps);
        bulk.SkippedSamples.ShouldBe(single.SkippedSamples);
        bulk.SkippedSamples.ShouldBeGreaterThan(0);
        bulk.CurrentValue.ShouldBe(single.CurrentValue);
    }

    [Fact]
    public void Push_SampleBySample_ReturnsEachRepetitionWhenItEnds()
    {
        var counter = NewCounter();
        var seen = new List<(double Time, Repetition Rep)>();
        foreach (var sample in Set.Recording.Samples)
        {
            var rep = counter.Push(in sample);
            if (rep is not null)
            {
                seen.Add((sample.TimeSeconds, rep));
            }
        }

        seen.Count.ShouldBe(Set.TrueCount);
        // Reported soon after the movement ended: within the 1 s settling window plus the filter's delay.
        seen.ShouldAllBe(s => s.Time >= s.Rep.EndSeconds && s.Time - s.Rep.EndSeconds < 1.5);
    }

    [Fact]
    public void Reset_ThenSameSamples_GivesTheSameRepetitionsAgain()
    {
        var counter = NewCounter();
        var first = counter.Push(Set.Recording.Samples).ToList();

        counter.Reset();
        counter.Count.ShouldBe(0);
        var second = counter.Push(Set.Recording.Samples).ToList();

        second.ShouldBe(first);
    }

    [Fact]
    public void Push_AfterWarmUp_AllocatesNothingPerSample()
    {
        var still = Enumerable.Range(0, 20_000).Select(i => new ImuSample(i / 100.0, new Vector3(0.1f, 0.2f, 9.8f), new Vector3(0.001f, 0, 0))).ToArray();
        var counter = new RepetitionCounter(RepetitionOptions.Default, 100, SensorChannels.Accelerometer | SensorChannels.Gyroscope);
        var sink = new List<Repetition>();
        counter.Push(still.AsSpan(0, 1000), sink);

        // The runtime may allocate once on this thread while it re-compiles a hot method (tiering) in the
        // middle of a measurement; that is not the counter's doing. A per-sample allocation would show in
        // every attempt, so the quietest of three pushes of 6,000 samples must allocate nothing.
        var fewestBytes = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var start = 1000 + attempt * 6000;
            var before = GC.GetAllocatedBytesForCurrentThread();
            counter.Push(still.AsSpan(start, 6000), sink);
            fewestBytes = Math.Min(fewestBytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        fewestBytes.ShouldBe(0);
        sink.ShouldBeEmpty();
    }

    [Fact]
    public void Push_DuplicatedAndBackwardTimestamps_AreSkippedAndCounted()
    {
        var counter = NewCounter();
        var samples = Set.Recording.Samples;
        counter.Push(samples.AsSpan(0, 500));
        counter.Push(samples.AsSpan(499, 1)); // duplicate
        counter.Push(samples.AsSpan(100, 1)); // backwards

        counter.SkippedSamples.ShouldBe(2);
    }
}
