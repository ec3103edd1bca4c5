namespace Ambulo.Web.Features.Walking;

/// <summary>Settings of the Walk screen (section <c>Ambulo:Walking</c>).</summary>
internal sealed class WalkingOptions
{
    /// <summary>
    /// How long a walk goes on with no screen showing it (a refresh, a closed tab) before it is stopped and stored.
    /// A refreshed screen within this time carries on with the same walk.
    /// </summary>
    public double ScreenGraceSeconds { get; set; } = 30;

    /// <summary>How often the count of a walk in progress is written to its row (at least 1 s).</summary>
    public double ProgressSaveSeconds { get; set; } = 10;
}

internal static class WalkingFeature
{
    public static IServiceCollection AddWalkingFeature(this IServiceCollection services)
    {
        services.AddOptions<WalkingOptions>().BindConfiguration("Ambulo:Walking");
        services.AddSingleton<WalkSessions>();
        services.AddHostedService<UnfinishedWalks>();
        return services;
    }
}
