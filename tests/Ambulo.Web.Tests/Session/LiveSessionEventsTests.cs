using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Session;

/// <summary>
/// Open screens are told about a session's changes, but a screen never holds up the source that counts.
/// The screen that never answers stands for the one seen in the browser journey: the patient refreshed
/// while the old page was awaiting its "cheer" in the browser, the browser dropped the page, and that call
/// waited for Blazor's one-minute JavaScript timeout while the simulator waited for it.
/// </summary>
public sealed class LiveSessionEventsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly AmbuloAppFactory _factory = new(settings: new Dictionary<string, string> { ["Ambulo:Simulator:TempoScale"] = "0.05" });

    private LiveSessionEvents Events => _factory.Services.GetRequiredService<LiveSessionEvents>();

    private SessionEngine Engine => _factory.Services.GetRequiredService<SessionEngine>();

    /// <summary>A screen whose browser went away in the middle of an update: its handler never finishes.</summary>
    private static Task NeverAnswers(SessionUpdate update) => new TaskCompletionSource().Task;

    private static async Task<HttpResponseMessage> CountAsync(HttpClient client, int sessionId) =>
        await client.PostAsJsonAsync(new Uri($"/api/sessions/{sessionId}/repetitions", UriKind.Relative), new { source = "puck", rangeOfMotionDegrees = (double?)null });

    private async Task<SessionView> WaitForAsync(int sessionId, Func<SessionView, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        var view = await Engine.GetAsync(sessionId, CancellationToken.None);
        while (!condition(view!) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            view = await Engine.GetAsync(sessionId, CancellationToken.None);
        }

        return view!;
    }

    [Fact]
    public async Task Simulator_AScreenThatNeverAnswers_TheSetStillEnds()
    {
        var session = await _factory.StartSessionAsync();
        await Engine.SetSensorSourceAsync(session.SessionId, SensorSources.Simulator, CancellationToken.None);
        using var stuck = Events.Subscribe(session.SessionId, NeverAnswers);
        var simulator = _factory.Services.GetRequiredService<SimulatorRunner>();

        simulator.Start(session.SessionId);
        var view = await WaitForAsync(session.SessionId, v => v.Phase != SessionPhase.Exercising);
        simulator.Stop(session.SessionId);

        view.Phase.ShouldBe(SessionPhase.Resting, $"the simulated set should end with the rest; it stood at {view.RepetitionsInSet} of {session.Exercise!.RepetitionsPerSet}");
        view.RepetitionsInSet.ShouldBe(session.Exercise.RepetitionsPerSet);
    }

    [Fact]
    public async Task CountRepetition_OneScreenNeverAnswers_CountingGoesOnAndTheOtherScreenGetsEveryRepetitionInOrder()
    {
        var session = await _factory.StartSessionAsync();
        var seen = new ConcurrentQueue<int>();
        using var stuck = Events.Subscribe(session.SessionId, NeverAnswers);
        using var live = Events.Subscribe(session.SessionId, update =>
        {
            if (update.Repetition is { Counted: true } repetition)
            {
                seen.Enqueue(repetition.Number);
            }

            return Task.CompletedTask;
        });
        using var client = _factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await CountAsync(client, session.SessionId).WaitAsync(Patience);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var deadline = DateTime.UtcNow + Patience;
        while (seen.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        seen.ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Subscribe_UpdatesOfOneSession_ArriveOneAtATimeInTheOrderTheyWereStored()
    {
        // Each screen takes its updates in order and one at a time (its handler re-reads the session), even
        // when the handler is slower than the counting.
        var session = await _factory.StartSessionAsync();
        var seen = new ConcurrentQueue<int>();
        var running = 0;
        var overlapped = false;
        using var slow = Events.Subscribe(session.SessionId, async update =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(20);
            if (update.Repetition is { Counted: true } repetition)
            {
                seen.Enqueue(repetition.Number);
            }

            Interlocked.Decrement(ref running);
        });
        var perSet = session.Exercise!.RepetitionsPerSet;

        await Task.WhenAll(Enumerable.Range(0, perSet).Select(_ => Engine.CountRepetitionAsync(session.SessionId, SensorSources.Puck, null, CancellationToken.None)));

        var deadline = DateTime.UtcNow + Patience;
        while (seen.Count < perSet && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        seen.ShouldBe(Enumerable.Range(1, perSet));
        overlapped.ShouldBeFalse("a screen's handler ran twice at once");
    }

    [Fact]
    public async Task Subscribe_AfterTheScreenIsDisposed_ItIsToldNothingMore()
    {
        var session = await _factory.StartSessionAsync();
        var told = 0;
        var subscription = Events.Subscribe(session.SessionId, _ =>
        {
            Interlocked.Increment(ref told);
            return Task.CompletedTask;
        });
        using var after = new CountingScreen(Events, session.SessionId);

        subscription.Dispose();
        await Engine.CountRepetitionAsync(session.SessionId, SensorSources.Puck, null, CancellationToken.None);
        await after.WaitForAsync(1, Patience);

        told.ShouldBe(0);
        after.Count.ShouldBe(1);
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A screen that counts what it is told (used to know an update has gone round).</summary>
    private sealed class CountingScreen : IDisposable
    {
        private readonly IDisposable _subscription;
        private int _count;

        public CountingScreen(LiveSessionEvents events, int sessionId) =>
            _subscription = events.Subscribe(sessionId, _ =>
            {
                Interlocked.Increment(ref _count);
                return Task.CompletedTask;
            });

        public int Count => Volatile.Read(ref _count);

        public async Task WaitForAsync(int count, TimeSpan patience)
        {
            var deadline = DateTime.UtcNow + patience;
            while (Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        public void Dispose() => _subscription.Dispose();
    }
}
