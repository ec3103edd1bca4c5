using Ambulo.Domain.Patients;
using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Ambulo.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// A walk with the simulated sensor: the demo patient (FAC 2) is kindly told walking is not in the plan yet; a patient
/// who may walk with a carer confirms the carer, starts, watches the step count rise, refreshes (the walk goes on),
/// stops and finds the one walk in History.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SimulatedWalkJourney(BrowserFixture browser)
{
    /// <summary>The demo patient one step on, FAC 3 with a cane: walking is allowed only with a carer present (clinical reference §6.5).</summary>
    internal static readonly string WalksWithCarerProfile = Ambulo.Web.Features.Home.DemoPatientSeeder.DemoProfileJson.Replace("\"fac\": 2", "\"fac\": 3", StringComparison.Ordinal);

    [Fact]
    public async Task SimulatedWalk_WithCarer_CountRisesStopSavesAndHistoryListsIt()
    {
        // At 0.2 the simulated walker's 60 steps a minute become 5 steps a second.
        await using var app = new AppServer(simulatorTempoScale: 0.2);
        var page = await browser.NewPageAsync();

        // The demo patient may not walk yet: no Start, a kind word instead.
        await new HomePage(page).OpenAsync(app.Url("/"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Walk" }).ClickAsync();
        var walk = new WalkPage(page);
        await walk.NotAllowed.WaitForAsync();
        (await walk.Start.CountAsync()).ShouldBe(0);

        await SetFirstPatientProfileAsync(app, WalksWithCarerProfile);
        await page.ReloadAsync();
        await walk.StopRule.WaitForAsync();
        await Assertions.Expect(walk.StopRule).ToContainTextAsync("dizziness");
        await Assertions.Expect(walk.Start).ToBeDisabledAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await walk.CarerConfirm.ClickAsync();
        await Assertions.Expect(walk.CarerConfirm).ToHaveAttributeAsync("aria-pressed", "true");
        await walk.Start.ClickAsync();
        await Assertions.Expect(walk.Stop).ToBeFocusedAsync(); // one press of a switch ends the walk

        await walk.WaitForStepsAsync(4);
        var early = await walk.StepsAsync();
        await walk.WaitForStepsAsync(early + 8);
        (await walk.StepsAsync()).ShouldBeGreaterThan(early);
        await Assertions.Expect(walk.Cadence).ToContainTextAsync("steps a minute");
        await walk.SaveScreenshotAsync("walk-screen-simulator.png");
        await page.ShouldHaveNoAxeViolationsAsync();

        // A refresh mid-walk: the screen takes up the same walk, its count kept, and counting goes on.
        var beforeReload = await walk.StepsAsync();
        await page.ReloadAsync();
        await walk.StepCount.WaitForAsync();
        (await walk.StepsAsync()).ShouldBeGreaterThanOrEqualTo(beforeReload);
        (await walk.Start.CountAsync()).ShouldBe(0);
        await walk.WaitForStepsAsync(beforeReload + 4);

        await walk.Stop.ClickAsync();
        await walk.FinalSteps.WaitForAsync();
        var final = int.Parse((await walk.FinalSteps.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        final.ShouldBeGreaterThanOrEqualTo(early + 8);

        await page.GetByRole(AriaRole.Link, new() { Name = "See my progress" }).ClickAsync();
        var row = page.GetByTestId("walk-row").First;
        await row.WaitForAsync();
        (await page.GetByTestId("walk-row").CountAsync()).ShouldBe(1);
        await Assertions.Expect(row.GetByTestId("walk-steps")).ToHaveTextAsync(final.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }

    internal static async Task SetFirstPatientProfileAsync(AppServer app, string profileJson)
    {
        var read = AbilityProfileJson.Read(profileJson);
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors));
        read.Profile!.FunctionalAmbulationCategory.ShouldBe(3);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AmbuloDbContext>>().CreateDbContext();
        var patient = await db.Patients.OrderBy(p => p.Id).FirstAsync();
        patient.ProfileJson = profileJson;
        await db.SaveChangesAsync();
    }
}
