using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;
using Ambulo.Web.Features.SensorIngest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// The phone as a sensor, in real headless Chromium: the phone page pairs with a code, its motion
/// readings come from Chromium's sensor emulation (CDP), travel as binary frames over the WebSocket,
/// and the server's online repetition counter counts the injected movements.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneSensorJourney(BrowserFixture browser) : IAsyncDisposable
{
    private const double Gravity = 9.81;
    private readonly PhoneServer _server = new();

    [Fact]
    public async Task Phone_PairsAndStreamsInjectedMovements_ServerCountsEachRepetition()
    {
        const int movements = 3;
        var registry = _server.Services.GetRequiredService<SensorSessionRegistry>();
        var session = registry.Open();
        session.SetExercise(Ambulo.Domain.Exercises.ExerciseCatalogue.Default.Get("seated-knee-extension"));
        var counter = new RepetitionCountingSink(RepetitionOptions.Default, SensorChannels.Accelerometer);
        using var attached = session.Attach(counter);

        var context = await browser.Browser.NewContextAsync(new()
        {
            Permissions = ["accelerometer", "gyroscope"],
            ViewportSize = new() { Width = 412, Height = 915 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // Before the page exists, so its devicemotion listener gets the emulated sensor from the start.
        var motion = await PhoneMotion.AttachAsync(context, page);

        var phone = await new PhonePage(page).OpenAsync(_server.Url($"/phone/?code={session.PairingCode}"));
        (await phone.Code.InputValueAsync()).ShouldBe(session.PairingCode);
        await phone.StartAsync();

        // Still for the start-pose calibration, then knee lifts of 40° and back.
        await motion.RepetitionsAsync(movements);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (counter.Count < movements && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        counter.Count.ShouldBe(movements);
        var status = session.GetStatus();
        status.State.ShouldBe(SensorConnectionState.Connected);
        status.FramesRejected.ShouldBe(0);
        status.SamplesAccepted.ShouldBeGreaterThan(100);
        // Chromium's rate, measured from the page's timestamps; the counter was built for it.
        status.SamplingRateHz.ShouldNotBeNull();
        status.SamplingRateHz.Value.ShouldBeInRange(10, 500);
        counter.SamplingRateHz!.Value.ShouldBe(session.SamplingRateHz!.Value, session.SamplingRateHz.Value * 0.02);
        (await phone.ReadingsAsync()).ShouldBeGreaterThanOrEqualTo((int)status.SamplesAccepted);
        (await phone.Placement.InnerTextAsync()).ShouldContain("shin");
        (await phone.Exercise.InnerTextAsync()).ShouldBe("Seated knee straightening");

        // The first batch carries the still pose: gravity along +y, as injected (0.1 m/s² quantisation).
        session.Batches.TryRead(out var first).ShouldBeTrue();
        first!.Samples[0].AccelerationMps2.Y.ShouldBe((float)Gravity, 0.11f);
        first.Samples[0].AccelerationMps2.Z.ShouldBe(0f, 0.11f);
        first.Samples[0].AngularVelocityRadps.ShouldBe(System.Numerics.Vector3.Zero);

        await page.ShouldHaveNoAxeViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder("screenshots"), "phone-page.png"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task Phone_PairingClosedOnTheServer_ShowsItEndedAndStopsRetrying()
    {
        var registry = _server.Services.GetRequiredService<SensorSessionRegistry>();
        var session = registry.Open();
        var context = await browser.Browser.NewContextAsync(new() { Permissions = ["accelerometer", "gyroscope"] });
        var page = await context.NewPageAsync();
        await PhoneMotion.AttachAsync(context, page);
        var phone = await new PhonePage(page).OpenAsync(_server.Url($"/phone/?code={session.PairingCode}"));
        await phone.StartAsync();

        registry.Close(session.Id);

        await page.WaitForFunctionAsync("() => document.getElementById('state').dataset.state === 'ended'");
        (await phone.State.InnerTextAsync()).ShouldStartWith("Sensor disconnected: this pairing has ended");
        (await phone.StartButton.IsEnabledAsync()).ShouldBeTrue("a new code can be typed and sent");
        (await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ambulo.phone.pairing')")).ShouldBeNull();
        await context.CloseAsync();
    }

    [Fact]
    public async Task Phone_WithoutMotionSensor_SaysSoAndSendsNothing()
    {
        var registry = _server.Services.GetRequiredService<SensorSessionRegistry>();
        var session = registry.Open();
        // No permissions and no emulated sensor: what a desktop browser does.
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var phone = await new PhonePage(page).OpenAsync(_server.Url($"/phone/?code={session.PairingCode}"));

        await phone.StartAsync();
        await page.WaitForFunctionAsync("() => !document.getElementById('problem').hidden", null, new() { Timeout = 10_000 });

        (await phone.Problem.InnerTextAsync()).ShouldContain("No motion readings");
        session.GetStatus().SamplesAccepted.ShouldBe(0);
        await context.CloseAsync();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The app on real Kestrel with its own data folder; exposes its services to reach the sensor sessions.</summary>
    private sealed class PhoneServer : IAsyncDisposable
    {
        private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ambulo-phone-journey", Guid.NewGuid().ToString("N"));
        private readonly Factory _factory;

        public PhoneServer()
        {
            _factory = new Factory(_dataFolder);
            _factory.UseKestrel(0);
            _factory.StartServer();
        }

        public IServiceProvider Services => _factory.Services;

        public string Url(string path) => new Uri(_factory.ClientOptions.BaseAddress, path).ToString();

        public async ValueTask DisposeAsync()
        {
            await _factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }

        private sealed class Factory(string dataFolder) : WebApplicationFactory<Program>
        {
            protected override void ConfigureWebHost(IWebHostBuilder builder)
            {
                builder.UseSetting("Ambulo:DataFolder", dataFolder);
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
            }
        }
    }
}
