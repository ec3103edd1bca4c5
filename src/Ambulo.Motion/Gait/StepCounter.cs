using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>Options of <see cref="StepCounter"/> and <see cref="OnlineStepCounter"/>.</summary>
/// <param name="ResampleRateHz">Phones deliver irregular samples; they are interpolated to this fixed rate first.</param>
/// <param name="HighPassHz">Removes gravity and posture changes from the acceleration magnitude.</param>
/// <param name="LowPassHz">Keeps the step rhythm.</param>
/// <param name="MinimumPeakMps2">A step peak must reach this.</param>
/// <param name="RelativePeakFraction">…and this fraction of the running mean of recent step peaks (adapts to pocket vs hand).</param>
/// <param name="MinimumStepSeconds">Shortest step interval.</param>
/// <param name="MaximumStepSeconds">Longest step interval; a longer gap ends the walking run.</param>
/// <param name="StepsToConfirmWalking">Steps in a regular run before they count (rejects isolated jolts); they count retroactively.</param>
/// <param name="PeakDropFraction">A peak is final only once the signal has fallen this fraction of its height below it; until
/// then a higher peak replaces it. Slow steps have long trunk dips whose end the high-pass turns into a shoulder before the
/// next step's peak; without the drop that shoulder counts as a step of its own. 0 = a peak is final after
/// <see cref="MinimumStepSeconds"/>.</param>
/// <param name="RescueSkippedSteps">A peak that passes <see cref="MinimumPeakMps2"/> and half the relative threshold but not
/// the whole (the weaker leg's step, or the first weak step after strong ones) counts after all when the next step comes
/// about two step times after the last one (1.6–2.6 × the running mean step interval) and the peak lies in the middle half
/// between them.</param>
/// <param name="TimeOnVerticalAcceleration">Each counted step is reported at the highest peak of the band-passed vertical
/// acceleration (the acceleration along the gravity direction, gravity being the acceleration low-passed per axis at
/// <see cref="HighPassHz"/>) within half the shortest step (<see cref="MinimumStepSeconds"/> ÷ 2) of the magnitude peak that
/// counted it; without such a peak, at the magnitude peak. Detection and count are unchanged: only the reported time moves.
/// In a pocket the magnitude also carries the thigh's or pelvis's swing, which moves its peak one way for the phone's own
/// leg and the other way for the other leg; the vertical component is mostly the body's bounce. Each step is timed on its
/// own, so a real step-time asymmetry stays.</param>
public sealed record StepCounterOptions(
    double ResampleRateHz = 50,
    double HighPassHz = 0.5,
    double LowPassHz = 3.0,
    double MinimumPeakMps2 = 0.6,
    double RelativePeakFraction = 0.35,
    double MinimumStepSeconds = 0.3,
    double MaximumStepSeconds = 1.3,
    int StepsToConfirmWalking = 4,
    double PeakDropFraction = 0,
    bool RescueSkippedSteps = false,
    bool TimeOnVerticalAcceleration = true)
{
    public static StepCounterOptions Healthy { get; } = new();

    /// <summary>Slow walkers (older adults, MS, walking aids): weaker and slower steps; weak steps skipped by the relative threshold are rescued.</summary>
    public static StepCounterOptions SlowOrImpaired { get; } = new(MinimumPeakMps2: 0.4, MaximumStepSeconds: 2.0, LowPassHz: 2.5, PeakDropFraction: 0.5,
        RescueSkippedSteps: true);

    /// <summary>
    /// Hemiparetic gait with or without a cane: weak, slow, uneven steps. Its relative threshold is already low enough for
    /// the weaker leg, so skipped steps are not rescued (on the synthetic hemiparetic grid rescue changed nothing, on healthy
    /// walkers it added steps).
    /// </summary>
    public static StepCounterOptions Hemiparetic { get; } = new(HighPassHz: 0.3, MinimumPeakMps2: 0.2, MaximumStepSeconds: 2.5, LowPassHz: 2.5, RelativePeakFraction: 0.25,
        PeakDropFraction: 0.5);
}

/// <summary>Steps found in a whole recording.</summary>
public sealed record StepCountResult(IReadOnlyList<double> StepTimesSeconds, StepCounterOptions Options)
{
    public int Steps => StepTimesSeconds.Count;
}

/// <summary>
/// Step counting from the acceleration magnitude of any body-worn sensor or phone (pocket, hand, belt): the magnitude is
/// orientation-free; after band-pass each step gives one peak. Peaks must be high enough (absolute and relative to
/// recent steps), spaced plausibly, and part of a regular run. The offline verb runs the online counter over the whole
/// recording, so the live screen and the stored result agree exactly.
/// </summary>
public static class StepCounter
{
    public static StepCountResult Detect(ReadOnlySpan<ImuSample> samples, StepCounterOptions? options = null)
    {
        var counter = new OnlineStepCounter(options);
        var steps = new List<double>();
        foreach (var s in samples)
        {
            counter.Push(s, steps);
        }

        counter.Flush(steps);
        return new StepCountResult(steps, counter.Options);
    }
}

/// <summary>
/// Live step counter: push samples as they arrive (any chunking), read <see cref="Steps"/>. One instance per stream.
/// Steps are reported with a delay of at most <see cref="StepCounterOptions.MaximumStepSeconds"/> plus the confirmation run.
/// </summary>
public sealed class OnlineStepCounter
{
    private readonly double _dt;
    private readonly FilterState _highPass;
    private readonly FilterState _lowPass;
    private readonly List<double> _pendingRun = [];
    private readonly bool _timeOnVertical;
    private readonly BiquadCoefficients _gravityLowPass;
    private readonly FilterState _verticalHighPass;
    private readonly FilterState _verticalLowPass;
    private readonly double[] _verticalHistory;
    private readonly int _timingWindow;
    private BiquadMemory _gravityX, _gravityY, _gravityZ;
    private double _nextGridTime;
    private ImuSample? _previous;
    private bool _primed;
    private double _y1, _y2, _t1;
    private int _gridIndex;
    private double _candidateTime = double.NaN;
    private int _candidateIndex;
    private double _candidateValue;
    private double _lowestSinceCandidate;
    private double _skippedTime = double.NaN;
    private int _skippedIndex;
    private double _skippedValue;
    private double _intervalMean;
    private double _peakMean;
    private bool _runConfirmed;
    private double _lastStepTime = double.NegativeInfinity;
    private int _lastReportedIndex;

    public OnlineStepCounter(StepCounterOptions? options = null)
    {
        Options = options ?? StepCounterOptions.Healthy;
        _dt = 1 / Options.ResampleRateHz;
        _highPass = FilterDesign.HighPass(Options.HighPassHz, Options.ResampleRateHz).CreateState();
        _lowPass = FilterDesign.LowPass(Options.LowPassHz, Options.ResampleRateHz).CreateState();
        _timeOnVertical = Options.TimeOnVerticalAcceleration;
        _gravityLowPass = BiquadCoefficients.LowPass(Options.HighPassHz, Options.ResampleRateHz);
        _verticalHighPass = FilterDesign.HighPass(Options.HighPassHz, Options.ResampleRateHz).CreateState();
        _verticalLowPass = FilterDesign.LowPass(Options.LowPassHz, Options.ResampleRateHz).CreateState();
        _timingWindow = (int)(Options.MinimumStepSeconds / 2 * Options.ResampleRateHz);

        // A step is timed when it is accepted: at least the shortest step after its peak, a rescued weak step up to about
        // 2.6 mean step intervals after it. Older peaks (none in a regular walk) keep the magnitude peak's time.
        _verticalHistory = new double[_timeOnVertical ? (int)Math.Ceiling((3 * Options.MaximumStepSeconds + 1) * Options.ResampleRateHz) + 2 * _timingWindow + 2 : 0];
    }

    public StepCounterOptions Options { get; }

    /// <summary>Steps confirmed so far.</summary>
    public int Steps { get; private set; }

    /// <summary>Samples skipped because they were out of time order or not finite.</summary>
    public int SkippedSamples { get; private set; }

    /// <summary>Pushes one sample; newly confirmed step times are appended to <paramref name="newSteps"/> if given.</summary>
    public void Push(ImuSample sample, List<double>? newSteps = null)
    {
        var a = sample.AccelerationMps2;
        if (!double.IsFinite(sample.TimeSeconds) || !float.IsFinite(a.X) || !float.IsFinite(a.Y) || !float.IsFinite(a.Z)
            || (_previous is { } p && sample.TimeSeconds <= p.TimeSeconds))
        {
            SkippedSamples++;
            return;
        }

        if (_previous is not { } prev)
        {
            _previous = sample;
            _nextGridTime = sample.TimeSeconds;
            Grid(sample.TimeSeconds, a.Length(), a.X, a.Y, a.Z, newSteps);
            _nextGridTime += _dt;
            return;
        }

        // Linear interpolation of the magnitude (and, for the timing, of each axis) onto the fixed grid.
        var b = prev.AccelerationMps2;
        var m0 = b.Length();
        var m1 = a.Length();
        while (_nextGridTime <= sample.TimeSeconds)
        {
            var f = (_nextGridTime - prev.TimeSeconds) / (sample.TimeSeconds - prev.TimeSeconds);
            Grid(_nextGridTime, m0 + (m1 - m0) * f, b.X + (a.X - b.X) * f, b.Y + (a.Y - b.Y) * f, b.Z + (a.Z - b.Z) * f, newSteps);
            _nextGridTime += _dt;
        }

        _previous = sample;
    }

    /// <summary>Pushes a chunk of samples (as they arrive from a live stream).</summary>
    public void Push(ReadOnlySpan<ImuSample> chunk, List<double>? newSteps = null)
    {
        foreach (var s in chunk)
        {
            Push(s, newSteps);
        }
    }

    /// <summary>End of stream: decides the last pending peak and run.</summary>
    public void Flush(List<double>? newSteps = null)
    {
        if (!double.IsNaN(_candidateTime))
        {
            AcceptPeak(_candidateTime, _candidateValue, _candidateIndex, newSteps);
            _candidateTime = double.NaN;
        }
    }

    public void Reset()
    {
        _highPass.Reset();
        _lowPass.Reset();
        _verticalHighPass.Reset();
        _verticalLowPass.Reset();
        _gravityX.Reset();
        _gravityY.Reset();
        _gravityZ.Reset();
        _pendingRun.Clear();
        _previous = null;
        _primed = false;
        _gridIndex = 0;
        _candidateTime = double.NaN;
        _skippedTime = double.NaN;
        _intervalMean = 0;
        _peakMean = 0;
        _runConfirmed = false;
        _lastStepTime = double.NegativeInfinity;
        _lastReportedIndex = 0;
        Steps = 0;
        SkippedSamples = 0;
    }

    private void Grid(double time, double magnitude, double ax, double ay, double az, List<double>? newSteps)
    {
        if (!_primed)
        {
            _highPass.Settle(magnitude);
            _lowPass.Settle(0);
            if (_timeOnVertical)
            {
                // Gravity starts as the first reading, so the first vertical acceleration is its magnitude.
                _gravityX.Settle(_gravityLowPass, ax);
                _gravityY.Settle(_gravityLowPass, ay);
                _gravityZ.Settle(_gravityLowPass, az);
                _verticalHighPass.Settle(magnitude);
                _verticalLowPass.Settle(0);
            }

            _primed = true;
        }

        var y = _lowPass.Process(_highPass.Process(magnitude));
        _gridIndex++;
        if (_timeOnVertical)
        {
            _verticalHistory[_gridIndex % _verticalHistory.Length] = BandPassedVertical(ax, ay, az);
        }

        if (_gridIndex >= 3 && _y1 > _y2 && _y1 >= y)
        {
            OnLocalMaximum(_t1, _y1, _gridIndex - 1, newSteps);
        }

        // A pending candidate is final once no larger peak can replace it.
        if (!double.IsNaN(_candidateTime))
        {
            _lowestSinceCandidate = Math.Min(_lowestSinceCandidate, y);
        }

        if (!double.IsNaN(_candidateTime) && time - _candidateTime >= Options.MinimumStepSeconds && HasDropped())
        {
            AcceptPeak(_candidateTime, _candidateValue, _candidateIndex, newSteps);
            _candidateTime = double.NaN;
        }

        // A run that stops before it is confirmed is dropped (its last step is the last accepted one).
        if (_pendingRun.Count > 0 && !_runConfirmed && time - _lastStepTime > Options.MaximumStepSeconds)
        {
            _pendingRun.Clear();
        }

        _y2 = _y1;
        _y1 = y;
        _t1 = time;
    }

    /// <summary>The acceleration along the tracked gravity direction, band-passed like the magnitude.</summary>
    private double BandPassedVertical(double ax, double ay, double az)
    {
        var gx = _gravityX.Process(_gravityLowPass, ax);
        var gy = _gravityY.Process(_gravityLowPass, ay);
        var gz = _gravityZ.Process(_gravityLowPass, az);
        var norm = Math.Sqrt(gx * gx + gy * gy + gz * gz);
        var vertical = norm > 0 ? (ax * gx + ay * gy + az * gz) / norm : 0;
        return _verticalLowPass.Process(_verticalHighPass.Process(vertical));
    }

    /// <summary>
    /// The reported time of a step whose magnitude peak is grid sample <paramref name="index"/> at <paramref name="time"/>:
    /// the highest local maximum of the band-passed vertical acceleration within <see cref="_timingWindow"/> samples of it
    /// (after the previous reported step, among the samples still held), else the magnitude peak.
    /// </summary>
    private double ReportedTime(double time, int index)
    {
        if (!_timeOnVertical)
        {
            return time;
        }

        var length = _verticalHistory.Length;
        var from = Math.Max(Math.Max(index - _timingWindow, _lastReportedIndex + 1), Math.Max(1, _gridIndex - length + 1) + 1);
        var to = Math.Min(index + _timingWindow, _gridIndex - 1);
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var i = from; i <= to; i++)
        {
            var v = _verticalHistory[i % length];
            if (v >= _verticalHistory[(i - 1) % length] && v > _verticalHistory[(i + 1) % length] && v > bestValue)
            {
                best = i;
                bestValue = v;
            }
        }

        var reported = best < 0 ? index : best;
        _lastReportedIndex = reported;
        return time + (reported - index) * _dt;
    }

    /// <summary>Whether the signal has fallen far enough below the pending candidate (see <see cref="StepCounterOptions.PeakDropFraction"/>).</summary>
    private bool HasDropped() => _lowestSinceCandidate <= _candidateValue * (1 - Options.PeakDropFraction);

    private void OnLocalMaximum(double time, double value, int index, List<double>? newSteps)
    {
        var threshold = Math.Max(Options.MinimumPeakMps2, Options.RelativePeakFraction * _peakMean);
        if (value < threshold)
        {
            // A peak over the absolute minimum that reaches at least half the relative threshold is kept as a possibly skipped step.
            if (Options.RescueSkippedSteps && value >= Options.MinimumPeakMps2 && value >= 0.5 * threshold && (double.IsNaN(_candidateTime) || time - _candidateTime >= Options.MinimumStepSeconds)
                && (double.IsNaN(_skippedTime) || value > _skippedValue))
            {
                _skippedTime = time;
                _skippedIndex = index;
                _skippedValue = value;
            }

            return;
        }

        if (!double.IsNaN(_candidateTime))
        {
            if (time - _candidateTime < Options.MinimumStepSeconds || !HasDropped())
            {
                // Still the candidate's own hump (too close, or the signal never fell between them): keep the higher.
                if (value > _candidateValue)
                {
                    SetCandidate(time, value, index);
                }

                return;
            }

            AcceptPeak(_candidateTime, _candidateValue, _candidateIndex, newSteps);
        }

        SetCandidate(time, value, index);
    }

    private void SetCandidate(double time, double value, int index)
    {
        _candidateTime = time;
        _candidateIndex = index;
        _candidateValue = value;
        _lowestSinceCandidate = value;
        if (!double.IsNaN(_skippedTime) && time - _skippedTime < Options.MinimumStepSeconds)
        {
            _skippedTime = double.NaN;
        }
    }

    private void AcceptPeak(double time, double value, int index, List<double>? newSteps)
    {
        if (!double.IsNaN(_skippedTime) && _skippedTime < time)
        {
            var gap = time - _lastStepTime;
            var phase = (_skippedTime - _lastStepTime) / gap;
            var skipped = _skippedTime;
            _skippedTime = double.NaN;
            if (_intervalMean > 0 && gap >= 1.6 * _intervalMean && gap <= 2.6 * _intervalMean && phase is >= 0.25 and <= 0.75)
            {
                Accept(skipped, _skippedValue, _skippedIndex, newSteps);
            }
        }

        Accept(time, value, index, newSteps);
    }

    /// <summary>Accepts a step: the rhythm and the run follow the magnitude peak's time, the count gets the reported time.</summary>
    private void Accept(double time, double value, int index, List<double>? newSteps)
    {
        _peakMean = _peakMean == 0 ? value : 0.8 * _peakMean + 0.2 * value;
        var interval = time - _lastStepTime;
        if (interval > Options.MaximumStepSeconds)
        {
            _runConfirmed = false;
            _pendingRun.Clear();
        }
        else
        {
            _intervalMean = _intervalMean == 0 ? interval : 0.8 * _intervalMean + 0.2 * interval;
        }

        _lastStepTime = time;
        var reported = ReportedTime(time, index);
        if (_runConfirmed)
        {
            Count(reported, newSteps);
            return;
        }

        _pendingRun.Add(reported);
        if (_pendingRun.Count >= Options.StepsToConfirmWalking)
        {
            _runConfirmed = true;
            foreach (var t in _pendingRun)
            {
                Count(t, newSteps);
            }

            _pendingRun.Clear();
        }
    }

    private void Count(double time, List<double>? newSteps)
    {
        Steps++;
        newSteps?.Add(time);
    }
}
