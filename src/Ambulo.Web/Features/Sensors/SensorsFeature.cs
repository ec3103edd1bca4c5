namespace Ambulo.Web.Features.Sensors;

internal static class SensorsFeature
{
    public static IServiceCollection AddSensorsFeature(this IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>().BindConfiguration("Ambulo:Simulator");
        services.AddSingleton<TrackingPlans>();
        services.AddSingleton<SimulatorRunner>();
        services.AddOptions<ReplayOptions>().BindConfiguration("Ambulo:Replay");
        services.AddSingleton<ReplayRunner>();
        services.AddOptions<Phone.PhoneLinkOptions>().BindConfiguration("Ambulo:Phone");
        services.AddSingleton<Phone.PhoneSensorLinks>();
        services.AddSingleton<Phone.PhonePairingStore>();
        services.AddHostedService<Phone.PhonePairingRestorer>();
        return services;
    }
}
