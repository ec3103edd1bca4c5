using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium (/usr/bin/chromium) per test collection, driven by Playwright.
/// Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required",
        // No DNS at all except for the app under test: the tests never touch the network.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    ];

    public IPlaywright? PlaywrightOrNull { get; private set; }

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: run .ci/run or `apt-get install chromium`.");
        }

        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000); // see NewPageAsync on why waits are generous
        PlaywrightOrNull = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await PlaywrightOrNull.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A fresh context (cookies, storage) with a patient-sized window.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" });
        // Waits are for real-time work (the simulator performing a set, Blazor reconnecting after a refresh),
        // not performance checks: CI machines and a busy 2-core box can be several times slower than a laptop.
        // Latency is measured by bench/Ambulo.LatencyBenchmarks, never here.
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        PlaywrightOrNull?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
