using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Data;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Sensors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Features.Walking;

/// <summary>A walk in progress: its stored row, its live counter and where its samples come from.</summary>
internal sealed class ActiveWalk(int id, int patientId, string source, string counterPreset, LiveWalk walk)
{
    public int Id { get; } = id;
    public int PatientId { get; } = patientId;
    public string Source { get; } = source;
    public string CounterPreset { get; } = counterPreset;
    public LiveWalk Walk { get; } = walk;
    internal CancellationTokenSource? Feed { get; set; }
    internal Task Feeding { get; set; } = Task.CompletedTask;
    internal IDisposable? PhoneAttachment { get; set; }
    internal ITimer? ProgressTimer { get; set; }
    internal string? PhoneSensorId { get; set; }
}

/// <summary>
/// The walks going on now. A walk is stored when it starts and completed when it stops (steps, walking time, cadence),
/// so a walk cut short by a closed tab is kept. The simulated walker streams Ambulo.Motion's
/// <see cref="WalkingSimulator"/> through the walk's counter in (scaled) real time, as a phone would send its samples.
/// </summary>
internal sealed class WalkSessions(
    IDbContextFactory<AmbuloDbContext> dbs,
    SensorSessionRegistry phones,
    ExerciseCatalogue catalogue,
    TimeProvider clock,
    IOptions<SimulatorOptions> simulator,
    IOptions<WalkingOptions> walking,
    IHostApplicationLifetime lifetime,
    ILogger<WalkSessions> logger) : IDisposable
{
    private readonly ConcurrentDictionary<int, ActiveWalk> _walks = new();
    private readonly Dictionary<int, int> _watchers = [];
    private readonly Dictionary<int, ITimer> _graceTimers = [];
    private readonly Lock _watchGate = new();

    public ActiveWalk? Find(int walkId) => _walks.GetValueOrDefault(walkId);

    /// <summary>The patient's walk going on now (a refreshed screen takes it up again), or null.</summary>
    public ActiveWalk? ActiveFor(int patientId) => _walks.Values.Where(w => w.PatientId == patientId).OrderByDescending(w => w.Id).FirstOrDefault();

    /// <summary>
    /// A screen shows the walk: it goes on while one does. When the last screen goes (a refresh, a closed tab, a lost
    /// connection) the walk goes on for <see cref="WalkingOptions.ScreenGraceSeconds"/>, so a refreshed screen carries on
    /// counting; if no screen takes it up by then, the walk is stopped and stored as it was.
    /// </summary>
    public IDisposable Watch(int walkId)
    {
        lock (_watchGate)
        {
            _watchers[walkId] = _watchers.GetValueOrDefault(walkId) + 1;
            if (_graceTimers.Remove(walkId, out var timer))
            {
                timer.Dispose();
            }
        }

        return new Lease(() => Unwatch(walkId));
    }

    private void Unwatch(int walkId)
    {
        lock (_watchGate)
        {
            var left = _watchers.GetValueOrDefault(walkId) - 1;
            if (left > 0)
            {
                _watchers[walkId] = left;
                return;
            }

            _watchers.Remove(walkId);
            if (!_walks.ContainsKey(walkId) || _graceTimers.ContainsKey(walkId))
            {
                return;
            }

            var grace = TimeSpan.FromSeconds(Math.Max(0, walking.Value.ScreenGraceSeconds));
            _graceTimers[walkId] = clock.CreateTimer(_ => _ = StopUnwatchedAsync(walkId), null, grace, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task StopUnwatchedAsync(int walkId)
    {
        lock (_watchGate)
        {
            if (_watchers.ContainsKey(walkId))
            {
                return; // a screen came back just in time
            }

            if (_graceTimers.Remove(walkId, out var timer))
            {
                timer.Dispose();
            }
        }

        try
        {
            await StopAsync(walkId, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping: the walk stays as started.
        }
#pragma warning disable CA1031 // A timer callback must not take the server down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UnwatchedStopFailed(logger, walkId, ex);
        }
    }

    /// <summary>
    /// Opens a phone pairing for a walk (a six-digit code and QR code for the phone page). The phone is told to go in a
    /// front trouser pocket: the step counter reads the acceleration's size, which any trunk-near place gives.
    /// Close it with <see cref="ClosePhone"/> when the screen goes without walking; a stopped walk closes its own.
    /// </summary>
    public SensorSession OpenPhone()
    {
        var phone = phones.Open();
        if (catalogue.Find(WalkingExerciseId) is { } walking)
        {
            phone.SetExercise(walking with { Name = "Walk", Sensor = walking.Sensor with { Placement = SensorPlacement.Pocket } });
        }

        return phone;
    }

    /// <summary>A fresh code when the shown one has expired or was used, while no phone is connected.</summary>
    public void RenewPhoneCodeIfNeeded(SensorSession phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (phone.State != SensorConnectionState.Connected && phone.TokenHash is null
            && (phone.PairingCode is null || phone.PairingCodeExpiresAt <= clock.GetUtcNow()))
        {
            phones.NewCode(phone);
        }
    }

    public void ClosePhone(SensorSession phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        phones.Close(phone.Id);
    }

    /// <summary>The catalogue's walking exercise, whose wording the phone page shows (with a pocket placement).</summary>
    public const string WalkingExerciseId = "indoor-walking";

    /// <summary>
    /// Stores a new walk and starts counting it. With the simulator as source the simulated walker sets off; with the
    /// phone, <paramref name="phone"/>'s samples are counted from now on through a <see cref="StepCountingSink"/>.
    /// </summary>
    public async Task<ActiveWalk> StartAsync(int patientId, WalkPlan plan, string source, bool carerConfirmed, CancellationToken cancellationToken, SensorSession? phone = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (source == SensorSources.Phone && phone is null)
        {
            throw new ArgumentException("a phone walk needs its paired phone", nameof(phone));
        }

        if (source is not (SensorSources.Simulator or SensorSources.Phone))
        {
            throw new ArgumentException($"a walk cannot be counted from '{source}'", nameof(source));
        }

        if (!plan.CanWalk)
        {
            throw new InvalidOperationException("this profile does not allow walking practice");
        }

        if (plan.NeedsCarer && !carerConfirmed)
        {
            throw new InvalidOperationException("a carer must confirm being present before this walk");
        }

        var record = new WalkRecord
        {
            PatientId = patientId,
            StartedUtc = clock.GetUtcNow().UtcDateTime,
            SensorSource = source,
            CounterPreset = plan.CounterPreset,
            CarerConfirmed = carerConfirmed,
        };
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            db.Walks.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        var walk = new ActiveWalk(record.Id, patientId, source, plan.CounterPreset, new LiveWalk(plan.Counter));
        _walks[walk.Id] = walk;
        var every = TimeSpan.FromSeconds(Math.Max(1, walking.Value.ProgressSaveSeconds));
        walk.ProgressTimer = clock.CreateTimer(_ => _ = SaveProgressAsync(walk), null, every, every);
        if (source == SensorSources.Simulator)
        {
            var feed = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
            walk.Feed = feed;
            // Seeded by the walk's id: the same walk always walks the same way.
            var options = plan.Simulation with { Seed = record.Id };
            var token = feed.Token;
            walk.Feeding = Task.Run(() => SimulateAsync(walk, options, simulator.Value.TempoScale, token), CancellationToken.None);
        }
        else if (phone is not null)
        {
            walk.PhoneSensorId = phone.Id;
            walk.PhoneAttachment = phone.Attach(new StepCountingSink(walk.Walk));
        }

        return walk;
    }

    /// <summary>Ends the walk: stops its feed, counts the last pending step and stores the result. Null when unknown.</summary>
    public async Task<WalkRecord?> StopAsync(int walkId, CancellationToken cancellationToken)
    {
        if (!_walks.TryRemove(walkId, out var walk))
        {
            await using var read = await dbs.CreateDbContextAsync(cancellationToken);
            return await read.Walks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == walkId, cancellationToken);
        }

        if (walk.ProgressTimer is { } progress)
        {
            await progress.DisposeAsync();
        }

        if (walk.Feed is { } feed)
        {
            await feed.CancelAsync();
            await walk.Feeding;
            feed.Dispose();
        }

        if (walk.PhoneAttachment is { } attachment)
        {
            attachment.Dispose();
            phones.Close(walk.PhoneSensorId!);
        }

        var final = walk.Walk.Finish();
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var record = await db.Walks.FirstOrDefaultAsync(w => w.Id == walkId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        record.EndedUtc = clock.GetUtcNow().UtcDateTime;
        record.Steps = final.Steps;
        record.DurationSeconds = Math.Round(final.ElapsedSeconds, 1);
        record.CadenceStepsPerMinute = final.CadenceStepsPerMinute is { } cadence ? Math.Round(cadence, 1) : null;
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// Writes the count so far to the walk's row (its end stays open), so a server that stops mid-walk loses at most
    /// <see cref="WalkingOptions.ProgressSaveSeconds"/> of it; <see cref="UnfinishedWalks"/> closes such rows at the next start.
    /// </summary>
    private async Task SaveProgressAsync(ActiveWalk walk)
    {
        try
        {
            var now = walk.Walk.Snapshot;
            var duration = Math.Round(now.ElapsedSeconds, 1);
            double? cadence = now.CadenceStepsPerMinute is { } c ? Math.Round(c, 1) : null;
            await using var db = await dbs.CreateDbContextAsync(lifetime.ApplicationStopping);
            // Only while the walk is open: a Stop that got there first has the final word.
            await db.Walks.Where(w => w.Id == walk.Id && w.EndedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.Steps, now.Steps).SetProperty(w => w.DurationSeconds, duration)
                    .SetProperty(w => w.CadenceStepsPerMinute, cadence), lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
#pragma warning disable CA1031 // A timer callback must not take the server down; the next save or the Stop tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ProgressSaveFailed(logger, walk.Id, ex);
        }
    }

    private static readonly Action<ILogger, int, Exception?> ProgressSaveFailed =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(3, "WalkProgressSaveFailed"), "The count so far of walk {WalkId} could not be saved");

    private async Task SimulateAsync(ActiveWalk walk, WalkingSimulationOptions options, double timeScale, CancellationToken cancellationToken)
    {
        try
        {
            using var samples = WalkingSimulator.Samples(options).GetEnumerator();
            var batch = new List<ImuSample>();
            var more = samples.MoveNext();
            var started = Stopwatch.StartNew();
            while (more)
            {
                await Task.Delay(MotionPipeline.BatchInterval, cancellationToken);
                var until = started.Elapsed.TotalSeconds / Math.Max(0.01, timeScale);
                batch.Clear();
                while (more && samples.Current.TimeSeconds <= until)
                {
                    batch.Add(samples.Current);
                    more = samples.MoveNext();
                }

                walk.Walk.Push(CollectionsMarshal.AsSpan(batch));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
#pragma warning disable CA1031 // The simulated walker must never take the server down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SimulatorFailed(logger, walk.Id, ex);
        }
    }

    private static readonly Action<ILogger, int, Exception?> UnwatchedStopFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(2, "WalkStopFailed"), "Walk {WalkId} could not be stopped after its screen went");

    /// <summary>The server is going: the walks' timers and simulated walkers stop (their rows stay open; see <see cref="UnfinishedWalks"/>).</summary>
    public void Dispose()
    {
        lock (_watchGate)
        {
            foreach (var timer in _graceTimers.Values)
            {
                timer.Dispose();
            }

            _graceTimers.Clear();
        }

        foreach (var walk in _walks.Values)
        {
            walk.ProgressTimer?.Dispose();
            try
            {
                walk.Feed?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Stopped meanwhile.
            }
        }
    }

    private sealed class Lease(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }

    private static readonly Action<ILogger, int, Exception?> SimulatorFailed =
        LoggerMessage.Define<int>(LogLevel.Error, new EventId(1, "WalkSimulatorFailed"), "The simulated walker of walk {WalkId} stopped with an error");
}
