using Ambulo.Web.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Infrastructure;

/// <summary>
/// A phone for the journeys: a second browser context with motion permission, a phone-sized viewport and an emulated
/// accelerometer, its page opened on a pairing code and started. The screen it pairs with is the caller's business.
/// </summary>
internal sealed record EmulatedPhone(IBrowserContext Context, IPage Page, PhoneMotion Motion, PhonePage Phone)
{
    public static async Task<EmulatedPhone> OpenAsync(BrowserFixture browser, AppServer app, string code)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(app);
        var context = await browser.Browser.NewContextAsync(new()
        {
            Permissions = ["accelerometer", "gyroscope"],
            ViewportSize = new() { Width = 412, Height = 915 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var motion = await PhoneMotion.AttachAsync(context, page);
        var phone = await new PhonePage(page).OpenAsync(app.Url($"/phone/?code={code}"));
        await phone.StartAsync();
        return new EmulatedPhone(context, page, motion, phone);
    }
}
