namespace Ambulo.Motion.Recordings;

/// <summary>How a reader or importer treats irregular data. JSON-serialisable; units in the names.</summary>
public sealed record RecordingReadOptions
{
    /// <summary>A forward step in time longer than this counts as a gap (the recording is split there for analysis).</summary>
    public double MaxGapSeconds { get; init; } = 1.0;

    /// <summary>A backward step in time longer than this is a clock reset, not an out-of-order row.</summary>
    public double ClockJumpSeconds { get; init; } = 1.0;

    /// <summary>
    /// After a clock reset the later rows are shifted to continue this long after the last good row; it is
    /// longer than any sensible gap limit, so analysis never joins the two sides.
    /// </summary>
    public double ClockJumpInsertedGapSeconds { get; init; } = 60.0;

    /// <summary>
    /// Accelerometer full-scale range. A component whose magnitude reaches it is saturated. The file label
    /// <c>acc_range_mps2</c> overrides it. Default: ±16 g, the widest common range of body-worn IMUs.
    /// </summary>
    public double AccelerationRangeMps2 { get; init; } = 16 * StandardGravityMps2;

    /// <summary>Gyroscope full-scale range (label <c>gyr_range_radps</c> overrides). Default: ±2000 °/s.</summary>
    public double AngularVelocityRangeRadps { get; init; } = 2000 * Math.PI / 180;

    /// <summary>
    /// A row with an accelerometer or gyroscope component beyond this many times the full-scale range (the options or the
    /// range labels) is skipped and counted as <see cref="ReadIssue.ImplausibleValue"/>: a sensor clips at its range, so
    /// such a value is corruption, not movement. At least 1; <see cref="double.PositiveInfinity"/> keeps every finite value.
    /// </summary>
    public double ImplausibleRangeFactor { get; init; } = 2.0;

    /// <summary>Skip saturated rows instead of keeping them (they are counted either way).</summary>
    public bool SkipSaturated { get; init; }

    /// <summary>
    /// Keep a last line that has no line break when it parses as a full row. Off by default: a file cut
    /// mid-number parses but holds a wrong value.
    /// </summary>
    public bool AcceptUnterminatedLastLine { get; init; }

    /// <summary>Standard gravity (CGPM 1901), for converting g to m/s².</summary>
    public const double StandardGravityMps2 = 9.80665;

    public static RecordingReadOptions Default { get; } = new();
}
