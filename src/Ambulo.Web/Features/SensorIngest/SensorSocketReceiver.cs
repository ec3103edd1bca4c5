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
/// </summary>
public sealed partial class SensorSocketReceiver
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SensorIngestOptions> _options;
    private readonly ILogger<SensorSocketReceiver> _logger;

    public SensorSocketReceiver(TimeProvider time, IOptionsMonitor<SensorIngestOptions> options, ILogger<SensorSocketReceiver> logger)
    {
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Runs until the phone closes, goes silent, is replaced, or <paramref name="aborted"/> fires.</summary>
    public async Task RunAsync(WebSocket socket, SensorSession session, CancellationToken aborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(session);
        var options = _options.CurrentValue;
        if (!session.TryConnect(out var connection, out var replaced))
        {
            await CloseQuietlyAsync(socket, WebSocketCloseStatus.EndpointUnavailable, "session closed").ConfigureAwait(false);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, replaced);
        var buffer = new byte[SensorFrameFormat.MaxFrameBytes];
        var samples = new ImuSample[SensorFrameFormat.MaxSamplesPerFrame];
        var idle = TimeSpan.FromSeconds(options.IdleTimeoutSeconds);
        var windowStart = _time.GetTimestamp();
        var framesInWindow = 0;
        var lastStatus = 0L;
        var closeStatus = WebSocketCloseStatus.NormalClosure;
        var closeReason = "bye";

        try
        {
            await SendStatusAsync(socket, session, stop.Token).ConfigureAwait(false);
            lastStatus = _time.GetTimestamp();
            while (socket.State == WebSocketState.Open)
            {
                using var idleCancel = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                idleCancel.CancelAfter(idle);
                var message = await ReadMessageAsync(socket, buffer, options.MaxDiscardedMessageBytes, idleCancel.Token).ConfigureAwait(false);
                if (message.Kind == MessageKind.Close)
                {
                    break;
                }

                if (message.Kind == MessageKind.Abusive)
                {
                    session.Rejections.Add(FrameRejection.TooLarge);
                    closeStatus = WebSocketCloseStatus.MessageTooBig;
                    closeReason = "message too big";
                    break;
                }

                var now = _time.GetTimestamp();
                if (_time.GetElapsedTime(windowStart, now) >= TimeSpan.FromSeconds(1))
                {
                    windowStart = now;
                    framesInWindow = 0;
                }

                if (++framesInWindow > options.MaxFramesPerSecond)
                {
                    session.Rejections.Add(FrameRejection.RateLimited);
                }
                else if (message.Kind == MessageKind.Oversized)
                {
                    session.Rejections.Add(FrameRejection.TooLarge);
                }
                else if (message.Kind == MessageKind.Text)
                {
                    session.Rejections.Add(FrameRejection.NotBinary);
                }
                else
                {
                    var rejection = session.Receive(connection, buffer.AsSpan(0, message.Length), samples);
                    if (rejection != FrameRejection.None)
                    {
                        LogRejected(session.Id, rejection);
                    }
                }

                if (_time.GetElapsedTime(lastStatus, now) >= TimeSpan.FromSeconds(1))
                {
                    lastStatus = now;
                    await SendStatusAsync(socket, session, stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            closeStatus = replaced.IsCancellationRequested ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.EndpointUnavailable;
            closeReason = replaced.IsCancellationRequested ? "replaced by a newer connection" : aborted.IsCancellationRequested ? "server stopping" : "idle";
        }
        catch (WebSocketException ex)
        {
            LogSocketFailed(session.Id, ex.WebSocketErrorCode);
        }
        finally
        {
            session.Disconnect(connection);
            await CloseQuietlyAsync(socket, closeStatus, closeReason).ConfigureAwait(false);
            LogClosed(session.Id, closeReason);
        }
    }

    private enum MessageKind { Binary, Text, Close, Oversized, Abusive }

    private readonly record struct Message(MessageKind Kind, int Length);

    /// <summary>
    /// Reads one whole message into <paramref name="buffer"/>. A longer message is read on (over the
    /// same buffer) and thrown away, so the connection can continue, unless it exceeds the buffer by
    /// more than <paramref name="maxDiscard"/> bytes.
    /// </summary>
    private static async Task<Message> ReadMessageAsync(WebSocket socket, byte[] buffer, int maxDiscard, CancellationToken cancel)
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

            var result = await socket.ReceiveAsync(target, cancel).ConfigureAwait(false);
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

    private static async Task SendStatusAsync(WebSocket socket, SensorSession session, CancellationToken cancel)
    {
        var status = session.GetStatus();
        var message = new PhoneStatusMessage(
            "status",
            status.ExerciseName,
            status.PlacementText,
            status.FramesAccepted,
            status.FramesRejected,
            status.LostFrames,
            status.SamplingRateHz);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancel).ConfigureAwait(false);
    }

    private static async Task CloseQuietlyAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone already; nothing left to tell it.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sensor session {SessionId}: frame rejected ({Reason})")]
    private partial void LogRejected(string sessionId, FrameRejection reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor session {SessionId}: phone connection failed ({Error})")]
    private partial void LogSocketFailed(string sessionId, WebSocketError error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sensor session {SessionId}: phone connection ended ({Reason})")]
    private partial void LogClosed(string sessionId, string reason);
}

/// <summary>The JSON the server sends the phone page about once a second.</summary>
/// <param name="Type">Always "status".</param>
/// <param name="Exercise">Name of the current exercise, or null.</param>
/// <param name="Placement">Where to strap the phone, in plain words.</param>
/// <param name="FramesAccepted">Frames the server has taken.</param>
/// <param name="FramesRejected">Frames the server refused.</param>
/// <param name="LostFrames">Frames that never arrived.</param>
/// <param name="SamplingRateHz">The phone's sampling rate as the server measured it from the frames' timestamps, or null until measured.</param>
public sealed record PhoneStatusMessage(
    string Type, string? Exercise, string Placement, long FramesAccepted, long FramesRejected, long LostFrames, double? SamplingRateHz);
