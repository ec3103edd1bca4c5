using Ambulo.Domain.Patients;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Walking;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Walking;

public sealed class WalkSessionsTests : IDisposable
{
    // The simulated walker at 20× speed: a 60 steps/min walker takes about 20 steps a second.
    private readonly AmbuloAppFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["Ambulo:Simulator:TempoScale"] = "0.05",
        ["Ambulo:Walking:ScreenGraceSeconds"] = "1.5",
        ["Ambulo:Walking:ProgressSaveSeconds"] = "1",
    });

    private async Task<(int PatientId, WalkPlan Plan)> PatientWhoWalksWithCarerAsync()
    {
        _factory.CreateClient().Dispose(); // starts the app and seeds the demo patient
        await using var db = _factory.CreateDb();
        var patient = await db.Patients.FirstAsync();
        var profile = WalkPlanTests.Profile(fac: 3, WalkingAid.SinglePointCane, StandingBalance.WithSupport);
        patient.ProfileJson = AbilityProfileJson.Write(profile);
        await db.SaveChangesAsync();
        return (patient.Id, WalkPlan.For(profile));
    }

    [Fact]
    public async Task Start_WithoutTheCarerAsked_IsRefusedAndNothingIsStored()
    {
        var (patientId, plan) = await PatientWhoWalksWithCarerAsync();
        var walks = _factory.Services.GetRequiredService<WalkSessions>();

        await Should.ThrowAsync<InvalidOperationException>(() => walks.StartAsync(patientId, plan, SensorSources.Simulator, carerConfirmed: false, CancellationToken.None));
        await Should.ThrowAsync<InvalidOperationException>(() => walks.StartAsync(patientId, plan with { Permission = WalkPermission.NotAllowed }, SensorSources.Simulator, carerConfirmed: true, CancellationToken.None));

        await using var db = _factory.CreateDb();
        (await db.Walks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task SimulatedWalk_CountsLiveAndStopStoresTheResult()
    {
        var (patientId, plan) = await PatientWhoWalksWithCarerAsync();
        var walks = _factory.Services.GetRequiredService<WalkSessions>();

        var walk = await walks.StartAsync(patientId, plan, SensorSources.Simulator, carerConfirmed: true, CancellationToken.None);
        await using (var db = _factory.CreateDb())
        {
            var started = await db.Walks.SingleAsync();
            started.EndedUtc.ShouldBeNull();
            started.CarerConfirmed.ShouldBeTrue();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (walk.Walk.Snapshot.Steps < 30 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        walk.Walk.Snapshot.Steps.ShouldBeGreaterThanOrEqualTo(30, "the simulated walker should be counted live");
        var stored = await walks.StopAsync(walk.Id, CancellationToken.None);

        stored.ShouldNotBeNull();
        var final = walk.Walk.Snapshot;
        final.Finished.ShouldBeTrue();
        await using var read = _factory.CreateDb();
        var record = await read.Walks.SingleAsync();
        record.Steps.ShouldBe(final.Steps);
        record.EndedUtc.ShouldNotBeNull();
        record.SensorSource.ShouldBe(SensorSources.Simulator);
        record.CounterPreset.ShouldBe(WalkPlan.HemipareticPreset);
        record.DurationSeconds.ShouldBeGreaterThan(10); // 30 steps at 60 a minute take half a minute of walking time
        // The simulated walker walks 60 steps a minute (walking time is the sensor's clock, so the speed-up does not change it).
        record.CadenceStepsPerMinute.ShouldNotBeNull();
        record.CadenceStepsPerMinute.Value.ShouldBe(60, 3);

        // Once stopped, no more steps arrive and a second Stop gives the stored walk.
        await Task.Delay(300);
        walk.Walk.Snapshot.Steps.ShouldBe(final.Steps);
        (await walks.StopAsync(walk.Id, CancellationToken.None))!.Steps.ShouldBe(final.Steps);
        walks.Find(walk.Id).ShouldBeNull();
    }

    [Fact]
    public async Task Watch_ScreenGoneAndBackWithinTheGrace_TheWalkGoesOnAndIsFoundAgain()
    {
        var (patientId, plan) = await PatientWhoWalksWithCarerAsync();
        var walks = _factory.Services.GetRequiredService<WalkSessions>();
        var walk = await walks.StartAsync(patientId, plan, SensorSources.Simulator, carerConfirmed: true, CancellationToken.None);

        // A refresh: the old screen goes, the new one finds the walk and watches it before the grace ends.
        walks.Watch(walk.Id).Dispose();
        walks.ActiveFor(patientId).ShouldBeSameAs(walk);
        using var again = walks.Watch(walk.Id);
        var before = walk.Walk.Snapshot.Steps;
        await Task.Delay(3000); // twice the grace

        walks.Find(walk.Id).ShouldBeSameAs(walk);
        walk.Walk.Snapshot.Finished.ShouldBeFalse();
        walk.Walk.Snapshot.Steps.ShouldBeGreaterThan(before, "the simulated walker walks on");
        await walks.StopAsync(walk.Id, CancellationToken.None);
    }

    [Fact]
    public async Task Watch_ScreenGoneForLongerThanTheGrace_StopsAndStoresTheWalk()
    {
        var (patientId, plan) = await PatientWhoWalksWithCarerAsync();
        var walks = _factory.Services.GetRequiredService<WalkSessions>();
        var walk = await walks.StartAsync(patientId, plan, SensorSources.Simulator, carerConfirmed: true, CancellationToken.None);
        var lease = walks.Watch(walk.Id);
        await Task.Delay(1000);

        lease.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (walks.Find(walk.Id) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        walks.Find(walk.Id).ShouldBeNull();
        walks.ActiveFor(patientId).ShouldBeNull();

        // The walk leaves the live list first and is stored a moment later (its feed is stopped in between), so wait
        // for the stored end rather than reading the row once.
        WalkRecord record;
        while (true)
        {
            await using var db = _factory.CreateDb();
            record = await db.Walks.AsNoTracking().SingleAsync();
            if (record.EndedUtc is not null || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        record.EndedUtc.ShouldNotBeNull();
        walk.Walk.Snapshot.Finished.ShouldBeTrue();
        record.Steps.ShouldBe(walk.Walk.Snapshot.Steps);
    }

    [Fact]
    public async Task WalkInProgress_SavesItsCountAndAServerRestartClosesIt()
    {
        var (patientId, plan) = await PatientWhoWalksWithCarerAsync();
        var walks = _factory.Services.GetRequiredService<WalkSessions>();
        await walks.StartAsync(patientId, plan, SensorSources.Simulator, carerConfirmed: true, CancellationToken.None);

        // The count so far reaches the row while the walk goes on (saved every second here).
        WalkRecord? saved = null;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (saved is not { Steps: >= 10 } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await using var db = _factory.CreateDb();
            saved = await db.Walks.AsNoTracking().SingleAsync();
        }

        saved.ShouldNotBeNull();
        saved.Steps.ShouldBeGreaterThanOrEqualTo(10);
        saved.EndedUtc.ShouldBeNull();
        saved.DurationSeconds.ShouldBeGreaterThan(0);

        // The server stops mid-walk (its stop does not end the walk); the next start closes the row where its count ends.
        await _factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>().StopAsync();
        await Task.Delay(500); // a save already on its way lands; later ones are cancelled with the server
        int stepsAtStop;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Steps FROM Walks WHERE EndedUtc IS NULL";
            stepsAtStop = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        stepsAtStop.ShouldBeGreaterThanOrEqualTo(saved.Steps);
        using var restarted = new AmbuloAppFactory(_factory.DataFolder);
        restarted.CreateClient().Dispose();
        await using var after = restarted.CreateDb();
        var closed = await after.Walks.AsNoTracking().SingleAsync();
        closed.EndedUtc.ShouldNotBeNull();
        closed.Steps.ShouldBe(stepsAtStop);
        closed.EndedUtc.Value.ShouldBe(closed.StartedUtc.AddSeconds(closed.DurationSeconds), TimeSpan.FromMilliseconds(1));
    }

    public void Dispose() => _factory.Dispose();
}
