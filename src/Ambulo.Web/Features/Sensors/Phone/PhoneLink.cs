using System.Threading.Channels;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Repetitions;
using Ambulo.Web.Data;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Session;

namespace Ambulo.Web.Features.Sensors.Phone;

/// <summary>
/// One exercise session's phone: its <see cref="SensorSession"/> (pairing code, connection), the
/// repetition counter of the current exercise, and the one queue through which counted repetitions
/// reach <see cref="SessionEngine.CountRepetitionAsync"/> — one at a time, in order, away from the
/// phone's receive loop. It follows the session: a new exercise gets its placement and detector; a
/// session that ends or changes to another sensor closes the link. Made by <see cref="PhoneSensorLinks"/>.
/// </summary>
internal sealed partial class PhoneLink
{
    private const int RecentKept = 20;

    private enum WorkKind { Repetition, FollowSession }

    private readonly record struct Work(WorkKind Kind, int Generation, double RangeOfMotionDegrees, uint StreamId = 0, double PhoneStartSeconds = 0, double PhoneEndSeconds = 0);

    /// <summary>
    /// The phone keeps (for a restart) its samples from this long before the last counted repetition's start,
    /// so the new counter's calibration second falls on the rest before that repetition: the detected start
    /// lags the movement's onset (the signal must leave its resting value first), and with 1 s the calibration
    /// took in the first of the movement and the repetition was not found again (seen in PhoneRestartJourney).
    /// </summary>
    private const double KeptBeforeStartSeconds = 1.5;

    private readonly Channel<Work> _work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop;
    private readonly SessionEngine _engine;
    private readonly TrackingPlans _tracking;
    private readonly ExerciseCatalogue _catalogue;
    private readonly ILogger _logger;
    private readonly Action<PhoneLink> _changed;
    private readonly Action<PhoneLink> _closed;
    private readonly Func<AmbuloDbContext, int, uint, double, CancellationToken, Task>? _markCounted;
    private readonly Queue<Repetition> _recent = new();
    private IDisposable? _attached;
    private RepetitionCountingSink? _sink;
    private IDisposable? _subscription;
    private int _generation;
    private int? _plannedExerciseId;
    private string? _notCountableReason;
    private int _counted;
    private int _refused;
    private int _notStored;
    private int _countedBeforeRestart;
    private (uint StreamId, double EndSeconds)? _lastCountedBeforeRestart;
    private (uint StreamId, double PhoneSeconds)? _exerciseFrom;
    private int _isClosed;
    private Task _pump = Task.CompletedTask;

    public PhoneLink(
        int sessionId,
        SensorSession sensor,
        SessionEngine engine,
        TrackingPlans tracking,
        ExerciseCatalogue catalogue,
        ILogger logger,
        Action<PhoneLink> changed,
        Action<PhoneLink> closed,
        CancellationToken serverStopping,
        Func<AmbuloDbContext, int, uint, double, CancellationToken, Task>? markCounted = null)
    {
        SessionId = sessionId;
        Sensor = sensor;
        _engine = engine;
        _tracking = tracking;
        _catalogue = catalogue;
        _logger = logger;
        _changed = changed;
        _closed = closed;
        _markCounted = markCounted;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(serverStopping);
        Sensor.StateChanged += OnSensorStateChanged;
    }

    public int SessionId { get; }

    public SensorSession Sensor { get; }

    public bool IsClosed => Volatile.Read(ref _isClosed) != 0;

    /// <summary>Why the phone cannot count the current exercise (a hold, a puck exercise), or null.</summary>
    public string? NotCountableReason
    {
        get { lock (_gate) { return _notCountableReason; } }
    }

    /// <summary>
    /// The sampling rate (Hz) the current exercise's counter was built for: the phone's rate measured
    /// from its timestamps. Null before the phone has streamed long enough, or when nothing is counted.
    /// </summary>
    public double? DetectorSamplingRateHz
    {
        get { lock (_gate) { return _sink?.SamplingRateHz; } }
    }

    /// <summary>The last few repetitions the phone's counter completed (newest last), for diagnostics: durations, speeds.</summary>
    public IReadOnlyList<Repetition> RecentRepetitions
    {
        get { lock (_gate) { return [.. _recent]; } }
    }

    /// <summary>Repetitions the session took from this phone.</summary>
    public int Counted => Volatile.Read(ref _counted);

    /// <summary>Repetitions the session refused (e.g. while it waited for the effort rating).</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Repetitions that could not be stored (the database failed): neither counted nor noted on the pairing.</summary>
    public int NotStored => Volatile.Read(ref _notStored);

    /// <summary>
    /// Repetitions the phone sent again after a server restart that had been counted before it (same stream,
    /// peak at or before the end of the last one counted), left out so none is counted twice.
    /// </summary>
    public int CountedBeforeRestart => Volatile.Read(ref _countedBeforeRestart);

    /// <summary>
    /// For a pairing restored after a restart: the stream and phone time (seconds since that stream started) of
    /// the end of the last repetition counted from this phone. A phone that sends its last seconds again after
    /// the restart has its repetitions up to that one left out, and the one that was in progress is counted.
    /// Call before <see cref="Start"/>.
    /// </summary>
    public void RestoreLastCounted(uint streamId, double endSeconds)
    {
        lock (_gate)
        {
            _lastCountedBeforeRestart = (streamId, endSeconds);
        }
    }

    /// <summary>Ends when the link is closed and its queue has stopped.</summary>
    public Task Completion => _pump;

    /// <summary>Takes the session as it stands now, then follows its changes.</summary>
    public void Start(SessionView view, LiveSessionEvents events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        Follow(view);
        _subscription = events.Subscribe(SessionId, update =>
        {
            if (update.Kind == SessionUpdateKind.StateChanged)
            {
                _work.Writer.TryWrite(new Work(WorkKind.FollowSession, 0, 0));
            }

            return Task.CompletedTask;
        });
        // A change stored between the caller's read and the subscription is caught by this first look.
        _work.Writer.TryWrite(new Work(WorkKind.FollowSession, 0, 0));
        _pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    /// <summary>Closes the pairing (the phone is told), detaches the counter and stops the queue. Idempotent.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _isClosed, 1) != 0)
        {
            return;
        }

        Sensor.StateChanged -= OnSensorStateChanged;
        _subscription?.Dispose();
        lock (_gate)
        {
            _attached?.Dispose();
            _attached = null;
            _generation++;
        }

        _work.Writer.TryComplete();
        _stop.Cancel();
        _pump.ContinueWith(_ => _stop.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _closed(this);
    }

    /// <summary>False when the session no longer wants the phone (over, or another sensor chosen).</summary>
    private bool Follow(SessionView view)
    {
        if (view.IsOver || view.SensorSource != SensorSources.Phone)
        {
            return false;
        }

        if (view.Exercise is { } exercise && exercise.PlannedExerciseId != _plannedExerciseId)
        {
            FollowExercise(exercise);
        }

        return true;
    }

    private void FollowExercise(ExerciseView exercise)
    {
        if (_catalogue.Find(exercise.ExerciseId) is { } fromCatalogue)
        {
            Sensor.SetExercise(fromCatalogue);
        }

        var plan = _tracking.For(exercise.ExerciseId);
        RepetitionCountingSink? sink = null;
        var reason = plan.IsCountable ? null : plan.NotCountableReason;
        if (reason is null)
        {
            try
            {
                sink = new RepetitionCountingSink(plan.Detector);
            }
            catch (ArgumentException ex)
            {
                reason = ex.Message.Split(" (Parameter", 2)[0];
            }
        }

        // The phone keeps (for a restart) from here on: the next exercise's counter starts with the samples that
        // come now, and so does a restarted server's. Set before the new counter is attached, so a frame arriving
        // in between is kept rather than missed.
        var exerciseFrom = Sensor.KeepForRestartFromNewest();
        lock (_gate)
        {
            _attached?.Dispose();
            _attached = null;
            _sink = sink;
            _exerciseFrom = exerciseFrom;
            _recent.Clear();
            _plannedExerciseId = exercise.PlannedExerciseId;
            _notCountableReason = reason;
            var generation = ++_generation;
            if (sink is not null)
            {
                // Raised on the phone's receive loop: only queue, never wait there.
                sink.RepetitionCompleted += repetition =>
                {
                    var (streamId, offsetSeconds) = sink.CurrentStream;
                    if (WasCountedBeforeRestart(streamId, repetition.PeakSeconds - offsetSeconds))
                    {
                        Interlocked.Increment(ref _countedBeforeRestart);
                        return;
                    }

                    Remember(generation, repetition);
                    _work.Writer.TryWrite(new Work(WorkKind.Repetition, generation, repetition.RangeOfMotionDegrees, streamId,
                        repetition.StartSeconds - offsetSeconds, repetition.EndSeconds - offsetSeconds));
                };
                _attached = Sensor.Attach(sink);
            }
        }

        _changed(this);
    }

    private bool WasCountedBeforeRestart(uint streamId, double phonePeakSeconds)
    {
        lock (_gate)
        {
            // The new counter, calibrated on the resent seconds, may place the same movement's peak and end a few
            // samples away from where the old one did; its peak still lies well before the stored end, while a
            // repetition not counted yet began after that end, so it peaks after it.
            return _lastCountedBeforeRestart is { } last && last.StreamId == streamId && phonePeakSeconds <= last.EndSeconds;
        }
    }

    private void Remember(int generation, Repetition repetition)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                return;
            }

            _recent.Enqueue(repetition);
            while (_recent.Count > RecentKept)
            {
                _recent.Dequeue();
            }
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(_stop.Token))
            {
                try
                {
                    if (work.Kind == WorkKind.Repetition)
                    {
                        await CountAsync(work);
                    }
                    else if (await _engine.GetAsync(SessionId, _stop.Token) is not { } view || !Follow(view))
                    {
                        Close();
                        return;
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
#pragma warning disable CA1031 // A storage hiccup must not end the phone's counting for the rest of the session.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    if (work.Kind == WorkKind.Repetition)
                    {
                        Interlocked.Increment(ref _notStored);
                    }

                    LogWorkFailed(SessionId, work.Kind.ToString(), ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
    }

    private async Task CountAsync(Work work)
    {
        lock (_gate)
        {
            if (work.Generation != _generation)
            {
                return; // counted by the previous exercise's detector, after the exercise changed
            }
        }

        var rom = work.RangeOfMotionDegrees;
        double? measured = double.IsFinite(rom) && rom is >= 0 and <= 360 ? Math.Round(rom, 1) : null;
        // Where the repetition ends on the phone's clock is stored with the repetition, in one transaction: a server
        // stopped at any moment has either both (the phone's resent copy is left out) or neither (it is counted then).
        Func<AmbuloDbContext, CancellationToken, Task>? storeWith = _markCounted is { } mark
            ? (db, cancellationToken) => mark(db, SessionId, work.StreamId, work.PhoneEndSeconds, cancellationToken)
            : null;
        var outcome = await _engine.CountRepetitionAsync(SessionId, SensorSources.Phone, measured, storeWith, _stop.Token);
        if (outcome.Counted)
        {
            Interlocked.Increment(ref _counted);
            var keepFrom = work.PhoneStartSeconds - KeptBeforeStartSeconds;
            lock (_gate)
            {
                // Never from before the exercise began: what came before reached another exercise's counter.
                if (_exerciseFrom is { } from && from.StreamId == work.StreamId)
                {
                    keepFrom = Math.Max(keepFrom, from.PhoneSeconds);
                }
            }

            Sensor.KeepForRestartFrom(work.StreamId, keepFrom);
        }
        else
        {
            Interlocked.Increment(ref _refused);
        }
    }

    private void OnSensorStateChanged(SensorConnectionState state)
    {
        if (state == SensorConnectionState.Closed)
        {
            Close(); // closed from elsewhere (evicted, or deleted through the API)
            return;
        }

        _changed(this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Phone of session {SessionId}: {Work} failed")]
    private partial void LogWorkFailed(int sessionId, string work, Exception exception);
}
