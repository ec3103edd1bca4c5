using Ambulo.Motion.Online;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using BenchmarkDotNet.Attributes;

namespace Ambulo.Benchmarks;

/// <summary>
/// Issue 3 speed targets: offline ≥ 30 million samples per second on one core (orientation + detection
/// over an hour of 100 Hz IMU data), online ≤ 100 ns and 0 bytes per sample. The hour is a synthetic
/// set of about 52 s (thigh pitch, 12 repetitions of 20°, tremor, noise, strap angle 30°) repeated with
/// continuing timestamps; the first 360 000 samples hold 828 counted repetitions (each one also pays for its
/// smoothness spectrum), a very busy hour. See also <see cref="CpuTimeCheck"/> for a busy machine.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RepetitionBenchmarks
{
    private const double RateHz = 100;
    private const int OnlineSamples = 60_000;
    private ImuSample[] _hour = [];
    private SensorChannels _channels;
    private RepetitionCounter _counter = null!;
    private List<Repetition> _sink = [];

    [GlobalSetup]
    public void Setup()
    {
        var minute = RepetitionSimulator.Simulate(new SimulationOptions
        {
            Seed = 3,
            Repetitions = 12,
            RangeOfMotionDegrees = 20,
            TempoSeconds = 2.5,
            RestBetweenRepetitionsSeconds = 1.5,
            TremorAmplitudeDegrees = 0.5,
            StillSeconds = 2,
        });
        _channels = minute.Recording.Metadata.Channels;
        var piece = minute.Recording.Samples;
        var pieceSeconds = piece.Length / RateHz;
        var copies = (int)Math.Ceiling(3600 / pieceSeconds);
        _hour = new ImuSample[copies * piece.Length];
        for (var c = 0; c < copies; c++)
        {
            for (var i = 0; i < piece.Length; i++)
            {
                var s = piece[i];
                _hour[c * piece.Length + i] = s with { TimeSeconds = s.TimeSeconds + c * pieceSeconds };
            }
        }

        _counter = new RepetitionCounter(RepetitionOptions.Default, RateHz, _channels);
        _sink = new List<Repetition>(1024);
    }

    /// <summary>Samples in the benchmark hour (divide by the mean time for samples per second).</summary>
    public int HourSamples => _hour.Length;

    /// <summary>Offline: orientation + detection over one hour; one operation = one sample.</summary>
    [Benchmark(OperationsPerInvoke = 360_000)]
    public int OfflineHourPerSample()
    {
        // 360 000 is the nominal hour; the array is a few samples longer (whole 60 s pieces).
        return RepetitionDetector.Detect(_hour.AsSpan(0, 360_000), RepetitionOptions.Default, RateHz, _channels).Count;
    }

    /// <summary>Online: one sample per Push on a live counter; one operation = one sample.</summary>
    [Benchmark(OperationsPerInvoke = OnlineSamples)]
    public int OnlinePerSample()
    {
        _counter.Reset();
        _sink.Clear();
        var samples = _hour.AsSpan(0, OnlineSamples);
        var found = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            found += _counter.Push(samples.Slice(i, 1), _sink);
        }

        return found;
    }
}
