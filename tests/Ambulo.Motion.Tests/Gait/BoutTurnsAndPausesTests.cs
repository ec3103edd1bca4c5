using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>The turns (<see cref="WalkingBout.Turns"/>) and pauses (<see cref="WalkingBout.Pauses"/>) of each walking bout.</summary>
public class BoutTurnsAndPausesTests
{
    private static SensorRecording Recording(string placement, ImuSample[] samples, bool gyroscope = true) => TestRecordings.Of(samples, placement, gyroscope: gyroscope);

    /// <summary>
    /// SYNTHETIC lower-back walk: steps every 0.6 s from 2 s to about 26 s (one trunk bounce each, the pelvis yaw alternating
    /// with the steps); while walking, from <paramref name="turnFrom"/> for 2 s, the body turns at 90 °/s (a 180° turn).
    /// </summary>
    private static ImuSample[] WalkWithTurn(double turnFrom)
    {
        var steps = Enumerable.Range(0, 41).Select(k => 2 + (0.6 * k)).ToList();
        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 8);
        for (var i = 0; i < samples.Length; i++)
        {
            var t = samples[i].TimeSeconds;
            if (t >= turnFrom && t < turnFrom + 2)
            {
                samples[i] = samples[i] with { AngularVelocityRadps = samples[i].AngularVelocityRadps + new Vector3(0, 0, MathF.PI / 2) };
            }
        }

        return samples;
    }

    [Fact]
    public void Analyze_WalkWithAHalfTurn_TheBoutHoldsThatTurn()
    {
        var analysis = GaitAnalyzer.Analyze([Recording("lower-back", WalkWithTurn(turnFrom: 12))]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        var turn = bout.Turns.ShouldNotBeNull().ShouldHaveSingleItem();
        turn.AngleDegrees.ShouldBe(180, 15);
        turn.StartSeconds.ShouldBe(12, 0.5);
        turn.EndSeconds.ShouldBe(14, 0.5);
    }

    [Fact]
    public void Analyze_StraightWalkWithGyroscope_NoTurnIsAnEmptyListNotNull()
    {
        var analysis = GaitAnalyzer.Analyze([Recording("lower-back", WalkWithTurn(turnFrom: 1000))]);

        analysis.WalkingBouts.ShouldHaveSingleItem().Turns.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_NoGyroscope_TurnsAreAbsentNotZero()
    {
        var samples = WalkWithTurn(turnFrom: 12).Select(s => s with { AngularVelocityRadps = Vector3.Zero }).ToArray();

        var analysis = GaitAnalyzer.Analyze([Recording("front-pocket", samples, gyroscope: false)]);

        analysis.WalkingBouts.ShouldNotBeEmpty();
        analysis.WalkingBouts.ShouldAllBe(b => b.Turns == null);
    }

    /// <summary>
    /// REAL data: the mobgap lower-back walks (MS participant and a healthy adult, simulated daily activities) hold turns;
    /// each bout's turns are the turns <see cref="TurnDetector"/> finds in the whole recording whose middle lies in the bout.
    /// </summary>
    [Theory]
    [InlineData("MS", "001", "TimeMeasure1_Test11_Trial1.csv")]
    [InlineData("HA", "002", "TimeMeasure1_Test11_Trial1.csv")]
    public void Analyze_MobgapLowerBack_BoutTurnsAreTheWholeRecordingsTurnsInsideThem(string group, string participant, string file)
    {
        var recording = MobgapImporter.Import(TestData.Path("mobgap-lowerback", "data_csv", group, participant, file)).Recording;

        var analysis = GaitAnalyzer.Analyze([recording]);
        var whole = TurnDetector.Detect(recording.Samples, recording.Metadata.SamplingRateHz);

        var inBouts = 0;
        foreach (var bout in analysis.WalkingBouts)
        {
            var expected = whole.Where(t => (t.StartSeconds + t.EndSeconds) / 2 >= bout.StartSeconds && (t.StartSeconds + t.EndSeconds) / 2 <= bout.EndSeconds).ToList();
            var turns = bout.Turns.ShouldNotBeNull();
            turns.Count.ShouldBe(expected.Count);
            for (var k = 0; k < turns.Count; k++)
            {
                turns[k].StartSeconds.ShouldBe(expected[k].StartSeconds, 0.02);
                turns[k].EndSeconds.ShouldBe(expected[k].EndSeconds, 0.02);
                turns[k].AngleDegrees.ShouldBe(expected[k].AngleDegrees, 1.0);
            }

            inBouts += turns.Count;
        }

        inBouts.ShouldBeGreaterThan(0);
    }

    /// <summary>SYNTHETIC: four steps of 0.6 s, a standstill, twelve more steps of 0.6 s, on the lower back.</summary>
    private static (ImuSample[] Samples, List<double> Steps) WalkPauseWalk(double pauseSeconds)
    {
        var steps = Enumerable.Range(0, 4).Select(k => 2.0 + (0.6 * k)).ToList();
        var resume = steps[^1] + pauseSeconds;
        steps.AddRange(Enumerable.Range(0, 12).Select(k => resume + (0.6 * k)));
        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 4);
        return (samples, steps);
    }

    [Fact]
    public void Analyze_LowerBackStandstillUnderThreeSeconds_TheBoutNamesThePauseItRunsAcross()
    {
        var (samples, steps) = WalkPauseWalk(2.6);

        var analysis = GaitAnalyzer.Analyze([Recording("lower-back", samples)]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        var pause = bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        pause.StartSeconds.ShouldBe(steps[3], 0.15);
        pause.EndSeconds.ShouldBe(steps[4], 0.15);
        pause.DurationSeconds.ShouldBe(2.6, 0.1);
        // The pause is no stride and no step: the bout's stride time is the walking's 1.2 s, both step times 0.6 s.
        bout.Timing.StrideTimeSeconds!.Value.ShouldBe(1.2, 0.02);
        bout.Timing.StepTimeLeftSeconds!.Value.ShouldBe(0.6, 0.02);
        bout.Timing.StepTimeRightSeconds!.Value.ShouldBe(0.6, 0.02);
        analysis.Summary.StepTimeAsymmetryRatio!.Value.ShouldBe(1.0, 0.05);
    }

    [Fact]
    public void Analyze_LowerBackWithoutAPauseRule_BoutsHaveNoPauses()
    {
        var (samples, steps) = WalkPauseWalk(2.6);

        var analysis = GaitAnalyzer.Analyze([Recording("lower-back", samples)], new GaitAnalysisOptions(GaitPopulation.Healthy));

        // The healthy preset ends a bout at every stop (its bouts need only four steps): two bouts, no pause inside either.
        analysis.WalkingBouts.Count.ShouldBe(2);
        analysis.WalkingBouts[1].StartSeconds.ShouldBe(steps[4], 0.15);
        analysis.WalkingBouts.ShouldAllBe(b => b.Pauses != null && b.Pauses.Count == 0);
    }

    [Fact]
    public void Analyze_PhoneInThePocket_TheStopIsThePauseOfItsBout()
    {
        var (samples, steps) = WalkPauseWalk(2.0);

        var analysis = GaitAnalyzer.Analyze([Recording("front-pocket", samples)]);

        // 2.0 s between two contacts, inside the phone's 2.5 s bout gap and over 1.5 times its 1.2 s stride: a pause.
        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        var pause = bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        pause.StartSeconds.ShouldBe(steps[3], 0.15);
        pause.EndSeconds.ShouldBe(steps[4], 0.15);
        bout.CadenceStepsPerMinute.ShouldBe(100, 3);
    }

    /// <summary>REAL data: foot IMUs see the turns too (the gaitmap walk turns twice by about 180°), and the walk has no stop.</summary>
    [Fact]
    public void Analyze_GaitmapFeet_OneBoutWithTwoHalfTurnsAndNoPause()
    {
        var analysis = GaitAnalyzer.Analyze(TestRecordings.GaitmapFeet());

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        var turns = bout.Turns.ShouldNotBeNull();
        turns.Count(t => Math.Abs(t.AngleDegrees) is > 135 and < 225).ShouldBe(2);
        bout.Pauses.ShouldNotBeNull().ShouldBeEmpty();
    }
}
