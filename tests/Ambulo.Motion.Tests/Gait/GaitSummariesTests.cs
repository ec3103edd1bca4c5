using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class GaitSummariesTests
{
    private static (List<InitialContact> Contacts, List<WalkingBout> Bouts) Limping(int steps, double leftStep, double rightStep)
    {
        var contacts = new List<InitialContact>();
        var t = 1.0;
        for (var k = 0; k < steps; k++)
        {
            var side = k % 2 == 0 ? BodySide.Left : BodySide.Right;
            contacts.Add(new InitialContact(t, side));
            t += side == BodySide.Left ? rightStep : leftStep;
        }

        var cadence = LowerBackGaitDetector.CadenceStepsPerMinute([.. contacts.Select(c => c.TimeSeconds)], 2.0)!.Value;
        var bout = new WalkingBout(contacts[0].TimeSeconds, contacts[^1].TimeSeconds, steps, cadence);
        return (contacts, [bout]);
    }

    [Fact]
    public void Summarize_LongerLeftSteps_GivesTheLargerOverSmallerRatio()
    {
        var (contacts, bouts) = Limping(21, leftStep: 0.72, rightStep: 0.48);

        var summary = GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None);

        summary.StepTimeLeftSeconds!.Value.ShouldBe(0.72, 1e-9);
        summary.StepTimeRightSeconds!.Value.ShouldBe(0.48, 1e-9);
        summary.StepTimeAsymmetryRatio!.Value.ShouldBe(1.5, 1e-9);
        summary.CadenceStepsPerMinute!.Value.ShouldBe(60 / 0.6, 1e-6);
    }

    [Fact]
    public void Summarize_NoSidesNoStridesNoDistance_LeavesThoseValuesAbsent()
    {
        var contacts = Enumerable.Range(0, 10).Select(k => new InitialContact(k * 0.5, BodySide.Unknown)).ToList();
        var bouts = new List<WalkingBout> { new(0, 4.5, 10, 120) };

        var summary = GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None);

        summary.Steps.ShouldBe(10);
        summary.StepTimeAsymmetryRatio.ShouldBeNull();
        summary.StrideTimeSeconds.ShouldBeNull();
        summary.GaitSpeedMetersPerSecond.ShouldBeNull();
        summary.DistanceModel.ShouldBe(DistanceModel.None);
    }

    [Fact]
    public void Summarize_StrideTimes_GivesCoefficientOfVariationInPercent()
    {
        var strides = new[] { 1.0, 1.2, 1.0, 1.2 }.Select((d, k) => new Stride(k, k + d, BodySide.Left, d)).ToList();

        var summary = GaitSummaries.Summarize([], strides, [], DistanceModel.None);

        summary.StrideTimeSeconds!.Value.ShouldBe(1.1, 1e-9);
        var sd = Math.Sqrt(4 * 0.01 / 3);
        summary.StrideTimeVariabilityPercent!.Value.ShouldBe(100 * sd / 1.1, 1e-9);
    }

    /// <summary>
    /// Two feet, four strides each at a steady 1.0 s, stance 0.6 s; each foot's last stride is the slow step into
    /// standstill (1.6 s, swing 0.7 s, flagged EndsInStandstill). Steady-walking statistics must not see those two.
    /// </summary>
    [Fact]
    public void Summarize_StridesEndingInStandstill_LeftOutOfTimingStatisticsButCountedInStepsAndDistance()
    {
        var strides = new List<Stride>();
        foreach (var (side, t0) in new[] { (BodySide.Left, 1.0), (BodySide.Right, 1.5) })
        {
            for (var k = 0; k < 3; k++)
            {
                strides.Add(new Stride(t0 + k, t0 + k + 1, side, 1.0, StanceSeconds: 0.6, SwingSeconds: 0.4, StrideLengthMeters: 1.3));
            }

            strides.Add(new Stride(t0 + 3, t0 + 4.6, side, 1.6, StanceSeconds: 0.9, SwingSeconds: 0.7, StrideLengthMeters: 0.8, EndsInStandstill: true));
        }

        var contacts = strides.Select(s => new InitialContact(s.StartSeconds, s.Side)).Concat(strides.Where(s => s.EndsInStandstill).Select(s => new InitialContact(s.EndSeconds, s.Side)))
            .OrderBy(c => c.TimeSeconds).ToList();
        var bouts = GaitAnalyzer.BoutsFromContacts(contacts, strides, 2.5, DistanceModel.FootStrapdownZeroVelocity, feet: 2);

        var summary = GaitSummaries.Summarize(contacts, strides, bouts, DistanceModel.FootStrapdownZeroVelocity);

        summary.StrideTimeSeconds!.Value.ShouldBe(1.0, 1e-9);
        summary.StrideTimeVariabilityPercent!.Value.ShouldBe(0, 1e-9);
        summary.StanceSeconds!.Value.ShouldBe(0.6, 1e-9);
        summary.SwingSeconds!.Value.ShouldBe(0.4, 1e-9);
        summary.SwingTimeAsymmetryRatio!.Value.ShouldBe(1.0, 1e-9);
        // Steady steps alternate 0.5 s / 0.5 s; the landings into standstill (left 5.6 s after right 4.5 s: 1.1 s; right
        // 6.1 s after left 5.6 s: 0.5 s) would make the left side look slower.
        summary.StepTimeLeftSeconds!.Value.ShouldBe(0.5, 1e-9);
        summary.StepTimeAsymmetryRatio!.Value.ShouldBe(1.0, 1e-9);
        // Counted: all ten contacts and the two slow steps' 0.8 m each (both feet's strides, halved).
        summary.Steps.ShouldBe(10);
        summary.DistanceMeters!.Value.ShouldBe(((6 * 1.3) + (2 * 0.8)) / 2, 1e-9);
    }

    [Fact]
    public void Summarize_OnlyStridesIntoStandstill_GivesNoStrideStatisticsRatherThanTheirTimes()
    {
        var strides = new List<Stride> { new(1, 2.8, BodySide.Left, 1.8, StanceSeconds: 1.0, SwingSeconds: 0.8, EndsInStandstill: true) };
        var contacts = new List<InitialContact> { new(1, BodySide.Left), new(1.5, BodySide.Right), new(2.8, BodySide.Left) };

        var summary = GaitSummaries.Summarize(contacts, strides, [new WalkingBout(1, 2.8, 3, 66.7)], DistanceModel.None);

        summary.StrideTimeSeconds.ShouldBeNull();
        summary.StanceSeconds.ShouldBeNull();
        summary.Steps.ShouldBe(3);
    }

    /// <summary>Contact times from 1 s on whose step times repeat <paramref name="pattern"/>: strides of changing length.</summary>
    private static List<double> Uneven(int steps, params double[] pattern)
    {
        var times = new List<double> { 1.0 };
        for (var k = 1; k < steps; k++)
        {
            times.Add(times[^1] + pattern[(k - 1) % pattern.Length]);
        }

        return times;
    }

    [Fact]
    public void Summarize_OneBoutOfUnevenStrides_HasExactlyTheBoutsReferenceCadenceNotStepsOverTime()
    {
        // Steps of 0.5, 0.5, 0.8, 0.8 s: strides of 1.0, 1.3, 1.6 and 1.3 s. The reference cadence is the mean of 120 / stride
        // time (about 94.9 steps/min); steps ÷ walking time would give 60 / 0.65 = 92.3, about 3 % lower.
        var times = Uneven(41, 0.5, 0.5, 0.8, 0.8);
        var contacts = times.Select((t, k) => new InitialContact(t, k % 2 == 0 ? BodySide.Left : BodySide.Right)).ToList();
        var reference = LowerBackGaitDetector.CadenceStepsPerMinute([.. times], 2.0)!.Value;
        var bouts = new List<WalkingBout> { new(times[0], times[^1], times.Count, reference) };

        var summary = GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None);

        summary.CadenceStepsPerMinute!.Value.ShouldBe(reference, 1e-9);
        var stepsOverTime = 60.0 * (times.Count - 1) / (times[^1] - times[0]);
        Math.Abs(summary.CadenceStepsPerMinute.Value - stepsOverTime).ShouldBeGreaterThan(1.0);
    }

    [Fact]
    public void Summarize_TwoBouts_WeightsEachBoutsCadenceByItsSteps()
    {
        var bouts = new List<WalkingBout> { new(0, 15, 30, 120), new(100, 106, 6, 60) };

        var summary = GaitSummaries.Summarize([], [], bouts, DistanceModel.None);

        summary.CadenceStepsPerMinute!.Value.ShouldBe(((30 * 120) + (6 * 60)) / 36.0, 1e-9);
    }

    [Fact]
    public void CadenceStepsPerMinute_NoBoutOrNoFiniteCadence_IsNullAndBadBoutsAreLeftOut()
    {
        GaitSummaries.CadenceStepsPerMinute([]).ShouldBeNull();
        GaitSummaries.CadenceStepsPerMinute([new WalkingBout(0, 0, 3, double.PositiveInfinity)]).ShouldBeNull();
        GaitSummaries.CadenceStepsPerMinute([new WalkingBout(0, 0, 3, double.NaN), new WalkingBout(0, 10, 20, 110)])!.Value.ShouldBe(110, 1e-9);
    }

    /// <summary>
    /// Through the analyser on a SYNTHETIC lower-back walk with uneven strides (steps 0.5, 0.5, 0.8, 0.8 s): one bout, and
    /// the summary's cadence is that bout's cadence (the detector's reference definition), not steps ÷ walking time.
    /// </summary>
    [Fact]
    public void Analyze_LowerBackWalkOfOneBout_SummaryCadenceIsTheBoutsCadence()
    {
        var peaks = Uneven(33, 0.5, 0.5, 0.8, 0.8).Select(t => t + 1).ToList();
        var samples = new ImuSample[(int)((peaks[^1] + 2) * 100)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 100.0;
            double vertical = 0, yaw = 0;
            for (var k = 0; k < peaks.Count; k++)
            {
                var d = t - peaks[k];
                vertical += 2.5 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
                yaw += (k % 2 == 0 ? 0.4 : -0.4) * Math.Exp(-d * d / (2 * 0.15 * 0.15));
            }

            samples[i] = new ImuSample(t, new Vector3(0, (float)(9.81 + vertical), 0), new Vector3(0, (float)yaw, 0));
        }

        var recording = new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = "lower-back",
            SamplingRateHz = 100,
            Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
        }, samples);

        var analysis = GaitAnalyzer.Analyze([recording], new GaitAnalysisOptions(GaitPopulation.SlowOrImpaired));

        analysis.WalkingBouts.Count.ShouldBe(1);
        var bout = analysis.WalkingBouts[0];
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(bout.CadenceStepsPerMinute, 1e-9);
        var stepsOverTime = 60.0 * (bout.Steps - 1) / bout.DurationSeconds;
        Math.Abs(bout.CadenceStepsPerMinute - stepsOverTime).ShouldBeGreaterThan(1.0);
    }
}
