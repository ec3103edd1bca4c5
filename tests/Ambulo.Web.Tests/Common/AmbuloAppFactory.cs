using System.Net.Http.Json;
using Ambulo.Web.Data;
using Ambulo.Web.Features.Session;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Common;

/// <summary>
/// The real app on a real SQLite file in its own temporary folder. Pass the same folder to a second
/// factory to see what survives a server restart.
/// </summary>
public sealed class AmbuloAppFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolder;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public AmbuloAppFactory(string? dataFolder = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "ambulo-web-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "ambulo.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Ambulo:DataFolder", DataFolder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    internal AmbuloDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<AmbuloDbContext>>().CreateDbContext();

    /// <summary>Starts (or resumes) today's session of the first patient through the API, as the home screen does.</summary>
    internal async Task<SessionView> StartSessionAsync()
    {
        using var client = CreateClient();
        await using var db = CreateDb();
        var patientId = await db.Patients.Select(p => p.Id).FirstAsync();
        using var response = await client.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new { patientId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionView>())!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            DeleteFolder(DataFolder);
        }
    }

    public static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open by a pooled connection: the OS temp cleaner takes it later.
        }
    }
}
