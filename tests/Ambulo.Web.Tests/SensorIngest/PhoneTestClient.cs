using System.Net.Http.Json;
using System.Net.WebSockets;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.SensorIngest.Frames;
using Ambulo.Web.Tests.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.SensorIngest;

/// <summary>The whole app on real Kestrel (127.0.0.1, free port) with its own data folder and sensor settings.</summary>
internal sealed class SensorAppServer : IAsyncDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ambulo-sensor-tests", Guid.NewGuid().ToString("N"));
    private readonly Factory _factory;

    public SensorAppServer(params (string Key, string Value)[] settings)
    {
        _factory = new Factory(_dataFolder, settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        Http = _factory.CreateClient();
    }

    public HttpClient Http { get; }

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public SensorSessionRegistry Registry => _factory.Services.GetRequiredService<SensorSessionRegistry>();

    public IServiceProvider Services => _factory.Services;

    public async Task<OpenedSession> OpenSessionAsync()
    {
        using var response = await Http.PostAsync(new Uri("/api/sensor/sessions", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OpenedSession>())!;
    }

    public Task<PairResponse> PairAsync(string code) => PhoneApi.RedeemCodeAsync(Http, code);

    public Task<ClientWebSocket> ConnectPhoneAsync(string socketPath) => PhoneApi.ConnectAsync(BaseAddress, socketPath);

    /// <summary>Waits (polling, at most <paramref name="seconds"/>) until the session's status satisfies a condition.</summary>
    public async Task<SensorSessionStatus> WaitForAsync(string sessionId, Func<SensorSessionStatus, bool> condition, double seconds = 15)
    {
        Registry.TryGet(sessionId, out var session).ShouldBeTrue();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var status = session.GetStatus();
        while (!condition(status) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            status = session.GetStatus();
        }

        return status;
    }

    /// <summary>Stops the server as a shutdown does (connections still open are told).</summary>
    public Task StopAsync() => _factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>().StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        AmbuloAppFactory.DeleteFolder(_dataFolder);
    }

    private sealed class Factory(string dataFolder, (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Ambulo:DataFolder", dataFolder);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>Frames a sample stream the way the phone page does: a few samples per frame, sequence numbers from 0.</summary>
internal static class PhoneFrames
{
    public static IEnumerable<byte[]> Split(ImuSample[] samples, int perFrame, uint streamId = 77, uint firstSequence = 0)
    {
        var sequence = firstSequence;
        for (var i = 0; i < samples.Length; i += perFrame)
        {
            var chunk = samples.AsSpan(i, Math.Min(perFrame, samples.Length - i));
            yield return SensorFrameEncoder.Encode(streamId, sequence++, FrameChannels.All, chunk);
        }
    }

    public static Task SendAsync(this ClientWebSocket socket, byte[] frame) =>
        socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    /// <summary>
    /// Reads (status messages and all) until the server's close frame and returns its status and reason.
    /// A connection the server aborted instead (what a browser reports as 1006) throws <see cref="WebSocketException"/>.
    /// </summary>
    public static async Task<(WebSocketCloseStatus? Status, string? Reason)> ReceiveCloseAsync(this ClientWebSocket socket, double seconds = 20)
    {
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.CloseStatus, result.CloseStatusDescription);
            }
        }
    }
}
