using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Ambulo.Web.Features.SensorIngest;

/// <summary>
/// Wiring of the phone-sensor feature: <c>builder.Services.AddSensorIngest(builder.Configuration)</c>
/// and <c>app.MapSensorIngest()</c>.
/// <list type="bullet">
/// <item><c>POST /api/sensor/sessions</c>: open a session; returns its id, pairing code, phone URL and QR address.</item>
/// <item><c>GET /api/sensor/sessions/{id}</c>: state ("Connected", "Disconnected", …) and counters.</item>
/// <item><c>GET /api/sensor/sessions/{id}/qr.svg</c>: the QR code of the phone URL with the current code.</item>
/// <item><c>POST /api/sensor/sessions/{id}/code</c>: a new pairing code; <c>DELETE /api/sensor/sessions/{id}</c>: close.</item>
/// <item><c>POST /api/sensor/pair</c> <c>{"code":"123456"}</c>: the phone redeems a code for a token (rate-limited).</item>
/// <item><c>GET /ws/sensor/{token}</c>: the phone's WebSocket (frames: docs/sensor-frame-format.md); a plain GET
/// answers 404 once the pairing has ended (400 while it lives).</item>
/// <item><c>/phone/</c>: the phone's page (wwwroot/phone).</item>
/// </list>
/// </summary>
public static class SensorIngestEndpoints
{
    /// <summary>Rate-limiting policy of <c>POST /api/sensor/pair</c> (per client address).</summary>
    public const string PairingPolicy = "sensor-pairing";

    /// <summary>Rate-limiting policy of <c>POST /api/sensor/sessions</c> (per client address).</summary>
    public const string SessionsPolicy = "sensor-sessions";

    public static IServiceCollection AddSensorIngest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SensorIngestOptions>().Bind(configuration.GetSection(SensorIngestOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SensorSessionRegistry>();
        services.AddSingleton<SensorSocketReceiver>();
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<SensorIngestOptions>, IWebHostEnvironment, TimeProvider>((kestrel, sensor, environment, time) =>
                ConfigureLanHttps(kestrel, sensor.Value, configuration, environment, time));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PairingPolicy, context => PerClientPerMinute(context, o => o.PairingAttemptsPerMinute));
            limiter.AddPolicy(SessionsPolicy, context => PerClientPerMinute(context, o => o.SessionsPerMinute));
        });
        return services;
    }

    public static WebApplication MapSensorIngest(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.UseRateLimiter();

        var phoneFolder = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "phone");
        if (Directory.Exists(phoneFolder))
        {
            var files = new PhysicalFileProvider(phoneFolder);
            app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = "/phone", FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/phone", FileProvider = files });
        }

        var api = app.MapGroup("/api/sensor");
        api.MapPost("/sessions", OpenSession).RequireRateLimiting(SessionsPolicy);
        api.MapGet("/sessions/{id}", GetSession);
        api.MapGet("/sessions/{id}/qr.svg", GetQrCode);
        api.MapPost("/sessions/{id}/code", NewCode).RequireRateLimiting(SessionsPolicy);
        api.MapDelete("/sessions/{id}", (string id, SensorSessionRegistry registry) =>
            registry.Close(id) ? Results.NoContent() : Results.NotFound());
        api.MapPost("/pair", Pair).RequireRateLimiting(PairingPolicy);
        app.Map("/ws/sensor/{token}", ConnectPhone);
        return app;
    }

    /// <summary>Where the phone should open the pairing page (see <see cref="SensorIngestOptions.PublicBaseUrl"/>).</summary>
    public static Uri PhoneBaseAddress(HttpRequest request, SensorIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        return PhoneBaseAddress(new Uri($"{request.Scheme}://{request.Host}/"), options);
    }

    /// <summary>
    /// Where the phone should open the pairing page, seen from a screen opened at
    /// <paramref name="screenBaseAddress"/> (a Blazor page has no request: it passes its base URI).
    /// </summary>
    public static Uri PhoneBaseAddress(Uri screenBaseAddress, SensorIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(screenBaseAddress);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var configured))
        {
            return configured;
        }

        if (options.LanHttps.Enabled && LanAddress.Find() is [var lan, ..])
        {
            return new Uri($"https://{lan}:{options.LanHttps.Port}/");
        }

        return new Uri(screenBaseAddress.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>
    /// With <c>SensorIngest:LanHttps:Enabled</c>, listens on every interface over HTTPS with the
    /// self-signed LAN certificate, and keeps the addresses of <c>urls</c> (e.g. http://127.0.0.1:5080),
    /// which Kestrel would otherwise drop as soon as one endpoint is configured in code.
    /// </summary>
    private static void ConfigureLanHttps(
        KestrelServerOptions kestrel, SensorIngestOptions options, IConfiguration configuration, IWebHostEnvironment environment, TimeProvider time)
    {
        if (!options.LanHttps.Enabled)
        {
            return;
        }

        var urls = configuration["urls"] ?? "http://127.0.0.1:5080";
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme != Uri.UriSchemeHttp)
            {
                continue; // only plain HTTP addresses are carried over; HTTPS for phones is the LAN listener
            }

            if (uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _))
            {
                kestrel.ListenLocalhost(uri.Port);
            }
            else if (IPAddress.TryParse(uri.Host, out var ip))
            {
                kestrel.Listen(ip, uri.Port);
            }
            else
            {
                kestrel.ListenAnyIP(uri.Port);
            }
        }

        var folder = string.IsNullOrWhiteSpace(options.LanHttps.CertificateDirectory)
            ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, configuration["Ambulo:DataFolder"] ?? "data"))
            : Path.GetFullPath(options.LanHttps.CertificateDirectory, environment.ContentRootPath);
        var certificate = LanCertificate.LoadOrCreate(folder, [.. LanAddress.Find()], time);
        kestrel.ListenAnyIP(options.LanHttps.Port, listen => listen.UseHttps(certificate));
    }

    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, Func<SensorIngestOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<SensorIngestOptions>>().CurrentValue;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits(options)),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static Created<OpenedSession> OpenSession(HttpRequest request, SensorSessionRegistry registry, IOptionsMonitor<SensorIngestOptions> options)
    {
        var session = registry.Open();
        return TypedResults.Created($"/api/sensor/sessions/{session.Id}", Describe(session, request, options.CurrentValue));
    }

    private static Results<Ok<OpenedSession>, NotFound> NewCode(string id, HttpRequest request, SensorSessionRegistry registry, IOptionsMonitor<SensorIngestOptions> options)
    {
        if (!registry.TryGet(id, out var session))
        {
            return TypedResults.NotFound();
        }

        registry.NewCode(session);
        return TypedResults.Ok(Describe(session, request, options.CurrentValue));
    }

    private static Results<Ok<SensorSessionStatus>, NotFound> GetSession(string id, SensorSessionRegistry registry) =>
        registry.TryGet(id, out var session) ? TypedResults.Ok(session.GetStatus()) : TypedResults.NotFound();

    private static IResult GetQrCode(string id, HttpRequest request, SensorSessionRegistry registry, IOptionsMonitor<SensorIngestOptions> options)
    {
        if (!registry.TryGet(id, out var session) || session.PairingCode is not { } code)
        {
            return Results.NotFound();
        }

        var url = PairingQrCode.PhoneUrl(PhoneBaseAddress(request, options.CurrentValue), code);
        return Results.Text(PairingQrCode.Svg(url.ToString()), "image/svg+xml");
    }

    private static OpenedSession Describe(SensorSession session, HttpRequest request, SensorIngestOptions options)
    {
        var code = session.PairingCode ?? string.Empty;
        return new OpenedSession(
            session.Id,
            code,
            session.PairingCodeExpiresAt,
            PairingQrCode.PhoneUrl(PhoneBaseAddress(request, options), code).ToString(),
            $"/api/sensor/sessions/{session.Id}/qr.svg");
    }

    private static Results<Ok<PairResponse>, ProblemHttpResult> Pair(PairRequest? body, SensorSessionRegistry registry)
    {
        var outcome = registry.Redeem(body?.Code?.Trim(), out var session, out var token);
        return outcome switch
        {
            PairingOutcome.Paired when session is not null && token is not null => TypedResults.Ok(new PairResponse(
                session.Id, token, $"/ws/sensor/{token}", session.ExerciseName, session.PlacementText)),
            PairingOutcome.Malformed => TypedResults.Problem("The pairing code is six digits.", statusCode: StatusCodes.Status400BadRequest),
            PairingOutcome.Expired => TypedResults.Problem("This code has expired. Ask the screen for a new one.", statusCode: StatusCodes.Status410Gone),
            _ => TypedResults.Problem("This code is not known. Check the six digits on the screen.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    private static async Task ConnectPhone(HttpContext context, string token, SensorSessionRegistry registry, SensorSocketReceiver receiver)
    {
        // Unknown token first: a phone page asks with a plain GET whether its pairing still exists.
        if (!registry.TryGetByToken(token, out var session))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await receiver.RunAsync(socket, session, context.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>A newly opened session, for the screen.</summary>
public sealed record OpenedSession(string SessionId, string PairingCode, DateTimeOffset PairingCodeExpiresAt, string PhoneUrl, string QrCodeSvgUrl);

/// <summary>What the phone page posts to pair.</summary>
public sealed record PairRequest(string? Code);

/// <summary>What the phone gets back when its code was right.</summary>
public sealed record PairResponse(string SessionId, string Token, string SocketPath, string? Exercise, string Placement);
