using System.Numerics;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class LowerBackGaitDetectorTests
{
    [Fact]
    public void Detect_RegularWalk_FindsOneContactPerStepJustBeforeEachPeak()
    {
        var (samples, peaks) = SyntheticSteps.Walk(24, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100);

        // The last bounce is the closing step, which starts no stride and is left out.
        var score = GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks[..^1], 0.15);
        score.F1.ShouldBe(1.0);
        score.MeanSignedErrorSeconds.ShouldBeLessThan(0);
        result.WalkingBouts.ShouldHaveSingleItem().CadenceStepsPerMinute.ShouldBe(60 / 0.55, 1.5);
    }

    [Fact]
    public void Detect_YawAlternatingWithSteps_AssignsAlternatingSides()
    {
        var (samples, _) = SyntheticSteps.Walk(16, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100);

        var sides = result.InitialContacts.Select(c => c.Side).ToList();
        sides.ShouldNotContain(BodySide.Unknown);
        for (var k = 1; k < sides.Count; k++)
        {
            sides[k].ShouldNotBe(sides[k - 1]);
        }
    }

    [Fact]
    public void Detect_WithoutSensorHeight_GivesNoDistance()
    {
        var (samples, _) = SyntheticSteps.Walk(16, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100);

        result.DistanceModel.ShouldBe(DistanceModel.None);
        result.WalkingBouts.ShouldAllBe(b => b.DistanceMeters == null && b.GaitSpeedMetersPerSecond == null);
    }

    [Fact]
    public void Detect_WithSensorHeight_StatesTheInvertedPendulumModel()
    {
        var (samples, _) = SyntheticSteps.Walk(16, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { SensorHeightMeters = 1.0 });

        result.DistanceModel.ShouldBe(DistanceModel.InvertedPendulum);
        result.WalkingBouts.ShouldAllBe(b => b.DistanceMeters > 0 && b.GaitSpeedMetersPerSecond > 0);
    }

    [Fact]
    public void Detect_ClosingStepKept_WhenAskedFindsEveryPeak()
    {
        var (samples, peaks) = SyntheticSteps.Walk(12, rateHz: 100);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false });

        GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15).F1.ShouldBe(1.0);
    }

    [Fact]
    public void Detect_SomeStepsUnderTheThreshold_FindsTheWeakStepsBetweenTheStrongOnes()
    {
        // Shuffling or weaker-leg steps: three bounces of 0.3 m/s² stay under the 0.5 m/s² peak threshold.
        var (samples, peaks) = SyntheticSteps.Walk(20, stepSeconds: 0.7, rateHz: 100, weakSteps: new HashSet<int> { 5, 9, 13 }, weakAmplitudeMps2: 0.3);

        var filled = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false });
        var strongOnly = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false, FillSkippedSteps = false });

        var recallFilled = GaitEventMatching.Match(filled.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15).Recall;
        var recallStrong = GaitEventMatching.Match(strongOnly.InitialContacts.Select(c => c.TimeSeconds).ToList(), peaks, 0.15).Recall;
        recallStrong.ShouldBeLessThan(0.9);
        recallFilled.ShouldBe(1.0);
        filled.WalkingBouts.ShouldHaveSingleItem().CadenceStepsPerMinute.ShouldBe(60 / 0.7, 2);
    }

    [Fact]
    public void CadenceStepsPerMinute_PauseInsideTheRun_StridesAcrossThePauseLeftOut()
    {
        // Four steps of 0.6 s, a 5 s pause, four more steps of 0.6 s: every stride not spanning the pause is 1.2 s, 100 steps/min.
        double[] contacts = [0, 0.6, 1.2, 1.8, 2.4, 7.4, 8.0, 8.6, 9.2, 9.8];

        LowerBackGaitDetector.CadenceStepsPerMinute(contacts, 2.0)!.Value.ShouldBe(100, 1e-9);
        LowerBackGaitDetector.CadenceStepsPerMinute([0, 5.0, 10.0], 2.0).ShouldBeNull();
        LowerBackGaitDetector.CadenceStepsPerMinute([0, 0.6], 2.0).ShouldBeNull();
    }

    [Fact]
    public void BoutSpeedMetersPerSecond_StridesOfDifferentSpeed_IsTheMeanOfTheStrideSpeeds()
    {
        // Steps of 0.5 m at contacts 0, 0.5, 1.0, 2.0 s: strides of 1 m in 1.0 s and 1.5 s -> (1 + 2/3) / 2 m/s, where
        // distance ÷ duration would give 1.5 m / 2 s = 0.75 m/s.
        double?[] steps = [0.5, 0.5, 0.5];
        double[] contacts = [0, 0.5, 1.0, 2.0];

        LowerBackGaitDetector.BoutSpeedMetersPerSecond(steps, contacts, 2.0)!.Value.ShouldBe((1 + (1 / 1.5)) / 2, 1e-12);
        LowerBackGaitDetector.BoutSpeedMetersPerSecond([0.5], [0, 0.5], 2.0).ShouldBeNull();
        LowerBackGaitDetector.BoutSpeedMetersPerSecond([0.5, null, 0.5], contacts, 2.0).ShouldBeNull();
    }

    [Fact]
    public void BoutSpeedMetersPerSecond_StrideAcrossAPause_IsLeftOut()
    {
        // The same contacts with a longest step of 0.9 s: the 1 s interval is a pause, so only the first stride counts.
        LowerBackGaitDetector.BoutSpeedMetersPerSecond([0.5, 0.5, 0.5], [0, 0.5, 1.0, 2.0], 0.9)!.Value.ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void CadenceStepsPerMinute_StridesOfDifferentLength_IsTheMeanOfTheStrideCadences()
    {
        // Strides of 1.0, 1.25 and 1.5 s (contacts 0, 0.5, 1.0, 1.75, 2.5): stride cadences 120, 96, 80 -> 98.67 steps/min,
        // the Mobilise-D bout definition; steps ÷ time would give 4 / 2.5 s = 96.
        double[] contacts = [0, 0.5, 1.0, 1.75, 2.5];

        LowerBackGaitDetector.CadenceStepsPerMinute(contacts, 2.0)!.Value.ShouldBe((120 + 96 + 80) / 3.0, 1e-9);
    }

    [Fact]
    public void Detect_SecondBumpBetweenSteps_RhythmKeepsOneContactPerStep()
    {
        // Steps every 0.7 s; after steps 4, 8 and 12 a second bump of 2 m/s² 0.35 s later (above the 0.5 m/s² threshold
        // and far enough from both steps to pass as one): without the rhythm it becomes a step.
        var steps = Enumerable.Range(0, 18).Select(k => 2.0 + 0.7 * k).ToList();
        var bumps = new[] { 4, 8, 12 }.Select(k => steps[k] + 0.35).ToList();
        var samples = Bounces(steps.Select(t => (t, 2.5)).Concat(bumps.Select(t => (t, 2.0))).ToList(), 2.0 + 0.7 * 18 + 2);

        var rhythm = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false });
        var thresholded = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false, RhythmPenalty = 0 });

        var times = thresholded.InitialContacts.Select(c => c.TimeSeconds).ToList();
        GaitEventMatching.Match(times, steps, 0.15).Precision.ShouldBeLessThan(0.9);
        GaitEventMatching.Match(rhythm.InitialContacts.Select(c => c.TimeSeconds).ToList(), steps, 0.15).F1.ShouldBe(1.0);
        rhythm.WalkingBouts.ShouldHaveSingleItem().CadenceStepsPerMinute.ShouldBe(60 / 0.7, 1.5);
    }

    [Fact]
    public void Detect_WeakStepOffTheMiddleOfAnAsymmetricGait_IsFound()
    {
        // Hemiparetic-like rhythm: steps alternate 0.55 s and 0.85 s; step 9 bounces only 0.3 m/s² (under the threshold).
        var steps = new List<double> { 2.0 };
        for (var k = 1; k < 20; k++)
        {
            steps.Add(steps[^1] + (k % 2 == 1 ? 0.55 : 0.85));
        }

        var samples = Bounces(steps.Select((t, k) => (t, k == 9 ? 0.3 : 2.5)).ToList(), steps[^1] + 2);

        var result = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.Healthy with { DropClosingStep = false });

        var score = GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), steps, 0.15);
        score.F1.ShouldBe(1.0);
    }

    [Fact]
    public void Detect_MobgapDailyActivities_RhythmAssignsSidesBetterWithoutLosingContacts()
    {
        // Real data: the three simulated daily-activity recordings (2 healthy, 1 MS) against the INDIP contacts.
        var set = MobgapReference.ReadDerived(TestData.Path("mobgap-lowerback", "derived"));
        GaitEventScore rhythm = GaitEventScore.Empty, thresholded = GaitEventScore.Empty;
        int rhythmSides = 0, thresholdedSides = 0;
        foreach (var who in new[] { ("HA", "001"), ("HA", "002"), ("MS", "001") })
        {
            var trial = new MobgapTrial(who.Item1, who.Item2, "Test11", "Trial1");
            var reference = set.InitialContactsOf(trial, MobgapReferenceSystem.Indip).Select(e => new InitialContact(e.TimeSeconds, e.Side)).OrderBy(c => c.TimeSeconds).ToList();
            var recording = MobgapImporter.Import(TestData.Path("mobgap-lowerback", "data_csv", who.Item1, who.Item2, "TimeMeasure1_Test11_Trial1.csv")).Recording;
            var withRhythm = GaitValidation.ValidateLowerBack(recording, reference, [], 0.25, LowerBackGaitOptions.SlowOrImpaired);
            var without = GaitValidation.ValidateLowerBack(recording, reference, [], 0.25, LowerBackGaitOptions.SlowOrImpaired with { RhythmPenalty = 0 });
            rhythm += withRhythm.InitialContacts;
            thresholded += without.InitialContacts;
            rhythmSides += withRhythm.SideCompared - withRhythm.SideCorrect;
            thresholdedSides += without.SideCompared - without.SideCorrect;
        }

        rhythm.F1.ShouldBeGreaterThanOrEqualTo(thresholded.F1);
        rhythm.TruePositives.ShouldBeGreaterThanOrEqualTo(thresholded.TruePositives);
        rhythmSides.ShouldBeLessThan(thresholdedSides);
    }

    /// <summary>A sensor lying flat at 100 Hz whose vertical acceleration has a Gaussian bounce (σ 60 ms) at each (time, amplitude).</summary>
    private static ImuSample[] Bounces(List<(double Time, double Amplitude)> bounces, double seconds)
    {
        var random = new Random(3);
        var samples = new ImuSample[(int)(seconds * 100)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 100.0;
            var vertical = bounces.Sum(b => b.Amplitude * Math.Exp(-(t - b.Time) * (t - b.Time) / (2 * 0.06 * 0.06)));
            var noise = (random.NextDouble() - 0.5) * 0.1;
            samples[i] = new ImuSample(t, new Vector3(0, 0, (float)(9.81 + vertical + noise)), Vector3.Zero);
        }

        return samples;
    }
}
