namespace Ambulo.Web.Common;

internal static class AmbuloUi
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddAmbuloUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // `dotnet run` serves the framework's files (blazor.web.js) from the build's static web asset
        // manifest in every environment, not only Development; a published app has no manifest and
        // serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();

        // Default address when none is given (--urls, ASPNETCORE_URLS or "urls" in configuration).
        // Set here rather than in appsettings.json so hosts that choose their own port (tests) are not overridden.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication UseAmbuloUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapAmbuloUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
