using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>The "Connect a sensor" screen.</summary>
internal sealed class ConnectSensorPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Connect a sensor" });

    public ILocator Puck => page.GetByRole(AriaRole.Button, new() { Name = "On-screen puck", Exact = true });

    public ILocator Simulator => page.GetByRole(AriaRole.Button, new() { Name = "Simulator", Exact = true });

    public ILocator Phone => page.GetByRole(AriaRole.Button, new() { Name = "Phone", Exact = true });

    public ILocator PairingCode => page.GetByTestId("pairing-code");

    public ILocator QrCode => page.GetByRole(AriaRole.Img, new() { Name = "QR code that opens Ambulo's phone page with this code" });

    public ILocator PhoneState => page.GetByTestId("phone-state");

    public ILocator PhonePlacement => page.GetByTestId("phone-placement");

    public ILocator GoToExercise => page.GetByRole(AriaRole.Link, new() { Name = "Go to the exercise" });

    /// <summary>Chooses Phone and reads the six digits the screen shows.</summary>
    public async Task<string> ChoosePhoneAsync()
    {
        await Phone.ClickAsync();
        await PairingCode.WaitForAsync();
        return await PairingCode.GetAttributeAsync("data-code") ?? throw new InvalidOperationException("no pairing code on the screen");
    }

    /// <summary>The file picker behind "Replay a recording file" (found by its label, as a screen reader would).</summary>
    public ILocator ReplayFile => page.GetByLabel("Replay a recording file");

    public ILocator ReplayMessage => page.GetByTestId("replay-message");
}
