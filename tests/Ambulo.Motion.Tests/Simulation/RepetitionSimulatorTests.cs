using Ambulo.Motion.Orientation;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;

namespace Ambulo.Motion.Tests.Simulation;

public class RepetitionSimulatorTests
{
    [Fact]
    public void Simulate_SameSeed_GivesTheSameRecording()
    {
        var a = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 5, Repetitions = 3 });
        var b = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 5, Repetitions = 3 });
        var c = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 6, Repetitions = 3 });

        a.Recording.Samples.ShouldBe(b.Recording.Samples);
        a.Recording.Samples.SequenceEqual(c.Recording.Samples).ShouldBeFalse();
    }

    [Fact]
    public void Simulate_GyroscopeBiasDrift_GrowsLinearlyAndLeavesEverythingElseAlone()
    {
        var plain = new SimulationOptions { Seed = 9, Repetitions = 0, StillSeconds = 60, GyroscopeNoiseRadps = 0 };
        var still = RepetitionSimulator.Simulate(plain).Recording.Samples;
        var drifting = RepetitionSimulator.Simulate(plain with { GyroscopeBiasDriftRadpsPerMinute = 0.06 }).Recording.Samples;

        // Still for two minutes: the difference is the drift alone, 0.06 rad/s per minute × t.
        drifting.Select(s => s.AccelerationMps2).ShouldBe(still.Select(s => s.AccelerationMps2));
        var last = drifting[^1];
        (last.AngularVelocityRadps - still[^1].AngularVelocityRadps).Length().ShouldBe((float)(0.06 * last.TimeSeconds / 60), 1e-4f);
        (drifting[0].AngularVelocityRadps - still[0].AngularVelocityRadps).Length().ShouldBeLessThan(1e-6f);
    }

    [Fact]
    public void Simulate_StillStart_ReadsGravityAndNoRotation()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 7, PlacementAngleDegrees = 70 });
        var first = set.Recording.Samples.Take(100).ToArray();

        first.Average(s => (double)s.AccelerationMps2.Length()).ShouldBe(9.81, 0.2);
        first.Average(s => (double)s.AngularVelocityRadps.Length()).ShouldBeLessThan(0.03);
    }

    [Fact]
    public void Simulate_Metadata_IsLabelledSyntheticWithTheTrueCount()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 8, Repetitions = 7, IncludeGyroscope = false });

        set.TrueCount.ShouldBe(7);
        set.TrueRangesOfMotionDegrees.Count.ShouldBe(7);
        set.Recording.Metadata.Labels["true_count"].ShouldBe("7");
        set.Recording.Metadata.Labels["synthetic"].ShouldBe("true");
        set.Recording.Metadata.Sensor.ShouldBe(SensorKind.Simulated);
        set.Recording.Metadata.Channels.ShouldBe(SensorChannels.Accelerometer);
    }

    [Fact]
    public void Simulate_GyroscopeIntegral_MatchesTheRangeOfMotion()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions
        {
            Seed = 9, Repetitions = 1, RangeVariationFraction = 0, RangeOfMotionDegrees = 30, GyroscopeBiasRadps = 0,
            GyroscopeNoiseRadps = 0, TempoSeconds = 2,
        });
        var samples = set.Recording.Samples;
        // Integrate the angular speed over the first half (the way out): it must reach the range.
        var peak = 0.0;
        var angle = 0.0;
        for (var i = 1; i < samples.Length; i++)
        {
            angle += samples[i].AngularVelocityRadps.Length() * (samples[i].TimeSeconds - samples[i - 1].TimeSeconds);
            peak = Math.Max(peak, angle);
        }

        (peak * 180 / Math.PI).ShouldBe(60, 1.5); // 30° out and 30° back
    }

    [Fact]
    public void Simulate_Yaw_WithoutGyroscope_ThrowsNamingTheSetting()
    {
        Should.Throw<ArgumentException>(() => RepetitionSimulator.Simulate(new SimulationOptions { Signal = MovementSignal.Yaw, IncludeGyroscope = false }))
            .Message.ShouldContain(nameof(SimulationOptions.IncludeGyroscope));
    }
}
