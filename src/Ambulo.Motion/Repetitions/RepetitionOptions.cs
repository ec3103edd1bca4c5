using Ambulo.Motion.Orientation;

namespace Ambulo.Motion.Repetitions;

/// <summary>
/// Settings of the repetition detector. Immutable and JSON-serialisable, so a stored result says which
/// parameters made it. Start from a preset (<see cref="Default"/>, <see cref="Hemiparetic"/>,
/// <see cref="SlowOrImpaired"/>, <see cref="Press"/>) and change what the exercise needs with <c>with</c>;
/// <c>Ambulo.Tracking</c> does this from a catalogue exercise's sensor signature.
/// </summary>
public sealed record RepetitionOptions
{
    /// <summary>What rises and falls during one repetition.</summary>
    public MovementSignal Signal { get; init; } = MovementSignal.Pitch;

    /// <summary>
    /// True when one repetition swings to both sides of the start pose (knee rocks): each side is a
    /// half repetition and one repetition is a pair of opposite halves.
    /// </summary>
    public bool Bidirectional { get; init; }

    /// <summary>For <see cref="MovementSignal.Force"/>: true when a repetition unloads the sensor (force falls, e.g. a puck under the forefoot during toe lifts).</summary>
    public bool ForceDecreases { get; init; }

    /// <summary>Range of motion the exercise aims at (the catalogue's lower typical excursion); angles only.</summary>
    public double TargetRangeOfMotionDegrees { get; init; } = 20;

    /// <summary>Movements smaller than this are never counted (tremor, fidgeting); angles only.</summary>
    public double MinimumRangeOfMotionDegrees { get; init; } = 5;

    /// <summary>Force change one press aims at; force only.</summary>
    public double TargetForceChangeNewtons { get; init; } = 100;

    /// <summary>Force changes smaller than this are never counted; force only.</summary>
    public double MinimumForceChangeNewtons { get; init; } = 15;

    /// <summary>
    /// The detector's running idea of the person's range starts at this fraction of the target and then
    /// follows the ranges actually counted, so thresholds adapt to a small but real movement.
    /// </summary>
    public double InitialRangeFractionOfTarget { get; init; } = 0.6;

    /// <summary>A movement counts only if its range reaches this fraction of the running typical range.</summary>
    public double AcceptFractionOfTypicalRange { get; init; } = 0.5;

    /// <summary>A movement is followed once it leaves the baseline by this fraction of the typical range (and at least half the minimum range).</summary>
    public double StartFractionOfTypicalRange { get; init; } = 0.25;

    /// <summary>A movement has returned when it is back below this fraction of its own peak (hysteresis).</summary>
    public double ReturnFractionOfPeak { get; init; } = 0.35;

    /// <summary>Shortest repetition counted (rejects spasm bursts and jolts).</summary>
    public double MinimumDurationSeconds { get; init; } = 0.8;

    /// <summary>Longest repetition counted; a movement that does not come back within it is re-positioning and resets the baseline.</summary>
    public double MaximumDurationSeconds { get; init; } = 8;

    /// <summary>
    /// A movement that stays away from its start and still (within 5 % of the typical range) for longer
    /// than this is taken as the sensor slipping or the limb being re-positioned: it is not counted and
    /// the baseline moves there. Set it above the exercise's hold time.
    /// </summary>
    public double MaximumStillSeconds { get; init; } = 2.5;

    /// <summary>Low-pass cut-off applied to the tracked signal (band-limits tremor and noise).</summary>
    public double LowPassCutoffHz { get; init; } = 3;

    /// <summary>Tilt from the start pose at which the movement axis is learned.</summary>
    public double AxisLockDegrees { get; init; } = 4;

    /// <summary>How fast the resting baseline follows slow drift (sensor slipping) between repetitions.</summary>
    public double BaselineTimeConstantSeconds { get; init; } = 3;

    /// <summary>A repetition whose range is below this fraction of the target is flagged <see cref="RepetitionQuality.BelowTargetRange"/>.</summary>
    public double LowRangeFractionOfTarget { get; init; } = 0.5;

    /// <summary>A pause between samples longer than this ends any movement in progress without counting it.</summary>
    public double MaximumGapSeconds { get; init; } = 0.5;

    /// <summary>SPARC: highest frequency of the speed spectrum considered (Balasubramanian et al. 2015 use 10 Hz).</summary>
    public double SparcMaximumFrequencyHz { get; init; } = 10;

    /// <summary>SPARC: spectrum magnitudes below this fraction of the 0 Hz value end the arc (Balasubramanian et al. 2015 use 0.05).</summary>
    public double SparcAmplitudeThreshold { get; init; } = 0.05;

    /// <summary>SPARC: zero padding, as powers of two beyond the next power of two of the repetition length (Balasubramanian et al. 2015 use 4).</summary>
    public int SparcPadLevel { get; init; } = 2;

    public OrientationOptions Orientation { get; init; } = OrientationOptions.Default;

    /// <summary>General defaults: 0.8–8 s repetitions, low-pass 3 Hz (clinical reference §4 generic detector note [ENG]).</summary>
    public static RepetitionOptions Default { get; } = new();

    /// <summary>Smaller and slower movements after stroke: lower thresholds, longer repetitions allowed.</summary>
    public static RepetitionOptions Hemiparetic { get; } = new()
    {
        MinimumRangeOfMotionDegrees = 3,
        InitialRangeFractionOfTarget = 0.35,
        AcceptFractionOfTypicalRange = 0.45,
        MinimumDurationSeconds = 0.8,
        MaximumDurationSeconds = 12,
    };

    /// <summary>Very slow movements (severe weakness, passive or assisted mode): long repetitions, smoother signal.</summary>
    public static RepetitionOptions SlowOrImpaired { get; } = Hemiparetic with
    {
        MinimumDurationSeconds = 1.2,
        MaximumDurationSeconds = 20,
        LowPassCutoffHz = 2,
    };

    /// <summary>Force puck: a press is a debounced rise (or fall) of force lasting at least 0.2 s.</summary>
    public static RepetitionOptions Press { get; } = new()
    {
        Signal = MovementSignal.Force,
        MinimumDurationSeconds = 0.2,
        MaximumDurationSeconds = 10,
        LowPassCutoffHz = 5,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        Require(TargetRangeOfMotionDegrees > 0 && TargetRangeOfMotionDegrees <= 360, nameof(TargetRangeOfMotionDegrees), "must be in (0, 360]");
        Require(MinimumRangeOfMotionDegrees > 0, nameof(MinimumRangeOfMotionDegrees), "must be positive");
        Require(TargetForceChangeNewtons > 0, nameof(TargetForceChangeNewtons), "must be positive");
        Require(MinimumForceChangeNewtons > 0, nameof(MinimumForceChangeNewtons), "must be positive");
        Require(InitialRangeFractionOfTarget > 0, nameof(InitialRangeFractionOfTarget), "must be positive");
        Require(AcceptFractionOfTypicalRange is > 0 and <= 1, nameof(AcceptFractionOfTypicalRange), "must be in (0, 1]");
        Require(StartFractionOfTypicalRange is > 0 and < 1, nameof(StartFractionOfTypicalRange), "must be in (0, 1)");
        Require(ReturnFractionOfPeak is > 0 and < 1, nameof(ReturnFractionOfPeak), "must be in (0, 1)");
        Require(MinimumDurationSeconds >= 0, nameof(MinimumDurationSeconds), "must not be negative");
        Require(MaximumDurationSeconds > MinimumDurationSeconds && MaximumDurationSeconds <= 120, nameof(MaximumDurationSeconds), "must exceed the minimum and be at most 120 s");
        Require(MaximumStillSeconds > 0, nameof(MaximumStillSeconds), "must be positive");
        Require(LowPassCutoffHz > 0, nameof(LowPassCutoffHz), "must be positive");
        Require(AxisLockDegrees is > 0 and < 90, nameof(AxisLockDegrees), "must be in (0, 90)");
        Require(BaselineTimeConstantSeconds > 0, nameof(BaselineTimeConstantSeconds), "must be positive");
        Require(LowRangeFractionOfTarget >= 0, nameof(LowRangeFractionOfTarget), "must not be negative");
        Require(MaximumGapSeconds > 0, nameof(MaximumGapSeconds), "must be positive");
        Require(SparcMaximumFrequencyHz > 0, nameof(SparcMaximumFrequencyHz), "must be positive");
        Require(SparcAmplitudeThreshold is > 0 and < 1, nameof(SparcAmplitudeThreshold), "must be in (0, 1)");
        Require(SparcPadLevel is >= 0 and <= 6, nameof(SparcPadLevel), "must be in 0..6");
        Orientation.Validate();
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"repetition option {name} {rule}", name);
        }
    }
}
