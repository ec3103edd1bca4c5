using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Ambulo.Web.Features.Sensors.Phone;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// The phone page is loaded again in the middle of a session (real headless Chromium, emulated
/// accelerometer). Its new stream has a new clock, starting at zero, while the server still holds the
/// keep point of the old stream's last counted lift: the new page leaves that point alone (it would
/// otherwise throw away what it sends, for a restart, until its clock passed the old stream's time), and
/// its own first counted lift gives it a point on its own clock.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneReloadJourney(BrowserFixture browser)
{
    [Fact]
    public async Task PhonePage_ReloadedAfterACountedLift_LeavesTheOldStreamsKeepPointAlone()
    {
        await using var app = new AppServer();
        var (page, session, sessionId, phoneContext, phonePage, motion, phone) = await PairedPhoneSession.StartAsync(browser, app);

        await motion.RepetitionsAsync(1);
        await session.WaitForCountAsync(1);
        await phonePage.WaitForFunctionAsync("() => window.ambuloPhone.keepFromSeconds !== null");
        var link = app.Services.GetRequiredService<PhoneSensorLinks>().Find(sessionId)!;
        var before = link.Sensor.GetStatus();
        before.KeepFromPhoneSeconds.ShouldNotBeNull();
        before.KeepFromStreamId.ShouldNotBeNull();

        // Loaded again: the token is still in the tab's storage, so Start reconnects without a new code.
        await phonePage.ReloadAsync();
        await phone.StartAsync();
        // The page has read status messages sent after frames of its new stream; each carries the old point.
        await phonePage.WaitForFunctionAsync(
            "n => parseInt(document.getElementById('accepted').textContent, 10) > n", before.FramesAccepted + 25);
        var old = link.Sensor.GetStatus();
        old.KeepFromPhoneSeconds.ShouldBe(before.KeepFromPhoneSeconds, "the server still holds the old stream's point");
        old.KeepFromStreamId.ShouldBe(before.KeepFromStreamId);
        (await phonePage.EvaluateAsync<double?>("() => window.ambuloPhone.keepFromSeconds")).ShouldBeNull("a point on another stream's clock");

        await motion.RepetitionsAsync(1);
        await session.WaitForCountAsync(2);
        await phonePage.WaitForFunctionAsync("() => window.ambuloPhone.keepFromSeconds !== null");
        var now = link.Sensor.GetStatus();
        now.KeepFromStreamId.ShouldNotBe(before.KeepFromStreamId, "set for the new stream");
        (await phonePage.EvaluateAsync<double>("() => window.ambuloPhone.keepFromSeconds")).ShouldBe(now.KeepFromPhoneSeconds!.Value, 1e-6);
        await phoneContext.CloseAsync();
        await page.Context.CloseAsync();
    }
}
