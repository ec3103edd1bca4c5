namespace Ambulo.Web.Features.Home;

internal static class HomeFeature
{
    public static IServiceCollection AddHomeFeature(this IServiceCollection services)
    {
        services.AddSingleton(Ambulo.Domain.Exercises.ExerciseCatalogue.Default);
        services.AddSingleton<DailyProgramPlanner>();
        services.AddScoped<TodayProgram>();
        services.AddScoped<DemoPatientSeeder>();
        services.AddScoped<HomeQuery>();
        return services;
    }
}
