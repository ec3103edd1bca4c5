using Ambulo.Motion.Online;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// Drives Ambulo.Motion's online <see cref="RepetitionCounter"/> from a phone session: attach it with
/// <see cref="SensorSession.Attach"/> and each completed repetition is reported through
/// <see cref="RepetitionCompleted"/> (on the phone connection's thread, right after the frame that
/// completed it was decoded).
/// <para>
/// The counter's filters, durations and speeds depend on the sampling rate, and phones differ, so the
/// counter is built for the rate the session measured from the phone's own timestamps
/// (<see cref="SensorBatch.SamplingRateHz"/>): samples are held until the rate is known (about the first
/// second of a stream, which is the still start pose anyway) and then counted in order. A re-measured
/// rate (the browser changed its pace) or different channels build a new counter, which calibrates anew.
/// A reloaded phone page starts a new calibration (<c>Reset</c>), because the phone may have been
/// strapped on again, and its rate is measured again. A phone that sends no gyroscope is counted from
/// the accelerometer's tilt alone. Not for use by two sessions at once.
/// </para>
/// </summary>
public sealed class RepetitionCountingSink : ISensorSampleSink
{
    /// <summary>Samples held at most while the rate is not known yet (about 20 s at 200 Hz); older ones are skipped.</summary>
    public const int MaxHeldSamples = 4096;

    /// <summary>A re-measured rate this close to the counter's (relative) keeps the counter.</summary>
    private const double SameRateFraction = 0.02;

    private readonly RepetitionOptions _options;
    private readonly List<Repetition> _completed = [];
    private readonly List<ImuSample> _held = [];
    private readonly Lock _gate = new();
    private RepetitionCounter? _counter;
    private double? _counterRateHz;
    private SensorChannels _channels;
    private bool _resetPending;
    private int _total;
    private int _builds;
    private long _skippedSamples;

    /// <param name="options">Detector settings for the current exercise.</param>
    /// <param name="channels">What the phone is expected to send; frames that say otherwise switch the counter to their channels.</param>
    /// <exception cref="ArgumentException">The options are invalid, or they count a signal a phone cannot give (force).</exception>
    public RepetitionCountingSink(RepetitionOptions options, SensorChannels channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Signal == MovementSignal.Force)
        {
            throw new ArgumentException("a phone measures movement, not force: this exercise is counted by a puck", nameof(options));
        }

        options.Validate();
        _options = options;
        _channels = channels;
    }

    /// <summary>Raised once per repetition, in order.</summary>
    public event Action<Repetition>? RepetitionCompleted;

    /// <summary>Repetitions counted since the sink was made (across resets).</summary>
    public int Count
    {
        get { lock (_gate) { return _total; } }
    }

    /// <summary>Samples that could not be counted (frames without an accelerometer, or held too long without a rate).</summary>
    public long SkippedSamples
    {
        get { lock (_gate) { return _skippedSamples; } }
    }

    /// <summary>The rate (Hz) the current counter was built for; null while none is built.</summary>
    public double? SamplingRateHz
    {
        get { lock (_gate) { return _counterRateHz; } }
    }

    /// <summary>Counters built so far (the first, then one per re-measured rate or change of channels).</summary>
    public int CounterBuilds
    {
        get { lock (_gate) { return _builds; } }
    }

    /// <summary>
    /// The stream and time offset of the batch being counted: read it in a <see cref="RepetitionCompleted"/>
    /// handler (raised on the same thread, right after that batch) to place the repetition on the phone's own clock.
    /// </summary>
    public (uint StreamId, double StreamOffsetSeconds) CurrentStream { get; private set; }

    /// <summary>Starts a new set: the next samples calibrate the start pose again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counter?.Reset();
        }
    }

    public void OnSamples(SensorBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Repetition[] done;
        lock (_gate)
        {
            if (batch.StreamRestarted)
            {
                _resetPending = true;
            }

            if (batch.Channels != _channels)
            {
                // Different channels need a differently built counter; it calibrates anew.
                _channels = batch.Channels;
                _counter = null;
                _counterRateHz = null;
            }

            if ((batch.Channels & SensorChannels.Accelerometer) == 0)
            {
                _skippedSamples += batch.Samples.Length + _held.Count;
                _held.Clear();
                return;
            }

            _completed.Clear();
            if (batch.SamplingRateHz is not { } rate)
            {
                Hold(batch.Samples);
                return;
            }

            if (_counter is null || _counterRateHz is not { } built || Math.Abs(rate - built) > SameRateFraction * built)
            {
                _counter = new RepetitionCounter(_options, rate, _channels);
                _counterRateHz = rate;
                _builds++;
            }
            else if (_resetPending && _counter.IsCalibrated)
            {
                _counter.Reset();
            }

            _resetPending = false;
            if (_held.Count > 0)
            {
                _counter.Push(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_held), _completed);
                _held.Clear();
            }

            _counter.Push(batch.Samples, _completed);
            _total += _completed.Count;
            done = _completed.Count == 0 ? [] : [.. _completed];
        }

        CurrentStream = (batch.StreamId, batch.StreamOffsetSeconds);
        foreach (var repetition in done)
        {
            RepetitionCompleted?.Invoke(repetition);
        }
    }

    public void OnConnectionStateChanged(SensorConnectionState state)
    {
        // The counter keeps its state while the phone is away: when it comes back, counting goes on.
    }

    private void Hold(ImuSample[] samples)
    {
        _held.AddRange(samples);
        if (_held.Count > MaxHeldSamples)
        {
            var excess = _held.Count - MaxHeldSamples;
            _held.RemoveRange(0, excess);
            _skippedSamples += excess;
        }
    }
}
