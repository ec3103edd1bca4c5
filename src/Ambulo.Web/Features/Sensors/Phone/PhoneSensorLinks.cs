using System.Collections.Concurrent;
using Ambulo.Domain.Exercises;
using Ambulo.Web.Data;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Session;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Features.Sensors.Phone;

/// <summary>What the screens show about a session's phone.</summary>
internal sealed record PhoneLinkView(
    SensorConnectionState State,
    string? PairingCode,
    DateTimeOffset? PairingCodeExpiresAt,
    string? ExerciseName,
    string PlacementText,
    string? NotCountableReason,
    int Counted,
    double? SamplingRateHz);

/// <summary>
/// The phones of the exercise sessions (at most one per session). Screens showing a session
/// <see cref="Watch"/> it: the phone stays paired while one does, and for
/// <see cref="PhoneLinkOptions.GraceSecondsWithoutScreen"/> after the last one went (a refresh, a
/// closed tab, a dead circuit); then the pairing is closed. A session that ends, or changes to another
/// sensor, closes its phone at once.
/// <para>
/// A pairing survives a server restart: when the phone redeems its code the pairing is stored
/// (<see cref="PhonePairingStore"/>, only the token's hash), and at start-up <see cref="RestoreAsync"/>
/// brings it back for a session still in progress with the phone as its sensor, within
/// <see cref="PhoneLinkOptions.PairingLifetimeHours"/>; the phone reconnects with its token and counting
/// goes on. The row goes when the pairing ends for real (never because the server stops).
/// </para>
/// </summary>
internal sealed partial class PhoneSensorLinks(
    SensorSessionRegistry registry,
    SessionEngine engine,
    LiveSessionEvents events,
    TrackingPlans tracking,
    ExerciseCatalogue catalogue,
    SimulatorRunner simulator,
    ReplayRunner replay,
    IOptionsMonitor<PhoneLinkOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    PhonePairingStore store,
    ILogger<PhoneSensorLinks> logger) : IDisposable
{
    private readonly ConcurrentDictionary<int, PhoneLink> _links = new();
    private readonly Dictionary<int, List<Watcher>> _watchers = [];
    private readonly Dictionary<int, ITimer> _graceTimers = [];
    private readonly Lock _watchGate = new();
    private readonly SemaphoreSlim _openGate = new(1, 1);
    private volatile bool _disposing;

    /// <summary>Open links.</summary>
    public int Count => _links.Count;

    /// <summary>The session's open link, or null.</summary>
    public PhoneLink? Find(int sessionId) =>
        _links.TryGetValue(sessionId, out var link) && !link.IsClosed ? link : null;

    /// <summary>
    /// Makes the phone the session's sensor: stops the simulator and replay, opens (or reuses) the
    /// pairing and makes sure a code is on offer while no phone is connected. Null when the session
    /// does not exist or is over.
    /// </summary>
    public async Task<PhoneLink?> OpenAsync(int sessionId, CancellationToken cancellationToken)
    {
        var view = await engine.GetAsync(sessionId, cancellationToken);
        if (view is null || view.IsOver)
        {
            return null;
        }

        simulator.Stop(sessionId);
        replay.Stop(sessionId);
        await engine.SetSensorSourceAsync(sessionId, SensorSources.Phone, cancellationToken);
        view = view with { SensorSource = SensorSources.Phone };

        PhoneLink link;
        await _openGate.WaitAsync(cancellationToken);
        try
        {
            if (Find(sessionId) is { } open)
            {
                link = open;
            }
            else
            {
                link = NewLink(sessionId, registry.Open(), view);
                LogOpened(sessionId, link.Sensor.Id);
            }

            OfferCode(link);
        }
        finally
        {
            _openGate.Release();
        }

        ArmGraceTimerIfUnwatched(sessionId);
        Notify(sessionId);
        return link;
    }

    /// <summary>
    /// Brings back a pairing stored before a restart, if its session is still in progress with the
    /// phone as sensor, the pairing has not outlived its lifetime and the sensor registry has room
    /// (<see cref="SensorIngestOptions.MaxOpenSessions"/>); otherwise forgets it. True when restored.
    /// </summary>
    public async Task<bool> RestoreAsync(StoredPhonePairing stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var view = await engine.GetAsync(stored.SessionId, cancellationToken);
        if (view is null || view.IsOver || view.SensorSource != SensorSources.Phone || stored.ExpiresUtc <= time.GetUtcNow().UtcDateTime)
        {
            await store.DeleteAsync(stored.SessionId, cancellationToken);
            LogNotRestored(stored.SessionId);
            return false;
        }

        var full = false;
        await _openGate.WaitAsync(cancellationToken);
        try
        {
            if (Find(stored.SessionId) is null)
            {
                if (registry.Restore(stored.SensorSessionId, stored.TokenHash) is { } sensor)
                {
                    NewLink(stored.SessionId, sensor, view, stored.LastCountedStreamId is { } stream && stored.LastCountedEndSeconds is { } end ? ((uint)stream, end) : null);
                    LogRestored(stored.SessionId, stored.SensorSessionId);
                }
                else
                {
                    full = true;
                }
            }
        }
        finally
        {
            _openGate.Release();
        }

        if (full)
        {
            await store.DeleteAsync(stored.SessionId, cancellationToken);
            LogNotRestoredFull(stored.SessionId, registry.Count);
            return false;
        }

        ArmGraceTimerIfUnwatched(stored.SessionId);
        return true;
    }

    /// <summary>A fresh pairing code when the shown one expired or was used and no phone is connected.</summary>
    public void RenewCodeIfNeeded(int sessionId)
    {
        if (Find(sessionId) is { } link && OfferCode(link))
        {
            Notify(sessionId);
        }
    }

    /// <summary>What a screen shows about the session's phone; null when none is paired.</summary>
    public PhoneLinkView? Describe(int sessionId)
    {
        if (Find(sessionId) is not { } link)
        {
            return null;
        }

        var status = link.Sensor.GetStatus();
        return new PhoneLinkView(status.State, status.PairingCode, status.PairingCodeExpiresAt, status.ExerciseName,
            status.PlacementText, link.NotCountableReason, link.Counted, status.SamplingRateHz);
    }

    /// <summary>
    /// A screen shows the session: keeps its phone paired until the result is disposed, and calls
    /// <paramref name="changed"/> (on any thread) when the phone's state, code or exercise changes.
    /// </summary>
    public IDisposable Watch(int sessionId, Func<Task>? changed = null)
    {
        var watcher = new Watcher(changed);
        lock (_watchGate)
        {
            if (!_watchers.TryGetValue(sessionId, out var list))
            {
                _watchers[sessionId] = list = [];
            }

            list.Add(watcher);
            if (_graceTimers.Remove(sessionId, out var timer))
            {
                timer.Dispose();
            }
        }

        return new Lease(() => Unwatch(sessionId, watcher));
    }

    /// <summary>Screens showing the session now.</summary>
    public int WatcherCount(int sessionId)
    {
        lock (_watchGate)
        {
            return _watchers.TryGetValue(sessionId, out var list) ? list.Count : 0;
        }
    }

    public void Dispose()
    {
        _disposing = true; // the server stops: the pairings stay stored for its next start
        foreach (var link in _links.Values)
        {
            link.Close();
        }

        lock (_watchGate)
        {
            foreach (var timer in _graceTimers.Values)
            {
                timer.Dispose();
            }

            _graceTimers.Clear();
        }

        _openGate.Dispose();
    }

    private PhoneLink NewLink(int sessionId, SensorSession sensor, SessionView view, (uint StreamId, double EndSeconds)? countedBeforeRestart = null)
    {
        var link = new PhoneLink(sessionId, sensor, engine, tracking, catalogue, logger, l => Notify(l.SessionId), OnClosed, lifetime.ApplicationStopping,
            PhonePairingStore.MarkLastCountedAsync);
        if (countedBeforeRestart is { } last)
        {
            link.RestoreLastCounted(last.StreamId, last.EndSeconds);
        }

        sensor.Paired += paired => _ = SavePairingAsync(sessionId, paired);
        _links[sessionId] = link;
        link.Start(view, events);
        return link;
    }

    private async Task SavePairingAsync(int sessionId, SensorSession sensor)
    {
        try
        {
            if (sensor.TokenHash is { } hash)
            {
                var lifetimeHours = Math.Max(0, options.CurrentValue.PairingLifetimeHours);
                await store.SaveAsync(sessionId, sensor.Id, hash, TimeSpan.FromHours(lifetimeHours), CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // The phone counts on; only a restart would lose this pairing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStoreFailed(sessionId, ex);
        }
    }

    private async Task ForgetPairingAsync(int sessionId)
    {
        try
        {
            await store.DeleteAsync(sessionId, CancellationToken.None);
        }
#pragma warning disable CA1031 // A stale row is not restored anyway once its session is over.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStoreFailed(sessionId, ex);
        }
    }

    private bool OfferCode(PhoneLink link)
    {
        var sensor = link.Sensor;
        if (sensor.State == SensorConnectionState.Connected
            || (sensor.PairingCode is not null && sensor.PairingCodeExpiresAt > time.GetUtcNow()))
        {
            return false;
        }

        registry.NewCode(sensor);
        return true;
    }

    private void Unwatch(int sessionId, Watcher watcher)
    {
        lock (_watchGate)
        {
            if (_watchers.TryGetValue(sessionId, out var list) && list.Remove(watcher) && list.Count == 0)
            {
                _watchers.Remove(sessionId);
            }
        }

        ArmGraceTimerIfUnwatched(sessionId);
    }

    private void ArmGraceTimerIfUnwatched(int sessionId)
    {
        lock (_watchGate)
        {
            if (_watchers.ContainsKey(sessionId) || _graceTimers.ContainsKey(sessionId) || Find(sessionId) is null)
            {
                return;
            }

            var grace = TimeSpan.FromSeconds(Math.Max(0, options.CurrentValue.GraceSecondsWithoutScreen));
            _graceTimers[sessionId] = time.CreateTimer(_ => CloseIfUnwatched(sessionId), null, grace, Timeout.InfiniteTimeSpan);
        }
    }

    private void CloseIfUnwatched(int sessionId)
    {
        lock (_watchGate)
        {
            if (_graceTimers.Remove(sessionId, out var timer))
            {
                timer.Dispose();
            }

            if (_watchers.ContainsKey(sessionId))
            {
                return;
            }
        }

        if (Find(sessionId) is { } link)
        {
            LogUnwatched(sessionId);
            link.Close();
        }
    }

    private void OnClosed(PhoneLink link)
    {
        _links.TryRemove(new KeyValuePair<int, PhoneLink>(link.SessionId, link));
        if (!_disposing && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            _ = ForgetPairingAsync(link.SessionId);
        }

        registry.Close(link.Sensor.Id);
        lock (_watchGate)
        {
            if (_graceTimers.Remove(link.SessionId, out var timer))
            {
                timer.Dispose();
            }
        }

        LogClosed(link.SessionId, link.Counted);
        Notify(link.SessionId);
    }

    private void Notify(int sessionId)
    {
        Watcher[] watchers;
        lock (_watchGate)
        {
            watchers = _watchers.TryGetValue(sessionId, out var list) ? [.. list] : [];
        }

        foreach (var watcher in watchers)
        {
            if (watcher.Changed is { } changed)
            {
                _ = InvokeQuietlyAsync(sessionId, changed);
            }
        }
    }

    private async Task InvokeQuietlyAsync(int sessionId, Func<Task> changed)
    {
        try
        {
            await changed();
        }
#pragma warning disable CA1031 // One broken screen must not stop the phone nor the other screens.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWatcherFailed(sessionId, ex);
        }
    }

    private sealed class Watcher(Func<Task>? changed)
    {
        public Func<Task>? Changed { get; } = changed;
    }

    private sealed class Lease(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: phone pairing {SensorSessionId} opened")]
    private partial void LogOpened(int sessionId, string sensorSessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: phone pairing closed after {Counted} repetitions")]
    private partial void LogClosed(int sessionId, int counted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: no screen shows it any more; closing its phone pairing")]
    private partial void LogUnwatched(int sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: phone pairing {SensorSessionId} restored after a restart")]
    private partial void LogRestored(int sessionId, string sensorSessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: stored phone pairing not restored (session over, another sensor, or expired)")]
    private partial void LogNotRestored(int sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: stored phone pairing not restored: {Open} sensor sessions are open, the most SensorIngest:MaxOpenSessions allows; the phone must pair again")]
    private partial void LogNotRestoredFull(int sessionId, int open);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: the phone pairing could not be stored or removed")]
    private partial void LogStoreFailed(int sessionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: a screen failed to take a phone update")]
    private partial void LogWatcherFailed(int sessionId, Exception exception);
}
