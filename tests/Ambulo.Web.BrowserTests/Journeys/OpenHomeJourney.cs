using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;

namespace Ambulo.Web.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class OpenHomeJourney(BrowserFixture browser)
{
    [Fact]
    public async Task OpenHome_FirstRun_ShowsDemoPatientProgramAndStartWithoutAxeViolations()
    {
        await using var app = new AppServer();
        var page = await browser.NewPageAsync();
        var home = await new HomePage(page).OpenAsync(app.Url("/"));

        (await home.Heading.InnerTextAsync()).ShouldContain("Alex");
        (await home.ProgramCards.CountAsync()).ShouldBeGreaterThan(0);
        (await home.ProgramCards.First.InnerTextAsync()).ShouldContain("To do");
        (await home.StartButton.IsVisibleAsync()).ShouldBeTrue();
        (await home.Level.InnerTextAsync()).ShouldBe("Level 1");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.Context.CloseAsync();
    }
}
