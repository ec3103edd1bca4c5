using System.Net;
using System.Net.Http.Json;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Home;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Tests.Sensors.Phone;

/// <summary>
/// The session limit (<c>SensorIngest:MaxOpenSessions</c>) across a server restart, on real Kestrel and one real SQLite
/// file shared by two servers started one after the other; and what becomes of a sensor session opened directly through
/// <c>POST /api/sensor/sessions</c> (not stored: see <see cref="SensorSessionRegistry.Restore"/>).
/// </summary>
public sealed class SensorSessionRestartLimitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ambulo-web-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => AmbuloAppFactory.DeleteFolder(_folder);

    [Fact]
    public async Task ServerRestart_MoreStoredPairingsThanMaxOpenSessions_RestoresTheNewestUpToTheLimitAndForgetsTheRest()
    {
        // Three patients, each in a session with a paired phone, on a server with the default limit (32).
        var paired = new List<(int SessionId, PairResponse Phone)>();
        await using (var first = new PhoneSessionServer(_folder))
        {
            await using var db = first.CreateDb();
            for (var k = 0; k < 3; k++)
            {
                var patientId = k == 0 ? await db.Patients.Select(p => p.Id).FirstAsync() : await AddPatientAsync(db, $"Patient {k}");
                var session = await first.StartSessionAsync(patientId);
                var pairing = await first.PairFromSessionAsync(session.SessionId);
                paired.Add((session.SessionId, await first.RedeemAsync(pairing.PairingCode!)));
                var stored = k + 1;
                (await PhoneSessionServer.EventuallyAsync(async () => await db.PhonePairings.CountAsync() == stored)).ShouldBeTrue();
            }

            first.Registry.Count.ShouldBe(3);
            paired.Select(p => p.SessionId).Distinct().Count().ShouldBe(3);
        }

        // The next start allows two open sensor sessions.
        await using var second = new PhoneSessionServer(_folder, ("SensorIngest:MaxOpenSessions", "2"));

        second.Registry.Count.ShouldBe(2);
        var (oldest, newer) = (paired[0], paired.Skip(1).ToList());
        second.Links.Describe(oldest.SessionId).ShouldBeNull("the oldest pairing does not fit under the limit");
        foreach (var (sessionId, phone) in newer)
        {
            second.Links.Describe(sessionId).ShouldNotBeNull().State.ShouldBe(SensorConnectionState.Disconnected);
            using var alive = await second.Http.GetAsync(new Uri(phone.SocketPath, UriKind.Relative));
            alive.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // the pairing lives: that phone page keeps retrying
        }

        using (var ended = await second.Http.GetAsync(new Uri(oldest.Phone.SocketPath, UriKind.Relative)))
        {
            ended.StatusCode.ShouldBe(HttpStatusCode.NotFound); // that phone page stops retrying and asks for a new code
        }

        await using var db2 = second.CreateDb();
        (await db2.PhonePairings.Select(p => p.SessionId).OrderBy(id => id).ToListAsync()).ShouldBe(newer.Select(p => p.SessionId).Order().ToList());

        // The limit goes on holding: a new phone for the first session closes the longest-idle unconnected pairing.
        var again = await second.PairFromSessionAsync(oldest.SessionId);
        again.PairingCode.ShouldNotBeNull();
        second.Registry.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ServerRestart_SessionOpenedDirectlyThroughTheApi_IsNotBroughtBackAndItsPhoneIsToldToStop()
    {
        OpenedSession opened;
        PairResponse phone;
        await using (var first = new PhoneSessionServer(_folder))
        {
            using var response = await first.Http.PostAsync(new Uri("/api/sensor/sessions", UriKind.Relative), null);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            opened = (await response.Content.ReadFromJsonAsync<OpenedSession>())!;
            phone = await first.RedeemAsync(opened.PairingCode);
            phone.SessionId.ShouldBe(opened.SessionId);
            using var status = await first.Http.GetAsync(new Uri($"/api/sensor/sessions/{opened.SessionId}", UriKind.Relative));
            status.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var db = first.CreateDb();
            (await db.PhonePairings.CountAsync()).ShouldBe(0);
        }

        await using var second = new PhoneSessionServer(_folder);

        second.Registry.Count.ShouldBe(0);
        using (var gone = await second.Http.GetAsync(new Uri($"/api/sensor/sessions/{opened.SessionId}", UriKind.Relative)))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var ended = await second.Http.GetAsync(new Uri(phone.SocketPath, UriKind.Relative));
        ended.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<int> AddPatientAsync(AmbuloDbContext db, string name)
    {
        var patient = new Patient { DisplayName = name, ProfileJson = DemoPatientSeeder.DemoProfileJson, CreatedUtc = DateTime.UtcNow };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        return patient.Id;
    }
}
