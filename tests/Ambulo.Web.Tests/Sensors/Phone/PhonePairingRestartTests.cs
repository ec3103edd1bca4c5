using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Sensors.Phone;
using Ambulo.Web.Tests.Common;
using Ambulo.Web.Tests.SensorIngest;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Tests.Sensors.Phone;

/// <summary>
/// A phone's pairing across a server restart (two servers, one after the other, on the same SQLite
/// file): within its lifetime it comes back, the same phone reconnects with its token and counting goes
/// on; a pairing that ended, or outlived its lifetime, does not come back; only a hash of the token is stored.
/// </summary>
public sealed class PhonePairingRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ambulo-web-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ServerRestart_PhonePairedMidSet_PairingComesBackAndTheSamePhoneCountsOn()
    {
        const uint streamId = 4242;
        int sessionId;
        PairResponse redeemed;
        string exerciseId;
        uint nextSequence;
        double endSeconds;
        await using (var first = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit))
        {
            var session = await first.StartSessionAsync();
            sessionId = session.SessionId;
            exerciseId = session.Exercise!.ExerciseId;
            var pairing = await first.PairFromSessionAsync(sessionId);
            redeemed = await first.RedeemAsync(pairing.PairingCode!);
            using var phone = await first.ConnectPhoneAsync(redeemed.SocketPath);
            var before = PhoneSessionServer.Recording(exerciseId, repetitions: 2, seed: 31);
            var frames = PhoneFrames.Split(before, perFrame: 3, streamId).ToArray();
            foreach (var frame in frames)
            {
                await phone.SendAsync(frame);
            }

            nextSequence = (uint)frames.Length;
            endSeconds = before[^1].TimeSeconds;
            await using var db = first.CreateDb();
            (await PhoneSessionServer.EventuallyAsync(async () => await db.Repetitions.CountAsync(r => r.SessionId == sessionId) == 2)).ShouldBeTrue();
            (await PhoneSessionServer.EventuallyAsync(async () => await db.PhonePairings.AnyAsync(p => p.SessionId == sessionId))).ShouldBeTrue("the pairing is stored");
            var stored = await db.PhonePairings.AsNoTracking().SingleAsync();
            stored.TokenHash.ShouldBe(SensorSessionRegistry.HashToken(redeemed.Token));
            stored.SensorSessionId.ShouldBe(redeemed.SessionId);

            var closing = phone.ReceiveCloseAsync();
            await first.StopAsync();
            (await closing).Status.ShouldBe(WebSocketCloseStatus.EndpointUnavailable); // 1001: the phone page retries
        }

        DatabaseFilesContain(redeemed.Token).ShouldBeFalse("only the token's hash is stored");
        await using var second = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit);

        var restored = second.Links.Describe(sessionId);
        restored.ShouldNotBeNull("the screen shows the paired phone, not \"No phone paired\"");
        restored.State.ShouldBe(SensorConnectionState.Disconnected);
        var api = await second.Http.GetFromJsonAsync<PhonePairing>(new Uri($"/api/sessions/{sessionId}/phone", UriKind.Relative));
        api!.State.ShouldBe("Disconnected");
        using (var alive = await second.Http.GetAsync(new Uri(redeemed.SocketPath, UriKind.Relative)))
        {
            alive.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // the pairing lives: the phone page keeps retrying
        }

        // The same page reconnects with its token and carries on with its stream.
        using var back = await second.ConnectPhoneAsync(redeemed.SocketPath);
        var after = PhoneSessionServer.Recording(exerciseId, repetitions: 2, seed: 32)
            .Select(s => s with { TimeSeconds = s.TimeSeconds + endSeconds + 5 }).ToArray();
        foreach (var frame in PhoneFrames.Split(after, perFrame: 3, streamId, firstSequence: nextSequence))
        {
            await back.SendAsync(frame);
        }

        await using var db2 = second.CreateDb();
        (await PhoneSessionServer.EventuallyAsync(async () => await db2.Repetitions.CountAsync(r => r.SessionId == sessionId) >= 4)).ShouldBeTrue();
        await Task.Delay(300);
        var repetitions = await db2.Repetitions.AsNoTracking().Where(r => r.SessionId == sessionId).ToListAsync();
        repetitions.Count.ShouldBe(4);
        repetitions.ShouldAllBe(r => r.Source == SensorSources.Phone);
        repetitions.Select(r => (r.SetNumber, r.Number)).Distinct().Count().ShouldBe(4);
        var status = second.Links.Find(sessionId)!.Sensor.GetStatus();
        status.State.ShouldBe(SensorConnectionState.Connected);
        status.LostFrames.ShouldBe(0); // the frames before the restart are not "lost"
        status.SessionId.ShouldBe(redeemed.SessionId);
    }

    [Fact]
    public async Task ServerRestart_AfterTheSessionStopped_PairingIsNotBroughtBack()
    {
        PairResponse redeemed;
        int sessionId;
        await using (var first = new PhoneSessionServer(_folder))
        {
            var session = await first.StartSessionAsync();
            sessionId = session.SessionId;
            var pairing = await first.PairFromSessionAsync(sessionId);
            redeemed = await first.RedeemAsync(pairing.PairingCode!);
            await using var db = first.CreateDb();
            (await PhoneSessionServer.EventuallyAsync(async () => await db.PhonePairings.AnyAsync())).ShouldBeTrue();

            await first.Engine.StopAsync(sessionId, CancellationToken.None);

            (await PhoneSessionServer.EventuallyAsync(async () => !await db.PhonePairings.AnyAsync())).ShouldBeTrue("an ended pairing is forgotten");
        }

        await using var second = new PhoneSessionServer(_folder);

        second.Links.Describe(sessionId).ShouldBeNull();
        using var ended = await second.Http.GetAsync(new Uri(redeemed.SocketPath, UriKind.Relative));
        ended.StatusCode.ShouldBe(HttpStatusCode.NotFound); // how the phone page learns to stop retrying
    }

    [Fact]
    public async Task ServerRestart_PairingOlderThanItsLifetime_IsNotBroughtBackAndIsForgotten()
    {
        var shortLife = ("Ambulo:Phone:PairingLifetimeHours", "0.0001"); // 0.36 s
        PairResponse redeemed;
        int sessionId;
        await using (var first = new PhoneSessionServer(_folder, shortLife))
        {
            var session = await first.StartSessionAsync();
            sessionId = session.SessionId;
            var pairing = await first.PairFromSessionAsync(sessionId);
            redeemed = await first.RedeemAsync(pairing.PairingCode!);
            await using var db = first.CreateDb();
            (await PhoneSessionServer.EventuallyAsync(async () => await db.PhonePairings.AnyAsync())).ShouldBeTrue();
        }

        await Task.Delay(600);
        await using var second = new PhoneSessionServer(_folder, shortLife);

        second.Links.Describe(sessionId).ShouldBeNull();
        using var ended = await second.Http.GetAsync(new Uri(redeemed.SocketPath, UriKind.Relative));
        ended.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db2 = second.CreateDb();
        (await db2.PhonePairings.CountAsync()).ShouldBe(0);
        (await second.Engine.GetAsync(sessionId, CancellationToken.None))!.IsOver.ShouldBeFalse(); // the session itself goes on
    }

    public void Dispose() => AmbuloAppFactory.DeleteFolder(_folder);

    private bool DatabaseFilesContain(string text)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = Encoding.UTF8.GetBytes(text);
        return Directory.EnumerateFiles(_folder, "ambulo.db*").Any(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().AsSpan().IndexOf(needle) >= 0;
        });
    }
}
