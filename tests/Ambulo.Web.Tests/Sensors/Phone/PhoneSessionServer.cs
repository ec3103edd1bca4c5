using System.Net.Http.Json;
using System.Net.WebSockets;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Data;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Sensors.Phone;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Sensors.Phone;

/// <summary>The app on real Kestrel and a real SQLite file, with helpers for a guided session and its phone.</summary>
internal sealed class PhoneSessionServer : IAsyncDisposable
{
    private readonly AmbuloAppFactory _factory;

    public PhoneSessionServer(params (string Key, string Value)[] settings)
        : this(null, settings)
    {
    }

    /// <summary>A server on <paramref name="dataFolder"/> (kept when it is given: start a second server on it to see a restart).</summary>
    public PhoneSessionServer(string? dataFolder, params (string Key, string Value)[] settings)
    {
        _factory = new AmbuloAppFactory(dataFolder, settings.ToDictionary(s => s.Key, s => s.Value));
        _factory.UseKestrel(0);
        _factory.StartServer();
        Http = _factory.CreateClient();
    }

    public HttpClient Http { get; }

    public Uri BaseAddress => _factory.ClientOptions.BaseAddress;

    public PhoneSensorLinks Links => _factory.Services.GetRequiredService<PhoneSensorLinks>();

    public SensorSessionRegistry Registry => _factory.Services.GetRequiredService<SensorSessionRegistry>();

    public SessionEngine Engine => _factory.Services.GetRequiredService<SessionEngine>();

    public AmbuloDbContext CreateDb() => _factory.CreateDb();

    public string DatabasePath => _factory.DatabasePath;

    /// <summary>Starts (or resumes) today's session of the patient, the first (demo) patient unless told.</summary>
    public async Task<SessionView> StartSessionAsync(int? patient = null)
    {
        await using var db = CreateDb();
        var patientId = patient ?? await db.Patients.Select(p => p.Id).FirstAsync();
        using var response = await Http.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new { patientId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SessionView>())!;
    }

    public async Task<PhonePairing> PairFromSessionAsync(int sessionId)
    {
        using var response = await Http.PostAsync(new Uri($"/api/sessions/{sessionId}/phone", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PhonePairing>())!;
    }

    public Task<PairResponse> RedeemAsync(string code) => PhoneApi.RedeemCodeAsync(Http, code);

    public Task<ClientWebSocket> ConnectPhoneAsync(string socketPath) => PhoneApi.ConnectAsync(BaseAddress, socketPath);

    /// <summary>A simulated set of the exercise at a phone's rate (60 Hz unless told), times on whole microseconds as the phone page sends them.</summary>
    public static ImuSample[] Recording(string exerciseId, int repetitions, int seed, double samplingRateHz = 60)
    {
        var plan = new TrackingPlans(ExerciseCatalogue.Default).For(exerciseId);
        var set = RepetitionSimulator.Simulate(plan.Simulation with { Repetitions = repetitions, Seed = seed, SamplingRateHz = samplingRateHz });
        set.TrueCount.ShouldBe(repetitions);
        return [.. set.Recording.Samples.Select(s => s with { TimeSeconds = Math.Round(s.TimeSeconds * 1_000_000d) / 1_000_000d })];
    }

    /// <summary>Polls (at most <paramref name="seconds"/>) until the condition holds; returns whether it did.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(25);
        }

        return true;
    }

    public static Task<bool> EventuallyAsync(Func<bool> condition, double seconds = 20) =>
        EventuallyAsync(() => Task.FromResult(condition()), seconds);

    /// <summary>Stops the server as a shutdown does (open phone connections are told; nothing is cleaned up by the test).</summary>
    public Task StopAsync() => _factory.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHost>().StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
    }
}
