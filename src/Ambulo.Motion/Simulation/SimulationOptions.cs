using Ambulo.Motion.Orientation;

namespace Ambulo.Motion.Simulation;

/// <summary>
/// Describes a synthetic exercise set: the movement, the person's variability and the sensor's flaws.
/// Everything random is drawn from <see cref="Seed"/>, so the same options always give the same
/// recording. Synthetic data tests the counting logic; it is not evidence about real patients.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>Which quantity the movement changes (a segment angle or force).</summary>
    public MovementSignal Signal { get; init; } = MovementSignal.Pitch;

    /// <summary>One repetition swings to one side and then to the other.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>For force: the movement unloads the puck.</summary>
    public bool ForceDecreases { get; init; }

    /// <summary>Complete repetitions in the set (the true count).</summary>
    public int Repetitions { get; init; } = 10;

    /// <summary>Mean excursion of one repetition (per side when bidirectional).</summary>
    public double RangeOfMotionDegrees { get; init; } = 20;

    /// <summary>Repetition-to-repetition spread of the excursion, as a fraction (uniform ±).</summary>
    public double RangeVariationFraction { get; init; } = 0.1;

    /// <summary>Mean force change of one press.</summary>
    public double ForceChangeNewtons { get; init; } = 150;

    /// <summary>Force on the puck at rest.</summary>
    public double BaselineForceNewtons { get; init; } = 250;

    /// <summary>Mean time to move out and back (without any hold).</summary>
    public double TempoSeconds { get; init; } = 3;

    /// <summary>Spread of the tempo between repetitions, as a fraction (uniform ±).</summary>
    public double TempoVariationFraction { get; init; } = 0.15;

    /// <summary>Time held at the end of the range in each repetition.</summary>
    public double HoldSeconds { get; init; }

    /// <summary>Mean rest between repetitions (varied ±50 %).</summary>
    public double RestBetweenRepetitionsSeconds { get; init; } = 1;

    /// <summary>Chance that a longer pause follows a repetition.</summary>
    public double PauseProbability { get; init; }

    /// <summary>Length of such a pause.</summary>
    public double PauseSeconds { get; init; } = 6;

    /// <summary>Adds an incomplete repetition at the end (not part of the true count).</summary>
    public bool PartialRepetitionAtEnd { get; init; }

    /// <summary>Range of that partial repetition as a fraction of the person's range.</summary>
    public double PartialRangeFraction { get; init; } = 0.25;

    /// <summary>Amplitude of a tremor on the moving segment (0 for none).</summary>
    public double TremorAmplitudeDegrees { get; init; }

    public double TremorFrequencyHz { get; init; } = 5;

    /// <summary>Brief involuntary jerks (about 0.25 s) placed in rests between repetitions; not repetitions.</summary>
    public int SpasmBursts { get; init; }

    /// <summary>Amplitude of each spasm burst.</summary>
    public double SpasmAmplitudeDegrees { get; init; } = 8;

    /// <summary>White noise on each accelerometer axis (standard deviation).</summary>
    public double AccelerometerNoiseMps2 { get; init; } = 0.05;

    /// <summary>Constant accelerometer offset (random direction).</summary>
    public double AccelerometerBiasMps2 { get; init; } = 0.1;

    /// <summary>White noise on each gyroscope axis (standard deviation).</summary>
    public double GyroscopeNoiseRadps { get; init; } = 0.005;

    /// <summary>Constant gyroscope offset (random direction).</summary>
    public double GyroscopeBiasRadps { get; init; } = 0.01;

    /// <summary>
    /// Gyroscope bias drift (warming up, temperature): the offset grows linearly from the start by this much per
    /// minute along a random direction of its own (0 for none; the other random draws are unchanged by it).
    /// </summary>
    public double GyroscopeBiasDriftRadpsPerMinute { get; init; }

    /// <summary>How far the sensor is turned from the segment axes, about a random axis (any strap angle).</summary>
    public double PlacementAngleDegrees { get; init; } = 30;

    /// <summary>The sensor slips on the limb by this angle during one rest in the middle of the set (0 for none).</summary>
    public double SlipDegrees { get; init; }

    /// <summary>Inclination of the segment in the start pose (e.g. 0 for a horizontal thigh when seated, 90 for a vertical shank).</summary>
    public double SegmentStartPitchDegrees { get; init; }

    /// <summary>Distance from the joint to the sensor (adds the movement's own acceleration).</summary>
    public double LeverArmMeters { get; init; } = 0.2;

    /// <summary>Still time before the first and after the last movement.</summary>
    public double StillSeconds { get; init; } = 2;

    public double SamplingRateHz { get; init; } = 100;

    /// <summary>False simulates a phone without gyroscope.</summary>
    public bool IncludeGyroscope { get; init; } = true;

    /// <summary>Placement name written into the recording (the recording format's kebab-case names).</summary>
    public string Placement { get; init; } = "thigh-left";

    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(Repetitions is >= 0 and <= 1000, nameof(Repetitions), "must be in 0..1000");
        Require(RangeOfMotionDegrees is > 0 and <= 170, nameof(RangeOfMotionDegrees), "must be in (0, 170]");
        Require(RangeVariationFraction is >= 0 and < 1, nameof(RangeVariationFraction), "must be in [0, 1)");
        Require(ForceChangeNewtons > 0, nameof(ForceChangeNewtons), "must be positive");
        Require(TempoSeconds is >= 0.2 and <= 120, nameof(TempoSeconds), "must be in [0.2, 120] s");
        Require(TempoVariationFraction is >= 0 and < 1, nameof(TempoVariationFraction), "must be in [0, 1)");
        Require(HoldSeconds >= 0, nameof(HoldSeconds), "must not be negative");
        Require(RestBetweenRepetitionsSeconds >= 0, nameof(RestBetweenRepetitionsSeconds), "must not be negative");
        Require(PauseProbability is >= 0 and <= 1, nameof(PauseProbability), "must be in [0, 1]");
        Require(SamplingRateHz is >= 10 and <= 2000, nameof(SamplingRateHz), "must be in [10, 2000] Hz");
        Require(StillSeconds >= 0.5, nameof(StillSeconds), "must be at least 0.5 s (the detector calibrates there)");
        Require(SpasmBursts >= 0, nameof(SpasmBursts), "must not be negative");
        Require(GyroscopeBiasDriftRadpsPerMinute is >= 0 and <= 1, nameof(GyroscopeBiasDriftRadpsPerMinute), "must be in [0, 1] rad/s per minute");
        Require(Signal != MovementSignal.Yaw || IncludeGyroscope, nameof(IncludeGyroscope), "must be true for a yaw movement");
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"simulation option {name} {rule}", name);
        }
    }
}
