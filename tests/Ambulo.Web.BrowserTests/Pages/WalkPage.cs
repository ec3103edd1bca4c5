using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>The Walk screen: carer confirmation, Start, the live step count, Stop and the summary.</summary>
internal sealed class WalkPage(IPage page)
{
    public IPage Page => page;

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator NotAllowed => page.GetByTestId("walk-not-allowed");

    public ILocator CarerConfirm => page.GetByRole(AriaRole.Button, new() { Name = "My carer is here" });

    public ILocator Start => page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true });

    public ILocator Stop => page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true });

    public ILocator StepCount => page.GetByTestId("step-count");

    public ILocator Time => page.GetByTestId("walk-time");

    public ILocator Cadence => page.GetByTestId("walk-cadence");

    public ILocator StopRule => page.GetByTestId("stop-rule");

    public ILocator FinalSteps => page.GetByTestId("walk-final-steps");

    public async Task<int> StepsAsync() => int.Parse(await StepCount.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the live count reaches <paramref name="steps"/>.</summary>
    public async Task WaitForStepsAsync(int steps) =>
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=step-count]')?.textContent) >= {steps}");

    public async Task SaveScreenshotAsync(string fileName)
    {
        await page.EvaluateAsync("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); document.querySelector('[data-testid=walk-body]')?.scrollTo(0, 0); }");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.Artifacts.Folder("screenshots"), fileName) });
    }
}
