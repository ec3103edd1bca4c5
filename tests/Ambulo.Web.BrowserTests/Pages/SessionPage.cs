using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>The exercise screen, including rest and the effort rating that follow it.</summary>
internal sealed class SessionPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Counter => page.GetByTestId("rep-counter");

    public ILocator Count => page.GetByTestId("rep-count");

    public ILocator Puck => page.GetByRole(AriaRole.Button, new() { Name = "Press after each repetition" });

    public ILocator Stop => page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true });

    public ILocator ConnectSensor => page.GetByRole(AriaRole.Link, new() { Name = "Connect a sensor" });

    public ILocator DoneEnough => page.GetByRole(AriaRole.Button, new() { Name = "I have done enough" });

    public ILocator Points => page.GetByTestId("points");

    /// <summary>The phone's state in big words ("Phone connected", "Sensor disconnected").</summary>
    public ILocator PhoneState => page.GetByTestId("phone-status").GetByTestId("phone-state");

    public async Task WaitForExerciseAsync() => await Counter.WaitForAsync();

    /// <summary>The opening every session journey shares: home, Start, and wait for the first exercise.</summary>
    public static async Task<SessionPage> StartTodayAsync(IPage page, string homeUrl)
    {
        await new HomePage(page).OpenAsync(homeUrl);
        await new HomePage(page).StartAsync();
        var session = new SessionPage(page);
        await session.WaitForExerciseAsync();
        return session;
    }

    public async Task<int> CountAsync() => int.Parse(await Count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the live counter shows <paramref name="expected"/>.</summary>
    public async Task WaitForCountAsync(int expected, float timeoutMs = 15_000) =>
        await Assertions.Expect(Count).ToHaveTextAsync(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = timeoutMs });

    public ILocator RestHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Rest now" });

    /// <summary>Waits until the counter shows at least <paramref name="minimum"/>, or the set is over and the rest began.</summary>
    public async Task WaitForCountAtLeastOrRestAsync(int minimum) =>
        await page.WaitForFunctionAsync(
            "n => { const c = document.querySelector('[data-testid=rep-count]'); return (c && parseInt(c.textContent, 10) >= n) || !!document.querySelector('.rest'); }",
            minimum);

    public async Task PressPuckAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            var before = await CountAsync();
            await Puck.ClickAsync();
            await WaitForCountAsync(before + 1);
        }
    }

    /// <summary>Presses the space bar with the focus on the page body (not on a control).</summary>
    public async Task PressSpaceBarAsync(int times)
    {
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        for (var i = 0; i < times; i++)
        {
            var before = await CountAsync();
            await page.Keyboard.PressAsync("Space");
            await WaitForCountAsync(before + 1);
        }
    }

    /// <summary>Saves what the patient sees (top of the screen, after the flash has faded) to artifacts/screenshots.</summary>
    public async Task SaveScreenshotAsync(string fileName)
    {
        await page.EvaluateAsync("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); document.querySelector('[data-testid=session-body]')?.scrollTo(0, 0); }");
        await page.WaitForFunctionAsync("() => !document.querySelector('.flash-on') || document.getAnimations().length === 0");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.Artifacts.Folder("screenshots"), fileName) });
    }

    public ILocator EffortButton(int effort) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Effort from 0 to 10" }).GetByRole(AriaRole.Button).Nth(effort);

    public ILocator FeelFine => page.GetByRole(AriaRole.Button, new() { Name = "No, I feel fine" });

    public ILocator PainOrDizziness => page.GetByRole(AriaRole.Button, new() { Name = "Yes, pain or dizziness" });

    public async Task RateAsync(int effort, bool painOrDizziness)
    {
        await EffortButton(effort).ClickAsync();
        await (painOrDizziness ? PainOrDizziness : FeelFine).ClickAsync();
    }
}
