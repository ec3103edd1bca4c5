using Ambulo.Motion.Simulation;

namespace Ambulo.Tracking;

/// <summary>Difficult situations the synthetic validation puts every exercise through.</summary>
public enum HardCase
{
    Plain,
    /// <summary>Repetitions 2.5 × slower than the dose's tempo (slow preset).</summary>
    VerySlow,
    /// <summary>Range 40 % of the typical one, as in hemiparesis (hemiparetic preset).</summary>
    SmallRange,
    /// <summary>A 5 Hz tremor of 2° (a tenth of the range at most).</summary>
    Tremor,
    /// <summary>Long pauses in the middle of the set.</summary>
    Pauses,
    /// <summary>The sensor slips by 10° on the limb mid-set.</summary>
    Slip,
    /// <summary>An incomplete repetition at the end that must not be counted.</summary>
    PartialAtEnd,
    /// <summary>Brief spasm jerks between repetitions that must not be counted.</summary>
    Spasms,
    /// <summary>A phone without gyroscope (accelerometer-only tilt).</summary>
    NoGyroscope,
}

/// <summary>Applies a <see cref="HardCase"/> to a plan's simulation and picks the preset that goes with it.</summary>
public static class HardCases
{
    public static DetectorPreset PresetFor(HardCase hardCase) => hardCase switch
    {
        HardCase.VerySlow => DetectorPreset.SlowOrImpaired,
        HardCase.SmallRange => DetectorPreset.Hemiparetic,
        _ => DetectorPreset.Default,
    };

    public static SimulationOptions Apply(SimulationOptions simulation, HardCase hardCase)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        var force = simulation.Signal == Motion.Orientation.MovementSignal.Force;
        return hardCase switch
        {
            HardCase.VerySlow => simulation with { TempoSeconds = simulation.TempoSeconds * 2.5 },
            HardCase.SmallRange => simulation with
            {
                RangeOfMotionDegrees = simulation.RangeOfMotionDegrees * 0.4,
                ForceChangeNewtons = simulation.ForceChangeNewtons * 0.4,
            },
            HardCase.Tremor => simulation with { TremorAmplitudeDegrees = Math.Min(2, simulation.RangeOfMotionDegrees / 10) },
            HardCase.Pauses => simulation with { PauseProbability = 0.3, PauseSeconds = 8 },
            HardCase.Slip => force ? simulation : simulation with { SlipDegrees = 10 },
            HardCase.PartialAtEnd => simulation with { PartialRepetitionAtEnd = true },
            HardCase.Spasms => simulation with { SpasmBursts = 3, SpasmAmplitudeDegrees = Math.Min(8, simulation.RangeOfMotionDegrees / 2) },
            HardCase.NoGyroscope => simulation with { IncludeGyroscope = simulation.Signal == Motion.Orientation.MovementSignal.Yaw },
            _ => simulation,
        };
    }
}
