using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Tests.Gait;

namespace Ambulo.Motion.Tests.Evaluation;

public class StrideAccuracyTests
{
    private static Stride Detected(double start, double end, double? length = null) => new(start, end, BodySide.Left, end - start, StrideLengthMeters: length);

    [Fact]
    public void Compare_KnownErrors_GivesTheirMeanAbsoluteAndSignedValues()
    {
        // Reference strides 1.0 s and 1.2 m each; ours end 20 ms late on the first (and 0.05 m long), 40 ms early on the second (0.03 m short).
        ReferenceStride[] reference = [new(BodySide.Left, 0.0, 1.0, 1.2), new(BodySide.Right, 0.5, 1.5, 1.2)];
        Stride[] detected = [Detected(0.0, 1.02, 1.25), Detected(0.5, 1.46, 1.17)];

        var c = StrideAccuracy.Compare(detected, reference, 0.1);

        c.Matched.ShouldBe(2);
        c.StrideTimeMaeSeconds.ShouldBe(0.03, 1e-12);
        c.StrideTimeMeanSignedSeconds.ShouldBe(-0.01, 1e-12);
        c.LengthPairs.ShouldBe(2);
        c.StrideLengthMaeMeters.ShouldBe(0.04, 1e-12);
        c.StrideLengthMeanSignedMeters.ShouldBe(0.01, 1e-12);
    }

    [Fact]
    public void Compare_EndOutsideTheTolerance_LeavesTheStrideUnmatched()
    {
        ReferenceStride[] reference = [new(BodySide.Left, 0.0, 1.0, 1.2), new(BodySide.Left, 1.0, 2.0, 1.2)];
        // The second detected stride starts at the right contact but ends 0.3 s late: a contact was missed or misplaced.
        Stride[] detected = [Detected(0.0, 1.0), Detected(1.0, 2.3)];

        var c = StrideAccuracy.Compare(detected, reference, 0.25);

        c.Matched.ShouldBe(1);
        c.Detected.ShouldBe(2);
        c.Reference.ShouldBe(2);
        c.StrideTimeMaeSeconds.ShouldBe(0, 1e-12);
        c.LengthPairs.ShouldBe(0);
        double.IsNaN(c.StrideLengthMaeMeters).ShouldBeTrue();
    }

    [Fact]
    public void Compare_WrongSide_StillMatchesByTheContacts()
    {
        ReferenceStride[] reference = [new(BodySide.Right, 2.0, 3.1, null)];
        Stride[] detected = [new(2.05, 3.1, BodySide.Left, 1.05)];

        StrideAccuracy.Compare(detected, reference, 0.1).StrideTimeMaeSeconds.ShouldBe(0.05, 1e-12);
    }

    [Fact]
    public void Add_TwoRecordings_WeightsEveryMatchedStrideAlike()
    {
        var a = new StrideComparison(1, 1, [0.01], []);
        var b = new StrideComparison(3, 4, [0.04, -0.04, 0.04], [0.1]);

        var sum = a + b;

        sum.Detected.ShouldBe(4);
        sum.Reference.ShouldBe(5);
        sum.StrideTimeMaeSeconds.ShouldBe(0.13 / 4, 1e-12);
        sum.StrideLengthMaeMeters.ShouldBe(0.1, 1e-12);
        (StrideComparison.Empty + a).StrideTimeErrorsSeconds.ShouldBe([0.01]);
        double.IsNaN(StrideComparison.Empty.StrideTimeMaeSeconds).ShouldBeTrue();
    }
}

public class BoutAccuracyTests
{
    /// <summary>A foot's strides chained contact to contact: contacts t0, t0 + period, … (n strides), each of the given length.</summary>
    private static IEnumerable<ReferenceStride> Chain(BodySide side, double t0, double period, int n, double? length = 1.2) =>
        Enumerable.Range(0, n).Select(k => new ReferenceStride(side, t0 + (k * period), t0 + ((k + 1) * period), length));

    [Fact]
    public void BoutsFromStrides_TwoFeetWithAPause_TwoBoutsEachWithBothFeet()
    {
        // Walk 1: left 0–4 s, right 0.5–4.5 s (strides of 1 s); stand 3 s; walk 2 from 7.5 s.
        var strides = Chain(BodySide.Left, 0, 1, 4).Concat(Chain(BodySide.Right, 0.5, 1, 4))
            .Concat(Chain(BodySide.Left, 7.5, 1, 3)).Concat(Chain(BodySide.Right, 8.0, 1, 3)).ToList();

        var bouts = BoutAccuracy.BoutsFromStrides(strides, 0.05);

        bouts.Count.ShouldBe(2);
        bouts[0].StartSeconds.ShouldBe(0);
        bouts[0].EndSeconds.ShouldBe(4.5);
        bouts[0].Strides.Count.ShouldBe(8);
        bouts[0].ContactSeconds.Count.ShouldBe(10);
        bouts[1].StartSeconds.ShouldBe(7.5);
        bouts[1].Strides.Count.ShouldBe(6);
    }

    [Fact]
    public void BoutsFromStrides_OneFootOnlyWithAGap_SplitsAtTheGap()
    {
        // One foot: strides 0–1, 1–2, then 2.5–3.5 (half a second that no stride covers).
        ReferenceStride[] strides = [new(BodySide.Left, 0, 1, null), new(BodySide.Left, 1, 2, null), new(BodySide.Left, 2.5, 3.5, null)];

        var bouts = BoutAccuracy.BoutsFromStrides(strides, 0.05);

        bouts.Count.ShouldBe(2);
        bouts[0].EndSeconds.ShouldBe(2);
        bouts[1].StartSeconds.ShouldBe(2.5);
    }

    [Fact]
    public void BoutReferenceValues_EvenSteps_CadenceAndSpeedFromTheStrides()
    {
        // Steps every 0.5 s (120 steps/min), strides of 1 s and 1.3 m (1.3 m/s); one stride without a length is left out of the speed.
        var strides = Chain(BodySide.Left, 0, 1, 4, 1.3).Concat(Chain(BodySide.Right, 0.5, 1, 4, 1.3)).Append(new ReferenceStride(BodySide.Left, 4, 5, null)).ToList();

        var bout = BoutAccuracy.BoutsFromStrides(strides, 0.05).Single();

        bout.CadenceStepsPerMinute!.Value.ShouldBe(120, 1e-9);
        bout.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.3, 1e-9);
    }

    [Fact]
    public void CadenceStepsPerMinute_FewerThanTwoContacts_IsNull()
    {
        BoutAccuracy.CadenceStepsPerMinute([3.0]).ShouldBeNull();
        BoutAccuracy.CadenceStepsPerMinute([1.0, 1.6, 2.2])!.Value.ShouldBe(100, 1e-9);
    }

    [Fact]
    public void CadenceOverWalk_ExtraStepBeforeTheWalkAndOneMissed_OnlyTheMissedCounts()
    {
        // Reference: 11 steps 0.5 s apart from 10 s (120 steps/min). Ours: 2 s before the walk (outside), then every step
        // 30 ms late except the sixth.
        var reference = Enumerable.Range(0, 11).Select(k => 10 + (0.5 * k)).ToList();
        var detected = reference.Where((_, k) => k != 5).Select(t => t + 0.03).Prepend(8.0).ToList();

        var (ours, theirs) = BoutAccuracy.CadenceOverWalk(detected, reference, 0.2);

        theirs!.Value.ShouldBe(120, 1e-9);
        ours!.Value.ShouldBe(60.0 * 9 / 5.0, 1e-9);
        BoutAccuracy.CadenceOverWalk(detected, [10.0], 0.2).ShouldBe((null, null));
    }

    [Fact]
    public void StepCounts_ContactsNearTheBoutEnds_CountedWithinTheTolerance()
    {
        double[] reference = [10.0, 10.5, 11.0, 11.5];
        // One detection 0.2 s before the bout (counted), one 0.4 s after it (not), one extra inside.
        double[] detected = [9.8, 10.5, 10.8, 11.0, 11.5, 11.9];

        var count = BoutAccuracy.StepCounts(detected, reference, [(10.0, 11.5)], 0.25).Single();

        count.Detected.ShouldBe(5);
        count.Reference.ShouldBe(4);
        count.ErrorPercent.ShouldBe(25, 1e-9);
    }

    [Fact]
    public void CompareBouts_OneMissedContactAndFastStrides_ShowInCountCadenceAndSpeed()
    {
        // Reference: steps every 0.5 s from 0 to 4 s (9 contacts), strides 1 s and 1.2 m.
        var reference = Chain(BodySide.Left, 0, 1, 4).Concat(Chain(BodySide.Right, 0.5, 1, 3)).ToList();
        reference.Add(new ReferenceStride(BodySide.Right, 3.5, 4.0, null)); // a short last stride keeps the span 0–4 s
        var refContacts = BoutAccuracy.DistinctContacts(reference);
        // Ours: every contact but the one at 2.0 s, 20 ms late; strides 1.0 s, 1.32 m (1.32 m/s against 1.2).
        var detected = refContacts.Where(t => Math.Abs(t - 2.0) > 1e-9).Select(t => t + 0.02).ToList();
        Stride[] strides = [new(0.02, 1.02, BodySide.Left, 1.0, StrideLengthMeters: 1.32), new(0.52, 1.52, BodySide.Right, 1.0, StrideLengthMeters: 1.32),
            new(7.0, 8.0, BodySide.Left, 1.0, StrideLengthMeters: 5.0)]; // after the bout: left out

        var v = GaitValidation.CompareBouts(detected, strides, reference, 0.1, 0.05);

        var bout = v.Bouts.Single();
        bout.Steps.Reference.ShouldBe(refContacts.Count);
        bout.Steps.Detected.ShouldBe(refContacts.Count - 1);
        v.StepCountErrorPercent.ShouldBe(-100.0 / refContacts.Count, 1e-9);
        bout.CadenceStepsPerMinute!.Value.ShouldBe(60.0 * (refContacts.Count - 2) / 4.0, 1e-9);
        bout.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.32, 1e-9);
        v.DetectedStepsInRecording.ShouldBe(detected.Count);
    }

    [Fact]
    public void ValidateFootBouts_SyntheticFootAgainstItsTruth_CountsEveryStepAndMatchesTheCadence()
    {
        var (samples, ics) = SyntheticGait.Foot(200, strides: 10);
        var recording = new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = "foot-left",
            SamplingRateHz = 200,
            Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
        }, samples);
        var reference = ics.Zip(ics.Skip(1), (a, b) => new ReferenceStride(BodySide.Left, a, b, null)).ToList();
        // Dropping a middle contact of the reference (two strides merged into one) must show as one extra step.
        var merged = reference.Take(4).Append(new ReferenceStride(BodySide.Left, reference[4].StartSeconds, reference[5].EndSeconds, null)).Concat(reference.Skip(6)).ToList();

        var v = GaitValidation.ValidateFootBouts([recording], reference, 0.1);
        var withMerged = GaitValidation.ValidateFootBouts([recording], merged, 0.1);

        v.Bouts.Count.ShouldBe(1);
        v.ReferenceSteps.ShouldBe(ics.Count);
        v.StepCountErrorPercent.ShouldBe(0);
        v.Bouts[0].CadenceStepsPerMinute!.Value.ShouldBe(v.Bouts[0].Reference.CadenceStepsPerMinute!.Value, 0.5);
        withMerged.ReferenceSteps.ShouldBe(ics.Count - 1);
        withMerged.StepCountErrorPercent.ShouldBe(100.0 / (ics.Count - 1), 1e-9);
    }
}
