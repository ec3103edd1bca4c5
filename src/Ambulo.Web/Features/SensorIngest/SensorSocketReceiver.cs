using System.Net.WebSockets;
using System.Text.Json;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest.Frames;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// The receive loop of one phone WebSocket: reads binary frames, applies the size, rate and idle
/// limits, hands each frame to its <see cref="SensorSession"/>, and once a second tells the phone how
/// things stand (a small JSON text message). Nothing a phone sends can throw out of this loop; a
/// network failure ends it and leaves the session "disconnected" until the phone comes back.
/// <para>
/// The server always ends a connection with a close frame whose status says why (see
/// <see cref="SensorCloseCodes"/>), so the phone page can tell "try again" from "this pairing is over":
/// a pending receive is never cancelled (that would abort the socket and the phone would only see 1006).
/// </para>
/// </summary>
public sealed partial class SensorSocketReceiver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SensorIngestOptions> _options;
    private readonly ILogger<SensorSocketReceiver> _logger;
    private readonly CancellationToken _serverStopping;

    /// <summary>Random per server process: a phone that sees it change after a reconnection knows the server restarted.</summary>
    private readonly string _serverRun = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public SensorSocketReceiver(TimeProvider time, IOptionsMonitor<SensorIngestOptions> options, ILogger<SensorSocketReceiver> logger, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        _time = time;
        _options = options;
        _logger = logger;
        _serverStopping = lifetime.ApplicationStopping;
    }

    /// <summary>Runs until the phone closes, goes silent, is replaced, misbehaves, or <paramref name="aborted"/> fires.</summary>
    public async Task RunAsync(WebSocket socket, SensorSession session, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(session);
        var options = _options.CurrentValue;
        if (!session.TryConnect(out var connection, out var replaced))
        {
            await CloseAsync(socket, null, SensorCloseCodes.PairingEnded, "pairing ended").ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, replaced, _serverStopping);
        var buffer = new byte[SensorFrameFormat.MaxFrameBytes];
        var samples = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];
        var idle = TimeSpan.FromSeconds(options.IdleTimeoutSeconds);
        var maxBadInARow = Math.Max(1, options.MaxConsecutiveRejectedFrames);
        var windowStart = _time.GetTimestamp();
        var framesInWindow = 0;
        var badInARow = 0;
        var lastStatus = 0L;
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        var closeReason = "bye";
        Task<Message>? pending = null;

        try
        {
            await SendStatusAsync(socket, session, _serverRun).ConfigureAwait(false);
            lastStatus = _time.GetTimestamp();
            while (socket.State == WebSocketState.Open)
            {
                pending = ReadMessageAsync(socket, buffer, options.MaxDiscardedMessageBytes);
                Message message;
                try
                {
                    message = await pending.WaitAsync(idle, _time, stop.Token).ConfigureAwait(false);
                    pending = null;
                }
                catch (TimeoutException)
                {
                    (closeStatus, closeReason) = (WebSocketCloseStatus.NormalClosure, "idle: nothing received for a while");
                    break;
                }
                catch (OperationCanceledException)
                {
                    (closeStatus, closeReason) = _serverStopping.IsCancellationRequested
                        ? (WebSocketCloseStatus.EndpointUnavailable, "server stopping")
                        : session.IsClosed
                            ? (SensorCloseCodes.PairingEnded, "pairing ended")
                            : replaced.IsCancellationRequested
                                ? (SensorCloseCodes.Replaced, "replaced by a newer connection")
                                : (WebSocketCloseStatus.NormalClosure, "connection aborted");
                    break;
                }

                if (message.Kind == MessageKind.Close)
                {
                    closeReason = "closed by the phone";
                    break;
                }

                if (message.Kind == MessageKind.Abusive)
                {
                    session.Rejections.Add(FrameRejection.TooLarge);
                    (closeStatus, closeReason) = (WebSocketCloseStatus.MessageTooBig, "message too big");
                    break;
                }

                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(windowStart, now) >= TimeSpan.FromSeconds(1))
                {
                    windowStart = now;
                    framesInWindow = 0;
                }

                var rejection = FrameRejection.None;
                if (++framesInWindow > options.MaxFramesPerSecond)
                {
                    session.Rejections.Add(FrameRejection.RateLimited); // dropped unread: not judged bad or good
                }
                else
                {
                    rejection = message.Kind switch
                    {
                        MessageKind.Oversized => FrameRejection.TooLarge,
                        MessageKind.Text => FrameRejection.NotBinary,
                        _ => session.Receive(connection, buffer.AsSpan(0, message.Length), samples),
                    };
                    if (message.Kind != MessageKind.Binary)
                    {
                        session.Rejections.Add(rejection);
                    }

                    if (rejection != FrameRejection.None)
                    {
                        LogRejected(session.Id, rejection);
                    }

                    badInARow = rejection == FrameRejection.None ? 0 : badInARow + 1;
                    if (badInARow >= maxBadInARow)
                    {
                        (closeStatus, closeReason) = (WebSocketCloseStatus.PolicyViolation, $"{badInARow} bad frames in a row");
                        break;
                    }
                }

                if (_time.GetElapsedTime(lastStatus, now) >= TimeSpan.FromSeconds(1))
                {
                    lastStatus = now;
                    await SendStatusAsync(socket, session, _serverRun).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The network went (or a send timed out): nobody is left to tell.
            LogSocketFailed(session.Id, ex is WebSocketException wse ? wse.WebSocketErrorCode : WebSocketError.Faulted);
            closeReason = "connection lost";
        }
        finally
        {
            session.Disconnect(connection);
            await CloseAsync(socket, pending, closeStatus, closeReason).ConfigureAwait(false);
            LogClosed(session.Id, (int)closeStatus, closeReason);
        }
    }

    private enum MessageKind { Binary, Text, Close, Oversized, Abusive }

    private readonly record struct Message(MessageKind Kind, int Length);

    /// <summary>
    /// Reads one whole message into <paramref name="buffer"/>. A longer message is read on (over the
    /// same buffer) and thrown away, so the connection can continue, unless it exceeds the buffer by
    /// more than <paramref name="maxDiscard"/> bytes.
    /// </summary>
    private static async Task<Message> ReadMessageAsync(WebSocket socket, byte[] buffer, int maxDiscard)
    {
        var length = 0;
        long total = 0;
        var overflow = false;
        while (true)
        {
            var target = overflow ? buffer.AsMemory() : buffer.AsMemory(length);
            if (target.IsEmpty)
            {
                overflow = true;
                target = buffer.AsMemory();
            }

            // Never cancelled: cancelling a receive aborts the socket (the phone would see 1006, no reason).
            var result = await socket.ReceiveAsync(target, CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new Message(MessageKind.Close, 0);
            }

            total += result.Count;
            if (!overflow)
            {
                length += result.Count;
            }

            if (total > buffer.Length + (long)maxDiscard)
            {
                return new Message(MessageKind.Abusive, 0);
            }

            if (result.EndOfMessage)
            {
                if (total > buffer.Length)
                {
                    return new Message(MessageKind.Oversized, 0);
                }

                return new Message(result.MessageType == WebSocketMessageType.Text ? MessageKind.Text : MessageKind.Binary, length);
            }
        }
    }

    private static async Task SendStatusAsync(WebSocket socket, SensorSession session, string serverRun)
    {
        var status = session.GetStatus();
        var message = new PhoneStatusMessage(
            "status",
            status.ExerciseName,
            status.PlacementText,
            status.FramesAccepted,
            status.FramesRejected,
            status.LostFrames,
            status.SamplingRateHz,
            status.KeepFromPhoneSeconds,
            serverRun,
            status.KeepFromStreamId);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        // A phone that takes nothing for this long is gone; the timeout aborts the socket.
        using var timeout = new CancellationTokenSource(SendTimeout);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the connection the proper way: sends a close frame with the status and reason (or answers the
    /// phone's), then waits briefly for the phone's close frame, reading through <paramref name="pending"/>
    /// when a receive is still running. Only a phone that does not answer gets its socket aborted.
    /// </summary>
    private static async Task CloseAsync(WebSocket socket, Task<Message>? pending, WebSocketCloseStatus status, string reason)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
                await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            }

            if (socket.State == WebSocketState.CloseSent)
            {
                pending ??= DrainUntilCloseAsync(socket);
                await pending.WaitAsync(CloseHandshakeTimeout).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or TimeoutException)
        {
            // The peer is gone or silent; nothing left to tell it.
        }

        if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            socket.Abort();
        }
    }

    private static async Task<Message> DrainUntilCloseAsync(WebSocket socket)
    {
        var scratch = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(scratch, CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new Message(MessageKind.Close, 0);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sensor session {SessionId}: frame rejected ({Reason})")]
    private partial void LogRejected(string sessionId, FrameRejection reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor session {SessionId}: phone connection failed ({Error})")]
    private partial void LogSocketFailed(string sessionId, WebSocketError error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor session {SessionId}: phone connection ended with {Status} ({Reason})")]
    private partial void LogClosed(string sessionId, int status, string reason);
}

/// <summary>The JSON the server sends the phone page about once a second.</summary>
/// <param name="Type">Always "status".</param>
/// <param name="Exercise">Name of the current exercise, or null.</param>
/// <param name="Placement">Where to strap the phone, in plain words.</param>
/// <param name="FramesAccepted">Frames the server has taken.</param>
/// <param name="FramesRejected">Frames the server refused.</param>
/// <param name="LostFrames">Frames that never arrived.</param>
/// <param name="SamplingRateHz">The phone's sampling rate as the server measured it from the frames' timestamps, or null until measured.</param>
/// <param name="KeepFromSeconds">
/// The phone keeps the samples it sent from this time of its stream on (seconds), and sends them again after a
/// reconnection to a restarted server; null: nothing counted yet, keep what the page's limit allows.
/// </param>
/// <param name="KeepFromStream">
/// The stream id whose clock <paramref name="KeepFromSeconds"/> is on: a page with another stream id (it was loaded
/// again) leaves the time alone; a page that does not know this field applies the time whatever its stream.
/// </param>
/// <param name="ServerRun">
/// Random per server process. The first message on every connection carries it, and the page sends nothing
/// before it: when it differs from the one seen before, the server restarted (or crashed) and the page sends
/// its kept samples again first.
/// </param>
public sealed record PhoneStatusMessage(
    string Type, string? Exercise, string Placement, long FramesAccepted, long FramesRejected, long LostFrames, double? SamplingRateHz,
    double? KeepFromSeconds = null, string? ServerRun = null, uint? KeepFromStream = null);

/// <summary>
/// Close statuses the server ends a phone's WebSocket with (besides the standard ones: 1000 the phone
/// closed or went silent, 1001 the server is stopping, 1008 too many bad frames in a row, 1009 a
/// message far beyond the size limit). The 4000 range is for applications (RFC 6455, 7.4.2).
/// </summary>
public static class SensorCloseCodes
{
    /// <summary>4000: the pairing was closed on the server (session stopped, another sensor, evicted); do not retry, pair again.</summary>
    public const WebSocketCloseStatus PairingEnded = (WebSocketCloseStatus)4000;

    /// <summary>4001: a newer connection with the same pairing took over (another phone, or another tab).</summary>
    public const WebSocketCloseStatus Replaced = (WebSocketCloseStatus)4001;
}
