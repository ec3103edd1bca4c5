using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Sensors.Phone;
using Ambulo.Web.Tests.Common;
using Ambulo.Web.Tests.SensorIngest;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Tests.Sensors.Phone;

/// <summary>
/// The phone as the sensor of a guided session, end to end on real Kestrel and a real SQLite file:
/// pairing from the session, frames over the WebSocket, repetitions stored for the session.
/// </summary>
public sealed class PhoneLinkTests
{

    [Fact]
    public async Task Stream_RecordingAfterPairingFromTheSession_StoresEachRepetitionForTheSession()
    {
        await using var server = new PhoneSessionServer(IngestSettings.NoFrameRateLimit);
        var session = await server.StartSessionAsync();
        var exerciseId = session.Exercise!.ExerciseId;
        var samples = PhoneSessionServer.Recording(exerciseId, repetitions: 4, seed: 21);

        var pairing = await server.PairFromSessionAsync(session.SessionId);
        pairing.State.ShouldBe("WaitingForPhone");
        pairing.PairingCode!.Length.ShouldBe(6);
        pairing.PhoneUrl.ShouldBe(new Uri(server.BaseAddress, $"/phone/?code={pairing.PairingCode}").ToString());
        pairing.Exercise.ShouldBe(session.Exercise.Name);
        pairing.NotCountableReason.ShouldBeNull();
        var redeemed = await server.RedeemAsync(pairing.PairingCode);
        redeemed.Placement.ShouldBe(pairing.Placement);
        using var phone = await server.ConnectPhoneAsync(redeemed.SocketPath);

        // Hostile frames first: refused and counted, the connection and the counting go on.
        await phone.SendAsync(new byte[] { 1, 2, 3 });
        await phone.SendAsync(new byte[SensorIngestOptions.MaxFrameBytes + 10]);
        foreach (var frame in PhoneFrames.Split(samples, perFrame: 3))
        {
            await phone.SendAsync(frame);
        }

        await using var db = server.CreateDb();
        var stored = () => db.Repetitions.AsNoTracking().Where(r => r.SessionId == session.SessionId);
        (await PhoneSessionServer.EventuallyAsync(async () => await stored().CountAsync() >= 4)).ShouldBeTrue("four repetitions stored");
        await Task.Delay(300); // nothing more arrives: the recording holds exactly four
        var reps = await stored().OrderBy(r => r.Number).ToListAsync();
        reps.Select(r => r.Number).ShouldBe([1, 2, 3, 4]);
        reps.ShouldAllBe(r => r.Source == SensorSources.Phone && r.RangeOfMotionDegrees > 0 && r.PlannedExerciseId == session.Exercise.PlannedExerciseId);
        var after = await server.Engine.GetAsync(session.SessionId, CancellationToken.None);
        after!.RepetitionsInSet.ShouldBe(4);
        after.SensorSource.ShouldBe(SensorSources.Phone);
        var status = server.Links.Find(session.SessionId)!.Sensor.GetStatus();
        status.State.ShouldBe(SensorConnectionState.Connected);
        status.FramesRejected.ShouldBe(2);
        server.Links.Describe(session.SessionId)!.Counted.ShouldBe(4);
        phone.State.ShouldBe(WebSocketState.Open);
    }

    /// <summary>
    /// The same movement streamed at a phone's different rates (and with a busy browser's jittered
    /// timestamps): the rate is measured from the frames and the counter built for it, so each
    /// repetition's duration, speed and range are what the offline detector finds at the phone's true
    /// rate, and the speeds agree across rates (a counter built for a fixed 60 Hz reads a 200 Hz
    /// phone's speeds as less than a third of the truth, a 50 Hz phone's as a fifth too fast).
    /// </summary>
    [Theory]
    [InlineData(50, 0)]
    [InlineData(100, 0)]
    [InlineData(100, 0.006)]
    [InlineData(200, 0)]
    public async Task Stream_SameMovementAtDifferentPhoneRates_MeasuresTheRateAndCountsWithTheRightDurationsAndSpeeds(double rateHz, double jitterSeconds)
    {
        await using var server = new PhoneSessionServer(IngestSettings.NoFrameRateLimit);
        var session = await server.StartSessionAsync();
        var exerciseId = session.Exercise!.ExerciseId;
        var samples = PhoneSessionServer.Recording(exerciseId, repetitions: 4, seed: 8, samplingRateHz: rateHz);
        var random = new Random(13);
        var sent = samples.Select(s => s with { TimeSeconds = Math.Round((s.TimeSeconds + (random.NextDouble() * jitterSeconds)) * 1e6) / 1e6 }).ToArray();
        var plan = new TrackingPlans(Ambulo.Domain.Exercises.ExerciseCatalogue.Default).For(exerciseId);
        const SensorChannels both = SensorChannels.Accelerometer | SensorChannels.Gyroscope;
        var atTrueRate = RepetitionDetector.Detect(samples, plan.Detector, rateHz, both);
        var at100Hz = RepetitionDetector.Detect(PhoneSessionServer.Recording(exerciseId, repetitions: 4, seed: 8, samplingRateHz: 100), plan.Detector, 100, both);
        atTrueRate.Count.ShouldBe(4);
        at100Hz.Count.ShouldBe(4);

        var pairing = await server.PairFromSessionAsync(session.SessionId);
        var redeemed = await server.RedeemAsync(pairing.PairingCode!);
        using var phone = await server.ConnectPhoneAsync(redeemed.SocketPath);
        foreach (var frame in PhoneFrames.Split(sent, perFrame: Math.Max(1, (int)(rateHz / 25))))
        {
            await phone.SendAsync(frame);
        }

        var link = server.Links.Find(session.SessionId)!;
        (await PhoneSessionServer.EventuallyAsync(() => link.Counted >= 4)).ShouldBeTrue("four repetitions counted");
        await Task.Delay(300);
        link.Counted.ShouldBe(4);
        link.DetectorSamplingRateHz!.Value.ShouldBe(rateHz, rateHz * 0.02);
        var described = await server.Http.GetFromJsonAsync<PhonePairing>(new Uri($"/api/sessions/{session.SessionId}/phone", UriKind.Relative));
        described!.SamplingRateHz!.Value.ShouldBe(rateHz, rateHz * 0.02);
        var counted = link.RecentRepetitions;
        counted.Count.ShouldBe(4);
        // Jittered timestamps move the orientation filter's steps a little, and with them where a
        // repetition is found to end (up to about 0.1 s of a 2.5-3 s repetition).
        var durationTolerance = jitterSeconds > 0 ? 0.15 : 0.05;
        for (var i = 0; i < 4; i++)
        {
            var truth = atTrueRate.Repetitions[i];
            counted[i].DurationSeconds.ShouldBe(truth.DurationSeconds, durationTolerance, $"repetition {i + 1}: duration");
            counted[i].PeakAngularVelocityDegreesPerSecond.ShouldBe(truth.PeakAngularVelocityDegreesPerSecond, truth.PeakAngularVelocityDegreesPerSecond * 0.05, $"repetition {i + 1}: peak speed");
            counted[i].RangeOfMotionDegrees.ShouldBe(truth.RangeOfMotionDegrees, 1, $"repetition {i + 1}: range");
            var same = at100Hz.Repetitions[i];
            counted[i].DurationSeconds.ShouldBe(same.DurationSeconds, 0.25, $"repetition {i + 1}: duration against 100 Hz");
            counted[i].PeakAngularVelocityDegreesPerSecond.ShouldBe(same.PeakAngularVelocityDegreesPerSecond, same.PeakAngularVelocityDegreesPerSecond * 0.1, $"repetition {i + 1}: peak speed against 100 Hz");
        }
    }

    [Fact]
    public async Task Stop_WhilePaired_ClosesThePairingAndTellsThePhone()
    {
        await using var server = new PhoneSessionServer();
        var session = await server.StartSessionAsync();
        using var watch = server.Links.Watch(session.SessionId);
        var pairing = await server.PairFromSessionAsync(session.SessionId);
        var redeemed = await server.RedeemAsync(pairing.PairingCode!);
        using var phone = await server.ConnectPhoneAsync(redeemed.SocketPath);
        server.Registry.Count.ShouldBe(1);
        using (var alive = await server.Http.GetAsync(new Uri(redeemed.SocketPath, UriKind.Relative)))
        {
            alive.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // the pairing lives; only a WebSocket may use it
        }

        await server.Engine.StopAsync(session.SessionId, CancellationToken.None);

        (await PhoneSessionServer.EventuallyAsync(() => server.Links.Count == 0 && server.Registry.Count == 0)).ShouldBeTrue();
        server.Links.Describe(session.SessionId).ShouldBeNull();
        var (code, reason) = await phone.ReceiveCloseAsync();
        code.ShouldBe(SensorCloseCodes.PairingEnded); // a close frame saying why, not a dropped connection
        reason.ShouldBe("pairing ended");
        using var ended = await server.Http.GetAsync(new Uri(redeemed.SocketPath, UriKind.Relative));
        ended.StatusCode.ShouldBe(HttpStatusCode.NotFound); // how the phone page learns to stop retrying
        using var again = await server.Http.GetAsync(new Uri($"/api/sessions/{session.SessionId}/phone", UriKind.Relative));
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChooseAnotherSensor_WhilePaired_ClosesThePairing()
    {
        await using var server = new PhoneSessionServer();
        var session = await server.StartSessionAsync();
        using var watch = server.Links.Watch(session.SessionId);
        await server.PairFromSessionAsync(session.SessionId);

        await server.Engine.SetSensorSourceAsync(session.SessionId, SensorSources.Puck, CancellationToken.None);

        (await PhoneSessionServer.EventuallyAsync(() => server.Links.Count == 0 && server.Registry.Count == 0)).ShouldBeTrue();
    }

    [Fact]
    public async Task Watch_LastScreenGoneForLongerThanTheGrace_ClosesThePairing()
    {
        await using var server = new PhoneSessionServer(("Ambulo:Phone:GraceSecondsWithoutScreen", "0.3"));
        var session = await server.StartSessionAsync();
        var screen = server.Links.Watch(session.SessionId);
        await server.Links.OpenAsync(session.SessionId, CancellationToken.None);
        var link = server.Links.Find(session.SessionId)!;

        screen.Dispose(); // the tab closed, or its circuit died

        (await PhoneSessionServer.EventuallyAsync(() => server.Links.Count == 0 && server.Registry.Count == 0, seconds: 10)).ShouldBeTrue();
        link.IsClosed.ShouldBeTrue();
        link.Sensor.State.ShouldBe(SensorConnectionState.Closed);
        await link.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        server.Links.WatcherCount(session.SessionId).ShouldBe(0);
    }

    [Fact]
    public async Task Watch_NewScreenWithinTheGrace_KeepsThePairing()
    {
        await using var server = new PhoneSessionServer(("Ambulo:Phone:GraceSecondsWithoutScreen", "1"));
        var session = await server.StartSessionAsync();
        var before = server.Links.Watch(session.SessionId);
        var link = await server.Links.OpenAsync(session.SessionId, CancellationToken.None);

        before.Dispose(); // a refresh: the old screen goes ...
        using var after = server.Links.Watch(session.SessionId); // ... and the new one comes
        await Task.Delay(1500);

        server.Links.Find(session.SessionId).ShouldBeSameAs(link);
        server.Registry.Count.ShouldBe(1);
    }

    [Fact]
    public async Task NextExercise_AfterRating_PhoneFollowsWithPlacementAndCounting()
    {
        await using var server = new PhoneSessionServer(IngestSettings.NoFrameRateLimit);
        var session = await server.StartSessionAsync();
        using var watch = server.Links.Watch(session.SessionId);
        var link = (await server.Links.OpenAsync(session.SessionId, CancellationToken.None))!;
        link.Sensor.ExerciseName.ShouldBe(session.Exercise!.Name);

        await server.Engine.FinishExerciseAsync(session.SessionId, CancellationToken.None);
        await server.Engine.RateAsync(session.SessionId, 3, painOrDizziness: false, CancellationToken.None);
        var next = (await server.Engine.GetAsync(session.SessionId, CancellationToken.None))!.Exercise!;
        next.PlannedExerciseId.ShouldNotBe(session.Exercise.PlannedExerciseId);

        (await PhoneSessionServer.EventuallyAsync(() => link.Sensor.ExerciseName == next.Name)).ShouldBeTrue();
        var catalogue = Ambulo.Domain.Exercises.ExerciseCatalogue.Default.Get(next.ExerciseId);
        link.Sensor.PlacementText.ShouldBe(PlacementInstructions.For(catalogue.Sensor.Placement));
        var plan = new TrackingPlans(Ambulo.Domain.Exercises.ExerciseCatalogue.Default).For(next.ExerciseId);
        plan.IsCountable.ShouldBeTrue("the demo's second exercise is counted by a body-worn sensor");

        var pairing = await server.PairFromSessionAsync(session.SessionId);
        var redeemed = await server.RedeemAsync(pairing.PairingCode!);
        using var phone = await server.ConnectPhoneAsync(redeemed.SocketPath);
        foreach (var frame in PhoneFrames.Split(PhoneSessionServer.Recording(next.ExerciseId, repetitions: 3, seed: 5), perFrame: 3))
        {
            await phone.SendAsync(frame);
        }

        await using var db = server.CreateDb();
        (await PhoneSessionServer.EventuallyAsync(async () =>
            await db.Repetitions.CountAsync(r => r.SessionId == session.SessionId && r.PlannedExerciseId == next.PlannedExerciseId) == 3)).ShouldBeTrue();
        (await db.Repetitions.CountAsync(r => r.PlannedExerciseId == session.Exercise.PlannedExerciseId)).ShouldBe(0);
    }

    [Fact]
    public async Task Open_SessionThatDoesNotExist_IsRefusedAndOpensNothing()
    {
        await using var server = new PhoneSessionServer();

        using var response = await server.Http.PostAsync(new Uri("/api/sessions/999/phone", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        server.Registry.Count.ShouldBe(0);
        server.Links.Count.ShouldBe(0);
    }
}
