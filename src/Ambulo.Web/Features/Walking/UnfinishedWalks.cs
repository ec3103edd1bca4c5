using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Features.Walking;

/// <summary>
/// At start-up, closes the walks a stopped server left open (no walk survives a restart: its counter and simulated
/// walker lived in memory). Each ends where its last saved count ends, so History lists it with what was counted.
/// </summary>
internal sealed class UnfinishedWalks(IDbContextFactory<AmbuloDbContext> dbs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var open = await db.Walks.Where(w => w.EndedUtc == null).ToListAsync(cancellationToken);
        foreach (var walk in open)
        {
            walk.EndedUtc = walk.StartedUtc.AddSeconds(walk.DurationSeconds);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
