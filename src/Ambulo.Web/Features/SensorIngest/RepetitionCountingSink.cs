using Ambulo.Motion.Online;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// Drives Ambulo.Motion's online <see cref="RepetitionCounter"/> from a phone session: attach it with
/// <see cref="SensorSession.Attach"/> and each completed repetition is reported through
/// <see cref="RepetitionCompleted"/> (on the phone connection's thread, right after the frame that
/// completed it was decoded). A reloaded phone page starts a new calibration (<c>Reset</c>), because the
/// phone may have been strapped on again. The counter follows the channels the frames carry: a phone
/// that sends no gyroscope is counted from the accelerometer's tilt alone. Not for use by two sessions at once.
/// </summary>
public sealed class RepetitionCountingSink : ISensorSampleSink
{
    private readonly RepetitionOptions _options;
    private readonly double _samplingRateHz;
    private readonly List<Repetition> _completed = [];
    private readonly Lock _gate = new();
    private RepetitionCounter? _counter;
    private SensorChannels _channels;
    private int _total;
    private long _skippedSamples;

    /// <param name="options">Detector settings for the current exercise.</param>
    /// <param name="samplingRateHz">The phone's nominal rate (browsers deliver devicemotion at about 60 Hz).</param>
    /// <param name="channels">What the phone is expected to send; frames that say otherwise switch the counter to their channels.</param>
    /// <exception cref="ArgumentException">The options are invalid, or they count a signal a phone cannot give (force).</exception>
    public RepetitionCountingSink(RepetitionOptions options, double samplingRateHz = 60, SensorChannels channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Signal == MovementSignal.Force)
        {
            throw new ArgumentException("a phone measures movement, not force: this exercise is counted by a puck", nameof(options));
        }

        _options = options;
        _samplingRateHz = samplingRateHz;
        _channels = channels;
        _counter = new RepetitionCounter(options, samplingRateHz, channels);
    }

    /// <summary>Raised once per repetition, in order.</summary>
    public event Action<Repetition>? RepetitionCompleted;

    /// <summary>Repetitions counted since the sink was made (across resets).</summary>
    public int Count
    {
        get { lock (_gate) { return _total; } }
    }

    /// <summary>Samples that could not be counted (frames without an accelerometer).</summary>
    public long SkippedSamples
    {
        get { lock (_gate) { return _skippedSamples; } }
    }

    /// <summary>Starts a new set: the next samples calibrate the start pose again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counter?.Reset();
        }
    }

    public void OnSamples(ReadOnlySpan<ImuSample> samples, SensorChannels channels, bool streamRestarted)
    {
        Repetition[] done;
        lock (_gate)
        {
            if (channels != _channels)
            {
                // Different channels need a differently built counter; it calibrates anew.
                _channels = channels;
                _counter = (channels & SensorChannels.Accelerometer) != 0
                    ? new RepetitionCounter(_options, _samplingRateHz, channels)
                    : null;
            }

            if (_counter is null)
            {
                _skippedSamples += samples.Length;
                return;
            }

            if (streamRestarted && _counter.IsCalibrated)
            {
                _counter.Reset();
            }

            _completed.Clear();
            _counter.Push(samples, _completed);
            _total += _completed.Count;
            done = _completed.Count == 0 ? [] : [.. _completed];
        }

        foreach (var repetition in done)
        {
            RepetitionCompleted?.Invoke(repetition);
        }
    }

    public void OnConnectionStateChanged(SensorConnectionState state)
    {
        // The counter keeps its state while the phone is away: when it comes back, counting goes on.
    }
}
