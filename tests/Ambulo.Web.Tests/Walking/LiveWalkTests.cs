using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Features.Walking;

namespace Ambulo.Web.Tests.Walking;

public class LiveWalkTests
{
    /// <summary>Pushes the samples in chunks of 1 to 97 samples (seeded), as a phone's frames arrive.</summary>
    internal static void PushInIrregularChunks(ImuSample[] samples, Action<ImuSample[]> push, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < samples.Length;)
        {
            var length = Math.Min(samples.Length - i, 1 + random.Next(97));
            push(samples[i..(i + length)]);
            i += length;
        }
    }

    [Theory]
    [InlineData(1, 60, 1.3)]
    [InlineData(2, 85, 1.1)]
    [InlineData(3, 45, 1.5)]
    public void Finish_SimulatedWalkInIrregularChunks_EqualsOfflineDetect(int seed, double cadence, double asymmetry)
    {
        var samples = WalkingSimulator.Simulate(new WalkingSimulationOptions
        {
            Seed = seed, Steps = 50, CadenceStepsPerMinute = cadence, StepTimeAsymmetryRatio = asymmetry, PeakAccelerationMps2 = 1.2,
        }).Recording.Samples;
        var walk = new LiveWalk(StepCounterOptions.Hemiparetic);

        PushInIrregularChunks(samples, chunk => walk.Push(chunk), seed);
        var final = walk.Finish();

        var offline = StepCounter.Detect(samples, StepCounterOptions.Hemiparetic);
        final.Steps.ShouldBe(offline.Steps);
        walk.StepTimes.ShouldBe(offline.StepTimesSeconds);
        final.Steps.ShouldBeInRange(49, 51);
        final.Finished.ShouldBeTrue();
        final.ElapsedSeconds.ShouldBe(samples[^1].TimeSeconds - samples[0].TimeSeconds, 1e-9);
    }

    [Theory]
    [InlineData("user1_frontpocket_1506422223341.csv")]
    [InlineData("user2_hand_1506421987098.csv")]
    public void Finish_RealPhoneRecordingInIrregularChunks_EqualsOfflineDetect(string file)
    {
        var samples = OxfordImporter.Import(TestFiles.Path("oxford-phone-steps", "validation", file)).Recording!.Samples;
        var walk = new LiveWalk(StepCounterOptions.SlowOrImpaired);

        PushInIrregularChunks(samples, chunk => walk.Push(chunk), 7);
        var final = walk.Finish();

        var offline = StepCounter.Detect(samples, StepCounterOptions.SlowOrImpaired);
        offline.Steps.ShouldBeGreaterThan(20, "the recording is a walk");
        final.Steps.ShouldBe(offline.Steps);
        walk.StepTimes.ShouldBe(offline.StepTimesSeconds);
    }

    [Fact]
    public void Push_AfterFinish_IsIgnored()
    {
        var samples = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 4, Steps = 30 }).Recording.Samples;
        var walk = new LiveWalk(StepCounterOptions.SlowOrImpaired);
        walk.Push(samples.AsSpan(0, samples.Length / 2));
        var final = walk.Finish();

        walk.Push(samples.AsSpan(samples.Length / 2));

        walk.Snapshot.Steps.ShouldBe(final.Steps);
        walk.Finish().ShouldBe(final);
    }

    [Fact]
    public void Changed_IsRaisedWithTheGrowingCount()
    {
        var samples = WalkingSimulator.Simulate(new WalkingSimulationOptions { Seed = 5, Steps = 30 }).Recording.Samples;
        var walk = new LiveWalk(StepCounterOptions.SlowOrImpaired);
        var seen = new List<int>();
        walk.Changed += s => seen.Add(s.Steps);

        PushInIrregularChunks(samples, chunk => walk.Push(chunk), 3);
        walk.Finish();

        seen.Count.ShouldBeGreaterThan(3);
        seen.ShouldBeInOrder();
        seen[^1].ShouldBe(walk.Snapshot.Steps);
    }

    [Fact]
    public void Cadence_FewerThanTheMinimumSteps_IsNotShown()
    {
        var times = Enumerable.Range(0, LiveWalk.MinimumStepsForCadence - 1).Select(i => i * 0.8).ToArray();

        LiveWalk.Cadence(times, 2.5).ShouldBeNull();
        LiveWalk.Cadence([.. times, times[^1] + 0.8], 2.5)!.Value.ShouldBe(75, 1e-9);
    }

    [Fact]
    public void Cadence_LeavesOutPausesAndFollowsTheRecentSteps()
    {
        // 20 steps at 1 s, a 10 s pause, then 20 steps at 0.5 s: the window holds the last 20 (0.5 s apart), the pause is left out.
        var slow = Enumerable.Range(0, 20).Select(i => (double)i);
        var fast = Enumerable.Range(0, 20).Select(i => 29 + (i * 0.5));
        var times = slow.Concat(fast).ToArray();

        LiveWalk.Cadence(times, 2.5)!.Value.ShouldBe(120, 1e-9);
        // With a pause inside the window, the walking intervals alone make the cadence.
        LiveWalk.Cadence([.. Enumerable.Range(0, 10).Select(i => (double)i), .. Enumerable.Range(0, 10).Select(i => 30.0 + i)], 2.5)!.Value.ShouldBe(60, 1e-9);
    }

    [Theory]
    [InlineData(0, 9, null)]
    [InlineData(9, 10, 10)]
    [InlineData(9, 30, 25)]
    [InlineData(25, 49, null)]
    [InlineData(49, 51, 50)]
    [InlineData(50, 99, null)]
    [InlineData(90, 160, 150)]
    [InlineData(150, 150, null)]
    public void Milestones_Passed_GivesTheHighestNewOne(int before, int now, int? expected)
    {
        WalkMilestones.Passed(before, now).ShouldBe(expected);
    }
}
