using System.Net.Http.Json;
using System.Net.WebSockets;
using Ambulo.Web.Features.SensorIngest;

namespace Ambulo.Web.Tests.Common;

/// <summary>What a phone does against a running app: redeem a pairing code, open the sensor socket.</summary>
internal static class PhoneApi
{
    public static async Task<PairResponse> RedeemCodeAsync(HttpClient http, string code)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/sensor/pair", UriKind.Relative), new PairRequest(code));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PairResponse>())!;
    }

    public static async Task<ClientWebSocket> ConnectAsync(Uri baseAddress, string socketPath)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(baseAddress, socketPath)) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        return socket;
    }
}
