using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Numerics;
using System.Text;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.SensorIngest.Frames;
using Ambulo.Web.Tests.Common;

namespace Ambulo.Web.Tests.SensorIngest;

/// <summary>The phone's WebSocket and pairing endpoints, over a real socket on real Kestrel.</summary>
public class SensorSocketEndpointTests
{

    /// <summary>A simulated set of knee lifts at 100 Hz, with times on whole microseconds as a phone page sends them.</summary>
    private static (ImuSample[] Samples, int TrueCount) Recording()
    {
        var set = RepetitionSimulator.Simulate(new SimulationOptions { Seed = 11, Repetitions = 6, RangeOfMotionDegrees = 35, SamplingRateHz = 100 });
        var samples = set.Recording.Samples
            .Select(s => s with { TimeSeconds = Math.Round(s.TimeSeconds * 1_000_000d) / 1_000_000d })
            .ToArray();
        return (samples, set.TrueCount);
    }

    [Fact]
    public async Task Stream_RecordingAsFrames_ArrivesExactlyAndCountsTheRepetitions()
    {
        await using var server = new SensorAppServer(IngestSettings.NoFrameRateLimit);
        var (samples, trueCount) = Recording();
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        server.Registry.TryGet(opened.SessionId, out var session).ShouldBeTrue();
        var counter = new RepetitionCountingSink(RepetitionOptions.Default);
        using var attached = session.Attach(counter);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);

        foreach (var frame in PhoneFrames.Split(samples, perFrame: 4))
        {
            await phone.SendAsync(frame);
        }

        var received = new List<ImuSample>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var batch in session.Batches.ReadAllAsync(timeout.Token))
        {
            received.AddRange(batch.Samples);
            if (received.Count >= samples.Length)
            {
                break;
            }
        }

        received.ShouldBe(samples);
        var offline = RepetitionDetector.Detect(samples, RepetitionOptions.Default, 100, SensorChannels.Accelerometer | SensorChannels.Gyroscope);
        counter.Count.ShouldBe(offline.Count);
        counter.Count.ShouldBe(trueCount);
        counter.SamplingRateHz!.Value.ShouldBe(100, 0.5); // measured from the frames, not configured
        var status = session.GetStatus();
        status.SamplingRateHz!.Value.ShouldBe(100, 0.5);
        status.FramesRejected.ShouldBe(0);
        status.LostFrames.ShouldBe(0);
        status.State.ShouldBe(SensorConnectionState.Connected);
    }

    [Fact]
    public async Task Stream_HostileFramesBetweenGoodOnes_AreRejectedByReasonWhileTheConnectionGoesOn()
    {
        await using var server = new SensorAppServer(IngestSettings.NoFrameRateLimit);
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);
        var good = PhoneFrames.Split(Recording().Samples[..40], perFrame: 4).ToArray(); // 10 frames

        var badMagic = (byte[])good[1].Clone();
        badMagic[0] = (byte)'X';
        var nan = (byte[])good[1].Clone();
        BinaryPrimitives.WriteSingleLittleEndian(nan.AsSpan(SensorFrameFormat.HeaderBytes + 2), float.NaN);
        var lyingCount = (byte[])good[1].Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(lyingCount.AsSpan(20), 200);
        var absurd = (byte[])good[1].Clone();
        BinaryPrimitives.WriteSingleLittleEndian(absurd.AsSpan(SensorFrameFormat.HeaderBytes + 14), 1e6f);
        var oversized = new byte[SensorFrameFormat.MaxFrameBytes + 500];

        await phone.SendAsync(good[0]);
        await phone.SendAsync(badMagic);
        await phone.SendAsync(nan);
        await phone.SendAsync(lyingCount);
        await phone.SendAsync(absurd);
        await phone.SendAsync(oversized);
        await phone.SendAsync([1, 2, 3]);
        await phone.SendAsync(good[0]); // replay
        await phone.SendAsync(new byte[] { 0x41, 0x53, 2, 3 }.Concat(new byte[20]).ToArray());
        await phone.SendAsync(Encoding.UTF8.GetBytes("{\"hello\":1}"), WebSocketMessageType.Text, true, CancellationToken.None);
        foreach (var frame in good[1..])
        {
            await phone.SendAsync(frame);
        }

        var status = await server.WaitForAsync(opened.SessionId, s => s.FramesAccepted == good.Length && s.FramesRejected == 9);

        status.FramesAccepted.ShouldBe(good.Length);
        status.SamplesAccepted.ShouldBe(40);
        status.RejectionsByReason.OrderBy(r => r.Key, StringComparer.Ordinal).ShouldBe(new Dictionary<string, long>
        {
            ["BadMagic"] = 1,
            ["NonFiniteValue"] = 1,
            ["LengthMismatch"] = 1,
            ["ValueOutOfRange"] = 1,
            ["TooLarge"] = 1,
            ["TooShort"] = 1,
            ["StaleSequence"] = 1,
            ["UnsupportedVersion"] = 1,
            ["NotBinary"] = 1,
        }.OrderBy(r => r.Key, StringComparer.Ordinal));
        status.State.ShouldBe(SensorConnectionState.Connected);
        phone.State.ShouldBe(WebSocketState.Open);
    }

    [Fact]
    public async Task Stream_MessageFarBeyondTheLimit_ClosesWithMessageTooBigAndShowsDisconnected()
    {
        await using var server = new SensorAppServer(IngestSettings.NoFrameRateLimit, ("SensorIngest:MaxDiscardedMessageBytes", "1000"));
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);

        await phone.SendAsync(new byte[200_000]);
        var status = await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Disconnected);

        status.State.ShouldBe(SensorConnectionState.Disconnected);
        status.RejectionsByReason["TooLarge"].ShouldBe(1);
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        do
        {
            result = await phone.ReceiveAsync(buffer, CancellationToken.None);
        }
        while (result.MessageType != WebSocketMessageType.Close);
        result.CloseStatus.ShouldBe(WebSocketCloseStatus.MessageTooBig);
    }

    [Fact]
    public async Task Connection_PhoneDropsAndComesBack_ShowsDisconnectedThenResumesAndCountsTheGap()
    {
        await using var server = new SensorAppServer(IngestSettings.NoFrameRateLimit);
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        var frames = PhoneFrames.Split(Recording().Samples[..60], perFrame: 3).ToArray(); // 20 frames

        using (var phone = await server.ConnectPhoneAsync(pairing.SocketPath))
        {
            foreach (var frame in frames[..8])
            {
                await phone.SendAsync(frame);
            }

            await server.WaitForAsync(opened.SessionId, s => s.FramesAccepted == 8);
            await phone.CloseAsync(WebSocketCloseStatus.NormalClosure, "walking out of Wi-Fi", CancellationToken.None);
        }

        var away = await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Disconnected);
        away.State.ShouldBe(SensorConnectionState.Disconnected);

        // Back with the same token; frames 8 and 9 were lost while away.
        using var back = await server.ConnectPhoneAsync(pairing.SocketPath);
        foreach (var frame in frames[10..])
        {
            await back.SendAsync(frame);
        }

        var resumed = await server.WaitForAsync(opened.SessionId, s => s.FramesAccepted == 18);
        resumed.State.ShouldBe(SensorConnectionState.Connected);
        resumed.LostFrames.ShouldBe(2);
        resumed.Connections.ShouldBe(2);
        resumed.FramesRejected.ShouldBe(0);
    }

    [Fact]
    public async Task Connection_SilentPhone_IsDisconnectedAfterTheIdleTimeout()
    {
        await using var server = new SensorAppServer(("SensorIngest:IdleTimeoutSeconds", "0.3"));
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);

        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);
        var status = await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Disconnected);

        status.State.ShouldBe(SensorConnectionState.Disconnected);
        status.Connections.ShouldBe(1);
        var (code, reason) = await phone.ReceiveCloseAsync();
        code.ShouldBe(WebSocketCloseStatus.NormalClosure);
        reason!.ShouldContain("idle");
    }

    [Fact]
    public async Task Connection_PhoneClosesIt_TheServerAnswersTheCloseHandshake()
    {
        await using var server = new SensorAppServer();
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await phone.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token); // waits for the server's answer

        phone.State.ShouldBe(WebSocketState.Closed);
        phone.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        (await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Disconnected)).State.ShouldBe(SensorConnectionState.Disconnected);
    }

    [Fact]
    public async Task Connection_NewerConnectionWithTheSameToken_TheOlderIsClosedWithReplaced()
    {
        await using var server = new SensorAppServer();
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var first = await server.ConnectPhoneAsync(pairing.SocketPath);
        await server.WaitForAsync(opened.SessionId, s => s.Connections == 1);

        using var second = await server.ConnectPhoneAsync(pairing.SocketPath);

        var (code, reason) = await first.ReceiveCloseAsync();
        code.ShouldBe(SensorCloseCodes.Replaced);
        ((int)code!).ShouldBe(4001);
        reason!.ShouldContain("replaced");
        second.State.ShouldBe(WebSocketState.Open);
        (await server.WaitForAsync(opened.SessionId, s => s.Connections == 2)).State.ShouldBe(SensorConnectionState.Connected);
    }

    [Fact]
    public async Task Connection_PairingClosedOnTheServer_PhoneIsToldThePairingEnded()
    {
        await using var server = new SensorAppServer();
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);
        await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Connected);

        server.Registry.Close(opened.SessionId).ShouldBeTrue();

        var (code, reason) = await phone.ReceiveCloseAsync();
        code.ShouldBe(SensorCloseCodes.PairingEnded);
        ((int)code!).ShouldBe(4000);
        reason.ShouldBe("pairing ended");
    }

    [Fact]
    public async Task Connection_ServerStops_PhoneIsToldGoingAway()
    {
        var server = new SensorAppServer();
        try
        {
            var opened = await server.OpenSessionAsync();
            var pairing = await server.PairAsync(opened.PairingCode);
            using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);
            await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Connected);

            var closing = phone.ReceiveCloseAsync();
            await server.StopAsync();

            var (code, reason) = await closing;
            code.ShouldBe(WebSocketCloseStatus.EndpointUnavailable); // 1001 "going away": the phone retries
            reason.ShouldBe("server stopping");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stream_BadFramesWithoutEnd_ClosedAsPolicyViolationCountedAndTheServerGoesOn()
    {
        await using var server = new SensorAppServer(IngestSettings.NoFrameRateLimit, ("SensorIngest:MaxConsecutiveRejectedFrames", "20"));
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);
        var good = PhoneFrames.Split(Recording().Samples[..12], perFrame: 4).ToArray();
        await phone.SendAsync(good[0]);
        for (var i = 0; i < 19; i++)
        {
            await phone.SendAsync([0x41, 0x53, 9, 1, .. new byte[20]]); // an unknown version, over and over
        }

        await phone.SendAsync(good[1]); // a good frame: the run of bad ones starts again
        var closing = phone.ReceiveCloseAsync();
        for (var i = 0; i < 20; i++)
        {
            await phone.SendAsync([1, 2, 3]);
        }

        var (code, reason) = await closing;
        code.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        reason.ShouldBe("20 bad frames in a row");
        var status = await server.WaitForAsync(opened.SessionId, s => s.State == SensorConnectionState.Disconnected);
        status.FramesAccepted.ShouldBe(2);
        status.RejectionsByReason["UnsupportedVersion"].ShouldBe(19);
        status.RejectionsByReason["TooShort"].ShouldBe(20);

        // The pairing itself is fine: the same phone may come back and send good frames.
        using var again = await server.ConnectPhoneAsync(pairing.SocketPath);
        await again.SendAsync(good[2]);
        (await server.WaitForAsync(opened.SessionId, s => s.FramesAccepted == 3)).FramesAccepted.ShouldBe(3);
    }

    [Fact]
    public async Task Connection_TooManyFramesPerSecond_DropsTheExcessAndCountsIt()
    {
        await using var server = new SensorAppServer(("SensorIngest:MaxFramesPerSecond", "5"));
        var opened = await server.OpenSessionAsync();
        var pairing = await server.PairAsync(opened.PairingCode);
        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);

        for (uint i = 0; i < 60; i++)
        {
            await phone.SendAsync(SensorFrameEncoder.Encode(5, i, FrameChannels.Accelerometer, ReadOnlySpan<ImuSample>.Empty));
        }

        var status = await server.WaitForAsync(opened.SessionId, s => s.FramesAccepted + s.FramesRejected == 60);

        status.RejectionsByReason.ShouldContainKey("RateLimited");
        status.RejectionsByReason["RateLimited"].ShouldBe(60 - status.FramesAccepted);
        status.FramesAccepted.ShouldBeLessThan(60);
    }

    [Fact]
    public async Task Phone_ReceivesStatusWithWhereToStrapIt()
    {
        await using var server = new SensorAppServer();
        var opened = await server.OpenSessionAsync();
        server.Registry.TryGet(opened.SessionId, out var session);
        session.SetExercise(Ambulo.Domain.Exercises.ExerciseCatalogue.Default.Get("seated-knee-extension"));
        var pairing = await server.PairAsync(opened.PairingCode);

        using var phone = await server.ConnectPhoneAsync(pairing.SocketPath);
        var buffer = new byte[4096];
        var result = await phone.ReceiveAsync(buffer, CancellationToken.None);

        result.MessageType.ShouldBe(WebSocketMessageType.Text);
        var json = Encoding.UTF8.GetString(buffer, 0, result.Count);
        json.ShouldContain("\"type\":\"status\"");
        json.ShouldContain("shin");
        pairing.Placement.ShouldContain("shin");
    }

    [Fact]
    public async Task Pair_CodeUsedTwiceOrMalformed_IsRefusedWithAReason()
    {
        await using var server = new SensorAppServer();
        var opened = await server.OpenSessionAsync();
        await server.PairAsync(opened.PairingCode);

        using var again = await server.Http.PostAsJsonAsync(new Uri("/api/sensor/pair", UriKind.Relative), new PairRequest(opened.PairingCode));
        using var malformed = await server.Http.PostAsJsonAsync(new Uri("/api/sensor/pair", UriKind.Relative), new PairRequest("12ab"));

        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync()).ShouldContain("not known");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).ShouldContain("six digits");
    }

    [Fact]
    public async Task Pair_TooManyAttempts_IsRateLimited()
    {
        await using var server = new SensorAppServer(("SensorIngest:PairingAttemptsPerMinute", "3"));
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await server.Http.PostAsJsonAsync(new Uri("/api/sensor/pair", UriKind.Relative), new PairRequest("000000"));
            statuses.Add(response.StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.NotFound || s == HttpStatusCode.OK);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Connect_UnknownToken_IsRefused()
    {
        await using var server = new SensorAppServer();

        var failure = await Should.ThrowAsync<WebSocketException>(() => server.ConnectPhoneAsync("/ws/sensor/not-a-token"));

        failure.Message.ShouldContain("404");
    }

    [Fact]
    public async Task QrCode_OfOpenSession_IsAnSvgOfThePhoneUrl()
    {
        await using var server = new SensorAppServer(("SensorIngest:PublicBaseUrl", "https://192.168.1.20:5443"));
        var opened = await server.OpenSessionAsync();

        using var response = await server.Http.GetAsync(new Uri(opened.QrCodeSvgUrl, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = await response.Content.ReadAsStringAsync();
        svg.ShouldContain("<svg");
        svg.ShouldBe(PairingQrCode.Svg($"https://192.168.1.20:5443/phone/?code={opened.PairingCode}"));
        opened.PhoneUrl.ShouldBe($"https://192.168.1.20:5443/phone/?code={opened.PairingCode}");
    }

    [Fact]
    public async Task Status_OfOpenSession_IsWaitingForPhone()
    {
        await using var server = new SensorAppServer();
        var opened = await server.OpenSessionAsync();

        var status = await server.Http.GetFromJsonAsync<SensorSessionStatus>(new Uri($"/api/sensor/sessions/{opened.SessionId}", UriKind.Relative));

        status!.State.ShouldBe(SensorConnectionState.WaitingForPhone);
        status.PairingCode.ShouldBe(opened.PairingCode);
    }
}
