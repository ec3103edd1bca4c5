using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ambulo.Web.BrowserTests.Infrastructure;

/// <summary>
/// The whole app on real Kestrel at http://127.0.0.1:&lt;free port&gt;, with its own SQLite file in a
/// temporary folder. <see cref="RestartAsync"/> stops it and starts a new one on the same data.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ambulo-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly double _simulatorTempoScale;
    private Factory _factory;

    /// <param name="simulatorTempoScale">Speeds up the built-in simulator (1 = the prescribed tempo).</param>
    public AppServer(double simulatorTempoScale = 1.0)
    {
        _simulatorTempoScale = simulatorTempoScale;
        _factory = Start(_dataFolder, simulatorTempoScale);
    }

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public async Task RestartAsync()
    {
        await _factory.DisposeAsync();
        _factory = Start(_dataFolder, _simulatorTempoScale);
    }

    private static Factory Start(string dataFolder, double simulatorTempoScale)
    {
        var factory = new Factory(dataFolder, simulatorTempoScale);
        factory.UseKestrel(0);
        factory.StartServer();
        return factory;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private sealed class Factory(string dataFolder, double simulatorTempoScale) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Ambulo:DataFolder", dataFolder);
            builder.UseSetting("Ambulo:Simulator:TempoScale", simulatorTempoScale.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
