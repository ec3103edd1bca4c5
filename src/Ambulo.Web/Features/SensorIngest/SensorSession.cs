using System.Threading.Channels;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest.Frames;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// One "phone as sensor" session: the pairing code on the screen, the phone's connection, and the
/// samples it sends. Made by <see cref="SensorSessionRegistry.Open"/>; the live exercise screen reads
/// <see cref="Batches"/> (or attaches an <see cref="ISensorSampleSink"/>) and watches
/// <see cref="State"/> / <see cref="StateChanged"/> to show "sensor disconnected".
/// Thread-safe.
/// </summary>
public sealed class SensorSession
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Channel<SensorBatch> _batches;
    private readonly SensorStreamTracker _tracker = new();
    private readonly SamplingRateEstimator _rate = new();
    private readonly List<ISensorSampleSink> _sinks = [];
    private SensorConnectionState _state = SensorConnectionState.WaitingForPhone;
    private long _activeConnection;
    private long _connectionCounter;
    private CancellationTokenSource? _activeConnectionCancel;
    private double _streamOffsetSeconds;
    private double _lastSessionTimeSeconds;
    private (uint StreamId, double PhoneSeconds)? _keepFrom;
    private long _lastFrameTimestamp;
    private bool _anySamples;
    private bool _restartPending;
    private long _lostPending;
    private long _framesAccepted;
    private long _samplesAccepted;
    private long _batchesDropped;
    private long _connections;
    private volatile bool _closed;

    internal SensorSession(string id, TimeProvider time, int batchCapacity)
    {
        Id = id;
        _time = time;
        _batches = Channel.CreateBounded<SensorBatch>(
            new BoundedChannelOptions(batchCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false, SingleWriter = false },
            OnBatchDropped);
        LastActivity = time.GetUtcNow();
    }

    /// <summary>Opaque id, used in URLs of the status endpoints.</summary>
    public string Id { get; }

    /// <summary>The code on screen, or null after it was used or replaced.</summary>
    public string? PairingCode { get; internal set; }

    /// <summary>When <see cref="PairingCode"/> stops working.</summary>
    public DateTimeOffset PairingCodeExpiresAt { get; internal set; }

    /// <summary>Hash (<see cref="SensorSessionRegistry.HashToken"/>) of the token the paired phone connects with; null until a code was redeemed.</summary>
    internal string? TokenHash { get; set; }

    /// <summary>Raised (on the pairing request's thread) when a phone redeemed a code and got a new token.</summary>
    public event Action<SensorSession>? Paired;

    internal void OnPaired() => Paired?.Invoke(this);

    /// <summary>
    /// This session continues a pairing from before a server restart: a phone is paired but away
    /// (disconnected), and its stream goes on where it was, so the frames before the first one seen
    /// here are not counted as lost.
    /// </summary>
    internal void MarkRestored()
    {
        lock (_gate)
        {
            _state = SensorConnectionState.Disconnected;
            _tracker.ContinuesUnseenStream();
        }
    }

    /// <summary>Last time anything happened in this session.</summary>
    public DateTimeOffset LastActivity { get; private set; }

    /// <summary>The phone's connection state.</summary>
    public SensorConnectionState State
    {
        get { lock (_gate) { return _state; } }
    }

    /// <summary>Raised (on the connection's thread) whenever <see cref="State"/> changes.</summary>
    public event Action<SensorConnectionState>? StateChanged;

    /// <summary>
    /// Decoded batches in arrival order. Bounded: when nobody reads, the oldest batches are dropped.
    /// A dropped batch that an attached sink took is not lost, so only batches that reached no consumer
    /// at all are counted in <see cref="SensorSessionStatus.BatchesDropped"/>. Completed when the session closes.
    /// </summary>
    public ChannelReader<SensorBatch> Batches => _batches.Reader;

    /// <summary>Rejected frames by reason, for this session over all its connections.</summary>
    public FrameRejectionCounters Rejections { get; } = new();

    /// <summary>The current stream's sampling rate measured from its timestamps (Hz), or null until measured.</summary>
    public double? SamplingRateHz
    {
        get { lock (_gate) { return _rate.SamplingRateHz; } }
    }

    /// <summary>Catalogue id of the exercise the phone should be placed for, or null.</summary>
    public string? ExerciseId { get; private set; }

    /// <summary>Name of the exercise shown on the phone, or null.</summary>
    public string? ExerciseName { get; private set; }

    /// <summary>Where to put the phone, in plain words, shown on the phone page.</summary>
    public string PlacementText { get; private set; } = PlacementInstructions.NoExerciseYet;

    /// <summary>Tells the phone which exercise comes next and where to strap it.</summary>
    public void SetExercise(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        lock (_gate)
        {
            ExerciseId = exercise.Id;
            ExerciseName = exercise.Name;
            PlacementText = PlacementInstructions.For(exercise.Sensor.Placement);
        }
    }

    /// <summary>
    /// Tells the phone (in its status message) from which of its own times (seconds since its stream started)
    /// to keep the samples it has sent, to send them again if the server restarts: from a still moment before
    /// the last counted repetition, so the restarted server's counter calibrates on a rest pose and can finish
    /// the repetition that was in progress. The consumer leaves out what it had counted already. The time is on
    /// the clock of <paramref name="streamId"/>, which the status carries with it: a page started again (another
    /// stream, another clock) does not apply it.
    /// </summary>
    public void KeepForRestartFrom(uint streamId, double phoneSeconds)
    {
        lock (_gate)
        {
            _keepFrom = double.IsFinite(phoneSeconds) ? (streamId, Math.Max(0, phoneSeconds)) : null;
        }
    }

    /// <summary>
    /// Tells the phone to keep, for a restart, only what it sends from now on: from the newest sample of its
    /// current stream. For a consumer that starts afresh here (the next exercise's counter), so that a restarted
    /// server's counter gets the samples this one gets, from the same moment, and nothing from before (the
    /// previous exercise, perhaps another placement). Returns that stream and phone time (seconds since the
    /// stream started), or null, changing nothing, when no frame has arrived yet.
    /// </summary>
    public (uint StreamId, double PhoneSeconds)? KeepForRestartFromNewest()
    {
        lock (_gate)
        {
            if (_tracker.StreamsStarted == 0)
            {
                return null;
            }

            _keepFrom = (_tracker.StreamId, _tracker.LastTimeMicroseconds / 1_000_000d);
            return _keepFrom;
        }
    }

    /// <summary>Adds a sink that sees every accepted batch; dispose the result to detach it.</summary>
    public IDisposable Attach(ISensorSampleSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_gate)
        {
            _sinks.Add(sink);
        }

        return new Detacher(this, sink);
    }

    /// <summary>A consistent snapshot of the counters and state.</summary>
    public SensorSessionStatus GetStatus()
    {
        lock (_gate)
        {
            return new SensorSessionStatus(
                Id,
                _state,
                PairingCode,
                PairingCode is null ? null : PairingCodeExpiresAt,
                ExerciseName,
                PlacementText,
                _connections,
                _framesAccepted,
                _samplesAccepted,
                _tracker.LostFrames,
                Interlocked.Read(ref _batchesDropped),
                _tracker.StreamsStarted,
                Rejections.Total,
                Rejections.Snapshot(),
                _rate.SamplingRateHz is { } rate ? Math.Round(rate, 1) : null,
                _rate.LatestWindowHz is { } window ? Math.Round(window, 1) : null,
                _keepFrom?.PhoneSeconds,
                _keepFrom?.StreamId);
        }
    }

    /// <summary>
    /// Validates one frame and, if it is good, delivers its samples. Never throws because of the
    /// frame's content. <paramref name="scratch"/> is the connection's decode buffer.
    /// </summary>
    internal FrameRejection Receive(long connection, ReadOnlySpan<byte> frame, Span<ImuSample> scratch)
    {
        SensorBatch? batch = null;
        ISensorSampleSink[] sinks = [];
        lock (_gate)
        {
            if (connection != _activeConnection)
            {
                return FrameRejection.None; // a replaced connection's last frame: ignored, not an error
            }

            var rejection = SensorFrameDecoder.Decode(frame, scratch, out var header);
            if (rejection == FrameRejection.None)
            {
                var lastMicros = header.SampleCount == 0
                    ? header.BaseTimeMicroseconds
                    : (ulong)Math.Round(scratch[header.SampleCount - 1].TimeSeconds * 1_000_000d);
                var lostBefore = _tracker.LostFrames;
                rejection = _tracker.Accept(header, lastMicros, out var newStream);
                if (rejection == FrameRejection.None)
                {
                    batch = Deliver(scratch[..header.SampleCount], header, newStream, _tracker.LostFrames - lostBefore);
                    sinks = [.. _sinks];
                }
            }

            if (rejection != FrameRejection.None)
            {
                Rejections.Add(rejection);
                return rejection;
            }
        }

        if (batch is { Samples.Length: > 0 })
        {
            var taken = false;
            foreach (var sink in sinks)
            {
                try
                {
                    sink.OnSamples(batch);
                    taken = true;
                }
#pragma warning disable CA1031 // a consumer's bug must not end the phone's connection
                catch (Exception)
#pragma warning restore CA1031
                {
                    Detach(sink);
                }
            }

            _batches.Writer.TryWrite(taken ? batch with { TakenBySink = true } : batch);
        }

        return FrameRejection.None;
    }

    private SensorBatch Deliver(ReadOnlySpan<ImuSample> decoded, SensorFrameHeader header, bool newStream, long lost)
    {
        var now = _time.GetTimestamp();
        if (newStream)
        {
            var streamStart = header.BaseTimeMicroseconds / 1_000_000d;
            // First stream: the session's time line is the phone's. Later streams continue after the
            // last sample, leaving the real (server-measured) pause between them.
            _streamOffsetSeconds = _anySamples
                ? _lastSessionTimeSeconds + Math.Max(0.001, _time.GetElapsedTime(_lastFrameTimestamp, now).TotalSeconds) - streamStart
                : 0;
        }

        if (newStream)
        {
            _rate.Reset(); // another page, maybe another phone: measure again
        }
        else if (lost > 0)
        {
            _rate.Break();
        }

        var samples = new ImuSample[decoded.Length];
        for (var i = 0; i < decoded.Length; i++)
        {
            samples[i] = decoded[i] with { TimeSeconds = decoded[i].TimeSeconds + _streamOffsetSeconds };
        }

        if (samples.Length > 0)
        {
            _anySamples = true;
            _lastSessionTimeSeconds = samples[^1].TimeSeconds;
        }

        _lastFrameTimestamp = now;
        _framesAccepted++;
        _samplesAccepted += samples.Length;
        LastActivity = _time.GetUtcNow();
        // A new stream may open with keep-alive frames: the restart is reported with its first samples.
        _restartPending |= newStream;
        var restarted = _restartPending && samples.Length > 0;
        if (restarted)
        {
            _restartPending = false;
        }

        _lostPending += lost;
        var lostBefore = samples.Length > 0 ? _lostPending : 0;
        if (samples.Length > 0)
        {
            _lostPending = 0;
        }

        _rate.Push(samples);
        return new SensorBatch(samples, restarted, lostBefore, ToSampleChannels(header.Channels), _rate.SamplingRateHz, header.StreamId, _streamOffsetSeconds);
    }

    private void OnBatchDropped(SensorBatch batch)
    {
        if (!batch.TakenBySink)
        {
            Interlocked.Increment(ref _batchesDropped);
        }
    }

    private static SensorChannels ToSampleChannels(FrameChannels channels) =>
        ((channels & FrameChannels.Accelerometer) != 0 ? SensorChannels.Accelerometer : SensorChannels.None)
        | ((channels & FrameChannels.Gyroscope) != 0 ? SensorChannels.Gyroscope : SensorChannels.None);

    /// <summary>
    /// Registers a new phone connection; an older one still open is told to stop. False when the
    /// session was closed meanwhile.
    /// </summary>
    internal bool TryConnect(out long connection, out CancellationToken stop)
    {
        CancellationTokenSource? previous;
        CancellationTokenSource cancel;
        connection = 0;
        stop = CancellationToken.None;
        lock (_gate)
        {
            if (_state == SensorConnectionState.Closed)
            {
                return false;
            }

            previous = _activeConnectionCancel;
            cancel = new CancellationTokenSource();
            _activeConnectionCancel = cancel;
            connection = ++_connectionCounter;
            _activeConnection = connection;
            _connections++;
            LastActivity = _time.GetUtcNow();
        }

        previous?.Cancel();
        stop = cancel.Token;
        SetState(SensorConnectionState.Connected);
        return true;
    }

    /// <summary>Marks a connection as gone; the state changes only if it was the active one.</summary>
    internal void Disconnect(long connection)
    {
        CancellationTokenSource? cancel = null;
        lock (_gate)
        {
            if (connection != _activeConnection)
            {
                return;
            }

            cancel = _activeConnectionCancel;
            _activeConnectionCancel = null;
            _activeConnection = 0;
            LastActivity = _time.GetUtcNow();
        }

        cancel?.Dispose();
        SetState(SensorConnectionState.Disconnected);
    }

    /// <summary>True once <see cref="Close"/> began (before the phone's connection is told to stop).</summary>
    internal bool IsClosed => _closed;

    /// <summary>Ends the session: the phone is disconnected and <see cref="Batches"/> completes.</summary>
    internal void Close()
    {
        CancellationTokenSource? cancel;
        _closed = true;
        lock (_gate)
        {
            cancel = _activeConnectionCancel;
            _activeConnectionCancel = null;
            _activeConnection = 0;
            PairingCode = null;
            TokenHash = null;
        }

        cancel?.Cancel();
        SetState(SensorConnectionState.Closed);
        _batches.Writer.TryComplete();
    }

    private void SetState(SensorConnectionState state)
    {
        ISensorSampleSink[] sinks;
        lock (_gate)
        {
            if (_state == state || _state == SensorConnectionState.Closed)
            {
                return;
            }

            _state = state;
            sinks = [.. _sinks];
        }

        foreach (var sink in sinks)
        {
            try
            {
                sink.OnConnectionStateChanged(state);
            }
#pragma warning disable CA1031 // see Receive
            catch (Exception)
#pragma warning restore CA1031
            {
                Detach(sink);
            }
        }

        StateChanged?.Invoke(state);
    }

    private void Detach(ISensorSampleSink sink)
    {
        lock (_gate)
        {
            _sinks.Remove(sink);
        }
    }

    private sealed class Detacher(SensorSession session, ISensorSampleSink sink) : IDisposable
    {
        public void Dispose() => session.Detach(sink);
    }
}

/// <summary>What the status endpoint and the screen show about a session.</summary>
public sealed record SensorSessionStatus(
    string SessionId,
    SensorConnectionState State,
    string? PairingCode,
    DateTimeOffset? PairingCodeExpiresAt,
    string? ExerciseName,
    string PlacementText,
    long Connections,
    long FramesAccepted,
    long SamplesAccepted,
    long LostFrames,
    long BatchesDropped,
    int StreamsStarted,
    long FramesRejected,
    IReadOnlyDictionary<string, long> RejectionsByReason,
    double? SamplingRateHz = null,
    double? LatestWindowSamplingRateHz = null,
    double? KeepFromPhoneSeconds = null,
    uint? KeepFromStreamId = null);
