using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using static Ambulo.Motion.Tests.Gait.ShankSyntheticGait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary><see cref="GaitAnalyzer"/> on SYNTHETIC shank recordings (<see cref="ShankSyntheticGait"/>): the shank placement runs <see cref="ShankGaitDetector"/>.</summary>
public sealed class ShankGaitAnalysisTests
{
    private const double RateHz = 100;

    private static SensorRecording Recording(string placement, ImuSample[] samples) => TestRecordings.Of(samples, placement, RateHz);

    [Fact]
    public void Analyze_OneShank_StridesWithStanceAndSwingAndNoDistance()
    {
        var truth = Regular(12, 2, 1.1, 0.6);
        var recording = Recording("shank-left", Signal(truth, 2 + 13.2 + 2));

        var analysis = GaitAnalyzer.Analyze([recording], new GaitAnalysisOptions(GaitPopulation.Healthy));

        analysis.Strides.Count.ShouldBe(11);
        analysis.Strides.ShouldAllBe(s => s.Side == BodySide.Left && s.StanceSeconds != null && s.SwingSeconds != null && s.StrideLengthMeters == null);
        analysis.Summary.StanceSeconds!.Value.ShouldBe(0.6 * 1.1, 0.04);
        analysis.Summary.SwingSeconds!.Value.ShouldBe(0.4 * 1.1, 0.04);
        analysis.Summary.DistanceModel.ShouldBe(DistanceModel.None);
        analysis.Summary.DistanceMeters.ShouldBeNull();
        analysis.OtherFootInferred.ShouldBeTrue();
        analysis.WalkingBouts.Count.ShouldBe(1);
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(120 / 1.1, 2);
    }

    [Fact]
    public void Analyze_OneShankAt40StepsPerMinute_DefaultSlowPresetGivesOneBoutAtThatCadence()
    {
        var stride = StrideSecondsAt(40);
        var truth = Regular(8, 3, stride, 0.7);
        var recording = Recording("shank-right", Signal(truth, 3 + (8 * stride) + 3, leg: Leg.Slow));

        var analysis = GaitAnalyzer.Analyze([recording]);

        analysis.Strides.Count.ShouldBe(7);
        analysis.WalkingBouts.Count.ShouldBe(1); // contacts of one shank 3 s apart still make one bout
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(40, 1.5);
        analysis.Summary.StrideTimeSeconds!.Value.ShouldBe(stride, 0.05);
    }

    [Fact]
    public void Analyze_HemipareticShankOnEachLeg_SidesAndSwingAsymmetryFromTheTwoSensors()
    {
        // Left (paretic) leg: swing 45 % of a 2.4 s stride; right leg: swing 25 %, contact half a stride after the left's.
        const double Stride = 2.4;
        var left = Regular(9, 3, Stride, 0.55);
        var right = Regular(9, 3 + (Stride / 2), Stride, 0.75);
        var duration = 3 + (10 * Stride) + 3;
        var leftRecording = Recording("shank-left", Signal(left, duration, leg: Leg.Slow, seed: 31));
        var rightRecording = Recording("shank-right", Signal(right, duration, leg: Leg.Healthy with { SwingExcursionDegrees = 50 }, seed: 32,
            mounting: Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI)));

        var analysis = GaitAnalyzer.Analyze([leftRecording, rightRecording], new GaitAnalysisOptions(GaitPopulation.Hemiparetic));

        analysis.OtherFootInferred.ShouldBeFalse();
        analysis.Strides.Count(s => s.Side == BodySide.Left).ShouldBe(8);
        analysis.Strides.Count(s => s.Side == BodySide.Right).ShouldBe(8);
        analysis.Steps.Count.ShouldBe(18);
        analysis.Summary.SwingTimeAsymmetryRatio!.Value.ShouldBe(0.45 / 0.25, 0.15);
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(120 / Stride, 1.5);
    }

    [Fact]
    public void Analyze_ShankStanding_NoStridesNoBouts()
    {
        var analysis = GaitAnalyzer.Analyze([Recording("shank-left", Standing(60))]);

        analysis.Strides.ShouldBeEmpty();
        analysis.WalkingBouts.ShouldBeEmpty();
        analysis.Summary.StanceSeconds.ShouldBeNull();
    }
}
