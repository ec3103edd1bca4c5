namespace Ambulo.Web.Features.Walking;

/// <summary>Settings of the Walk screen (section <c>Ambulo:Walking</c>).</summary>
internal sealed class WalkingOptions
{
    /// <summary>
    /// How long a walk goes on with no screen showing it (a refresh, a closed tab) before it is stopped and stored.
    /// A refreshed screen within this time carries on with the same walk.
    /// </summary>
    public double ScreenGraceSeconds { get; set; } = 30;
}

internal static class WalkingFeature
{
    public static IServiceCollection AddWalkingFeature(this IServiceCollection services)
    {
        services.AddOptions<WalkingOptions>().BindConfiguration("Ambulo:Walking");
        services.AddSingleton<WalkSessions>();
        return services;
    }
}
