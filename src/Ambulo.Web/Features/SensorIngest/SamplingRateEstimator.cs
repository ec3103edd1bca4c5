using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// Measures a phone's sampling rate from its samples' own timestamps. Phones and browsers deliver
/// <c>devicemotion</c> at anything from about 50 to 200 Hz, often with jittered or coarsened timestamps,
/// so the rate is measured, never assumed.
/// <para>
/// Method, over a window of <see cref="WindowIntervals"/> consecutive intervals: the median of the
/// positive intervals gives the typical spacing; intervals longer than <see cref="GapFactor"/> times it
/// are gaps (a pause in delivery, a reconnection) and left out; the rate is the number of remaining
/// intervals over their total time. Zero intervals (two readings sharing a coarsened timestamp) stay in,
/// so a browser that rounds its clock still gives its true mean rate; a sample earlier than the one
/// before it is ignored. The first window's rate is the rate in use; later windows keep measuring, and
/// the rate in use changes only when two windows in a row agree on a rate more than
/// <see cref="ChangeFraction"/> away from it (a single odd window changes nothing).
/// </para>
/// Not thread-safe: one instance per stream, fed in time order.
/// </summary>
public sealed class SamplingRateEstimator
{
    /// <summary>Intervals in one measuring window (about 1 s at 50 Hz, 0.25 s at 200 Hz).</summary>
    public const int WindowIntervals = 48;

    /// <summary>An interval longer than this many typical intervals is a gap, not a sample spacing.</summary>
    public const double GapFactor = 3;

    /// <summary>Relative change that re-measures the rate in use (two windows in a row must agree).</summary>
    public const double ChangeFraction = 0.2;

    /// <summary>Lowest rate taken as plausible (and the lowest the repetition counter accepts).</summary>
    public const double MinimumHz = 5;

    /// <summary>Highest rate taken as plausible; a phone's motion sensors deliver far less.</summary>
    public const double MaximumHz = 1000;

    private readonly double[] _window = new double[WindowIntervals];
    private readonly double[] _sorted = new double[WindowIntervals];
    private int _filled;
    private bool _hasPrevious;
    private double _previousTime;
    private double? _candidate;

    /// <summary>The rate in use, Hz; null until the first window of the stream was measured.</summary>
    public double? SamplingRateHz { get; private set; }

    /// <summary>The rate of the latest complete window, Hz (null before the first, or when it was implausible).</summary>
    public double? LatestWindowHz { get; private set; }

    /// <summary>Windows whose rate could not be used (too many gaps, all timestamps equal, outside 5–1000 Hz).</summary>
    public int ImplausibleWindows { get; private set; }

    /// <summary>Forgets the stream (a new stream starts: another page, maybe another phone).</summary>
    public void Reset()
    {
        _filled = 0;
        _hasPrevious = false;
        _candidate = null;
        SamplingRateHz = null;
        LatestWindowHz = null;
        ImplausibleWindows = 0;
    }

    /// <summary>Samples went missing (lost frames): the interval across the hole is not measured.</summary>
    public void Break() => _hasPrevious = false;

    /// <summary>Takes samples in time order; true when <see cref="SamplingRateHz"/> changed (first measured, or re-measured).</summary>
    public bool Push(ReadOnlySpan<ImuSample> samples)
    {
        var changed = false;
        foreach (ref readonly var sample in samples)
        {
            var t = sample.TimeSeconds;
            if (!double.IsFinite(t))
            {
                continue;
            }

            if (!_hasPrevious)
            {
                _hasPrevious = true;
                _previousTime = t;
                continue;
            }

            if (t < _previousTime)
            {
                continue; // out of order: neither measured nor the new reference
            }

            _window[_filled++] = t - _previousTime;
            _previousTime = t;
            if (_filled == WindowIntervals)
            {
                _filled = 0;
                changed |= Conclude(Estimate(_window, _sorted));
            }
        }

        return changed;
    }

    /// <summary>
    /// The rate (Hz) of a run of intervals (seconds) by the method described on the class, or null when
    /// fewer than half of them are sample spacings, no interval is positive, or the rate is outside 5–1000 Hz.
    /// </summary>
    public static double? Estimate(ReadOnlySpan<double> intervals) => Estimate(intervals, new double[intervals.Length]);

    private static double? Estimate(ReadOnlySpan<double> intervals, Span<double> scratch)
    {
        var positives = 0;
        foreach (var d in intervals)
        {
            if (d > 0)
            {
                scratch[positives++] = d;
            }
        }

        if (positives == 0)
        {
            return null;
        }

        var sorted = scratch[..positives];
        sorted.Sort();
        var median = positives % 2 == 1 ? sorted[positives / 2] : (sorted[(positives / 2) - 1] + sorted[positives / 2]) / 2;
        var limit = median * GapFactor;
        var kept = 0;
        var total = 0.0;
        foreach (var d in intervals)
        {
            if (d >= 0 && d <= limit)
            {
                kept++;
                total += d;
            }
        }

        if (kept * 2 < intervals.Length || total <= 0)
        {
            return null;
        }

        var rate = kept / total;
        return rate is >= MinimumHz and <= MaximumHz ? rate : null;
    }

    private bool Conclude(double? window)
    {
        LatestWindowHz = window;
        if (window is not { } rate)
        {
            ImplausibleWindows++;
            _candidate = null;
            return false;
        }

        if (SamplingRateHz is not { } inUse)
        {
            SamplingRateHz = rate;
            return true;
        }

        if (Math.Abs(rate - inUse) <= ChangeFraction * inUse)
        {
            _candidate = null;
            return false;
        }

        if (_candidate is { } earlier && Math.Abs(rate - earlier) <= ChangeFraction / 2 * earlier)
        {
            SamplingRateHz = rate;
            _candidate = null;
            return true;
        }

        _candidate = rate;
        return false;
    }
}
