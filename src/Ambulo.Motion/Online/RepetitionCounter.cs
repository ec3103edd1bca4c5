using System.Runtime.CompilerServices;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Online;

/// <summary>
/// Live repetition counter for one sensor stream: create one per stream, call <see cref="Push(ReadOnlySpan{ImuSample}, ICollection{Repetition})"/>
/// with samples as they arrive (any chunk size, in time order) and receive each repetition once it has
/// ended; <see cref="Reset"/> starts a new set (the next samples are the calibration still period again).
/// <para>
/// Pipeline per sample: segment angle (complementary filter, start-pose calibration, learned movement
/// axis; see <see cref="MovementAngleTracker"/>) or force → 2nd-order Butterworth low-pass → adaptive
/// hysteresis state machine; the range of motion is measured from the start of the rise or, in continuous cycles,
/// from the cycle's trough (see <c>Begin</c>). Nothing is allocated per sample; a <see cref="Repetition"/> record is
/// allocated when one is completed. The offline <see cref="RepetitionDetector.Detect(ReadOnlySpan{ImuSample}, RepetitionOptions, double, SensorChannels)"/>
/// runs exactly this class over the whole recording, so online and offline results are identical.
/// </para>
/// Not thread-safe: one instance belongs to one stream.
/// </summary>
public sealed class RepetitionCounter
{
    private const double EndFractionOfPeak = 0.1;
    private const double SettleSeconds = 1.0;
    private const double LookbackSeconds = 2.0;
    private const double RestSeconds = 1.0;
    private const double RestBandFractionOfTypicalRange = 0.1;
    private const int BothDirections = 2;
    private const int BlockLength = 256;

    private readonly RepetitionOptions _options;
    private readonly double _rate;
    private readonly double _dt;
    private readonly bool _hasGyroscope;
    private readonly BiquadCoefficients _lowPass;
    private readonly double _minimumRange;
    private readonly double _targetRange;
    private readonly double _baselineGain;
    private readonly float[] _velocity; // ring buffer of the signal's rate of change, one per processed sample
    private readonly float[] _unfiltered; // ring buffer of the signal before the low-pass, one per processed sample
    private readonly long _delay; // the low-pass's group delay at 0 Hz, in samples
    private readonly int _mask;
    private readonly double[] _scratch;
    private readonly long _lookback;
    private readonly double[] _angles = new double[BlockLength]; // bulk-path orientation output, reused

    private MovementAngleTracker _tracker;
    private BiquadMemory _filter;
    private Phase _phase;
    private long _n; // processed samples after calibration
    private bool _filterReady;
    private bool _hasPrevious;
    private double _previousTime;
    private double _x, _previousX;
    private double _baseline;
    private double _typicalRange;
    private Point _lowCandidate, _highCandidate;
    private Point _lowest, _highest; // extremes of the signal since the last movement ended (or the last rest)
    private Point _restAnchor;
    private bool _resting;
    private int _cycleDirection; // which movement the current cycle's extremes hold for: 0 none, ±1, or BothDirections
    private Point _start;
    private Point _origin; // where the range of motion is measured from (see Begin)
    private int _direction;
    private double _peak;
    private Point _peakPoint;
    private double _minimum;
    private Point _minimumPoint;
    private double _settleStart;
    private Point _stillAnchor;
    private HalfMovement _pending;
    private int _count;

    private enum Phase { Idle, Moving, Settling }

    private readonly record struct Point(long Index, double Time, double Value);

    private readonly record struct HalfMovement(bool Exists, int Direction, Point Start, Point Peak, Point End, double Range, double RangeOfMotion);

    /// <param name="options">Detector settings (see presets on <see cref="RepetitionOptions"/>).</param>
    /// <param name="samplingRateHz">Nominal sampling rate of the stream; filters are designed for it.</param>
    /// <param name="channels">Channels the stream carries; without <see cref="SensorChannels.Gyroscope"/> the accelerometer-only tilt is used.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the signal needs a channel the stream lacks.</exception>
    public RepetitionCounter(RepetitionOptions options, double samplingRateHz, SensorChannels channels)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!(samplingRateHz is >= 5 and <= 10_000))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be between 5 and 10000 Hz");
        }

        if (options.Signal == MovementSignal.Force && !channels.HasFlag(SensorChannels.Force))
        {
            throw new ArgumentException("the exercise is counted from force, but the recording has no force channel", nameof(channels));
        }

        if (options.Signal != MovementSignal.Force && !channels.HasFlag(SensorChannels.Accelerometer))
        {
            throw new ArgumentException("the exercise is counted from an angle, but the recording has no accelerometer", nameof(channels));
        }

        _options = options;
        _rate = samplingRateHz;
        _dt = 1 / samplingRateHz;
        _hasGyroscope = channels.HasFlag(SensorChannels.Gyroscope);
        var cutoffHz = Math.Min(options.LowPassCutoffHz, samplingRateHz * 0.45);
        _lowPass = BiquadCoefficients.LowPass(cutoffHz, samplingRateHz);
        _delay = (long)Math.Round(Math.Sqrt(2) / (2 * Math.PI * cutoffHz) * samplingRateHz); // 2nd-order Butterworth: √2/ω_c
        var force = options.Signal == MovementSignal.Force;
        _minimumRange = force ? options.MinimumForceChangeNewtons : options.MinimumRangeOfMotionDegrees;
        _targetRange = force ? options.TargetForceChangeNewtons : options.TargetRangeOfMotionDegrees;
        _baselineGain = _dt / (options.BaselineTimeConstantSeconds + _dt);
        var capacity = 1;
        var needed = (int)Math.Ceiling((options.MaximumDurationSeconds * (options.Bidirectional ? 2 : 1) + LookbackSeconds + SettleSeconds + 1) * samplingRateHz) + 8;
        while (capacity < needed)
        {
            capacity <<= 1;
        }

        _velocity = new float[capacity];
        _unfiltered = new float[capacity];
        _mask = capacity - 1;
        _scratch = new double[capacity];
        _lookback = (long)(LookbackSeconds * samplingRateHz);
        Reset();
    }

    /// <summary>The options this counter runs with.</summary>
    public RepetitionOptions Options => _options;

    /// <summary>Repetitions counted since construction or the last <see cref="Reset"/>.</summary>
    public int Count => _count;

    /// <summary>True once the start still period has been seen and counting has begun.</summary>
    public bool IsCalibrated => _tracker.IsCalibrated;

    /// <summary>The current band-limited signal (degrees from the start pose, or newtons of force change), for live display.</summary>
    public double CurrentValue => _x;

    public int RejectedTooSmall { get; private set; }
    public int RejectedTooShort { get; private set; }
    public int RejectedTooLong { get; private set; }

    /// <summary>Samples skipped because a value was NaN or infinite.</summary>
    public int SkippedSamples { get; private set; }

    /// <summary>Forgets everything: the next samples calibrate again, as at the start of a new set.</summary>
    public void Reset()
    {
        _tracker = new MovementAngleTracker(_options.Signal == MovementSignal.Force ? MovementSignal.Force : _options.Signal,
            _options.Orientation, _rate, _hasGyroscope, _options.AxisLockDegrees);
        if (_options.Signal == MovementSignal.Force && _options.ForceDecreases)
        {
            _forceSign = -1;
        }
        else
        {
            _forceSign = 1;
        }

        _filter.Reset();
        _filterReady = false;
        _hasPrevious = false;
        _phase = Phase.Idle;
        _n = 0;
        _x = _previousX = 0;
        _baseline = 0;
        _typicalRange = _targetRange * _options.InitialRangeFractionOfTarget;
        _pending = default;
        _count = 0;
        RejectedTooSmall = RejectedTooShort = RejectedTooLong = SkippedSamples = 0;
        _lowCandidate = _highCandidate = default;
        _lowest = _highest = _restAnchor = default;
        _resting = false;
        _cycleDirection = 0;
    }

    private double _forceSign = 1;

    /// <summary>
    /// Feeds samples (in time order, any number) and appends every repetition completed by them to
    /// <paramref name="completed"/>. Returns how many were appended. Allocation-free unless a repetition completes.
    /// </summary>
    public int Push(ReadOnlySpan<ImuSample> samples, ICollection<Repetition> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        ICollection<Repetition>? sink = completed;
        return Run(samples, ref sink);
    }

    /// <summary>
    /// Feeds samples and returns the repetitions they completed (an empty, shared list when none did).
    /// </summary>
    public IReadOnlyList<Repetition> Push(ReadOnlySpan<ImuSample> samples)
    {
        ICollection<Repetition>? sink = null;
        Run(samples, ref sink);
        return sink is List<Repetition> list ? list : [];
    }

    /// <summary>Feeds one sample; returns the repetition it completed, if any.</summary>
    public Repetition? Push(in ImuSample sample) => Step(in sample);

    /// <summary>
    /// Runs samples through the counter. While the movement axis is fixed and the stream is clean, the
    /// orientation runs in bulk over blocks (<see cref="MovementAngleTracker.PushAngles"/>, the same arithmetic as
    /// <see cref="Step"/>), then each angle is low-passed and goes through the same <see cref="Advance"/> as in <see cref="Step"/>;
    /// any other sample (calibration, a gap, a bad value, before the axis is fixed) takes <see cref="Step"/>.
    /// So the result does not depend on how the stream is cut into chunks.
    /// </summary>
    private int Run(ReadOnlySpan<ImuSample> samples, ref ICollection<Repetition>? sink)
    {
        var angles = _angles.AsSpan();
        var added = 0;
        var i = 0;
        while (i < samples.Length)
        {
            if (_hasPrevious && _filterReady && _forceSign == 1)
            {
                var block = samples[i..];
                var pushed = _tracker.PushAngles(block, _options.MaximumGapSeconds, angles);
                if (pushed > 0)
                {
                    for (var k = 0; k < pushed; k++)
                    {
                        var raw = angles[k];
                        var rep = Advance(_filter.Process(in _lowPass, raw), raw, block[k].TimeSeconds);
                        if (rep is not null)
                        {
                            (sink ??= new List<Repetition>()).Add(rep);
                            added++;
                        }
                    }

                    _previousTime = block[pushed - 1].TimeSeconds;
                    i += pushed;
                    continue;
                }
            }

            var single = Step(in samples[i]);
            if (single is not null)
            {
                (sink ??= new List<Repetition>()).Add(single);
                added++;
            }

            i++;
        }

        return added;
    }

    private Repetition? Step(in ImuSample s)
    {
        if (!ImuSampleChecks.IsFinite(in s))
        {
            SkippedSamples++;
            return null;
        }

        var t = s.TimeSeconds;
        var gap = _hasPrevious && (t - _previousTime > _options.MaximumGapSeconds || t <= _previousTime);
        if (_hasPrevious && t <= _previousTime)
        {
            SkippedSamples++;
            return null; // duplicated or out-of-order timestamp
        }

        _previousTime = t;
        _hasPrevious = true;
        var raw = _tracker.Push(in s);
        if (!_tracker.IsCalibrated)
        {
            return null;
        }

        raw *= _forceSign;
        if (!_filterReady || gap)
        {
            _filter.Settle(in _lowPass, raw);
            _filterReady = true;
            if (gap && _phase != Phase.Idle)
            {
                _phase = Phase.Idle; // a movement broken by a gap is not counted
            }

            _x = _previousX = raw;
            _baseline = gap ? raw : _baseline;
            _lowCandidate = _highCandidate = new Point(_n, t, raw);
            StartIdle(_lowCandidate, direction: 0);
        }

        return Advance(_filter.Process(in _lowPass, raw), raw, t);
    }

    /// <summary>One low-passed value through the state machine: shared by <see cref="Step"/> and the bulk path.</summary>
    private Repetition? Advance(double filtered, double unfiltered, double t)
    {
        _previousX = _x;
        _x = filtered;
        var v = (_x - _previousX) * _rate;
        var slot = (int)(_n & _mask);
        _velocity[slot] = (float)v;
        _unfiltered[slot] = (float)unfiltered;
        var here = new Point(_n, t, _x);
        _n++;

        return _phase switch
        {
            Phase.Idle => Idle(here),
            Phase.Moving => Moving(here),
            _ => Settling(here),
        };
    }

    private Repetition? Idle(Point p)
    {
        var lookback = _lookback;
        if (p.Value <= _previousX || p.Index - _lowCandidate.Index > lookback)
        {
            _lowCandidate = p;
        }

        if (p.Value >= _previousX || p.Index - _highCandidate.Index > lookback)
        {
            _highCandidate = p;
        }

        TrackCycle(p);

        var threshold = Math.Max(0.5 * _minimumRange, _options.StartFractionOfTypicalRange * _typicalRange);
        var offset = p.Value - _baseline;
        if (offset >= threshold)
        {
            Begin(1, _lowCandidate, p);
        }
        else if (_options.Bidirectional && offset <= -threshold)
        {
            Begin(-1, _highCandidate, p);
        }
        else
        {
            _baseline += _baselineGain * (p.Value - _baseline);
        }

        return null;
    }

    /// <summary>
    /// Follows, between movements, where the current cycle began and its extremes. A cycle begins where a movement
    /// ended and holds for the next movement in the same direction (continuous cycles: walking, marching without a
    /// pause); a rest (the signal within <see cref="RestBandFractionOfTypicalRange"/> of the typical range for
    /// <see cref="RestSeconds"/>) closes it, and the cycle after the rest begins where the signal leaves it.
    /// </summary>
    private void TrackCycle(Point p)
    {
        if (p.Value < _lowest.Value)
        {
            _lowest = p;
        }

        if (p.Value > _highest.Value)
        {
            _highest = p;
        }

        if (Math.Abs(p.Value - _restAnchor.Value) > RestBandFractionOfTypicalRange * _typicalRange)
        {
            _restAnchor = p;
            if (_resting)
            {
                // Left the rest: a new cycle for a movement either way, in case it swings back before it rises.
                _resting = false;
                _lowest = _highest = p;
                _cycleDirection = BothDirections;
            }
        }
        else if (!_resting && p.Time - _restAnchor.Time >= RestSeconds)
        {
            _resting = true;
            _cycleDirection = 0; // a movement out of the rest is measured from its start
        }
    }

    /// <summary>A movement has ended (counted or not) at <paramref name="p"/>; <paramref name="direction"/> is the one a continuing cycle may repeat (0: none).</summary>
    private void StartIdle(Point p, int direction)
    {
        _lowest = _highest = _restAnchor = p;
        _resting = false;
        _cycleDirection = direction;
    }

    private void Begin(int direction, Point start, Point p)
    {
        _phase = Phase.Moving;
        _direction = direction;
        _start = start;
        // Where the range of motion is measured from: the start of the rise (the last turning point, as for the
        // detection) or, when the current cycle holds for this direction, the cycle's trough -- the furthest point
        // against the movement since the cycle began -- if that lies further back. In a continuous cycle the
        // start can sit well above the trough (a small wobble on the way up). A movement following one in the other
        // direction is measured from its start: the excursion against it was that other movement's own.
        _origin = start;
        if (_cycleDirection == direction || _cycleDirection == BothDirections)
        {
            var trough = direction > 0 ? _lowest : _highest;
            if (direction * (start.Value - trough.Value) > 0)
            {
                _origin = trough;
            }
        }

        _peak = direction * (p.Value - start.Value);
        _peakPoint = p;
        _stillAnchor = p;
    }

    private Repetition? Moving(Point p)
    {
        var e = _direction * (p.Value - _start.Value);
        if (e > _peak)
        {
            _peak = e;
            _peakPoint = p;
        }

        if (Math.Abs(p.Value - _stillAnchor.Value) > 0.05 * _typicalRange)
        {
            _stillAnchor = p;
        }

        if (p.Time - _start.Time > _options.MaximumDurationSeconds || p.Time - _stillAnchor.Time > _options.MaximumStillSeconds)
        {
            // Did not come back: re-positioning, a slip or a hold beyond the limit. Rest here.
            RejectedTooLong++;
            _phase = Phase.Idle;
            _baseline = p.Value;
            _lowCandidate = _highCandidate = p;
            StartIdle(p, direction: 0);
            _pending = default;
            return null;
        }

        if (e <= _options.ReturnFractionOfPeak * _peak)
        {
            _phase = Phase.Settling;
            _minimum = e;
            _minimumPoint = p;
            _settleStart = p.Time;
            if (e <= EndFractionOfPeak * _peak)
            {
                return Finish(p);
            }
        }

        return null;
    }

    private Repetition? Settling(Point p)
    {
        var e = _direction * (p.Value - _start.Value);
        if (e < _minimum)
        {
            _minimum = e;
            _minimumPoint = p;
        }

        if (e <= EndFractionOfPeak * _peak)
        {
            return Finish(p);
        }

        if (e > _minimum + 0.05 * _peak || p.Time - _settleStart > SettleSeconds)
        {
            return Finish(_minimumPoint);
        }

        return null;
    }

    private Repetition? Finish(Point end)
    {
        _phase = Phase.Idle;
        _lowCandidate = _highCandidate = end;
        StartIdle(end, _direction);
        var range = _peak;
        var rangeOfMotion = RangeOfMotion();
        var duration = end.Time - _start.Time;
        var minimumDuration = _options.Bidirectional ? _options.MinimumDurationSeconds / 2 : _options.MinimumDurationSeconds;
        var acceptRange = Math.Max(_minimumRange, _options.AcceptFractionOfTypicalRange * _typicalRange);
        if (range < acceptRange)
        {
            RejectedTooSmall++;
            return null;
        }

        if (duration < minimumDuration)
        {
            RejectedTooShort++;
            return null;
        }

        if (duration > _options.MaximumDurationSeconds)
        {
            RejectedTooLong++;
            return null;
        }

        _typicalRange += 0.3 * (range - _typicalRange);
        _tracker.FinishAxisRefinement();
        if (!_options.Bidirectional)
        {
            return Emit(_start, _peakPoint, end, rangeOfMotion);
        }

        var half = new HalfMovement(true, _direction, _start, _peakPoint, end, range, rangeOfMotion);
        if (_pending.Exists && _pending.Direction != _direction && _start.Time - _pending.End.Time <= _options.MaximumDurationSeconds)
        {
            var first = _pending;
            _pending = default;
            var peak = first.Range >= half.Range ? first.Peak : half.Peak;
            return Emit(first.Start, peak, end, (first.RangeOfMotion + half.RangeOfMotion) / 2);
        }

        _pending = half;
        return null;
    }

    /// <summary>
    /// The movement's range: from its origin (see <see cref="Begin"/>) to its peak. The low-pass that makes counting
    /// robust also blunts sharp turning points (a push-off in walking loses several degrees at 4 Hz), so at a turning
    /// point of the low-passed signal the extreme is the furthest of the low-passed value and of the unfiltered signal
    /// near it. The unfiltered signal turns up to about the filter's group delay earlier, so it is searched from two
    /// delays before the low-passed turning point to one after. The peak is always a turning point; the origin is not
    /// when the movement began where one in the other direction ended mid-swing (bidirectional exercises), and then
    /// only the unfiltered signal from the origin on counts (before it lies the other movement).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // once per movement: kept out of the per-sample path
    private double RangeOfMotion()
    {
        var d = _direction;
        var oldest = Math.Max(0, _n - _unfiltered.Length);
        var low = d * _origin.Value;
        var high = d * _peakPoint.Value;
        var turned = _origin.Index >= oldest && d * _velocity[(int)(_origin.Index & _mask)] <= 0;
        var from = turned ? Math.Max(oldest, _origin.Index - 2 * _delay) : Math.Max(oldest, _origin.Index);
        for (long i = from, last = Math.Min(_n - 1, _origin.Index + _delay); i <= last; i++)
        {
            var value = d * _unfiltered[(int)(i & _mask)];
            if (value < low)
            {
                low = value;
            }
        }

        for (long i = Math.Max(oldest, _peakPoint.Index - 2 * _delay), last = Math.Min(_n - 1, _peakPoint.Index + _delay); i <= last; i++)
        {
            var value = d * _unfiltered[(int)(i & _mask)];
            if (value > high)
            {
                high = value;
            }
        }

        return high - low;
    }

    private Repetition Emit(Point start, Point peak, Point end, double range)
    {
        var length = (int)(end.Index - start.Index) + 1;
        var velocity = _scratch.AsSpan(0, Math.Min(length, _scratch.Length));
        var first = end.Index - velocity.Length + 1;
        var peakSpeed = 0.0;
        for (var i = 0; i < velocity.Length; i++)
        {
            var v = _velocity[(int)((first + i) & _mask)];
            velocity[i] = v;
            peakSpeed = Math.Max(peakSpeed, Math.Abs(v));
        }

        var force = _options.Signal == MovementSignal.Force;
        var sparc = Smoothness.Sparc(velocity, _rate, _options.SparcMaximumFrequencyHz, _options.SparcAmplitudeThreshold, _options.SparcPadLevel);
        var jerk = Smoothness.LogDimensionlessJerk(velocity, _rate);
        var quality = range < _options.LowRangeFractionOfTarget * _targetRange ? RepetitionQuality.BelowTargetRange : RepetitionQuality.Good;
        _count++;
        return new Repetition(
            _count,
            start.Time,
            peak.Time,
            end.Time,
            force ? 0 : range,
            force ? range : 0,
            force ? 0 : peakSpeed,
            sparc,
            jerk,
            quality);
    }
}
