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
    private readonly double _replayTimeScale;
    private Factory _factory;

    /// <param name="simulatorTempoScale">Speeds up the built-in simulator (1 = the prescribed tempo).</param>
    /// <param name="replayTimeScale">Speeds up the replay of recording files (1 = the recorded speed).</param>
    public AppServer(double simulatorTempoScale = 1.0, double replayTimeScale = 1.0)
    {
        _simulatorTempoScale = simulatorTempoScale;
        _replayTimeScale = replayTimeScale;
        _factory = Start(_dataFolder, simulatorTempoScale, replayTimeScale);
    }

    public IServiceProvider Services => _factory.Services;

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Stops the server (open connections are told, as at a real shutdown) and starts a new one on the same data and port.</summary>
    public async Task RestartAsync()
    {
        var port = BaseAddress.Port;
        await _factory.DisposeAsync();
        _factory = Start(_dataFolder, _simulatorTempoScale, _replayTimeScale, port);
    }

    private static Factory Start(string dataFolder, double simulatorTempoScale, double replayTimeScale, int port = 0)
    {
        var factory = new Factory(dataFolder, simulatorTempoScale, replayTimeScale);
        factory.UseKestrel(port);
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

    private sealed class Factory(string dataFolder, double simulatorTempoScale, double replayTimeScale) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Ambulo:DataFolder", dataFolder);
            builder.UseSetting("Ambulo:Simulator:TempoScale", simulatorTempoScale.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Ambulo:Replay:TimeScale", replayTimeScale.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
