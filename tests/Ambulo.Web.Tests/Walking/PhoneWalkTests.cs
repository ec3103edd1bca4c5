using Ambulo.Domain.Patients;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Data;
using Ambulo.Web.Features.SensorIngest;
using Ambulo.Web.Features.SensorIngest.Frames;
using Ambulo.Web.Features.Sensors;
using Ambulo.Web.Features.Walking;
using Ambulo.Web.Tests.SensorIngest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ambulo.Web.Tests.Walking;

/// <summary>A walk counted from a paired phone over the real socket, on the real app and SQLite file.</summary>
public sealed class PhoneWalkTests
{
    /// <summary>Keeps every sample the session accepted, as the walk's sink saw them (after decoding and the session's time line).</summary>
    private sealed class Recorder : ISensorSampleSink
    {
        public List<ImuSample> Samples { get; } = [];

        public void OnSamples(SensorBatch batch)
        {
            lock (Samples)
            {
                Samples.AddRange(batch.Samples);
            }
        }

        public void OnConnectionStateChanged(SensorConnectionState state)
        {
        }
    }

    [Fact]
    public async Task PhoneWalk_IrregularFramesOverTheSocket_StoresExactlyTheOfflineCount()
    {
        await using var server = new SensorAppServer(Common.IngestSettings.NoFrameRateLimit); // the walk is sent faster than real time
        var walks = server.Services.GetRequiredService<WalkSessions>();
        var plan = WalkPlan.For(WalkPlanTests.Profile(fac: 4, WalkingAid.None));
        plan.Permission.ShouldBe(WalkPermission.Alone); // FAC 4, no aid, cleared: no carer is asked for
        int patientId;
        await using (var db = server.Services.GetRequiredService<IDbContextFactory<AmbuloDbContext>>().CreateDbContext())
        {
            patientId = await db.Patients.Select(p => p.Id).FirstAsync();
        }

        var phone = walks.OpenPhone();
        phone.PairingCode.ShouldNotBeNull();
        phone.PlacementText.ShouldContain("pocket");
        var pairing = await server.PairAsync(phone.PairingCode);
        using var socket = await server.ConnectPhoneAsync(pairing.SocketPath);
        var walk = await walks.StartAsync(patientId, plan, SensorSources.Phone, carerConfirmed: false, CancellationToken.None, phone);
        var recorder = new Recorder();
        using (phone.Attach(recorder))
        {
            var samples = WalkingSimulator.Simulate(new WalkingSimulationOptions
            {
                Seed = 21, Steps = 40, CadenceStepsPerMinute = 70, StepTimeAsymmetryRatio = 1.3, PeakAccelerationMps2 = 1.4, SamplingRateHz = 60,
            }).Recording.Samples;
            var random = new Random(21);
            uint sequence = 0;
            for (var i = 0; i < samples.Length;)
            {
                var length = Math.Min(samples.Length - i, 1 + random.Next(12));
                await socket.SendAsync(SensorFrameEncoder.Encode(9, sequence++, FrameChannels.All, samples.AsSpan(i, length)));
                i += length;
            }

            var status = await server.WaitForAsync(phone.Id, s => s.SamplesAccepted >= samples.Length, seconds: 30);
            status.SamplesAccepted.ShouldBe(samples.Length, $"frames rejected: {string.Join(", ", status.RejectionsByReason.Select(r => $"{r.Key}={r.Value}"))}; dropped {status.BatchesDropped}; state {status.State}");
        }

        var stored = await walks.StopAsync(walk.Id, CancellationToken.None);

        var offline = StepCounter.Detect(recorder.Samples.ToArray(), plan.Counter);
        offline.Steps.ShouldBeInRange(39, 41);
        stored.ShouldNotBeNull();
        stored.Steps.ShouldBe(offline.Steps);
        walk.Walk.StepTimes.ShouldBe(offline.StepTimesSeconds);
        stored.SensorSource.ShouldBe(SensorSources.Phone);
        stored.CadenceStepsPerMinute.ShouldNotBeNull();
        stored.CadenceStepsPerMinute.Value.ShouldBe(70, 4);
        server.Registry.TryGet(phone.Id, out _).ShouldBeFalse("a stopped walk closes its phone pairing");
    }
}
