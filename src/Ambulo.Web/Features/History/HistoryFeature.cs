namespace Ambulo.Web.Features.History;

internal static class HistoryFeature
{
    public static IServiceCollection AddHistoryFeature(this IServiceCollection services)
    {
        services.AddScoped<ProgressQuery>();
        return services;
    }
}
