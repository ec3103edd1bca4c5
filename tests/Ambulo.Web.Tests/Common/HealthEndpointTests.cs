using System.Net;

namespace Ambulo.Web.Tests.Common;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new();

    [Fact]
    public async Task Healthz_AppStarted_ReturnsOk()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose() => _factory.Dispose();
}
