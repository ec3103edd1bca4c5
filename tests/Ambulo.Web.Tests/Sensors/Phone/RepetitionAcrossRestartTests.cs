using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Online;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Ambulo.Web.Tests.SensorIngest;
using Microsoft.EntityFrameworkCore;

namespace Ambulo.Web.Tests.Sensors.Phone;

/// <summary>
/// A repetition in progress when the server restarts (two servers, one after the other, on the same SQLite
/// file). The test's phone does what the phone page does: it keeps the samples it sent from the time the
/// server's status message asks for (<c>keepFromSeconds</c>), and after the 1001 close it sends them again,
/// then the rest of its stream.
/// </summary>
public sealed class RepetitionAcrossRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ambulo-web-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ServerRestart_MidRepetition_PhoneSendsItsKeptSecondsAgain_ThatRepetitionIsCountedAndNoneTwice()
    {
        const uint streamId = 5150;
        int sessionId;
        string socketPath;
        ImuSample[] after;
        ImuSample[] kept;
        uint nextSequence;
        string? firstRun;
        List<Repetition> offline;
        await using (var first = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit))
        {
            var session = await first.StartSessionAsync();
            sessionId = session.SessionId;
            var exerciseId = session.Exercise!.ExerciseId;
            var recording = PhoneSessionServer.Recording(exerciseId, repetitions: 3, seed: 41);
            offline = Count(exerciseId, recording);
            offline.Count.ShouldBe(3, "the recording's repetitions, as the same counter finds them in one go");
            // The server stops at the peak of the third repetition: half of it before the restart, half after.
            var cut = offline[2].PeakSeconds;
            var before = recording.Where(s => s.TimeSeconds <= cut).ToArray();
            after = [.. recording.Where(s => s.TimeSeconds > cut)];

            var pairing = await first.PairFromSessionAsync(sessionId);
            var redeemed = await first.RedeemAsync(pairing.PairingCode!);
            socketPath = redeemed.SocketPath;
            using var phone = await first.ConnectPhoneAsync(socketPath);
            var listening = ListenAsync(phone);
            var frames = PhoneFrames.Split(before, perFrame: 3, streamId).ToArray();
            foreach (var frame in frames)
            {
                await phone.SendAsync(frame);
            }

            nextSequence = (uint)frames.Length;
            await using var db = first.CreateDb();
            (await PhoneSessionServer.EventuallyAsync(async () => await db.Repetitions.CountAsync(r => r.SessionId == sessionId) == 2)).ShouldBeTrue();
            // Like the page, keep-alive frames while there is nothing to send; the server answers about once a second.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (listening.KeepFromSeconds is not > 0 || listening.KeepFromSeconds < offline[0].PeakSeconds)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the status message says what to keep, from before the second repetition");
                await phone.SendAsync(KeepAlive(streamId, nextSequence++, before[^1].TimeSeconds));
                await Task.Delay(200);
            }

            (await PhoneSessionServer.EventuallyAsync(async () => await db.PhonePairings.AnyAsync(p => p.LastCountedEndSeconds != null))).ShouldBeTrue();
            var keepFrom = listening.KeepFromSeconds!.Value;
            listening.KeepFromStream.ShouldBe(streamId, "the clock the time is on");
            keepFrom.ShouldBeLessThan(offline[1].StartSeconds, "kept from before the last counted repetition began");
            keepFrom.ShouldBeGreaterThan(offline[0].PeakSeconds, "not more than needed");
            kept = [.. before.Where(s => s.TimeSeconds >= keepFrom)];
            firstRun = listening.ServerRun;
            firstRun.ShouldNotBeNullOrEmpty();

            await first.StopAsync();
            (await listening.Closed).ShouldBe(WebSocketCloseStatus.EndpointUnavailable); // 1001: the page sends its kept samples again
            (await db.Repetitions.CountAsync(r => r.SessionId == sessionId)).ShouldBe(2, "the third was in progress");
        }

        await using var second = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit);
        using var back = await second.ConnectPhoneAsync(socketPath);
        var secondListening = ListenAsync(back);
        (await PhoneSessionServer.EventuallyAsync(() => secondListening.ServerRun is not null)).ShouldBeTrue("the first status message comes at once");
        secondListening.ServerRun.ShouldNotBe(firstRun, "how the page knows the server restarted");
        foreach (var frame in PhoneFrames.Split(kept, perFrame: 3, streamId, firstSequence: nextSequence)
                     .Concat(PhoneFrames.Split(after, perFrame: 3, streamId, firstSequence: nextSequence + (uint)((kept.Length + 2) / 3))))
        {
            await back.SendAsync(frame);
        }

        await using var db2 = second.CreateDb();
        (await PhoneSessionServer.EventuallyAsync(async () => await db2.Repetitions.CountAsync(r => r.SessionId == sessionId) >= 3)).ShouldBeTrue("the repetition cut by the restart is counted");
        var link = second.Links.Find(sessionId)!;
        (await PhoneSessionServer.EventuallyAsync(() => link.CountedBeforeRestart >= 1)).ShouldBeTrue("the second repetition, sent again, is recognised as counted before the restart");
        await Task.Delay(300);
        var repetitions = await db2.Repetitions.AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.Id).ToListAsync();
        repetitions.Select(r => r.Number).ShouldBe([1, 2, 3], "each repetition once");
        repetitions.ShouldAllBe(r => r.Source == SensorSources.Phone);
        link.CountedBeforeRestart.ShouldBe(1);
        link.Sensor.GetStatus().FramesRejected.ShouldBe(0);
    }

    /// <summary>
    /// The repetition and the pairing's note of where it ended on the phone's clock are one write: when the note
    /// cannot be written, the repetition is not stored either (two writes stored the repetition and lost the note,
    /// which a restart then counted twice). The failure is SQLite's own: a trigger in the app's database file
    /// aborts any write of the note. Once it is gone, the next repetitions store both.
    /// </summary>
    [Fact]
    public async Task CountFromPhone_PairingNoteCannotBeWritten_NeitherRepetitionNorNoteIsStored()
    {
        await using var server = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit);
        var session = await server.StartSessionAsync();
        var sessionId = session.SessionId;
        var exerciseId = session.Exercise!.ExerciseId;
        var pairing = await server.PairFromSessionAsync(sessionId);
        var redeemed = await server.RedeemAsync(pairing.PairingCode!);
        await using var db = server.CreateDb();
        (await PhoneSessionServer.EventuallyAsync(async () => await db.PhonePairings.AnyAsync(p => p.SessionId == sessionId))).ShouldBeTrue("the pairing is stored when the code is redeemed");
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER note_fails BEFORE UPDATE OF LastCountedEndSeconds ON PhonePairings BEGIN SELECT RAISE(ABORT, 'the note cannot be written'); END;");
        var link = server.Links.Find(sessionId)!;
        using var phone = await server.ConnectPhoneAsync(redeemed.SocketPath);

        foreach (var frame in PhoneFrames.Split(PhoneSessionServer.Recording(exerciseId, repetitions: 2, seed: 17), perFrame: 3, streamId: 601))
        {
            await phone.SendAsync(frame);
        }

        (await PhoneSessionServer.EventuallyAsync(() => link.NotStored == 2)).ShouldBeTrue("both repetitions found by the phone's counter, and neither could be stored");
        link.RecentRepetitions.Count.ShouldBe(2);
        link.Counted.ShouldBe(0);
        (await db.Repetitions.CountAsync(r => r.SessionId == sessionId)).ShouldBe(0, "rolled back with the note");
        (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId)).Points.ShouldBe(0);
        (await server.Engine.GetAsync(sessionId, CancellationToken.None))!.RepetitionsInSet.ShouldBe(0);
        var unchanged = await db.PhonePairings.AsNoTracking().SingleAsync(p => p.SessionId == sessionId);
        unchanged.LastCountedStreamId.ShouldBeNull();
        unchanged.LastCountedEndSeconds.ShouldBeNull();
        link.Sensor.GetStatus().KeepFromPhoneSeconds.ShouldBeNull("nothing counted, so nothing to keep for");

        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER note_fails;");
        // The page reloaded (a new stream): the counter calibrates again and counts the next two.
        const uint nextStream = 602;
        var recording = PhoneSessionServer.Recording(exerciseId, repetitions: 2, seed: 18);
        var offline = Count(exerciseId, recording);
        offline.Count.ShouldBe(2);
        foreach (var frame in PhoneFrames.Split(recording, perFrame: 3, streamId: nextStream))
        {
            await phone.SendAsync(frame);
        }

        (await PhoneSessionServer.EventuallyAsync(() => link.Counted == 2)).ShouldBeTrue();
        link.NotStored.ShouldBe(2, "no more failures");
        (await db.Repetitions.AsNoTracking().Where(r => r.SessionId == sessionId).Select(r => r.Number).ToListAsync()).ShouldBe([1, 2]);
        var noted = await db.PhonePairings.AsNoTracking().SingleAsync(p => p.SessionId == sessionId);
        noted.LastCountedStreamId.ShouldBe(nextStream);
        noted.LastCountedEndSeconds!.Value.ShouldBe(offline[1].EndSeconds, 0.1, "the end of the second repetition, on the new stream's clock");
    }

    /// <summary>
    /// After a change of exercise the phone is told to keep from the change on, not from before the previous
    /// exercise's last repetition: a restart then gives the new exercise's counter what the live one got, from
    /// the same moment, and none of the previous exercise's movement (done with the phone perhaps elsewhere).
    /// </summary>
    [Fact]
    public async Task NextExercise_AfterRepetitionsFromThePhone_PhoneKeepsFromTheChangeOn()
    {
        await using var server = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit);
        var session = await server.StartSessionAsync();
        var sessionId = session.SessionId;
        var pairing = await server.PairFromSessionAsync(sessionId);
        var redeemed = await server.RedeemAsync(pairing.PairingCode!);
        var link = server.Links.Find(sessionId)!;
        using var phone = await server.ConnectPhoneAsync(redeemed.SocketPath);
        var recording = PhoneSessionServer.Recording(session.Exercise!.ExerciseId, repetitions: 2, seed: 43);
        foreach (var frame in PhoneFrames.Split(recording, perFrame: 3, streamId: 6001))
        {
            await phone.SendAsync(frame);
        }

        (await PhoneSessionServer.EventuallyAsync(() => link.Counted == 2)).ShouldBeTrue();
        var afterRepetitions = link.Sensor.GetStatus().KeepFromPhoneSeconds!.Value;
        afterRepetitions.ShouldBeLessThan(recording[^1].TimeSeconds - 1, "kept from before the last repetition");

        await server.Engine.FinishExerciseAsync(sessionId, CancellationToken.None);
        await server.Engine.RateAsync(sessionId, 3, painOrDizziness: false, CancellationToken.None);
        var next = (await server.Engine.GetAsync(sessionId, CancellationToken.None))!.Exercise!;
        (await PhoneSessionServer.EventuallyAsync(() => link.Sensor.ExerciseName == next.Name)).ShouldBeTrue();

        // Sample times travel as 100 µs ticks from the frame's base time.
        link.Sensor.GetStatus().KeepFromPhoneSeconds!.Value.ShouldBe(recording[^1].TimeSeconds, 1e-4, "from the newest sample when the exercise changed");
        link.Sensor.GetStatus().KeepFromStreamId.ShouldBe(6001u);
    }

    /// <summary>
    /// The server restarts during the first repetition of the second exercise. The phone, told at the change
    /// of exercise to keep from then on, sends those seconds again: the new exercise's repetitions are each
    /// counted once and none of the previous exercise's movement is counted for it. (With these simulated
    /// recordings the counting also came out right from the old keep point; what tells the two apart is
    /// the point itself, checked in <see cref="NextExercise_AfterRepetitionsFromThePhone_PhoneKeepsFromTheChangeOn"/>.)
    /// </summary>
    [Fact]
    public async Task ServerRestart_InFirstRepetitionOfNextExercise_CountsTheNewExercisesRepetitionsOnce()
    {
        const uint streamId = 6002;
        int sessionId;
        string socketPath;
        string? firstRun;
        ExerciseView first;
        ExerciseView next;
        ImuSample[] kept;
        ImuSample[] after;
        uint nextSequence;
        await using (var server = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit))
        {
            var session = await server.StartSessionAsync();
            sessionId = session.SessionId;
            first = session.Exercise!;
            var pairing = await server.PairFromSessionAsync(sessionId);
            var redeemed = await server.RedeemAsync(pairing.PairingCode!);
            socketPath = redeemed.SocketPath;
            var link = server.Links.Find(sessionId)!;
            using var phone = await server.ConnectPhoneAsync(socketPath);
            var listening = ListenAsync(phone);
            var firstRecording = PhoneSessionServer.Recording(first.ExerciseId, repetitions: 2, seed: 45);
            var frames = PhoneFrames.Split(firstRecording, perFrame: 3, streamId).ToArray();
            foreach (var frame in frames)
            {
                await phone.SendAsync(frame);
            }

            nextSequence = (uint)frames.Length;
            (await PhoneSessionServer.EventuallyAsync(() => link.Counted == 2)).ShouldBeTrue();
            await server.Engine.FinishExerciseAsync(sessionId, CancellationToken.None);
            await server.Engine.RateAsync(sessionId, 3, painOrDizziness: false, CancellationToken.None);
            next = (await server.Engine.GetAsync(sessionId, CancellationToken.None))!.Exercise!;
            (await PhoneSessionServer.EventuallyAsync(() => link.Sensor.ExerciseName == next.Name)).ShouldBeTrue();
            var lastFirst = firstRecording[^1].TimeSeconds;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (listening.KeepFromSeconds is not { } told || Math.Abs(told - lastFirst) > 1e-4) // 100 µs ticks on the wire
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the status message says to keep from the change of exercise");
                await phone.SendAsync(KeepAlive(streamId, nextSequence++, lastFirst));
                await Task.Delay(200);
            }

            // The second exercise, on the same stream; the server stops at the peak of its first repetition.
            var shift = lastFirst + (1 / 60d);
            var nextRecording = PhoneSessionServer.Recording(next.ExerciseId, repetitions: 2, seed: 46);
            var offline = Count(next.ExerciseId, nextRecording);
            offline.Count.ShouldBe(2);
            var shifted = nextRecording.Select(s => s with { TimeSeconds = Math.Round((s.TimeSeconds + shift) * 1_000_000d) / 1_000_000d }).ToArray();
            var cut = offline[0].PeakSeconds + shift;
            var before = shifted.Where(s => s.TimeSeconds <= cut).ToArray();
            after = [.. shifted.Where(s => s.TimeSeconds > cut)];
            var beforeFrames = PhoneFrames.Split(before, perFrame: 3, streamId, firstSequence: nextSequence).ToArray();
            foreach (var frame in beforeFrames)
            {
                await phone.SendAsync(frame);
            }

            nextSequence += (uint)beforeFrames.Length;
            (await PhoneSessionServer.EventuallyAsync(() => link.Sensor.GetStatus().SamplesAccepted == firstRecording.Length + before.Length)).ShouldBeTrue();
            var keepFrom = listening.KeepFromSeconds!.Value;
            kept = [.. firstRecording.Concat(before).Where(s => s.TimeSeconds >= keepFrom)];
            firstRun = listening.ServerRun;
            await using var db = server.CreateDb();
            (await db.Repetitions.CountAsync(r => r.SessionId == sessionId && r.PlannedExerciseId == next.PlannedExerciseId)).ShouldBe(0, "the first is in progress");
            await server.StopAsync();
            (await listening.Closed).ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        }

        await using var second = new PhoneSessionServer(_folder, IngestSettings.NoFrameRateLimit);
        using var back = await second.ConnectPhoneAsync(socketPath);
        var secondListening = ListenAsync(back);
        (await PhoneSessionServer.EventuallyAsync(() => secondListening.ServerRun is not null)).ShouldBeTrue();
        secondListening.ServerRun.ShouldNotBe(firstRun);
        foreach (var frame in PhoneFrames.Split(kept, perFrame: 3, streamId, firstSequence: nextSequence)
                     .Concat(PhoneFrames.Split(after, perFrame: 3, streamId, firstSequence: nextSequence + (uint)((kept.Length + 2) / 3))))
        {
            await back.SendAsync(frame);
        }

        await using var db2 = second.CreateDb();
        var ofNext = () => db2.Repetitions.AsNoTracking().Where(r => r.SessionId == sessionId && r.PlannedExerciseId == next.PlannedExerciseId);
        (await PhoneSessionServer.EventuallyAsync(async () => await ofNext().CountAsync() >= 2)).ShouldBeTrue("the repetition cut by the restart and the one after it");
        var link2 = second.Links.Find(sessionId)!;
        (await PhoneSessionServer.EventuallyAsync(() => link2.Sensor.GetStatus().SamplesAccepted == kept.Length + after.Length)).ShouldBeTrue();
        await Task.Delay(300);
        (await ofNext().Select(r => r.Number).ToListAsync()).ShouldBe([1, 2], "each once, none made of the first exercise's movement");
        (await db2.Repetitions.CountAsync(r => r.SessionId == sessionId && r.PlannedExerciseId == first.PlannedExerciseId)).ShouldBe(2);
        link2.Sensor.GetStatus().FramesRejected.ShouldBe(0);
    }

    public void Dispose() => AmbuloAppFactory.DeleteFolder(_folder);

    /// <summary>A frame with no samples (the page's keep-alive), its base time at the stream's last sample.</summary>
    private static byte[] KeepAlive(uint streamId, uint sequence, double lastSampleSeconds)
    {
        var frame = new byte[24];
        frame[0] = (byte)'A';
        frame[1] = (byte)'S';
        frame[2] = 1;
        frame[3] = 3; // accelerometer and gyroscope
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), streamId);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), sequence);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(12), (ulong)Math.Round(lastSampleSeconds * 1_000_000d));
        return frame;
    }

    private static List<Repetition> Count(string exerciseId, ImuSample[] recording)
    {
        var plan = new TrackingPlans(ExerciseCatalogue.Default).For(exerciseId);
        var counter = new RepetitionCounter(plan.Detector, 60, SensorChannels.Accelerometer | SensorChannels.Gyroscope);
        var found = new List<Repetition>();
        counter.Push(recording, found);
        return found;
    }

    /// <summary>Reads the server's messages as the phone page does: the last <c>keepFromSeconds</c>, and the close status.</summary>
    private static Listener ListenAsync(ClientWebSocket socket)
    {
        var listener = new Listener();
        listener.Closed = Task.Run(async () =>
        {
            var buffer = new byte[8192];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return result.CloseStatus;
                }

                if (result.MessageType == WebSocketMessageType.Text && result.EndOfMessage)
                {
                    using var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    if (json.RootElement.TryGetProperty("keepFromSeconds", out var keep) && keep.ValueKind == JsonValueKind.Number)
                    {
                        listener.KeepFromSeconds = keep.GetDouble();
                    }

                    if (json.RootElement.TryGetProperty("keepFromStream", out var stream) && stream.ValueKind == JsonValueKind.Number)
                    {
                        listener.KeepFromStream = stream.GetUInt32();
                    }

                    if (json.RootElement.TryGetProperty("serverRun", out var run) && run.ValueKind == JsonValueKind.String)
                    {
                        listener.ServerRun ??= run.GetString();
                    }
                }
            }
        });
        return listener;
    }

    private sealed class Listener
    {
        private readonly Lock _gate = new();
        private double? _keepFromSeconds;
        private uint? _keepFromStream;
        private string? _serverRun;

        public double? KeepFromSeconds
        {
            get { lock (_gate) { return _keepFromSeconds; } }
            set { lock (_gate) { _keepFromSeconds = value; } }
        }

        public uint? KeepFromStream
        {
            get { lock (_gate) { return _keepFromStream; } }
            set { lock (_gate) { _keepFromStream = value; } }
        }

        /// <summary>From the first status message of the connection.</summary>
        public string? ServerRun
        {
            get { lock (_gate) { return _serverRun; } }
            set { lock (_gate) { _serverRun = value; } }
        }

        public Task<WebSocketCloseStatus?> Closed { get; set; } = Task.FromResult<WebSocketCloseStatus?>(null);
    }
}
