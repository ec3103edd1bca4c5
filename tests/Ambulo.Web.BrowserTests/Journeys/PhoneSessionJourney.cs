using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Sensors.Phone;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// A guided session counted by a phone, in real headless Chromium: the patient's screen pairs the
/// phone from the session, a second page is the phone (its motion injected through Chromium's sensor
/// emulation), and the patient's counter follows the phone's repetitions — across a refresh of the
/// patient's screen and a drop-out of the phone — until the history shows them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneSessionJourney(BrowserFixture browser)
{
    [Fact]
    public async Task PhoneSession_PairCountRefreshDropOutAndFinish_CounterAndHistoryFollowThePhone()
    {
        await using var app = new AppServer();
        var page = await browser.NewPageAsync();
        var session = await SessionPage.StartTodayAsync(page, app.Url("/"));
        var exerciseName = await session.Heading.InnerTextAsync();

        // Connect a sensor → Phone: QR code, the six digits, where the phone goes.
        await session.ConnectSensor.ClickAsync();
        var sensors = new ConnectSensorPage(page);
        await sensors.Heading.WaitForAsync();
        var code = await sensors.ChoosePhoneAsync();
        code.ShouldMatch("^[0-9]{6}$");
        (await sensors.QrCode.IsVisibleAsync()).ShouldBeTrue();
        (await sensors.PhonePlacement.InnerTextAsync()).ShouldContain("thigh");
        (await sensors.PhoneState.InnerTextAsync()).ShouldBe("Waiting for the phone");
        (await page.ContentAsync()).ShouldNotContain("not ready");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("phone-pairing").ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder("screenshots"), "connect-sensor-phone-pairing.png") });

        // The phone: a second page, with motion permission and an emulated accelerometer.
        var phoneContext = await browser.Browser.NewContextAsync(new()
        {
            Permissions = ["accelerometer", "gyroscope"],
            ViewportSize = new() { Width = 412, Height = 915 },
            Locale = "en-GB",
        });
        phoneContext.SetDefaultTimeout(15_000);
        var phonePage = await phoneContext.NewPageAsync();
        var motion = await PhoneMotion.AttachAsync(phoneContext, phonePage);
        var phone = await new PhonePage(phonePage).OpenAsync(app.Url($"/phone/?code={code}"));
        await phone.StartAsync();
        await Assertions.Expect(phone.Exercise).ToHaveTextAsync(exerciseName);

        await Assertions.Expect(sensors.PhoneState).ToHaveTextAsync("Phone connected");
        await sensors.GoToExercise.ClickAsync();
        await session.WaitForExerciseAsync();
        await Assertions.Expect(session.PhoneState).ToHaveTextAsync("Phone connected");

        // Three lifts on the phone: the patient's counter reaches three.
        await motion.RepetitionsAsync(3);
        await session.WaitForCountAsync(3);
        await session.SaveScreenshotAsync("exercise-screen-phone.png");
        await page.ShouldHaveNoAxeViolationsAsync();

        // A refresh of the patient's screen mid-set: the count stays, the phone stays paired and counts on.
        await page.ReloadAsync();
        await session.WaitForExerciseAsync();
        await session.WaitForCountAsync(3);
        await Assertions.Expect(session.PhoneState).ToHaveTextAsync("Phone connected");
        await motion.RepetitionsAsync(2);
        await session.WaitForCountAsync(5);

        // The phone drops out (its page reloads): "Sensor disconnected"; tapped back on, counting resumes.
        await phonePage.ReloadAsync();
        await Assertions.Expect(session.PhoneState).ToHaveTextAsync("Sensor disconnected");
        await page.ShouldHaveNoAxeViolationsAsync();
        await session.SaveScreenshotAsync("exercise-screen-phone-disconnected.png");
        await phone.StartAsync();
        await Assertions.Expect(session.PhoneState).ToHaveTextAsync("Phone connected");
        await motion.RepetitionsAsync(2);
        await session.WaitForCountAsync(7);

        // Finish the exercise: the phone is told about the next one.
        await session.DoneEnough.ClickAsync();
        await session.RateAsync(3, painOrDizziness: false);
        await Assertions.Expect(session.Heading).Not.ToHaveTextAsync($"How hard was {exerciseName}?");
        var nextName = await session.Heading.InnerTextAsync();
        nextName.ShouldNotBe(exerciseName);
        await Assertions.Expect(phone.Exercise).ToHaveTextAsync(nextName);

        // Stop: the pairing closes (nothing left open on the server) and the history has the phone's seven.
        await session.Stop.ClickAsync();
        await Assertions.Expect(session.Heading).ToHaveTextAsync("You stopped");
        var links = app.Services.GetRequiredService<PhoneSensorLinks>();
        var registry = app.Services.GetRequiredService<SensorSessionRegistry>();
        await phonePage.WaitForFunctionAsync("() => window.ambuloPhone.state === 'ended'");
        links.Count.ShouldBe(0);
        registry.Count.ShouldBe(0);

        var history = await new HistoryPage(page).OpenAsync(app.Url("/history"));
        (await history.TodayRow.InnerTextAsync()).ShouldEndWith("7");
        var best = history.BestRows.Filter(new() { HasTextString = exerciseName });
        (await best.Locator("td").Nth(2).InnerTextAsync()).ShouldEndWith("°"); // the phone measures the angle
        await page.ShouldHaveNoAxeViolationsAsync();
        await phoneContext.CloseAsync();
        await page.Context.CloseAsync();
    }
}
