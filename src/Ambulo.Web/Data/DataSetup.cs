using Ambulo.Web.Features.Home;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ambulo.Web.Data;

/// <summary>Where the data lives. Bound from the <c>Ambulo</c> configuration section.</summary>
internal sealed class DataOptions
{
    public const string Section = "Ambulo";

    /// <summary>
    /// Folder for the SQLite file. Relative paths are taken from the content root (the project folder
    /// under <c>dotnet run</c>). Default: <c>data</c>. Set with <c>--Ambulo:DataFolder=/some/path</c>
    /// or the environment variable <c>Ambulo__DataFolder</c>.
    /// </summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Name of the SQLite file inside <see cref="DataFolder"/>.</summary>
    public string DatabaseFile { get; set; } = "ambulo.db";

    /// <summary>Create the demo patient and its program on first run (default true).</summary>
    public bool SeedDemoPatient { get; set; } = true;

    public string DatabasePath(string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, DataFolder, DatabaseFile));
}

internal static class DataSetup
{
    public static WebApplicationBuilder AddAmbuloData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        builder.Services.AddDbContextFactory<SqliteAmbuloDbContext>((services, options) =>
        {
            var data = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataOptions>>().Value;
            var environment = services.GetRequiredService<IWebHostEnvironment>();
            options.UseSqlite(ConnectionString(data.DatabasePath(environment.ContentRootPath)));
        });
        // Features ask for the provider-neutral context.
        builder.Services.AddSingleton<IDbContextFactory<AmbuloDbContext>, NeutralFactory>();
        builder.Services.AddScoped<AmbuloDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AmbuloDbContext>>().CreateDbContext());
        return builder;
    }

    /// <summary>Creates the data folder, applies migrations and seeds the demo patient on first run.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var data = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataOptions>>().Value;
        var path = data.DatabasePath(app.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DataFileLog(app.Logger, path, null);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AmbuloDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        if (data.SeedDemoPatient)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoPatientSeeder>().SeedAsync(CancellationToken.None);
        }
    }

    private static readonly Action<ILogger, string, Exception?> DataFileLog =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1, "AmbuloDataFile"), "Ambulo data file: {DatabasePath}");

    public static string ConnectionString(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();

    private sealed class NeutralFactory(IDbContextFactory<SqliteAmbuloDbContext> inner) : IDbContextFactory<AmbuloDbContext>
    {
        public AmbuloDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAmbuloDbContext>
{
    public SqliteAmbuloDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAmbuloDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
