using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>"My progress": repetitions per day, personal bests, level and streak.</summary>
internal sealed class HistoryPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "My progress" });

    public ILocator TodayRow => page.GetByTestId("day-row").First;

    public ILocator BestRows => page.GetByTestId("best-row");

    public ILocator Streak => page.GetByTestId("history-streak");

    public async Task<HistoryPage> OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await TodayRow.WaitForAsync();
        return this;
    }
}
