using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Sensors.Phone;

/// <summary>
/// The stored phone pairings (table <c>PhonePairings</c>): one row per session whose phone redeemed a
/// code, written when it pairs and removed when the pairing ends, so a server restart within the
/// pairing's lifetime finds it again. Only the token's hash is stored. Writes are serialised.
/// </summary>
internal sealed class PhonePairingStore(IDbContextFactory<AmbuloDbContext> databases, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>Stores (or replaces) the session's pairing, valid for <paramref name="lifetime"/> from now.</summary>
    public async Task SaveAsync(int sessionId, string sensorSessionId, string tokenHash, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var row = await db.PhonePairings.FirstOrDefaultAsync(p => p.SessionId == sessionId, cancellationToken);
            if (row is null)
            {
                row = new StoredPhonePairing { SessionId = sessionId, SensorSessionId = sensorSessionId, TokenHash = tokenHash };
                db.PhonePairings.Add(row);
            }

            row.SensorSessionId = sensorSessionId;
            row.TokenHash = tokenHash;
            row.PairedUtc = now;
            row.ExpiresUtc = now + lifetime;
            row.LastCountedStreamId = null; // a new pairing: a new page, a new stream
            row.LastCountedEndSeconds = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// Remembers where on the phone's clock the last repetition counted from it lies (its stream and the phone
    /// time of its end), so a phone that sends its last seconds again after a restart is not counted twice.
    /// Written through <paramref name="db"/>, inside the transaction that stores the repetition
    /// (<see cref="Session.SessionEngine.CountRepetitionAsync"/>): the repetition and this note are stored together
    /// or not at all. A session whose pairing is not stored has no row, and nothing is written.
    /// </summary>
    public static Task MarkLastCountedAsync(AmbuloDbContext db, int sessionId, uint streamId, double endSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.PhonePairings.Where(p => p.SessionId == sessionId).ExecuteUpdateAsync(
            set => set.SetProperty(p => p.LastCountedStreamId, (long)streamId).SetProperty(p => p.LastCountedEndSeconds, endSeconds),
            cancellationToken);
    }

    /// <summary>Forgets the session's pairing (it ended).</summary>
    public async Task DeleteAsync(int sessionId, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await db.PhonePairings.Where(p => p.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Every stored pairing.</summary>
    public async Task<List<StoredPhonePairing>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.PhonePairings.AsNoTracking().OrderBy(p => p.SessionId).ToListAsync(cancellationToken);
    }

    public void Dispose() => _writes.Dispose();
}

/// <summary>
/// At start-up, before the server takes requests, brings back the phone pairings stored before a
/// restart (<see cref="PhoneSensorLinks.RestoreAsync"/>), so a phone that reconnects with its token is
/// never told its pairing has ended. The newest pairings come first: when there are more than
/// <c>SensorIngest:MaxOpenSessions</c> (the limit was lowered, or many sessions were left open), the
/// oldest are the ones left out. A failure is logged and leaves the phones to pair again.
/// </summary>
internal sealed partial class PhonePairingRestorer(PhonePairingStore store, PhoneSensorLinks links, ILogger<PhonePairingRestorer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var pairing in (await store.LoadAsync(cancellationToken)).OrderByDescending(p => p.PairedUtc).ThenByDescending(p => p.SessionId))
            {
                await links.RestoreAsync(pairing, cancellationToken);
            }
        }
#pragma warning disable CA1031 // The app must start even when the stored pairings cannot be read.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogRestoreFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored phone pairings could not be restored; phones must pair again")]
    private partial void LogRestoreFailed(Exception exception);
}
