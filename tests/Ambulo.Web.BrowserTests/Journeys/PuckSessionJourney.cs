using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// A person with no sensor: starts today's session, counts with the on-screen puck (mouse and space
/// bar), refreshes mid-set, carries on, rates the effort, stops and sees the history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PuckSessionJourney(BrowserFixture browser)
{
    [Fact]
    public async Task PuckSession_PressesRefreshAndRating_CounterHistoryAndAxeAllAgree()
    {
        await using var app = new AppServer();
        var page = await browser.NewPageAsync();
        var session = await SessionPage.StartTodayAsync(page, app.Url("/"));
        (await session.CountAsync()).ShouldBe(0);
        (await session.Stop.IsVisibleAsync()).ShouldBeTrue();
        (await session.Counter.GetAttributeAsync("aria-live")).ShouldBe("polite");
        var exerciseName = await session.Heading.InnerTextAsync();

        await session.PressPuckAsync(3);
        await session.PressSpaceBarAsync(2);
        await session.WaitForCountAsync(5);
        await session.SaveScreenshotAsync("exercise-screen-puck.png");
        await page.ShouldHaveNoAxeViolationsAsync();

        // A refresh mid-set resumes exactly where the session stood.
        await page.ReloadAsync();
        await session.WaitForExerciseAsync();
        await session.WaitForCountAsync(5);
        (await session.Heading.InnerTextAsync()).ShouldBe(exerciseName);
        await session.PressPuckAsync(1);
        await session.WaitForCountAsync(6);

        await session.DoneEnough.ClickAsync();
        await session.FeelFine.WaitForAsync();
        (await session.FeelFine.IsDisabledAsync()).ShouldBeTrue("an effort must be chosen before saying all is well");
        await page.ShouldHaveNoAxeViolationsAsync();
        await session.RateAsync(4, painOrDizziness: false);

        // The next exercise (or the end of the program) follows; stop there.
        await Assertions.Expect(session.Heading).Not.ToHaveTextAsync($"How hard was {exerciseName}?");
        await session.Stop.ClickAsync();
        await Assertions.Expect(session.Heading).ToHaveTextAsync("You stopped");
        await page.ShouldHaveNoAxeViolationsAsync();

        var history = await new HistoryPage(page).OpenAsync(app.Url("/history"));
        (await history.TodayRow.InnerTextAsync()).ShouldEndWith("6");
        (await history.BestRows.CountAsync()).ShouldBe(1);
        (await history.BestRows.First.InnerTextAsync()).ShouldContain(exerciseName);
        // The streak counts days with the daily goal met (docs/program-rules.md): six repetitions (60 points)
        // are not yet today's goal, so the streak has not started, and the page says how far today has come.
        (await history.Streak.InnerTextAsync()).ShouldBe("0 days");
        (await page.GetByTestId("daily-goal").InnerTextAsync()).ShouldStartWith("Today: 60 of ");
        await page.ShouldHaveNoAxeViolationsAsync();

        var home = await new HomePage(page).OpenAsync(app.Url("/"));
        (await home.ProgramCards.First.InnerTextAsync()).ShouldContain("Done");
        await page.Context.CloseAsync();
    }
}
