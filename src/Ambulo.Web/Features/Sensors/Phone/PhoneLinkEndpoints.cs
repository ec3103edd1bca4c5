using Ambulo.Web.Features.SensorIngest;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Features.Sensors.Phone;

/// <summary>
/// The phone of a guided session, over HTTP (the screen itself calls <see cref="PhoneSensorLinks"/>):
/// <c>POST /api/sessions/{id}/phone</c> makes the phone the session's sensor and returns the pairing;
/// <c>GET</c> the same address tells how it stands.
/// </summary>
internal static class PhoneLinkEndpoints
{
    public static IEndpointRouteBuilder MapPhoneLinkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions/{id:int}/phone");
        api.MapPost("/", async (int id, HttpRequest request, PhoneSensorLinks links, IOptionsMonitor<SensorIngestOptions> sensorOptions, CancellationToken ct) =>
            await links.OpenAsync(id, ct) is not null && links.Describe(id) is { } view
                ? Results.Ok(Describe(view, request, sensorOptions.CurrentValue))
                : Results.Conflict(new { error = "there is no session in progress with this id" }))
            .RequireRateLimiting(SensorIngestEndpoints.SessionsPolicy);
        api.MapGet("/", (int id, HttpRequest request, PhoneSensorLinks links, IOptionsMonitor<SensorIngestOptions> sensorOptions) =>
            links.Describe(id) is { } view ? Results.Ok(Describe(view, request, sensorOptions.CurrentValue)) : Results.NotFound());
        return app;
    }

    private static PhonePairing Describe(PhoneLinkView view, HttpRequest request, SensorIngestOptions options)
    {
        var baseAddress = SensorIngestEndpoints.PhoneBaseAddress(request, options);
        return new PhonePairing(
            view.State.ToString(),
            view.PairingCode,
            view.PairingCode is { } code ? PairingQrCode.PhoneUrl(baseAddress, code).ToString() : null,
            view.ExerciseName,
            view.PlacementText,
            view.NotCountableReason,
            view.Counted,
            view.SamplingRateHz);
    }
}

/// <summary>A session's phone, for API clients.</summary>
/// <param name="State">"WaitingForPhone", "Connected", "Disconnected" or "Closed".</param>
/// <param name="PairingCode">Six digits to type on the phone, or null while a phone is connected.</param>
/// <param name="PhoneUrl">The address the QR code holds (the phone page with the code in it).</param>
/// <param name="Exercise">The exercise the phone is placed for.</param>
/// <param name="Placement">Where to strap the phone, in plain words.</param>
/// <param name="NotCountableReason">Why the phone cannot count this exercise, or null.</param>
/// <param name="Counted">Repetitions the session took from the phone.</param>
/// <param name="SamplingRateHz">The phone's sampling rate measured from its timestamps (Hz), or null until measured.</param>
internal sealed record PhonePairing(
    string State, string? PairingCode, string? PhoneUrl, string? Exercise, string Placement, string? NotCountableReason, int Counted,
    double? SamplingRateHz);
