using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using SessionEngine = Ambulo.Web.Features.Session.SessionEngine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// The server restarts while the patient is half-way through a lift counted by the phone page (real
/// headless Chromium, emulated accelerometer): the page sends its kept seconds again after the 1001 close,
/// and the lift is counted once, the one before it not again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneRestartJourney(BrowserFixture browser)
{
    [Fact]
    public async Task PhoneSession_ServerRestartsMidLift_TheLiftIsCountedOnceAndNoneTwice()
    {
        await using var app = new AppServer();
        var (page, session, sessionId, phoneContext, phonePage, motion, phone) = await PairedPhoneSession.StartAsync(browser, app);

        // Two lifts; after each the server tells the page from when to keep what it sent.
        await motion.RepetitionsAsync(1);
        await session.WaitForCountAsync(1);
        await phonePage.WaitForFunctionAsync("() => window.ambuloPhone.keepFromSeconds !== null");
        var keptFromAfterFirst = await phonePage.EvaluateAsync<double>("() => window.ambuloPhone.keepFromSeconds");
        await motion.RepetitionsAsync(1);
        await session.WaitForCountAsync(2);
        await phonePage.WaitForFunctionAsync("k => window.ambuloPhone.keepFromSeconds > k", keptFromAfterFirst);

        // Half of the third lift; the server stops while the leg is up (the phone is told at once, the rest of the
        // shutdown and the new start take their time); the leg comes down while the server is away, so the lift
        // lasts as long as a lift, however slow the restart. The page keeps those samples until it is back.
        await motion.HoldAsync(0, seconds: 0.8);
        await motion.SweepAsync(from: 0, to: 40, seconds: 1.0);
        await motion.TiltAsync(40);
        var restarting = app.RestartAsync();
        await phonePage.WaitForFunctionAsync("() => window.ambuloPhone.state !== 'sending'");
        await motion.HoldAsync(40, seconds: 0.3);
        await motion.SweepAsync(from: 40, to: 0, seconds: 1.0);
        await motion.TiltAsync(0);
        await restarting;
        await phonePage.WaitForFunctionAsync("() => window.ambuloPhone.state === 'sending'", null, new() { Timeout = 60_000 });
        await motion.HoldAsync(0, seconds: 1.5);

        var engine = app.Services.GetRequiredService<SessionEngine>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var view = await engine.GetAsync(sessionId, CancellationToken.None);
        while (view!.RepetitionsInSet < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            view = await engine.GetAsync(sessionId, CancellationToken.None);
        }

        var link = app.Services.GetRequiredService<Ambulo.Web.Features.Sensors.Phone.PhoneSensorLinks>().Find(sessionId);
        var diag = $"(left out as counted before the restart: {link?.CountedBeforeRestart}; page: "
            + await phonePage.EvaluateAsync<string>("() => JSON.stringify({ kept: window.ambuloPhone.keptSamples, keepFrom: window.ambuloPhone.keepFromSeconds, sent: window.ambuloPhone.sentSamples, readings: window.ambuloPhone.readings })") + ")";
        view.RepetitionsInSet.ShouldBe(3, "the lift cut by the restart is counted " + diag);
        await Task.Delay(1000); // anything sent again is in by now
        (await engine.GetAsync(sessionId, CancellationToken.None))!.RepetitionsInSet.ShouldBe(3, "no lift is counted twice");
        await phoneContext.CloseAsync();
        await page.Context.CloseAsync();
    }
}
