using System.Globalization;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Simulation;
using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using TrackingPlans = Ambulo.Web.Features.Sensors.TrackingPlans;
using SessionEngine = Ambulo.Web.Features.Session.SessionEngine;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// Replaying a recording file: the person starts today's session, chooses "Replay a recording file",
/// uploads a labelled recording of the current exercise and watches the counter reach the number of
/// repetitions the file's <c># true_count</c> label says it holds.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReplaySessionJourney(BrowserFixture browser) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ambulo-replay-journey").FullName;

    [Fact]
    public async Task ReplaySession_UploadLabelledRecording_CounterReachesTheLabelledCount()
    {
        await using var app = new AppServer(replayTimeScale: 0.2);
        var page = await browser.NewPageAsync();
        var session = await SessionPage.StartTodayAsync(page, app.Url("/"));
        var sessionId = int.Parse(page.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        var file = await WriteRecordingOfCurrentExerciseAsync(app, sessionId);

        // What the file says it holds, read back from the file itself.
        var expected = int.Parse(RecordingCsv.ReadFile(file).Recording.Metadata.Label("true_count")!, CultureInfo.InvariantCulture);

        await session.ConnectSensor.ClickAsync();
        var sensors = new ConnectSensorPage(page);
        await sensors.Heading.WaitForAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await sensors.ReplayFile.SetInputFilesAsync(file);

        await session.WaitForExerciseAsync();
        (await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Sensor: Replay" }).IsVisibleAsync()).ShouldBeTrue();
        await session.WaitForCountAsync(expected, timeoutMs: 30_000);
        await session.SaveScreenshotAsync("exercise-screen-replay.png");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The replay is over and nothing more is counted than the file holds.
        await Task.Delay(500);
        (await session.CountAsync()).ShouldBe(expected);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A synthetic labelled recording of the session's current exercise, with fewer repetitions than
    /// the set asks for (so the counter stays on screen rather than giving way to the rest).
    /// </summary>
    private async Task<string> WriteRecordingOfCurrentExerciseAsync(AppServer app, int sessionId)
    {
        var view = await app.Services.GetRequiredService<SessionEngine>().GetAsync(sessionId, CancellationToken.None);
        var exercise = view!.Exercise!;
        var plan = app.Services.GetRequiredService<TrackingPlans>().For(exercise.ExerciseId);
        plan.IsCountable.ShouldBeTrue($"the first demo exercise ({exercise.ExerciseId}) must be one a sensor can count");
        var repetitions = Math.Clamp(exercise.RepetitionsPerSet - 1, 1, 5);
        var simulated = RepetitionSimulator.Simulate(plan.Simulation with { Repetitions = repetitions, Seed = 2026 });
        var path = Path.Combine(_folder, $"{exercise.ExerciseId}-{repetitions}-repetitions.csv");
        RecordingCsv.WriteFile(path, simulated.Recording);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
