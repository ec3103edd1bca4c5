using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>The "Connect a sensor" screen.</summary>
internal sealed class ConnectSensorPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Connect a sensor" });

    public ILocator Puck => page.GetByRole(AriaRole.Button, new() { Name = "On-screen puck", Exact = true });

    public ILocator Simulator => page.GetByRole(AriaRole.Button, new() { Name = "Simulator", Exact = true });

    public ILocator Phone => page.GetByRole(AriaRole.Button, new() { Name = "Phone", Exact = true });

    /// <summary>The file picker behind "Replay a recording file" (found by its label, as a screen reader would).</summary>
    public ILocator ReplayFile => page.GetByLabel("Replay a recording file");

    public ILocator ReplayMessage => page.GetByTestId("replay-message");
}
