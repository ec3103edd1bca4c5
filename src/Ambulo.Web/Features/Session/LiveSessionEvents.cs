using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ambulo.Web.Features.Session;

internal enum SessionUpdateKind { RepetitionCounted, StateChanged }

internal sealed record SessionUpdate(int SessionId, SessionUpdateKind Kind, RepetitionOutcome? Repetition);

/// <summary>
/// Tells open screens about a session's changes the moment they are stored (all sources and all tabs
/// showing the same session). In-process only: the database stays the truth, screens re-read it.
/// </summary>
/// <remarks>
/// Publishing only queues the update for each screen and returns: a screen never holds up the source that
/// counted. A screen can take a long time to answer, or never answer: a page that was awaiting a call into
/// a browser that has just refreshed waits for Blazor's JavaScript timeout (a minute). When the publisher
/// awaited the screens, the simulator (and any sensor) stood still that long and a refreshed set never
/// ended. Each screen has its own queue, taken in order and one update at a time.
/// </remarks>
internal sealed class LiveSessionEvents(ILogger<LiveSessionEvents> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscriber> _subscribers = new();

    /// <summary>
    /// Calls <paramref name="handler"/> with each update of the session, in the order they were published,
    /// never two at once. Disposing the result stops the calls; updates still queued are dropped.
    /// </summary>
    public IDisposable Subscribe(int sessionId, Func<SessionUpdate, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var id = Guid.NewGuid();
        var subscriber = new Subscriber(sessionId, handler, logger);
        _subscribers[id] = subscriber;
        return new Subscription(() =>
        {
            if (_subscribers.TryRemove(id, out var removed))
            {
                removed.Close();
            }
        });
    }

    /// <summary>Queues the update for every screen of its session and returns at once.</summary>
    public void Publish(SessionUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var (_, subscriber) in _subscribers)
        {
            if (subscriber.SessionId == update.SessionId)
            {
                subscriber.Enqueue(update);
            }
        }
    }

    private static readonly Action<ILogger, int, Exception?> HandlerFailed =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(1, "SessionSubscriberFailed"), "A screen of session {SessionId} failed to take an update");

    /// <summary>One screen: its queue and the loop that hands it the updates.</summary>
    private sealed class Subscriber
    {
        private readonly Channel<SessionUpdate> _queue = Channel.CreateUnbounded<SessionUpdate>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Func<SessionUpdate, Task> _handler;
        private readonly ILogger _logger;
        private volatile bool _closed;

        public Subscriber(int sessionId, Func<SessionUpdate, Task> handler, ILogger logger)
        {
            SessionId = sessionId;
            _handler = handler;
            _logger = logger;
            _ = Task.Run(PumpAsync, CancellationToken.None);
        }

        public int SessionId { get; }

        public void Enqueue(SessionUpdate update) => _queue.Writer.TryWrite(update);

        public void Close()
        {
            _closed = true;
            _queue.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            await foreach (var update in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (_closed)
                {
                    return;
                }

                try
                {
                    await _handler(update).ConfigureAwait(false);
                }
#pragma warning disable CA1031 // One broken screen must not stop its own later updates, nor anyone else.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    HandlerFailed(_logger, update.SessionId, ex);
                }
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
