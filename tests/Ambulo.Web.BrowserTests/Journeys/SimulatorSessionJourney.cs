using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// The demo with no hardware: the built-in simulator performs the exercise; the person watches the
/// counter, refreshes mid-set, rests, finishes both sets, rates the effort and sees the history.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimulatorSessionJourney(BrowserFixture browser)
{
    [Fact]
    public async Task SimulatorSession_WholeExercise_CountsBothSetsSurvivesRefreshAndUpdatesHistory()
    {
        await using var app = new AppServer(simulatorTempoScale: 0.3);
        var page = await browser.NewPageAsync();
        var session = await SessionPage.StartTodayAsync(page, app.Url("/"));
        var exerciseName = await session.Heading.InnerTextAsync();

        await session.ConnectSensor.ClickAsync();
        var sensors = new ConnectSensorPage(page);
        await sensors.Heading.WaitForAsync();
        (await sensors.Phone.IsVisibleAsync()).ShouldBeTrue();
        (await sensors.Puck.IsVisibleAsync()).ShouldBeTrue();
        await page.ShouldHaveNoAxeViolationsAsync();
        await sensors.Simulator.ClickAsync();

        await session.WaitForCountAtLeastOrRestAsync(3);
        await session.SaveScreenshotAsync("exercise-screen-simulator.png");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Refresh mid-set: the count is kept and the simulator carries on to the end of the set.
        await page.ReloadAsync();
        await session.WaitForCountAtLeastOrRestAsync(3);
        var rest = session.RestHeading;
        await rest.WaitForAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I am ready" }).ClickAsync();

        await session.FeelFine.WaitForAsync(); // both sets done: the rating appears
        await session.RateAsync(3, painOrDizziness: false);
        await Assertions.Expect(session.Heading).Not.ToHaveTextAsync($"How hard was {exerciseName}?");
        await session.Stop.ClickAsync();
        await Assertions.Expect(session.Heading).ToHaveTextAsync("You stopped");

        var history = await new HistoryPage(page).OpenAsync(app.Url("/history"));
        var best = history.BestRows.Filter(new() { HasTextString = exerciseName });
        (await best.Locator("td").Nth(1).InnerTextAsync()).ShouldBe("20");
        (await best.Locator("td").Nth(2).InnerTextAsync()).ShouldEndWith("°"); // the simulator measures the angle
        await page.Context.CloseAsync();
    }
}
