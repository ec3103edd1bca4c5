using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>The patient's start page: today's program, streak, level and the Start button.</summary>
internal sealed class HomePage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator StartButton => page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true });

    public ILocator ProgramCards => page.GetByTestId("program-card");

    public ILocator Streak => page.GetByTestId("streak");

    public ILocator Level => page.GetByTestId("level");

    public async Task<HomePage> OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await Heading.Filter(new() { HasTextString = "Hello" }).WaitForAsync();
        return this;
    }

    public async Task StartAsync()
    {
        await StartButton.ClickAsync();
        // Starting plans the day and stores the session: on the shared 2-core CI machine under full load
        // (load average ~35, every test project at once) this once took more than the default 15 s.
        await page.WaitForURLAsync("**/session/**", new() { Timeout = 45_000 });
    }
}
