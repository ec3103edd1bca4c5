using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings;

/// <summary>
/// Applies the bad-input rules of the recording format to a stream of samples: drops rows with non-finite
/// values, implausible values (beyond <see cref="RecordingReadOptions.ImplausibleRangeFactor"/> times the sensor's
/// range), duplicated or out-of-order times; repairs clock resets; counts gaps and saturated values.
/// Used by the file reader and the importers, and usable on live frames (one instance per stream).
/// Every sample it keeps has a finite time strictly greater than the one before.
/// </summary>
public sealed class SampleSanitizer
{
    /// <summary>A value within this fraction of the full-scale range counts as saturated (sensors clip a hair short).</summary>
    public const double SaturationMargin = 0.001;

    private static readonly int IssueKinds = Enum.GetValues<ReadIssue>().Length;

    private readonly RecordingReadOptions _options;
    private readonly float _accelerationLimit;
    private readonly float _angularVelocityLimit;
    private readonly double _accelerationImplausible;
    private readonly double _angularVelocityImplausible;
    private readonly bool _checkGyroscope;
    private readonly int[] _counts = new int[IssueKinds];
    private readonly List<long>?[] _lines = new List<long>?[IssueKinds];
    private readonly string?[] _details = new string?[IssueKinds];
    private double _previousTime;
    private double _offset;
    private bool _hasPrevious;

    public SampleSanitizer(RecordingReadOptions options, SensorChannels channels, double? accelerationRangeMps2 = null, double? angularVelocityRangeRadps = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.ImplausibleRangeFactor >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ImplausibleRangeFactor, "ImplausibleRangeFactor must be at least 1 (a sensor reads up to its range)");
        }

        _options = options;
        var accelerationRange = accelerationRangeMps2 ?? options.AccelerationRangeMps2;
        var angularVelocityRange = angularVelocityRangeRadps ?? options.AngularVelocityRangeRadps;
        _accelerationLimit = (float)(accelerationRange * (1 - SaturationMargin));
        _angularVelocityLimit = (float)(angularVelocityRange * (1 - SaturationMargin));
        _accelerationImplausible = accelerationRange * options.ImplausibleRangeFactor;
        _angularVelocityImplausible = angularVelocityRange * options.ImplausibleRangeFactor;
        _checkGyroscope = channels.HasFlag(SensorChannels.Gyroscope);
    }

    /// <summary>Rows offered so far (through <see cref="Push"/> or <see cref="Reject"/>).</summary>
    public int RowsRead { get; private set; }

    public int SamplesKept { get; private set; }

    /// <summary>
    /// Offers one row. Returns true and the sample to keep (its time possibly shifted after a clock reset),
    /// or false if the row is dropped (it is counted in the report).
    /// </summary>
    public bool Push(in ImuSample sample, long lineNumber, out ImuSample kept)
    {
        RowsRead++;
        kept = sample;
        var time = sample.TimeSeconds;
        if (!double.IsFinite(time))
        {
            Count(ReadIssue.NonFiniteTime, lineNumber, WantsDetail(ReadIssue.NonFiniteTime) ? "t_s = " + time.ToString(CultureInfo.InvariantCulture) : null);
            return false;
        }

        if (!AllFinite(sample))
        {
            Count(ReadIssue.NonFiniteValue, lineNumber, "a sensor value is NaN or infinite");
            return false;
        }

        var implausible = LargestComponent(sample.AccelerationMps2) > _accelerationImplausible ? "acceleration"
            : _checkGyroscope && LargestComponent(sample.AngularVelocityRadps) > _angularVelocityImplausible ? "angular velocity"
            : null;
        if (implausible is not null)
        {
            Count(ReadIssue.ImplausibleValue, lineNumber, WantsDetail(ReadIssue.ImplausibleValue) ? DescribeImplausible(sample, implausible) : null);
            return false;
        }

        if (_offset != 0)
        {
            time += _offset;
            if (!double.IsFinite(time))
            {
                Count(ReadIssue.NonFiniteTime, lineNumber, "t_s overflows after the clock-jump shift");
                return false;
            }
        }

        if (_hasPrevious)
        {
            if (time == _previousTime)
            {
                Count(ReadIssue.DuplicateTimestamp, lineNumber, WantsDetail(ReadIssue.DuplicateTimestamp) ? "t_s repeats " + Format(time) : null);
                return false;
            }

            if (time < _previousTime)
            {
                var back = _previousTime - time;
                if (back <= _options.ClockJumpSeconds)
                {
                    Count(ReadIssue.OutOfOrderTimestamp, lineNumber, WantsDetail(ReadIssue.OutOfOrderTimestamp) ? $"t_s {Format(time)} after {Format(_previousTime)}" : null);
                    return false;
                }

                var shifted = _previousTime + _options.ClockJumpInsertedGapSeconds;
                if (!(shifted > _previousTime))
                {
                    shifted = Math.BitIncrement(_previousTime); // times so large that the inserted gap vanishes in rounding
                }

                if (!double.IsFinite(shifted))
                {
                    Count(ReadIssue.OutOfOrderTimestamp, lineNumber, WantsDetail(ReadIssue.OutOfOrderTimestamp) ? $"t_s {Format(time)} after {Format(_previousTime)}" : null);
                    return false;
                }

                Count(ReadIssue.ClockJump, lineNumber, WantsDetail(ReadIssue.ClockJump) ? $"time went back {Format(back)} s; this and later rows shifted by {Format(shifted - time)} s" : null);
                _offset += shifted - time;
                time = shifted;
            }
            else if (time - _previousTime > _options.MaxGapSeconds)
            {
                Count(ReadIssue.Gap, lineNumber, WantsDetail(ReadIssue.Gap) ? $"{Format(time - _previousTime)} s without data after t_s {Format(_previousTime)}" : null);
            }
        }

        if (IsSaturated(sample))
        {
            Count(ReadIssue.Saturated, lineNumber, "a value at the end of the sensor range");
            if (_options.SkipSaturated)
            {
                return false;
            }
        }

        kept = sample with { TimeSeconds = time };
        _previousTime = time;
        _hasPrevious = true;
        SamplesKept++;
        return true;
    }

    /// <summary>
    /// Counts a row that could not even be turned into a sample (bad field count, unparsable text). The detail may be
    /// null when <see cref="WantsDetail"/> is false.
    /// </summary>
    public void Reject(ReadIssue issue, long lineNumber, string? detail)
    {
        RowsRead++;
        Count(issue, lineNumber, detail);
    }

    /// <summary>Counts an irregularity that is not a row (e.g. a misplaced comment).</summary>
    public void Note(ReadIssue issue, long lineNumber, string detail) => Count(issue, lineNumber, detail);

    public RecordingReadReport Report()
    {
        var issues = new List<ReadIssueCount>();
        for (var i = 0; i < IssueKinds; i++)
        {
            if (_counts[i] > 0)
            {
                issues.Add(new ReadIssueCount((ReadIssue)i, _counts[i], _lines[i]!.ToArray(), _details[i]!));
            }
        }

        return new RecordingReadReport { RowsRead = RowsRead, SamplesKept = SamplesKept, Issues = issues };
    }

    /// <summary>
    /// True until <paramref name="issue"/> is first counted. Only the first case's detail is kept, so a caller may pass
    /// null as the detail of later ones and build no text per bad row.
    /// </summary>
    public bool WantsDetail(ReadIssue issue) => _details[(int)issue] is null;

    private void Count(ReadIssue issue, long lineNumber, string? detail)
    {
        var i = (int)issue;
        _counts[i]++;
        var lines = _lines[i] ??= new List<long>(RecordingReadReport.MaxLinesPerIssue);
        if (lines.Count < RecordingReadReport.MaxLinesPerIssue)
        {
            lines.Add(lineNumber);
        }

        _details[i] ??= detail ?? issue.ToString();
    }

    private static double LargestComponent(Vector3 v) => MathF.Max(MathF.Abs(v.X), MathF.Max(MathF.Abs(v.Y), MathF.Abs(v.Z)));

    private string DescribeImplausible(in ImuSample s, string what)
    {
        var (v, limit, unit) = what == "acceleration"
            ? (s.AccelerationMps2, _accelerationImplausible, "m/s²")
            : (s.AngularVelocityRadps, _angularVelocityImplausible, "rad/s");
        var largest = MathF.Abs(v.X) >= MathF.Abs(v.Y) && MathF.Abs(v.X) >= MathF.Abs(v.Z) ? v.X : MathF.Abs(v.Y) >= MathF.Abs(v.Z) ? v.Y : v.Z;
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} {largest:R} {unit} is beyond {_options.ImplausibleRangeFactor:R} × the sensor's range (±{limit / _options.ImplausibleRangeFactor:G4} {unit}); no sensor reads that");
    }

    private static bool AllFinite(in ImuSample s) =>
        Finite(s.AccelerationMps2) && Finite(s.AngularVelocityRadps) && Finite(s.MagneticFieldMicroTesla) && float.IsFinite(s.ForceNewtons);

    private static bool Finite(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);

    private bool IsSaturated(in ImuSample s)
    {
        var acc = Vector3.Abs(s.AccelerationMps2);
        if (MathF.Max(acc.X, MathF.Max(acc.Y, acc.Z)) >= _accelerationLimit)
        {
            return true;
        }

        if (!_checkGyroscope)
        {
            return false;
        }

        var gyr = Vector3.Abs(s.AngularVelocityRadps);
        return MathF.Max(gyr.X, MathF.Max(gyr.Y, gyr.Z)) >= _angularVelocityLimit;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
