using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// A walk counted by a phone: the Walk screen pairs a second page (the phone, its accelerometer emulated by Chromium)
/// with its code, the person walks with it in a pocket, the count rises, Stop saves the walk and History lists it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWalkJourney(BrowserFixture browser)
{
    [Fact]
    public async Task PhoneWalk_PairWalkStop_CountsTheStepsAndHistoryListsTheWalk()
    {
        await using var app = new AppServer();
        await SimulatedWalkJourney.SetFirstPatientProfileAsync(app, SimulatedWalkJourney.WalksWithCarerProfile);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.Url("/walk"));
        var walk = new WalkPage(page);
        await walk.CarerConfirm.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Phone", Exact = true }).ClickAsync();
        var codeElement = page.GetByTestId("pairing-code");
        await codeElement.WaitForAsync();
        var code = await codeElement.GetAttributeAsync("data-code");
        code.ShouldNotBeNull();
        code.ShouldMatch("^[0-9]{6}$");
        await Assertions.Expect(walk.Start).ToBeDisabledAsync(); // not before the phone is connected
        await page.ShouldHaveNoAxeViolationsAsync();

        var (phoneContext, _, motion, phone) = await EmulatedPhone.OpenAsync(browser, app, code);
        await Assertions.Expect(phone.Placement).ToContainTextAsync("pocket");

        await Assertions.Expect(page.GetByTestId("phone-state")).ToHaveTextAsync("Phone connected");
        await walk.Start.ClickAsync();
        await walk.StepCount.WaitForAsync();
        (await walk.StepsAsync()).ShouldBe(0);

        await motion.WalkAsync(steps: 16);
        await walk.WaitForStepsAsync(8);
        await walk.Stop.ClickAsync();
        await walk.FinalSteps.WaitForAsync();
        var final = int.Parse((await walk.FinalSteps.InnerTextAsync()).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        final.ShouldBeInRange(8, 17);
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync(app.Url("/history"));
        var row = page.GetByTestId("walk-row").First;
        await Assertions.Expect(row.GetByTestId("walk-steps")).ToHaveTextAsync(final.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await phoneContext.CloseAsync();
        await page.Context.CloseAsync();
    }
}
