namespace Ambulo.Motion.Repetitions;

/// <summary>How a counted repetition compares with the exercise's target.</summary>
public enum RepetitionQuality
{
    Good,
    /// <summary>Counted, but the range was far below the target (see <see cref="RepetitionOptions.LowRangeFractionOfTarget"/>).</summary>
    BelowTargetRange,
}

/// <summary>
/// One counted repetition. Times are those of the recording's samples (seconds).
/// </summary>
/// <param name="Number">1-based position in the set.</param>
/// <param name="StartSeconds">Where the movement left its resting value.</param>
/// <param name="PeakSeconds">Where it was furthest from the start (for bidirectional exercises: the larger side).</param>
/// <param name="EndSeconds">Where it was back.</param>
/// <param name="RangeOfMotionDegrees">Excursion of the tracked angle to the peak from the start or, in a continuous cycle (no rest since the
/// previous movement the same way), from the cycle's trough, which may lie before <paramref name="StartSeconds"/>; at turning points the
/// unfiltered angle counts too, so the low-pass does not blunt the range; bidirectional: mean of both sides; 0 for force.</param>
/// <param name="ForceChangeNewtons">Excursion of force; 0 for angles.</param>
/// <param name="PeakAngularVelocityDegreesPerSecond">Highest angular speed of the tracked angle (for force: 0).</param>
/// <param name="Sparc">Spectral arc length of the speed profile (Balasubramanian et al. 2015); closer to 0 is smoother, typically −1.4 to −3.</param>
/// <param name="LogDimensionlessJerk">−ln of the dimensionless squared jerk of the velocity profile (Balasubramanian et al. 2015); higher is smoother.</param>
/// <param name="Quality">Quality flag.</param>
public sealed record Repetition(
    int Number,
    double StartSeconds,
    double PeakSeconds,
    double EndSeconds,
    double RangeOfMotionDegrees,
    double ForceChangeNewtons,
    double PeakAngularVelocityDegreesPerSecond,
    double Sparc,
    double LogDimensionlessJerk,
    RepetitionQuality Quality)
{
    public double DurationSeconds => EndSeconds - StartSeconds;
}

/// <summary>
/// Result of counting over a recording.
/// </summary>
/// <param name="Repetitions">Counted repetitions in time order.</param>
/// <param name="Options">The options that made this result.</param>
/// <param name="RejectedTooSmall">Movements left uncounted because their range was too small (tremor, partial repetitions).</param>
/// <param name="RejectedTooShort">Movements too brief to be a repetition (spasm bursts, jolts).</param>
/// <param name="RejectedTooLong">Movements that did not come back in time (re-positioning, slipping, holds beyond the limit).</param>
/// <param name="SkippedSamples">Samples with NaN or infinite values, skipped and counted.</param>
public sealed record RepetitionResult(
    IReadOnlyList<Repetition> Repetitions,
    RepetitionOptions Options,
    int RejectedTooSmall,
    int RejectedTooShort,
    int RejectedTooLong,
    int SkippedSamples)
{
    public int Count => Repetitions.Count;
}
