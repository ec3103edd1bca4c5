using System.Net.Http.Json;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Session;
using Ambulo.Web.Tests.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Sensors;

public sealed class SimulatorRunnerTests : IDisposable
{
    private readonly AmbuloAppFactory _factory = new(settings: new Dictionary<string, string> { ["Ambulo:Simulator:TempoScale"] = "0.05" });

    private async Task<int> StartSimulatorSessionAsync()
    {
        var session = await _factory.StartSessionAsync();
        await _factory.Services.GetRequiredService<SessionEngine>().SetSensorSourceAsync(session.SessionId, SensorSources.Simulator, CancellationToken.None);
        return session.SessionId;
    }

    private async Task<int> CountAsync(int sessionId)
    {
        await using var db = _factory.CreateDb();
        return await db.Repetitions.CountAsync(r => r.SessionId == sessionId);
    }

    [Fact]
    public async Task StopThenStartAgain_TheNewRunStaysKnownAndAFinalStopReallyStopsIt()
    {
        // Choosing another sensor and then the simulator again stops and restarts the simulated person at once.
        // The first run ends a moment later; it must not take the second run's place with it, or the last Stop
        // would not find the run and the simulated person would go on counting after the patient chose the puck.
        var sessionId = await StartSimulatorSessionAsync();
        var simulator = _factory.Services.GetRequiredService<SimulatorRunner>();
        simulator.Start(sessionId);
        simulator.Stop(sessionId);
        simulator.Start(sessionId);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync(sessionId) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        (await CountAsync(sessionId)).ShouldBeGreaterThanOrEqualTo(2, "the restarted simulator should count");
        simulator.IsRunning(sessionId).ShouldBeTrue();

        simulator.Stop(sessionId);
        await Task.Delay(500); // a repetition already being stored may still land
        var afterStop = await CountAsync(sessionId);
        await Task.Delay(3000); // at this tempo a running simulator counts several repetitions in 3 s
        (await CountAsync(sessionId)).ShouldBe(afterStop, "nothing may be counted after the simulator was stopped");
        simulator.IsRunning(sessionId).ShouldBeFalse();
    }

    public void Dispose() => _factory.Dispose();
}
