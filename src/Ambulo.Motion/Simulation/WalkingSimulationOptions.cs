namespace Ambulo.Motion.Simulation;

/// <summary>
/// Describes a SYNTHETIC walk as a trunk-worn sensor (a phone in a trouser pocket or on the lower back) would feel it:
/// a still start, a run of steps at a cadence with uneven left and right step times, a still end. Everything random
/// is drawn from <see cref="Seed"/>, so the same options always give the same samples. Synthetic data tests the
/// counting and the screens; it is not evidence about how real patients walk.
/// </summary>
public sealed record WalkingSimulationOptions
{
    /// <summary>Steps in the walk (the true count). Large values are fine: <see cref="WalkingSimulator.Samples"/> is lazy.</summary>
    public int Steps { get; init; } = 40;

    /// <summary>Mean steps per minute over a stride (one left plus one right step).</summary>
    public double CadenceStepsPerMinute { get; init; } = 80;

    /// <summary>
    /// Longer step time over shorter step time (1 = even). The stride time stays 2 × 60 / cadence; it is shared out in this
    /// ratio, the first step being the longer one. Patterson 2008 [V] found temporal asymmetry in most community walkers
    /// after stroke; 1.2–1.4 is a plausible hemiparetic range for a simulation, not a cited figure.
    /// </summary>
    public double StepTimeAsymmetryRatio { get; init; } = 1.0;

    /// <summary>Step-to-step spread of each step time, as a fraction (uniform ±).</summary>
    public double StepTimeVariationFraction { get; init; } = 0.05;

    /// <summary>Peak of the vertical trunk acceleration at each heel strike, above gravity.</summary>
    public double PeakAccelerationMps2 { get; init; } = 2.0;

    /// <summary>Step-to-step spread of that peak, as a fraction (uniform ±).</summary>
    public double PeakVariationFraction { get; init; } = 0.1;

    /// <summary>When the steps are uneven (<see cref="StepTimeAsymmetryRatio"/> &gt; 1), the longer steps' peak as a fraction of the others' (a weaker leg lands softer).</summary>
    public double LongerStepPeakFraction { get; init; } = 0.8;

    /// <summary>White noise on each accelerometer axis (standard deviation).</summary>
    public double NoiseMps2 { get; init; } = 0.05;

    /// <summary>Still time before the first and after the last step.</summary>
    public double StillSeconds { get; init; } = 2;

    /// <summary>How far the phone is tilted from upright, about its own x axis (a pocket holds it at an angle).</summary>
    public double TiltDegrees { get; init; } = 20;

    public double SamplingRateHz { get; init; } = 60;

    /// <summary>Placement name written into the recording (the recording format's kebab-case names).</summary>
    public string Placement { get; init; } = "front-pocket-right";

    public int Seed { get; init; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(Steps is >= 0 and <= 1_000_000, nameof(Steps), "must be in 0..1000000");
        Require(CadenceStepsPerMinute is >= 20 and <= 200, nameof(CadenceStepsPerMinute), "must be in [20, 200] steps/min");
        Require(StepTimeAsymmetryRatio is >= 1 and <= 3, nameof(StepTimeAsymmetryRatio), "must be in [1, 3]");
        Require(StepTimeVariationFraction is >= 0 and <= 0.3, nameof(StepTimeVariationFraction), "must be in [0, 0.3]");
        Require(PeakAccelerationMps2 is > 0 and <= 30, nameof(PeakAccelerationMps2), "must be in (0, 30] m/s²");
        Require(PeakVariationFraction is >= 0 and < 1, nameof(PeakVariationFraction), "must be in [0, 1)");
        Require(LongerStepPeakFraction is > 0 and <= 1, nameof(LongerStepPeakFraction), "must be in (0, 1]");
        Require(NoiseMps2 is >= 0 and <= 5, nameof(NoiseMps2), "must be in [0, 5] m/s²");
        Require(StillSeconds is >= 0 and <= 3600, nameof(StillSeconds), "must be in [0, 3600] s");
        Require(TiltDegrees is >= -180 and <= 180, nameof(TiltDegrees), "must be in [-180, 180]°");
        Require(SamplingRateHz is >= 10 and <= 1000, nameof(SamplingRateHz), "must be in [10, 1000] Hz");
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"walking simulation option {name} {rule}", name);
        }
    }
}
