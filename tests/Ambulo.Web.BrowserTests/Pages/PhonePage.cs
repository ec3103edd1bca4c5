using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Pages;

/// <summary>The phone's pairing page (wwwroot/phone): code, Start, connection state, placement.</summary>
public sealed class PhonePage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Code => Page.GetByLabel("Code shown on the screen");

    public ILocator StartButton => Page.GetByRole(AriaRole.Button, new() { Name = "Start sending movement" });

    public ILocator State => Page.Locator("#state");

    public ILocator Placement => Page.Locator("#placement");

    public ILocator Exercise => Page.Locator("#exercise");

    public ILocator Problem => Page.Locator("#problem");

    public async Task<PhonePage> OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        return this;
    }

    /// <summary>Taps Start and waits until the page says it is sending.</summary>
    public async Task StartAsync()
    {
        await StartButton.ClickAsync();
        await Page.WaitForFunctionAsync("() => document.getElementById('state').dataset.state === 'sending'");
    }

    /// <summary>Readings the page has taken from devicemotion so far.</summary>
    public Task<int> ReadingsAsync() => Page.EvaluateAsync<int>("() => window.ambuloPhone.readings");
}
