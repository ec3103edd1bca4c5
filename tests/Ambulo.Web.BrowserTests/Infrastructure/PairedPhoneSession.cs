using Ambulo.Web.BrowserTests.Pages;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Infrastructure;

/// <summary>
/// Today's session open on the screen with a phone page paired to it and counting: the starting point of the journeys
/// that test what happens to a phone mid-session (a server restart, a reloaded page). The phone is a second browser
/// context with motion permission, a phone-sized viewport and an emulated accelerometer, already started and shown as
/// connected, and the screen is on the first exercise.
/// </summary>
internal sealed record PairedPhoneSession(
    IPage Page, SessionPage Session, int SessionId, IBrowserContext PhoneContext, IPage PhonePage, PhoneMotion Motion, PhonePage Phone)
{
    public static async Task<PairedPhoneSession> StartAsync(BrowserFixture browser, AppServer app)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(app);
        var page = await browser.NewPageAsync();
        var session = await SessionPage.StartTodayAsync(page, app.Url("/"));
        var sessionId = int.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        await session.ConnectSensor.ClickAsync();
        var sensors = new ConnectSensorPage(page);
        await sensors.Heading.WaitForAsync();
        var code = await sensors.ChoosePhoneAsync();

        var emulated = await EmulatedPhone.OpenAsync(browser, app, code);
        await Assertions.Expect(sensors.PhoneState).ToHaveTextAsync("Phone connected");
        await sensors.GoToExercise.ClickAsync();
        await session.WaitForExerciseAsync();
        return new PairedPhoneSession(page, session, sessionId, emulated.Context, emulated.Page, emulated.Motion, emulated.Phone);
    }
}
