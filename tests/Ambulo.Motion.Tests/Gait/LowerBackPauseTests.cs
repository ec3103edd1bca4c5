using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// A walk interrupted by a standstill: the Mobilise-D walking bout runs on across a break of up to 3 s
/// (<see cref="LowerBackGaitOptions.MaximumPauseSeconds"/>), the strides around the pause left out.
/// </summary>
public class LowerBackPauseTests
{
    /// <summary>Four steps of 0.6 s, a standstill of <paramref name="pauseSeconds"/> from the last of them, then twelve steps of 0.6 s.</summary>
    private static (Ambulo.Motion.Samples.ImuSample[] Samples, List<double> Steps) WalkPauseWalk(double pauseSeconds, int firstSteps = 4)
    {
        var steps = new List<double>();
        for (var k = 0; k < firstSteps; k++)
        {
            steps.Add(2.0 + 0.6 * k);
        }

        var resume = steps[^1] + pauseSeconds;
        for (var k = 0; k < 12; k++)
        {
            steps.Add(resume + 0.6 * k);
        }

        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 4);
        return (samples, steps);
    }

    [Fact]
    public void Detect_PauseUnderThreeSeconds_SlowOrImpairedKeepsOneBoutWithoutStridesAcrossIt()
    {
        var (samples, steps) = WalkPauseWalk(2.6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired with { SensorHeightMeters = 0.95 });

        var bout = result.WalkingBouts.ShouldHaveSingleItem();
        bout.StartSeconds.ShouldBe(steps[0], 0.15);
        result.InitialContacts.Count(c => c.TimeSeconds < steps[4] - 0.3).ShouldBe(4);
        // The strides holding the 2.6 s standstill are no strides: the cadence stays the walking's 100 steps/min.
        bout.CadenceStepsPerMinute.ShouldBe(100, 3);
        result.Strides.ShouldAllBe(s => s.StrideTimeSeconds < 1.5);
        result.Strides.Count.ShouldBe(2 + 10 - 1);
    }

    [Fact]
    public void Detect_PauseUnderThreeSeconds_SplitsTheBoutWhenPausesAreOff()
    {
        var (samples, steps) = WalkPauseWalk(2.6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired with { MaximumPauseSeconds = 0 });

        // The four steps before the pause are too few for a bout of their own.
        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[4], 0.15);
    }

    [Fact]
    public void Detect_PauseOverThreeSeconds_EndsTheBout()
    {
        var (samples, steps) = WalkPauseWalk(3.6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[4], 0.15);
    }

    [Fact]
    public void Detect_TwoBouncesBeforeAPause_AreNotJoined()
    {
        // Two bounces hold no stride, so they are not walking, pause or not.
        var (samples, steps) = WalkPauseWalk(2.6, firstSteps: 2);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[2], 0.15);
    }

    [Fact]
    public void Detect_WeakStepsAtTheRhythmInsideAPause_AreTakenAsSteps()
    {
        // Four steps of 0.6 s, three weak ones carrying on at the same rhythm (about 0.3 m/s² in the step band against 1.0 for
        // the others: under the 0.5 m/s² threshold, over the 0.2 m/s² candidate floor), then twelve strong ones: between the
        // strong peaks lies a 2.4 s "pause" that is in fact weak walking.
        var steps = Enumerable.Range(0, 19).Select(k => 2.0 + 0.6 * k).ToList();
        var weak = new HashSet<int> { 4, 5, 6 };
        var samples = PeriodicBoutsTests.Trunk(steps.Select((t, k) => (t, weak.Contains(k) ? 0.8 : 2.0)).ToList(),
            steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 6);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        var bout = result.WalkingBouts.ShouldHaveSingleItem();
        foreach (var k in weak)
        {
            result.InitialContacts.ShouldContain(c => Math.Abs(c.TimeSeconds - steps[k]) < 0.15, $"weak step {k} at {steps[k]} s");
        }

        bout.CadenceStepsPerMinute.ShouldBe(100, 3);
    }

    [Fact]
    public void Detect_BumpsOffTheRhythmInsideAPause_AreNotSteps()
    {
        // Four steps, a 2.4 s pause holding two bumps of the weak steps' size off the rhythm (0.25 s after the last step, then
        // 1.0 s later), twelve steps: the pause is bridged, the bumps are not taken.
        var steps = Enumerable.Range(0, 4).Select(k => 2.0 + 0.6 * k).Concat(Enumerable.Range(0, 12).Select(k => 6.2 + 0.6 * k)).ToList();
        var bumps = new List<double> { 4.05, 5.05 };
        var samples = PeriodicBoutsTests.Trunk([.. steps.Select(t => (t, 2.0)), .. bumps.Select(t => (t, 0.8))],
            steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 7);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);

        result.WalkingBouts.ShouldHaveSingleItem().StartSeconds.ShouldBe(steps[0], 0.15);
        result.InitialContacts.ShouldNotContain(c => c.TimeSeconds > steps[3] + 0.3 && c.TimeSeconds < steps[4] - 0.3);
    }

    /// <summary>
    /// Real data (mobgap, MS participant, daily activities): the INDIP bout 45.35–55.49 s holds a 2.5 s standstill
    /// (49.61 → 52.12 s). With the pause allowance our bout reaches back across it to the reference contacts at 48.80 and
    /// 49.32 s; ending the bout at the first interval over 2 s (the rule before) leaves them out.
    /// </summary>
    [Theory]
    [InlineData(3.0, true)]
    [InlineData(0.0, false)]
    public void Detect_MobgapStandstillInsideAReferenceBout_JoinedOnlyWithThePauseAllowance(double pauseSeconds, bool found)
    {
        var trial = new MobgapTrial("MS", "001", "Test11", "Trial1");
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;

        var result = LowerBackGaitDetector.Detect(recording.Samples, recording.Metadata.SamplingRateHz,
            LowerBackGaitOptions.SlowOrImpaired with { MaximumPauseSeconds = pauseSeconds });

        foreach (var reference in new[] { 48.80, 49.32 })
        {
            result.InitialContacts.Any(c => Math.Abs(c.TimeSeconds - reference) <= 0.25).ShouldBe(found, $"contact at {reference} s");
        }

        result.WalkingBouts.Any(b => b.StartSeconds < 49 && b.EndSeconds > 53).ShouldBe(found);
    }

    /// <summary>
    /// Real data (mobgap, healthy adult, daily activities): INDIP bout 4.86–11.31 s ends its fast start at 6.93 s and turns
    /// round in weak steps (7.43, 7.80, 8.63, 10.17 s; trunk bounces 0.1–0.4 m/s²) before the next bounce over the threshold
    /// 2.6 s later. With the pause allowance the rhythm step carries on through the turn and finds 7.43 and 8.63 s.
    /// </summary>
    [Theory]
    [InlineData(3.0, true)]
    [InlineData(0.0, false)]
    public void Detect_MobgapTurnInWeakSteps_FollowedByTheRhythmOnlyWithThePauseAllowance(double pauseSeconds, bool found)
    {
        var trial = new MobgapTrial("HA", "002", "Test11", "Trial1");
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;

        var result = LowerBackGaitDetector.Detect(recording.Samples, recording.Metadata.SamplingRateHz,
            LowerBackGaitOptions.SlowOrImpaired with { MaximumPauseSeconds = pauseSeconds });

        foreach (var reference in new[] { 7.43, 8.63 })
        {
            result.InitialContacts.Any(c => Math.Abs(c.TimeSeconds - reference) <= 0.25).ShouldBe(found, $"contact at {reference} s");
        }
    }
}
