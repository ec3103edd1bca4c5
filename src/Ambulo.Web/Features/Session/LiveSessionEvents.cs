using System.Collections.Concurrent;

namespace Ambulo.Web.Features.Session;

internal enum SessionUpdateKind { RepetitionCounted, StateChanged }

internal sealed record SessionUpdate(int SessionId, SessionUpdateKind Kind, RepetitionOutcome? Repetition);

/// <summary>
/// Tells open screens about a session's changes the moment they are stored (all sources and all tabs
/// showing the same session). In-process only: the database stays the truth, screens re-read it.
/// </summary>
internal sealed class LiveSessionEvents(ILogger<LiveSessionEvents> logger)
{
    private readonly ConcurrentDictionary<Guid, (int SessionId, Func<SessionUpdate, Task> Handler)> _subscribers = new();

    public IDisposable Subscribe(int sessionId, Func<SessionUpdate, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers[id] = (sessionId, handler);
        return new Subscription(() => _subscribers.TryRemove(id, out _));
    }

    public async Task PublishAsync(SessionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var (_, (sessionId, handler)) in _subscribers)
        {
            if (sessionId != update.SessionId)
            {
                continue;
            }

            try
            {
                await handler(update);
            }
#pragma warning disable CA1031 // One broken screen must not stop the others, nor the source that counted.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex, update.SessionId);
            }
        }
    }

    private static readonly Action<ILogger, int, Exception?> HandlerFailed =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(1, "SessionSubscriberFailed"), "A screen of session {SessionId} failed to take an update");

    private static void LogHandlerFailed(ILogger logger, Exception ex, int sessionId) => HandlerFailed(logger, sessionId, ex);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
