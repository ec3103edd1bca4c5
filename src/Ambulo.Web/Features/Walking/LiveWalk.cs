using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.Walking;

/// <summary>What the Walk screen shows at one moment.</summary>
/// <param name="Steps">Steps counted so far.</param>
/// <param name="ElapsedSeconds">Time since the first sample, on the sensor's own clock.</param>
/// <param name="CadenceStepsPerMinute">Steps per minute while walking; null until <see cref="LiveWalk.MinimumStepsForCadence"/> steps.</param>
/// <param name="Finished">The walk has ended (Stop).</param>
internal sealed record WalkSnapshot(int Steps, double ElapsedSeconds, double? CadenceStepsPerMinute, bool Finished);

/// <summary>
/// One walk being counted live: samples (any chunking, from any source) go through one <see cref="OnlineStepCounter"/>,
/// and <see cref="Finish"/> flushes it, so the final count is exactly what the offline <see cref="StepCounter.Detect"/>
/// gives for the same samples. Thread-safe: a sensor pushes on its own thread while a screen reads.
/// </summary>
internal sealed class LiveWalk
{
    /// <summary>
    /// Cadence is shown from this many steps on. With fewer, one slow or one rescued step moves the number by more than
    /// a tenth, and the first steps after standing up are slower anyway; ten steps are about five strides.
    /// </summary>
    public const int MinimumStepsForCadence = 10;

    /// <summary>Cadence is measured over the most recent steps, so it follows the person's pace as it changes.</summary>
    public const int CadenceWindowSteps = 20;

    private readonly OnlineStepCounter _counter;
    private readonly List<double> _stepTimes = [];
    private readonly List<double> _newSteps = [];
    private readonly Lock _gate = new();
    private double _firstSampleSeconds = double.NaN;
    private double _lastSampleSeconds = double.NaN;
    private bool _finished;

    public LiveWalk(StepCounterOptions options) => _counter = new OnlineStepCounter(options);

    public StepCounterOptions Options => _counter.Options;

    /// <summary>Raised (on the pushing thread) after a push that counted new steps, and once when the walk finishes.</summary>
    public event Action<WalkSnapshot>? Changed;

    /// <summary>All counted step times so far (sensor seconds), in order.</summary>
    public IReadOnlyList<double> StepTimes
    {
        get { lock (_gate) { return [.. _stepTimes]; } }
    }

    /// <summary>Samples the counter skipped (not finite, or out of time order).</summary>
    public int SkippedSamples
    {
        get { lock (_gate) { return _counter.SkippedSamples; } }
    }

    public WalkSnapshot Snapshot
    {
        get { lock (_gate) { return SnapshotLocked(); } }
    }

    /// <summary>Counts a chunk of samples. Ignored once the walk is finished.</summary>
    public void Push(ReadOnlySpan<ImuSample> samples)
    {
        WalkSnapshot snapshot;
        lock (_gate)
        {
            if (_finished || samples.IsEmpty)
            {
                return;
            }

            _newSteps.Clear();
            foreach (var sample in samples)
            {
                _counter.Push(sample, _newSteps);
                if (double.IsFinite(sample.TimeSeconds) && !(sample.TimeSeconds <= _lastSampleSeconds))
                {
                    if (double.IsNaN(_firstSampleSeconds))
                    {
                        _firstSampleSeconds = sample.TimeSeconds;
                    }

                    _lastSampleSeconds = sample.TimeSeconds;
                }
            }

            if (_newSteps.Count == 0)
            {
                return;
            }

            _stepTimes.AddRange(_newSteps);
            snapshot = SnapshotLocked();
        }

        Changed?.Invoke(snapshot);
    }

    /// <summary>Ends the walk: the counter decides its last pending peak. Returns the final snapshot (same on every call).</summary>
    public WalkSnapshot Finish()
    {
        WalkSnapshot snapshot;
        lock (_gate)
        {
            if (_finished)
            {
                return SnapshotLocked();
            }

            _newSteps.Clear();
            _counter.Flush(_newSteps);
            _stepTimes.AddRange(_newSteps);
            _finished = true;
            snapshot = SnapshotLocked();
        }

        Changed?.Invoke(snapshot);
        return snapshot;
    }

    private WalkSnapshot SnapshotLocked()
    {
        var elapsed = double.IsNaN(_firstSampleSeconds) ? 0 : _lastSampleSeconds - _firstSampleSeconds;
        return new WalkSnapshot(_stepTimes.Count, elapsed, Cadence(_stepTimes, _counter.Options.MaximumStepSeconds), _finished);
    }

    /// <summary>
    /// Steps per minute over the last <see cref="CadenceWindowSteps"/> steps, leaving out the gaps longer than the counter's
    /// longest step (pauses: standing still is not slow walking). Null with fewer than
    /// <see cref="MinimumStepsForCadence"/> steps or when the walking intervals among them are too few.
    /// </summary>
    public static double? Cadence(IReadOnlyList<double> stepTimes, double maximumStepSeconds)
    {
        ArgumentNullException.ThrowIfNull(stepTimes);
        if (stepTimes.Count < MinimumStepsForCadence)
        {
            return null;
        }

        var from = Math.Max(0, stepTimes.Count - CadenceWindowSteps);
        var walkingSeconds = 0.0;
        var intervals = 0;
        for (var i = from + 1; i < stepTimes.Count; i++)
        {
            var interval = stepTimes[i] - stepTimes[i - 1];
            if (interval > 0 && interval <= maximumStepSeconds)
            {
                walkingSeconds += interval;
                intervals++;
            }
        }

        return intervals < MinimumStepsForCadence - 1 || walkingSeconds <= 0 ? null : 60 * intervals / walkingSeconds;
    }
}
