using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;

namespace Ambulo.Motion.Tests.Simulation;

public class WalkingSimulatorTests
{
    [Fact]
    public void Simulate_SameSeed_GivesTheSameWalkAndAnotherSeedAnother()
    {
        var a = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 5, Steps = 12 });
        var b = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 5, Steps = 12 });
        var c = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 6, Steps = 12 });

        a.Recording.Samples.ShouldBe(b.Recording.Samples);
        a.TrueStepTimesSeconds.ShouldBe(b.TrueStepTimesSeconds);
        a.Recording.Samples.SequenceEqual(c.Recording.Samples).ShouldBeFalse();
    }

    [Fact]
    public void Samples_Lazy_EqualsTheWholeWalk()
    {
        var options = new WalkingSimulationOptions { Seed = 3, Steps = 20, StepTimeAsymmetryRatio = 1.3 };

        WalkingSimulator.Samples(options).ToArray().ShouldBe(WalkingSimulator.Simulate(options).Recording.Samples);
    }

    [Fact]
    public void Samples_HugeWalk_IsMadeOnlyAsFarAsItIsRead()
    {
        // A million steps at 60 Hz would be tens of millions of samples; taking the first minute must not make them all.
        var first = WalkingSimulator.Samples(new WalkingSimulationOptions { Steps = 1_000_000 }).Take(3600).ToArray();

        first.Length.ShouldBe(3600);
        first[^1].TimeSeconds.ShouldBe(3599 / 60.0, 1e-9);
    }

    [Theory]
    [InlineData(60, 1.0)]
    [InlineData(90, 1.0)]
    [InlineData(60, 1.4)]
    public void Simulate_Cadence_IsTheRequestedOneOverTheWalk(double cadence, double asymmetry)
    {
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions
        {
            Seed = 11, Steps = 61, CadenceStepsPerMinute = cadence, StepTimeAsymmetryRatio = asymmetry,
        });
        var steps = walk.TrueStepTimesSeconds;

        steps.Count.ShouldBe(61);
        var measured = 60 * (steps.Count - 1) / (steps[^1] - steps[0]);
        measured.ShouldBe(cadence, cadence * 0.03);
    }

    [Fact]
    public void Simulate_Asymmetry_AlternatesLongerAndShorterStepsInTheGivenRatio()
    {
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions
        {
            Seed = 2, Steps = 41, StepTimeAsymmetryRatio = 1.5, StepTimeVariationFraction = 0,
        });
        var intervals = walk.TrueStepTimesSeconds.Zip(walk.TrueStepTimesSeconds.Skip(1), (a, b) => b - a).ToArray();

        for (var k = 0; k + 1 < intervals.Length; k += 2)
        {
            (intervals[k] / intervals[k + 1]).ShouldBe(1.5, 1e-9);
        }
    }

    [Fact]
    public void Simulate_StillStartAndEnd_ReadGravityOnly()
    {
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 4, Steps = 10, StillSeconds = 3, TiltDegrees = 50 });
        var samples = walk.Recording.Samples;
        var firstStep = walk.TrueStepTimesSeconds[0];

        var before = samples.Where(s => s.TimeSeconds < firstStep - 1).ToArray();
        var after = samples.Where(s => s.TimeSeconds > samples[^1].TimeSeconds - 2).ToArray();
        before.Length.ShouldBeGreaterThan(60);
        before.Average(s => (double)s.AccelerationMps2.Length()).ShouldBe(9.81, 0.05);
        after.Average(s => (double)s.AccelerationMps2.Length()).ShouldBe(9.81, 0.05);
        // Tilted 50° about x: gravity is shared between y and z.
        before.Average(s => (double)s.AccelerationMps2.Y).ShouldBe(9.81 * Math.Sin(50 * Math.PI / 180), 0.05);
    }

    [Fact]
    public void Simulate_EachHeelStrike_IsTheHighestPointOfItsStep()
    {
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 8, Steps = 16, NoiseMps2 = 0, SamplingRateHz = 100, StepTimeAsymmetryRatio = 1.3 });
        var samples = walk.Recording.Samples;
        var steps = walk.TrueStepTimesSeconds;

        for (var k = 0; k + 1 < steps.Count; k++)
        {
            var inStep = samples.Where(s => s.TimeSeconds >= steps[k] - 0.1 && s.TimeSeconds < steps[k + 1] - 0.1).ToArray();
            var peak = inStep.MaxBy(s => s.AccelerationMps2.Length());
            peak.TimeSeconds.ShouldBe(steps[k], 0.08, $"step {k}");
            peak.AccelerationMps2.Length().ShouldBeGreaterThan(9.81f + 1f);
        }
    }

    [Fact]
    public void Simulate_Metadata_IsLabelledSyntheticAccelerometerOnly()
    {
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 9, Steps = 7, SamplingRateHz = 50 });

        walk.TrueSteps.ShouldBe(7);
        walk.Recording.Metadata.Sensor.ShouldBe(SensorKind.Simulated);
        walk.Recording.Metadata.Channels.ShouldBe(SensorChannels.Accelerometer);
        walk.Recording.Metadata.SamplingRateHz.ShouldBe(50);
        walk.Recording.Metadata.Label("true_count").ShouldBe("7");
        walk.Recording.Metadata.Label("synthetic").ShouldBe("true");
        walk.Recording.Samples.Zip(walk.Recording.Samples.Skip(1)).ShouldAllBe(p => p.Second.TimeSeconds > p.First.TimeSeconds);
    }

    [Fact]
    public void Simulate_NoSteps_IsAStillRecording()
    {
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions { Steps = 0, StillSeconds = 2 });

        walk.TrueSteps.ShouldBe(0);
        walk.Recording.DurationSeconds.ShouldBe(4, 0.05);
        StepCounter.Detect(walk.Recording.Samples, StepCounterOptions.Hemiparetic).Steps.ShouldBe(0);
    }

    [Theory]
    [InlineData(nameof(WalkingSimulationOptions.CadenceStepsPerMinute))]
    [InlineData(nameof(WalkingSimulationOptions.StepTimeAsymmetryRatio))]
    [InlineData(nameof(WalkingSimulationOptions.SamplingRateHz))]
    [InlineData(nameof(WalkingSimulationOptions.Steps))]
    public void Simulate_OutOfRangeSetting_ThrowsNamingIt(string setting)
    {
        var bad = setting switch
        {
            nameof(WalkingSimulationOptions.CadenceStepsPerMinute) => new WalkingSimulationOptions { CadenceStepsPerMinute = double.NaN },
            nameof(WalkingSimulationOptions.StepTimeAsymmetryRatio) => new WalkingSimulationOptions { StepTimeAsymmetryRatio = 0.5 },
            nameof(WalkingSimulationOptions.SamplingRateHz) => new WalkingSimulationOptions { SamplingRateHz = 0 },
            _ => new WalkingSimulationOptions { Steps = -1 },
        };

        var error = Should.Throw<ArgumentException>(() => WalkingSimulator.Simulate(bad));
        error.ParamName.ShouldBe(setting);
        error.Message.ShouldContain(setting);
        Should.Throw<ArgumentException>(() => WalkingSimulator.Samples(bad)).ParamName.ShouldBe(setting);
    }

    public static TheoryData<string, double, double, double, int> CounterCases => new()
    {
        // preset, cadence, asymmetry, peak m/s², seed
        { "Healthy", 100, 1.0, 3.0, 1 },
        { "SlowOrImpaired", 75, 1.1, 1.5, 2 },
        { "Hemiparetic", 60, 1.3, 1.2, 3 },
        { "Hemiparetic", 45, 1.4, 0.8, 4 },
    };

    [Theory]
    [MemberData(nameof(CounterCases))]
    public void StepCounter_OnTheSimulatedWalk_CountsEveryStepWithinOne(string preset, double cadence, double asymmetry, double peak, int seed)
    {
        var options = preset switch
        {
            "Healthy" => StepCounterOptions.Healthy,
            "SlowOrImpaired" => StepCounterOptions.SlowOrImpaired,
            _ => StepCounterOptions.Hemiparetic,
        };
        var walk = WalkingSimulator.Simulate(new WalkingSimulationOptions
        {
            Seed = seed, Steps = 60, CadenceStepsPerMinute = cadence, StepTimeAsymmetryRatio = asymmetry, PeakAccelerationMps2 = peak,
        });

        var counted = StepCounter.Detect(walk.Recording.Samples, options);

        counted.Steps.ShouldBeInRange(59, 61);
        // Each counted step lies near a true heel strike.
        foreach (var time in counted.StepTimesSeconds)
        {
            walk.TrueStepTimesSeconds.Min(t => Math.Abs(t - time)).ShouldBeLessThan(0.15);
        }
    }
}
