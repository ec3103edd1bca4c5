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
