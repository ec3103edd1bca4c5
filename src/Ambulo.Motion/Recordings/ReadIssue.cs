namespace Ambulo.Motion.Recordings;

/// <summary>
/// Something wrong with a data row of a recording, and what the reader did about it
/// (see docs/recording-format.md, "Bad input").
/// </summary>
public enum ReadIssue
{
    /// <summary>A row with more or fewer fields than the header. Skipped.</summary>
    WrongColumnCount,

    /// <summary>A field that is not a number in invariant-culture notation. Row skipped.</summary>
    UnparsableValue,

    /// <summary>The time is NaN or ±∞. Row skipped.</summary>
    NonFiniteTime,

    /// <summary>A sensor value is NaN or ±∞. Row skipped.</summary>
    NonFiniteValue,

    /// <summary>The same time as the previous kept row. Later row skipped.</summary>
    DuplicateTimestamp,

    /// <summary>A time earlier than the previous kept row by at most the clock-jump limit. Skipped.</summary>
    OutOfOrderTimestamp,

    /// <summary>
    /// Time went back by more than the clock-jump limit (clock reset). Kept: this row and every later row are
    /// shifted so the recording continues after an inserted gap, which splits it into segments.
    /// </summary>
    ClockJump,

    /// <summary>Time went forward by more than the gap limit. Kept; the gap splits the recording into segments.</summary>
    Gap,

    /// <summary>A value at or beyond the sensor's range (clipped). Kept unless the options say skip.</summary>
    Saturated,

    /// <summary>A last line with no line break that does not parse as a full row (file cut mid-line). Skipped.</summary>
    TruncatedLastLine,

    /// <summary>A <c>#</c> line after the header. Skipped.</summary>
    CommentAfterHeader,

    /// <summary>
    /// An accelerometer reading of exactly 0 on every axis where gravity is included (a phone sensor that has not
    /// delivered its first value yet; a real reading with gravity is never exactly 0, 0, 0). Skipped by the importers
    /// that know their data includes gravity.
    /// </summary>
    AllZeroReading,

    /// <summary>
    /// A sensor value beyond <see cref="RecordingReadOptions.ImplausibleRangeFactor"/> times the sensor's full-scale range
    /// (accelerometer or gyroscope). No sensor reads that: it is a corrupted value (one 1e30 spike rings through the
    /// filters as a whole walk of false steps). Row skipped.
    /// </summary>
    ImplausibleValue,
}
