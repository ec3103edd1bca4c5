namespace Ambulo.Web.Features.Walking;

internal static class WalkingFeature
{
    public static IServiceCollection AddWalkingFeature(this IServiceCollection services)
    {
        services.AddSingleton<WalkSessions>();
        return services;
    }
}
