using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>The lower-back detector on the SYNTHETIC hemiparetic walker of <see cref="SyntheticHemipareticGait"/>.</summary>
public class LowerBackGaitDetectorHemipareticTests
{
    /// <summary>
    /// Every paretic step bounces under the preset's peak threshold for whole bouts, so the thresholded peaks are one
    /// stride apart: longer than the longest step for SlowOrImpaired (no bout at all), within it for Hemiparetic (a bout
    /// whose rhythm is the stride). The stride-run fill must find the weak steps in both.
    /// </summary>
    [Theory]
    [InlineData(GaitPopulation.SlowOrImpaired, 50, 1.5, 0.25, 1.2, WalkingAid.None)]
    [InlineData(GaitPopulation.SlowOrImpaired, 70, 1.2, 0.3, 1.2, WalkingAid.Cane)]
    [InlineData(GaitPopulation.SlowOrImpaired, 80, 1.5, 0.3, 1.2, WalkingAid.None)]
    [InlineData(GaitPopulation.Hemiparetic, 50, 1.5, 0.2, 1.5, WalkingAid.None)]
    [InlineData(GaitPopulation.Hemiparetic, 60, 1.2, 0.2, 1.5, WalkingAid.Cane)]
    public void Detect_WeakerLegUnderTheThresholdForWholeBouts_FindsItsSteps(GaitPopulation population, double cadence, double ratio, double fraction,
        double soundBounce, WalkingAid aid)
    {
        var options = new GaitAnalysisOptions(population).LowerBack;
        GaitEventScore filled = GaitEventScore.Empty, thresholded = GaitEventScore.Empty;
        for (var seed = 1; seed <= 4; seed++)
        {
            var walk = new HemipareticWalk(cadence, ratio, fraction, aid, seed, SoundBounceMps2: soundBounce);
            var recording = SyntheticHemipareticGait.Generate(walk, HemipareticPlacement.LowerBack);
            var truth = recording.Contacts(includeClosing: false);
            filled += GaitEventMatching.Match(Contacts(recording, options), truth, 0.25);
            thresholded += GaitEventMatching.Match(Contacts(recording, options with { FillSkippedSteps = false }), truth, 0.25);
        }

        thresholded.Recall.ShouldBeLessThan(0.6);
        filled.Recall.ShouldBeGreaterThanOrEqualTo(0.9);
        filled.Precision.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    private static List<double> Contacts(SyntheticHemipareticRecording recording, LowerBackGaitOptions options) =>
        LowerBackGaitDetector.Detect(recording.Samples, recording.SamplingRateHz, options).InitialContacts.Select(c => c.TimeSeconds).ToList();
}
