using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// One speed from bout to summary, as for cadence: the summary's gait speed is the bouts' speeds weighted by their walking
/// time (duration less pauses), so one bout gives exactly its own speed; a foot or phone bout's speed is its distance ÷ its
/// walking time. Before, the summary divided the total distance by the bouts' whole durations (0.97 m/s against the bout's
/// 0.99 on MS/001 Test5), and a foot or phone bout's speed counted its pauses as walking time.
/// </summary>
public class GaitSpeedDefinitionTests
{
    /// <summary>REAL data: the mobgap MS participant's straight walk (MS/001 Test5 Trial1) on the lower back is one bout.</summary>
    [Fact]
    public void Analyze_OneBoutLowerBackRecording_SummarySpeedIsTheBoutsSpeed()
    {
        var trial = new MobgapTrial("MS", "001", "Test5", "Trial1");
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;

        var analysis = GaitAnalyzer.Analyze([recording]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        analysis.Summary.GaitSpeedMetersPerSecond!.Value.ShouldBe(bout.GaitSpeedMetersPerSecond!.Value, 1e-9);
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(bout.CadenceStepsPerMinute, 1e-9);
    }

    [Fact]
    public void GaitSpeed_TwoBouts_WeightedByWalkingTimeWithoutPauses()
    {
        WalkingBout[] bouts =
        [
            new(0, 10, 18, 108, 12, 1.2) { Pauses = [] },
            new(20, 50, 40, 90, 15, 0.6) { Pauses = [new GaitPause(30, 35)] },
        ];

        GaitSummaries.WalkingSeconds(bouts[1]).ShouldBe(25, 1e-12);
        GaitSummaries.GaitSpeedMetersPerSecond(bouts)!.Value.ShouldBe(((1.2 * 10) + (0.6 * 25)) / 35, 1e-12);
        GaitSummaries.Summarize([], [], bouts, DistanceModel.InvertedPendulum).GaitSpeedMetersPerSecond!.Value.ShouldBe(((1.2 * 10) + (0.6 * 25)) / 35, 1e-12);
    }

    /// <summary>SYNTHETIC: a phone with every step a fixed share of body height; a stop inside the bout is no walking time.</summary>
    [Fact]
    public void Analyze_PhoneWalkWithAStop_BoutSpeedAsWithoutTheStop()
    {
        var options = new GaitAnalysisOptions(PhoneStepLength: new PhoneStepLengthOptions(BodyHeightMeters: 1.7));
        var (even, _) = SyntheticSteps.Walk(30);
        var (withStop, _) = SyntheticSteps.Walk(30, stopAfterStep: 11, stopSeconds: 1.45);

        var evenBout = GaitAnalyzer.Analyze([TestRecordings.Of(even, "front-pocket")], options).WalkingBouts.ShouldHaveSingleItem();
        var analysis = GaitAnalyzer.Analyze([TestRecordings.Of(withStop, "front-pocket")], options);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        bout.DistanceMeters!.Value.ShouldBe(evenBout.DistanceMeters!.Value, 1e-9);
        bout.GaitSpeedMetersPerSecond!.Value.ShouldBe(evenBout.GaitSpeedMetersPerSecond!.Value, 0.01 * evenBout.GaitSpeedMetersPerSecond.Value);
        analysis.Summary.GaitSpeedMetersPerSecond!.Value.ShouldBe(bout.GaitSpeedMetersPerSecond.Value, 1e-9);
    }
}
