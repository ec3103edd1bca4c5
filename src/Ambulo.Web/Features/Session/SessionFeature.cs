namespace Ambulo.Web.Features.Session;

internal static class SessionFeature
{
    public static IServiceCollection AddSessionFeature(this IServiceCollection services)
    {
        services.AddSingleton<LiveSessionEvents>();
        services.AddSingleton<SessionEngine>();
        return services;
    }

    /// <summary>Small JSON API over the session engine: used by tests and by non-Blazor clients.</summary>
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/sessions");
        api.MapPost("/", async (StartSessionRequest request, SessionEngine engine, CancellationToken ct) =>
        {
            var id = await engine.StartOrResumeAsync(request.PatientId, ct);
            return Results.Ok(await engine.GetAsync(id, ct));
        });
        api.MapGet("/{id:int}", async (int id, SessionEngine engine, CancellationToken ct) =>
            await engine.GetAsync(id, ct) is { } view ? Results.Ok(view) : Results.NotFound());
        api.MapPost("/{id:int}/repetitions", async (int id, CountRepetitionRequest request, SessionEngine engine, CancellationToken ct) =>
        {
            if (!Sensors.SensorSources.IsKnown(request.Source))
            {
                return Results.BadRequest(new { error = $"unknown sensor source '{request.Source}'" });
            }

            var outcome = await engine.CountRepetitionAsync(id, request.Source, request.RangeOfMotionDegrees, ct);
            return outcome.Counted ? Results.Ok(outcome) : Results.Conflict(new { error = outcome.NotCountedReason });
        });
        api.MapPost("/{id:int}/rating", async (int id, RateRequest request, SessionEngine engine, CancellationToken ct) =>
        {
            if (request.Effort is < 0 or > 10)
            {
                return Results.BadRequest(new { error = "effort must be from 0 to 10" });
            }

            return await engine.RateAsync(id, request.Effort, request.PainOrDizziness, ct)
                ? Results.Ok(await engine.GetAsync(id, ct))
                : Results.Conflict(new { error = "the session is not waiting for a rating" });
        });
        api.MapPost("/{id:int}/stop", async (int id, SessionEngine engine, CancellationToken ct) =>
        {
            await engine.StopAsync(id, ct);
            return await engine.GetAsync(id, ct) is { } view ? Results.Ok(view) : Results.NotFound();
        });
        return app;
    }
}

internal sealed record StartSessionRequest(int PatientId);

internal sealed record CountRepetitionRequest(string Source, double? RangeOfMotionDegrees);

internal sealed record RateRequest(int? Effort, bool PainOrDizziness);
