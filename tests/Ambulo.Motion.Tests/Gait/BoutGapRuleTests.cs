using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using static Ambulo.Motion.Tests.Gait.ShankSyntheticGait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// One bout-gap rule for foot and shank sensors: with a single leg's sensor its contacts are a stride apart, so its bout
/// breaks only beyond the longer of <see cref="GaitAnalysisOptions.MaximumBoutGapSeconds"/> and the detector's longest
/// stride; with a sensor on each leg the two legs' contacts interleave, consecutive contacts are a step apart, and the bout
/// breaks beyond <see cref="GaitAnalysisOptions.MaximumBoutGapSeconds"/> itself. Before, the shank kept the stride allowance
/// even with a sensor on each leg, so a 3.5 s stop between two walks on two shanks made one bout where two feet made two.
/// </summary>
public class BoutGapRuleTests
{
    private const double Rate = 100;

    /// <summary>
    /// SYNTHETIC: <paramref name="contacts"/> merged contacts of an even walk at <paramref name="stepsPerMinute"/> from 2 s
    /// (even indices left, odd right), a stop of <paramref name="stopSeconds"/> after contact <paramref name="stopAfter"/>
    /// (0-based, −1 none); recorded on the left leg only or on both, by foot or shank sensors.
    /// </summary>
    private static SensorRecording[] Walk(string placement, int legs, double stepsPerMinute, int contacts = 16, int stopAfter = -1, double stopSeconds = 0)
    {
        var step = 60 / stepsPerMinute;
        var stride = 2 * step;
        var all = Enumerable.Range(0, contacts).Select(j => 2 + (j * step) + (stopAfter >= 0 && j > stopAfter ? stopSeconds : 0)).ToList();
        var duration = all[^1] + 3;
        var sides = legs == 1 ? ["left"] : new[] { "left", "right" };
        return [.. sides.Select((side, s) =>
        {
            var ics = all.Where((_, j) => j % 2 == s).ToList();
            var samples = placement == "foot"
                ? SyntheticGait.FootAt(Rate, ics, duration, 0.38 * stride / 1.1)
                : Signal([.. ics.Select(ic => new SwingEvents(ic - (stride * (stepsPerMinute < 60 ? 0.3 : 0.4)), ic))], duration,
                    leg: stepsPerMinute < 60 ? Leg.Slow : Leg.Healthy, seed: 11 + s);
            return TestRecordings.Of(samples, $"{placement}-{side}", Rate);
        })];
    }

    [Theory]
    [InlineData("foot", 1, 40)]
    [InlineData("foot", 2, 40)]
    [InlineData("shank", 1, 40)]
    [InlineData("shank", 2, 40)]
    [InlineData("foot", 1, 100)]
    [InlineData("foot", 2, 100)]
    [InlineData("shank", 1, 100)]
    [InlineData("shank", 2, 100)]
    public void Analyze_EvenWalk_OneBoutAtItsCadence(string placement, int legs, double stepsPerMinute)
    {
        var analysis = GaitAnalyzer.Analyze(Walk(placement, legs, stepsPerMinute));

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.CadenceStepsPerMinute.ShouldBe(stepsPerMinute, stepsPerMinute * 0.03);
        bout.Pauses.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("foot", 40)]
    [InlineData("shank", 40)]
    [InlineData("foot", 100)]
    [InlineData("shank", 100)]
    public void Analyze_SensorOnEachLegAndAStopOverTheBoutGap_TwoBouts(string placement, double stepsPerMinute)
    {
        // 3.5 s from the contact before the stop to the one after: over the 2.5 s bout gap, under either detector's longest
        // stride (4 s foot, 5 s shank with the default preset).
        var step = 60 / stepsPerMinute;

        var analysis = GaitAnalyzer.Analyze(Walk(placement, 2, stepsPerMinute, contacts: 20, stopAfter: 9, stopSeconds: 3.5 - step));

        analysis.WalkingBouts.Count.ShouldBe(2);
        analysis.WalkingBouts[0].EndSeconds.ShouldBeLessThan(analysis.WalkingBouts[1].StartSeconds - 3.4);
    }

    [Theory]
    [InlineData("foot")]
    [InlineData("shank")]
    public void Analyze_OneLegAndTheSameStop_OneBoutAcrossItsPause(string placement)
    {
        // One leg at 100 steps/min: 1.2 s strides; a 2.3 s stop after its contact makes the interval to its next one 3.5 s,
        // over the 2.5 s bout gap but under either detector's longest stride: one bout, the stop its pause.
        var analysis = GaitAnalyzer.Analyze(Walk(placement, 1, 100, contacts: 20, stopAfter: 8, stopSeconds: 2.3));

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem().DurationSeconds.ShouldBe(3.5, 0.05);
    }
}
