using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Infrastructure;

/// <summary>
/// Moves an emulated phone: Chromium's accelerometer override (CDP) tilts gravity in the phone's
/// y–z plane, as a phone strapped to a leg sees it when the leg lifts and comes back.
/// </summary>
public sealed class PhoneMotion
{
    private const double Gravity = 9.81;
    private readonly ICDPSession _cdp;

    private PhoneMotion(ICDPSession cdp) => _cdp = cdp;

    /// <summary>
    /// Turns the override on for <paramref name="page"/>. Call it before the page is opened, so its
    /// devicemotion listener gets the emulated sensor from the start; the phone starts still and flat.
    /// </summary>
    public static async Task<PhoneMotion> AttachAsync(IBrowserContext context, IPage page)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setSensorOverrideEnabled", new() { ["enabled"] = true, ["type"] = "accelerometer" });
        var motion = new PhoneMotion(cdp);
        await motion.TiltAsync(0);
        return motion;
    }

    /// <summary>Gravity as seen when the leg has turned by <paramref name="degrees"/> from the start pose.</summary>
    public async Task TiltAsync(double degrees)
    {
        var radians = degrees * Math.PI / 180;
        await _cdp.SendAsync("Emulation.setSensorOverrideReadings", new()
        {
            ["type"] = "accelerometer",
            ["reading"] = new Dictionary<string, object>
            {
                ["xyz"] = new Dictionary<string, object> { ["x"] = 0.0, ["y"] = Gravity * Math.Cos(radians), ["z"] = Gravity * Math.Sin(radians) },
            },
        });
    }

    /// <summary>
    /// Walking as a phone in a pocket feels it: the acceleration's size rises and falls once per step
    /// (<paramref name="peakMps2"/> above gravity at each heel strike), sent as fast as the override takes it.
    /// </summary>
    public async Task WalkAsync(int steps, double stepSeconds = 0.8, double peakMps2 = 2.5)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var total = steps * stepSeconds;
        while (clock.Elapsed.TotalSeconds < total)
        {
            var phase = clock.Elapsed.TotalSeconds / stepSeconds;
            await SetAsync(0, Gravity + (peakMps2 * Math.Cos(2 * Math.PI * phase)), 0);
            await Task.Delay(15);
        }

        await SetAsync(0, Gravity, 0);
    }

    private async Task SetAsync(double x, double y, double z) =>
        await _cdp.SendAsync("Emulation.setSensorOverrideReadings", new()
        {
            ["type"] = "accelerometer",
            ["reading"] = new Dictionary<string, object> { ["xyz"] = new Dictionary<string, object> { ["x"] = x, ["y"] = y, ["z"] = z } },
        });

    /// <summary>A smooth (half-cosine) movement from one angle to another, as a person makes it.</summary>
    public async Task SweepAsync(double from, double to, double seconds)
    {
        const int stepMs = 40;
        var steps = (int)(seconds * 1000 / stepMs);
        for (var i = 1; i <= steps; i++)
        {
            var s = (1 - Math.Cos(Math.PI * i / steps)) / 2;
            await TiltAsync(from + ((to - from) * s));
            await Task.Delay(stepMs);
        }
    }

    public async Task HoldAsync(double degrees, double seconds)
    {
        await TiltAsync(degrees);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>Still for the start-pose calibration, then <paramref name="count"/> lifts of <paramref name="degrees"/> and back.</summary>
    public async Task RepetitionsAsync(int count, double degrees = 40)
    {
        await HoldAsync(0, seconds: 1.5);
        for (var i = 0; i < count; i++)
        {
            await SweepAsync(from: 0, to: degrees, seconds: 1.0);
            await HoldAsync(degrees, seconds: 0.3);
            await SweepAsync(from: degrees, to: 0, seconds: 1.0);
            await HoldAsync(0, seconds: 0.8);
        }
    }
}
