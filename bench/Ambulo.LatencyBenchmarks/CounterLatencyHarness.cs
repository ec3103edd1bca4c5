using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Session;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ambulo.LatencyBenchmarks;

/// <summary>
/// Runs the real app in-process on Kestrel, opens the exercise screen in headless Chromium, replays a
/// synthetic recording of many repetitions through the real motion pipeline, and times every
/// repetition from the moment the pipeline's online counter emits it (server clock, via the
/// pipeline's <see cref="PipelineTelemetry"/> activity) to the moment the counter's DOM text changes
/// (a MutationObserver in the page, browser clock). Both clocks are the same machine's wall clock;
/// their offset is measured before and after the run and subtracted.
/// </summary>
internal static class CounterLatencyHarness
{
    /// <summary>Installed before any page script: records every change of the counter's text, and when Blazor's circuit is live.</summary>
    private const string PageProbe = """
        (() => {
            const now = () => performance.timeOrigin + performance.now();
            window.__counterChanges = [];
            let last = null;
            const check = () => {
                const el = document.querySelector('[data-testid=rep-count]');
                if (!el) return;
                const text = el.textContent.trim();
                if (text === last) return;
                last = text;
                const change = { text, domMs: now(), frameMs: null };
                window.__counterChanges.push(change);
                requestAnimationFrame(() => { change.frameMs = now(); });
            };
            new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
            // ambulo.listenForSpaceBar is called from the first interactive render: the circuit is live.
            let helpers;
            Object.defineProperty(window, 'ambulo', {
                configurable: true,
                get() { return helpers; },
                set(value) {
                    const listen = value.listenForSpaceBar;
                    value.listenForSpaceBar = function (...args) { window.__circuitLive = true; return listen.apply(this, args); };
                    helpers = value;
                },
            });
        })();
        """;

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    ];

    public static async Task<LatencyReport> RunAsync(HarnessOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var dataFolder = Directory.CreateTempSubdirectory("ambulo-latency").FullName;
        var emitted = new ConcurrentDictionary<Activity, double>();
        var done = new ConcurrentQueue<(int Number, double EmittedMs, double ServerMs, double StoredMs)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PipelineTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => emitted[activity] = ServerNowMs(),
            ActivityStopped = activity =>
            {
                if (emitted.TryRemove(activity, out var start) && activity.GetTagItem(PipelineTelemetry.NumberInSetTag) is int number)
                {
                    var stored = activity.Events.FirstOrDefault(e => e.Name == SessionEngine.StoredEvent);
                    var storedMs = stored.Name is null ? double.NaN : (stored.Timestamp.UtcDateTime - DateTime.UnixEpoch).TotalMilliseconds - start;
                    done.Enqueue((number, start, ServerNowMs() - start, storedMs));
                }
            },
        };

        // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the working folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var factory = new AppFactory(dataFolder, options.TimeScale);
        try
        {
            factory.UseKestrel(0);
            factory.StartServer();
            var services = factory.Services;
            var total = options.Warmup + options.Repetitions;
            var (sessionId, recording) = await PrepareSessionAsync(services, total, options.Seed, options.WriteAheadLog);
            await log.WriteLineAsync($"session {sessionId}: replaying {total} repetitions ({recording.DurationSeconds * options.TimeScale:0} s at time scale {options.TimeScale})");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = options.ChromiumPath, Headless = true, Args = ChromiumArgs });
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 720 } });
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(PageProbe);
            await page.GotoAsync(new Uri(factory.ClientOptions.BaseAddress, $"/session/{sessionId}").ToString());
            await page.WaitForFunctionAsync("() => window.__circuitLive === true", null, new() { Timeout = 30_000 });

            var before = await MeasureClockOffsetAsync(page);
            ActivitySource.AddActivityListener(listener);
            using (var file = new MemoryStream(Encoding.UTF8.GetBytes(RecordingCsv.Format(recording))))
            {
                var started = await services.GetRequiredService<ReplayRunner>().StartAsync(sessionId, file, CancellationToken.None);
                if (!started.Started)
                {
                    throw new InvalidOperationException(started.Message);
                }
            }

            var lastText = total.ToString(CultureInfo.InvariantCulture);
            var timeout = (float)((recording.DurationSeconds * options.TimeScale * 1000) + 60_000);
            try
            {
                await page.WaitForFunctionAsync("t => window.__counterChanges.some(c => c.text === t && c.frameMs !== null)", lastText, new() { Timeout = timeout, PollingInterval = 250 });
            }
            catch (TimeoutException)
            {
                await log.WriteLineAsync($"the counter did not reach {lastText} in time; reporting what was seen");
            }

            await Task.Delay(500);
            var after = await MeasureClockOffsetAsync(page);
            var changes = await ReadChangesAsync(page);
            var offset = (before.OffsetMs + after.OffsetMs) / 2;

            var byNumber = done.ToDictionary(d => d.Number);
            var toDom = new List<double>();
            var toFrame = new List<double>();
            var server = new List<double>();
            var stored = new List<double>();
            var missed = 0;
            for (var number = options.Warmup + 1; number <= total; number++)
            {
                var text = number.ToString(CultureInfo.InvariantCulture);
                var change = changes.FirstOrDefault(c => c.Text == text);
                if (!byNumber.TryGetValue(number, out var emission) || change is null)
                {
                    missed++;
                    continue;
                }

                toDom.Add(change.DomMs - offset - emission.EmittedMs);
                if (change.FrameMs is { } frame)
                {
                    toFrame.Add(frame - offset - emission.EmittedMs);
                }

                server.Add(emission.ServerMs);
                stored.Add(emission.StoredMs);
            }

            await context.CloseAsync();
            return new LatencyReport(options, toDom, toFrame, server, stored, missed, offset,
                Math.Max(before.UncertaintyMs, after.UncertaintyMs), after.OffsetMs - before.OffsetMs, Machine());
        }
        finally
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static double ServerNowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>
    /// A session at the demo program's first exercise, made one long set (so the counter stays on the
    /// screen for every repetition), and a labelled synthetic recording of that exercise.
    /// </summary>
    private static async Task<(int SessionId, SensorRecording Recording)> PrepareSessionAsync(IServiceProvider services, int repetitions, int seed, bool writeAheadLog)
    {
        var engine = services.GetRequiredService<SessionEngine>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AmbuloDbContext>>();
        int patientId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            patientId = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var sessionId = await engine.StartOrResumeAsync(patientId, CancellationToken.None);
        var view = await engine.GetAsync(sessionId, CancellationToken.None) ?? throw new InvalidOperationException("no session");
        var exercise = view.Exercise ?? throw new InvalidOperationException("the demo program has no exercise to do");
        var plan = services.GetRequiredService<TrackingPlans>().For(exercise.ExerciseId);
        if (!plan.IsCountable)
        {
            throw new InvalidOperationException($"{exercise.ExerciseId} cannot be counted by a sensor: {plan.NotCountableReason}");
        }

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            if (writeAheadLog)
            {
                // Experiment only: the app itself keeps SQLite's default rollback journal.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var planned = await db.PlannedExercises.FirstAsync(p => p.Id == exercise.PlannedExerciseId);
            planned.Sets = 1;
            planned.RepetitionsPerSet = repetitions + 10;
            await db.SaveChangesAsync();
        }

        var simulated = RepetitionSimulator.Simulate(plan.Simulation with { Repetitions = repetitions, Seed = seed });
        return (sessionId, simulated.Recording);
    }

    private sealed record ClockOffset(double OffsetMs, double UncertaintyMs);

    /// <summary>Browser clock minus server clock, from the round trip with the smallest delay (NTP-style).</summary>
    private static async Task<ClockOffset> MeasureClockOffsetAsync(IPage page)
    {
        var best = new ClockOffset(0, double.PositiveInfinity);
        for (var i = 0; i < 30; i++)
        {
            var sent = ServerNowMs();
            var browserMs = await page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
            var received = ServerNowMs();
            var half = (received - sent) / 2;
            if (half < best.UncertaintyMs)
            {
                best = new ClockOffset(browserMs - (sent + half), half);
            }
        }

        return best;
    }

    private sealed record CounterChange(string Text, double DomMs, double? FrameMs);

    private static async Task<IReadOnlyList<CounterChange>> ReadChangesAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.__counterChanges");
        return json.EnumerateArray()
            .Select(c => new CounterChange(
                c.GetProperty("text").GetString() ?? "",
                c.GetProperty("domMs").GetDouble(),
                c.GetProperty("frameMs").ValueKind == JsonValueKind.Number ? c.GetProperty("frameMs").GetDouble() : null))
            .ToList();
    }

    private static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }

        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {load} at the end";
    }

    private sealed class AppFactory(string dataFolder, double timeScale) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Ambulo:DataFolder", dataFolder);
            builder.UseSetting("Ambulo:Replay:TimeScale", timeScale.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
