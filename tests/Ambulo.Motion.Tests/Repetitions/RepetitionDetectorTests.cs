using System.Numerics;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;

namespace Ambulo.Motion.Tests.Repetitions;

public class RepetitionDetectorTests
{
    private static RepetitionResult Run(SimulationOptions simulation, RepetitionOptions options, out SimulatedSet set)
    {
        set = RepetitionSimulator.Simulate(simulation);
        return RepetitionDetector.Detect(set.Recording, options);
    }

    public static TheoryData<string, SimulationOptions> HardCases() => new()
    {
        { "plain", new SimulationOptions { Seed = 11 } },
        { "no gyroscope", new SimulationOptions { Seed = 12, IncludeGyroscope = false } },
        { "tremor", new SimulationOptions { Seed = 13, TremorAmplitudeDegrees = 2 } },
        { "spasm bursts", new SimulationOptions { Seed = 14, SpasmBursts = 3 } },
        { "partial last repetition", new SimulationOptions { Seed = 15, PartialRepetitionAtEnd = true } },
        { "sensor slips", new SimulationOptions { Seed = 16, SlipDegrees = 10 } },
        { "pauses", new SimulationOptions { Seed = 17, PauseProbability = 0.4 } },
        { "strapped upside down", new SimulationOptions { Seed = 18, PlacementAngleDegrees = 160 } },
        { "vertical shank", new SimulationOptions { Seed = 19, SegmentStartPitchDegrees = 90, RangeOfMotionDegrees = 60 } },
    };

    [Theory]
    [MemberData(nameof(HardCases))]
    public void Detect_SimulatedSet_CountsEveryCompleteRepetitionOnly(string name, SimulationOptions simulation)
    {
        var result = Run(simulation, RepetitionOptions.Default, out var set);

        result.Count.ShouldBe(set.TrueCount, name);
    }

    [Fact]
    public void Detect_SimulatedSet_RangeOfMotionMatchesTheTruth()
    {
        var result = Run(new SimulationOptions { Seed = 21, RangeOfMotionDegrees = 25 }, RepetitionOptions.Default, out var set);

        result.Count.ShouldBe(set.TrueCount);
        for (var i = 0; i < result.Count; i++)
        {
            result.Repetitions[i].RangeOfMotionDegrees.ShouldBe(set.TrueRangesOfMotionDegrees[i], 2.0);
        }
    }

    /// <summary>
    /// One 3.2 s cycle of a segment moving without rest, shaped like a foot's pitch in walking: from a brief dwell
    /// at 0° it rises to +50° in 1.0 s, swings down past the dwell to −25° in 1.2 s, comes back to 0° in 0.6 s and
    /// dwells there 0.4 s (too short to be a rest); each leg is a minimum-jerk profile s(u) = u³(10 − 15u + 6u²),
    /// which ends exactly where it is aimed. So every cycle spans exactly 75° from trough to peak, while the rise
    /// out of the dwell spans 50°. <paramref name="timeScale"/> stretches the cycle in time (0.25: a 0.8 s cycle with
    /// turning points sharp enough for the low-pass to blunt them). Returns degrees and degrees per second.
    /// </summary>
    private static (double Degrees, double DegreesPerSecond) WalkingLikeCycle(double t, double timeScale)
    {
        static (double, double) Leg(double t, double from, double to, double seconds)
        {
            var u = t / seconds;
            return (from + (to - from) * u * u * u * (10 - 15 * u + 6 * u * u), (to - from) * 30 * u * u * (1 - u) * (1 - u) / seconds);
        }

        var (degrees, degreesPerSecond) = ((t / timeScale) % 3.2) switch
        {
            < 1.0 and var u => Leg(u, 0, 50, 1.0),
            < 2.2 and var u => Leg(u - 1.0, 50, -25, 1.2),
            < 2.8 and var u => Leg(u - 2.2, -25, 0, 0.6),
            _ => (0, 0),
        };
        return (degrees, degreesPerSecond / timeScale);
    }

    /// <summary>Samples of a segment pitching about the sensor y axis: the still start pose, then <paramref name="cycles"/> cycles.</summary>
    private static ImuSample[] ContinuousCycles(int cycles, double rateHz, double stillSeconds, double timeScale = 1)
    {
        const double g = 9.81;
        var samples = new List<ImuSample>();
        for (var i = 0; i / rateHz <= stillSeconds + cycles * 3.2 * timeScale; i++)
        {
            var t = i / rateHz;
            var (degrees, degreesPerSecond) = t > stillSeconds ? WalkingLikeCycle(t - stillSeconds, timeScale) : (0, 0);
            var pitch = degrees * Math.PI / 180;
            // Gravity seen by the sensor pitched by θ about y is (−g sin θ, 0, g cos θ); the gyroscope reads θ' about y.
            samples.Add(new ImuSample(t, new Vector3((float)(-g * Math.Sin(pitch)), 0, (float)(g * Math.Cos(pitch))),
                new Vector3(0, (float)(degreesPerSecond * Math.PI / 180), 0)));
        }

        return [.. samples];
    }

    [Fact]
    public void Detect_ContinuousCyclesWithoutRest_MeasureFromTheCyclesTroughToItsPeak()
    {
        var samples = ContinuousCycles(cycles: 8, rateHz: 100, stillSeconds: 3);

        var result = RepetitionDetector.Detect(samples, RepetitionOptions.Default, 100, SensorChannels.Accelerometer | SensorChannels.Gyroscope);

        result.Count.ShouldBe(8);
        // The first rise leaves the still start pose (a rest): its range is from there, 50°.
        result.Repetitions[0].RangeOfMotionDegrees.ShouldBe(50, 0.5);
        // Every later one follows a swing to −25° with no rest since: trough to peak, 75°.
        foreach (var repetition in result.Repetitions.Skip(1))
        {
            repetition.RangeOfMotionDegrees.ShouldBe(75, 0.5, $"repetition {repetition.Number}");
        }
    }

    [Fact]
    public void Detect_FastContinuousCycles_RangeIsNotBluntedByTheLowPass()
    {
        // The same cycle in 0.8 s: its turning points are sharp enough that the 3 Hz low-pass alone spans about 73°
        // of the 75° (see RangeOfMotion in RepetitionCounter); the unfiltered angle near them restores most of it.
        var samples = ContinuousCycles(cycles: 12, rateHz: 100, stillSeconds: 3, timeScale: 0.25);
        var options = RepetitionOptions.Default with { MinimumDurationSeconds = 0.3 };

        var result = RepetitionDetector.Detect(samples, options, 100, SensorChannels.Accelerometer | SensorChannels.Gyroscope);

        result.Count.ShouldBe(12);
        result.Repetitions[0].RangeOfMotionDegrees.ShouldBe(50, 1.0);
        foreach (var repetition in result.Repetitions.Skip(1))
        {
            repetition.RangeOfMotionDegrees.ShouldBe(75, 1.5, $"repetition {repetition.Number}");
        }

        result.Repetitions.Skip(1).Average(r => r.RangeOfMotionDegrees).ShouldBe(75, 0.75);
    }

    [Fact]
    public void Detect_Repetitions_AreOrderedWithPeakBetweenStartAndEnd()
    {
        var result = Run(new SimulationOptions { Seed = 22, Repetitions = 8 }, RepetitionOptions.Default, out _);

        result.Count.ShouldBe(8);
        for (var i = 0; i < result.Count; i++)
        {
            var r = result.Repetitions[i];
            r.Number.ShouldBe(i + 1);
            r.PeakSeconds.ShouldBeGreaterThan(r.StartSeconds);
            r.EndSeconds.ShouldBeGreaterThan(r.PeakSeconds);
            r.DurationSeconds.ShouldBeGreaterThanOrEqualTo(RepetitionOptions.Default.MinimumDurationSeconds);
            r.PeakAngularVelocityDegreesPerSecond.ShouldBeGreaterThan(0);
            r.Sparc.ShouldBeLessThan(0);
            if (i > 0)
            {
                r.StartSeconds.ShouldBeGreaterThanOrEqualTo(result.Repetitions[i - 1].EndSeconds);
            }
        }
    }

    [Fact]
    public void Detect_SmallRangeWithHemipareticPreset_CountsAndFlagsBelowTarget()
    {
        var options = RepetitionOptions.Hemiparetic with { TargetRangeOfMotionDegrees = 20 };

        var result = Run(new SimulationOptions { Seed = 23, RangeOfMotionDegrees = 7 }, options, out var set);

        result.Count.ShouldBe(set.TrueCount);
        result.Repetitions.ShouldAllBe(r => r.Quality == RepetitionQuality.BelowTargetRange);
    }

    [Fact]
    public void Detect_FullRange_IsNotFlagged()
    {
        var result = Run(new SimulationOptions { Seed = 24, RangeOfMotionDegrees = 22 }, RepetitionOptions.Default, out _);

        result.Repetitions.ShouldAllBe(r => r.Quality == RepetitionQuality.Good);
    }

    [Fact]
    public void Detect_VerySlowRepetitionsWithSlowPreset_CountsAll()
    {
        var result = Run(new SimulationOptions { Seed = 25, TempoSeconds = 10 }, RepetitionOptions.SlowOrImpaired, out var set);

        result.Count.ShouldBe(set.TrueCount);
    }

    [Fact]
    public void Detect_VerySlowRepetitionsBeyondMaximumDuration_RejectsThemAsTooLong()
    {
        var result = Run(new SimulationOptions { Seed = 26, TempoSeconds = 18, Repetitions = 4 }, RepetitionOptions.Default, out _);

        result.Count.ShouldBe(0);
        result.RejectedTooLong.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Detect_BidirectionalRocking_CountsPairsOfSides()
    {
        var simulation = new SimulationOptions { Seed = 27, Signal = MovementSignal.Roll, Bidirectional = true, RangeOfMotionDegrees = 35, TempoSeconds = 5 };
        var options = RepetitionOptions.Default with { Signal = MovementSignal.Roll, Bidirectional = true, TargetRangeOfMotionDegrees = 30 };

        var result = Run(simulation, options, out var set);

        result.Count.ShouldBe(set.TrueCount);
        result.Repetitions.Average(r => r.RangeOfMotionDegrees).ShouldBe(set.TrueRangesOfMotionDegrees.Average(), 3);
    }

    [Fact]
    public void Detect_YawWithGyroscope_CountsTurns()
    {
        var simulation = new SimulationOptions { Seed = 28, Signal = MovementSignal.Yaw, RangeOfMotionDegrees = 30, SegmentStartPitchDegrees = 0 };
        var options = RepetitionOptions.Default with { Signal = MovementSignal.Yaw, TargetRangeOfMotionDegrees = 30 };

        var result = Run(simulation, options, out var set);

        result.Count.ShouldBe(set.TrueCount);
    }

    [Fact]
    public void Detect_YawWithoutGyroscope_ThrowsNamingTheMissingSensor()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 29, IncludeGyroscope = false });

        var ex = Should.Throw<ArgumentException>(() => RepetitionDetector.Detect(set.Recording, RepetitionOptions.Default with { Signal = MovementSignal.Yaw }));

        ex.Message.ShouldContain("gyroscope");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Detect_ForcePuck_CountsPresses(bool unloads)
    {
        var simulation = new SimulationOptions { Seed = 30, Signal = MovementSignal.Force, ForceDecreases = unloads, ForceChangeNewtons = 120 };
        var options = RepetitionOptions.Press with { ForceDecreases = unloads, TargetForceChangeNewtons = 120 };

        var result = Run(simulation, options, out var set);

        result.Count.ShouldBe(set.TrueCount);
        result.Repetitions.ShouldAllBe(r => r.ForceChangeNewtons > 60 && r.RangeOfMotionDegrees == 0);
    }

    [Fact]
    public void Detect_ForceOptionsOnRecordingWithoutForce_ThrowsNamingTheChannel()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 31 });

        Should.Throw<ArgumentException>(() => RepetitionDetector.Detect(set.Recording, RepetitionOptions.Press)).Message.ShouldContain("force");
    }

    [Fact]
    public void Detect_NaNSamples_AreSkippedAndCountedWithoutChangingTheCount()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 32 });
        var samples = (ImuSample[])set.Recording.Samples.Clone();
        var broken = 0;
        for (var i = 300; i < samples.Length; i += 97)
        {
            samples[i] = samples[i] with { AccelerationMps2 = new Vector3(float.NaN, 0, 0) };
            broken++;
        }

        var result = RepetitionDetector.Detect(samples, RepetitionOptions.Default, 100, set.Recording.Metadata.Channels);

        result.SkippedSamples.ShouldBe(broken);
        result.Count.ShouldBe(set.TrueCount);
    }

    [Fact]
    public void Detect_StillRecording_CountsNothing()
    {
        var samples = Enumerable.Range(0, 3000).Select(i => new ImuSample(i / 100.0, new Vector3(0, 0, 9.81f))).ToArray();

        var result = RepetitionDetector.Detect(samples, RepetitionOptions.Default, 100, SensorChannels.Accelerometer);

        result.Count.ShouldBe(0);
    }

    [Fact]
    public void Detect_EmptyRecording_CountsNothing()
    {
        RepetitionDetector.Detect([], RepetitionOptions.Default, 100, SensorChannels.Accelerometer | SensorChannels.Gyroscope).Count.ShouldBe(0);
    }

    [Fact]
    public void Options_OutOfRange_ThrowsNamingTheSetting()
    {
        var ex = Should.Throw<ArgumentException>(() => (RepetitionOptions.Default with { MaximumDurationSeconds = 0.1 }).Validate());

        ex.Message.ShouldContain(nameof(RepetitionOptions.MaximumDurationSeconds));
    }

    [Fact]
    public void Presets_AreValid()
    {
        foreach (var preset in new[] { RepetitionOptions.Default, RepetitionOptions.Hemiparetic, RepetitionOptions.SlowOrImpaired, RepetitionOptions.Press })
        {
            Should.NotThrow(preset.Validate);
        }
    }
}
