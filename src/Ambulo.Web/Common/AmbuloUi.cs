namespace Ambulo.Web.Common;

internal static class AmbuloUi
{
    public static WebApplicationBuilder AddAmbuloUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // `dotnet run` serves the framework's files (blazor.web.js) from the build's static web asset
        // manifest in every environment, not only Development; a published app has no manifest and
        // serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
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
