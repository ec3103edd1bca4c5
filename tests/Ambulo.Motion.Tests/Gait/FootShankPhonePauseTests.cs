using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using static Ambulo.Motion.Tests.Gait.ShankSyntheticGait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// A stop inside a foot, shank or phone bout (shorter than the bout gap) is a pause (<see cref="WalkingBout.Pauses"/>), as on
/// the lower back: no step time, no stride time, out of cadence, asymmetry and variability. Before, such a stop was counted
/// as a step (or its stride as a stride), which lengthened the step and stride times, inflated the variability and made an
/// even walk look asymmetric.
/// </summary>
public class FootShankPhonePauseTests
{
    private const double Rate = 100;

    private static SensorRecording Recording(ImuSample[] samples, string placement) => TestRecordings.Of(samples, placement, Rate);

    /// <summary>
    /// SYNTHETIC: the contacts of an even walk (steps of <paramref name="stepSeconds"/>, left first, from 2 s), the walker
    /// standing still for <paramref name="stopSeconds"/> after contact number <paramref name="stopAfter"/> (0-based; 0 = no stop).
    /// </summary>
    private static List<double> Contacts(int steps, double stepSeconds, int stopAfter, double stopSeconds) =>
        [.. Enumerable.Range(0, steps).Select(j => 2 + (j * stepSeconds) + (stopAfter > 0 && j > stopAfter ? stopSeconds : 0))];

    /// <summary>SYNTHETIC: one foot sensor per leg walking <paramref name="contacts"/> (even indices left, odd right).</summary>
    private static SensorRecording[] Feet(List<double> contacts)
    {
        var duration = contacts[^1] + 2;
        return
        [
            Recording(SyntheticGait.FootAt(Rate, [.. contacts.Where((_, j) => j % 2 == 0)], duration), "foot-left"),
            Recording(SyntheticGait.FootAt(Rate, [.. contacts.Where((_, j) => j % 2 == 1)], duration), "foot-right"),
        ];
    }

    [Fact]
    public void Analyze_TwoFeetEvenWalkWithAStop_PauseListedAndTimingAsWithoutIt()
    {
        // 0.55 s steps; after contact 11 a stop of 1.45 s (2.0 s from that contact to the next), inside the 2.5 s bout gap.
        var withStop = Contacts(24, 0.55, 11, 1.45);
        var even = GaitAnalyzer.Analyze(Feet(Contacts(24, 0.55, 0, 0)));

        var analysis = GaitAnalyzer.Analyze(Feet(withStop));

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        analysis.Summary.StepTimeAsymmetryRatio!.Value.ShouldBe(1.0, 0.02);
        bout.Timing.StepTimeAsymmetryRatio!.Value.ShouldBe(1.0, 0.02);
        analysis.Summary.StepTimeLeftSeconds!.Value.ShouldBe(0.55, 0.02);
        analysis.Summary.StepTimeRightSeconds!.Value.ShouldBe(0.55, 0.02);
        analysis.Summary.StrideTimeSeconds!.Value.ShouldBe(1.1, 0.02);
        analysis.Summary.StrideTimeVariabilityPercent!.Value.ShouldBe(even.Summary.StrideTimeVariabilityPercent!.Value, 1.0);
        bout.Timing.StrideTimeVariabilityPercent!.Value.ShouldBe(even.Summary.StrideTimeVariabilityPercent!.Value, 1.0);
        analysis.Summary.StanceSeconds!.Value.ShouldBe(even.Summary.StanceSeconds!.Value, 0.02);
        bout.CadenceStepsPerMinute.ShouldBe(60 / 0.55, 2);
        bout.Steps.ShouldBe(even.WalkingBouts.ShouldHaveSingleItem().Steps);
        // The timing above leaves out the stop, which the bout lists as its pause.
        var pause = bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        pause.StartSeconds.ShouldBe(withStop[11], 0.03);
        pause.EndSeconds.ShouldBe(withStop[12], 0.03);
    }

    [Fact]
    public void Analyze_OneFootEvenWalkWithATwoSecondStop_PauseListedAndStrideTimingAsWithoutIt()
    {
        // One foot, 1.1 s strides; a 2 s stop after its 6th contact: 3.1 s to the next, inside its 4 s bout gap.
        var ics = Contacts(12, 1.1, 5, 2.0);
        var evenIcs = Contacts(12, 1.1, 0, 0);
        var even = GaitAnalyzer.Analyze([Recording(SyntheticGait.FootAt(Rate, evenIcs, evenIcs[^1] + 2), "foot-left")]);

        var analysis = GaitAnalyzer.Analyze([Recording(SyntheticGait.FootAt(Rate, ics, ics[^1] + 2), "foot-left")]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        analysis.Summary.StrideTimeSeconds!.Value.ShouldBe(1.1, 0.02);
        analysis.Summary.StrideTimeVariabilityPercent!.Value.ShouldBe(even.Summary.StrideTimeVariabilityPercent!.Value, 1.0);
        bout.Timing.StrideTimeSeconds!.Value.ShouldBe(1.1, 0.02);
        analysis.Summary.StanceSeconds!.Value.ShouldBe(even.Summary.StanceSeconds!.Value, 0.02);
        bout.CadenceStepsPerMinute.ShouldBe(120 / 1.1, 2);
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(120 / 1.1, 2);
        // The timing above leaves out the stop, which the bout lists as its pause.
        var pause = bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        pause.StartSeconds.ShouldBe(ics[5], 0.03);
        pause.EndSeconds.ShouldBe(ics[6], 0.03);
    }

    [Fact]
    public void Analyze_OneShankWithATwoSecondStop_PauseListedAndStrideTimeAsWithoutIt()
    {
        var ics = Contacts(12, 1.1, 5, 2.0);
        var swings = ics.Select(ic => new SwingEvents(ic - 0.44, ic)).ToList();

        var analysis = GaitAnalyzer.Analyze([Recording(Signal(swings, ics[^1] + 2), "shank-left")]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        analysis.Summary.StrideTimeSeconds!.Value.ShouldBe(1.1, 0.02);
        analysis.Summary.StrideTimeVariabilityPercent!.Value.ShouldBeLessThan(2);
        bout.CadenceStepsPerMinute.ShouldBe(120 / 1.1, 2);
        // The timing above leaves out the stop, which the bout lists as its pause.
        var pause = bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        pause.DurationSeconds.ShouldBe(3.1, 0.05);
    }

    [Fact]
    public void Analyze_PhoneWalkWithAStop_PauseListedAndCadenceOfTheWalking()
    {
        // 30 steps of 0.55 s; a stop of 1.45 s after the 12th (2.0 s between its contacts), inside the 2.5 s bout gap.
        var (samples, peaks) = SyntheticSteps.Walk(30, stopAfterStep: 11, stopSeconds: 1.45);

        var analysis = GaitAnalyzer.Analyze([Recording(samples, "front-pocket")]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.CadenceStepsPerMinute.ShouldBe(60 / 0.55, 2);
        analysis.Summary.CadenceStepsPerMinute!.Value.ShouldBe(60 / 0.55, 2);
        // The timing above leaves out the stop, which the bout lists as its pause.
        var pause = bout.Pauses.ShouldNotBeNull().ShouldHaveSingleItem();
        pause.StartSeconds.ShouldBe(peaks[11], 0.1);
        pause.EndSeconds.ShouldBe(peaks[12], 0.1);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(2.0)]
    public void Analyze_HemipareticStepsWithoutAStop_NoPause(double longStepRatio)
    {
        // A sensor on each leg, uneven steps (the right step 0.6 s × ratio), no stop: no step is a pause.
        var contacts = new List<double> { 2 };
        for (var j = 1; j < 20; j++)
        {
            contacts.Add(contacts[^1] + (j % 2 == 1 ? 0.6 * longStepRatio : 0.6));
        }

        var analysis = GaitAnalyzer.Analyze(Feet(contacts));

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.Pauses.ShouldNotBeNull().ShouldBeEmpty();
        analysis.Summary.StepTimeAsymmetryRatio!.Value.ShouldBe(longStepRatio, 0.05);
    }

    [Fact]
    public void PausesBetween_TooFewContactsForAMedianWithoutThePause_NoPause()
    {
        InitialContact[] contacts = [new(0, BodySide.Left), new(0.6, BodySide.Right), new(2.6, BodySide.Left)];

        GaitAnalyzer.PausesBetween(contacts, 0, 2, oneLeg: false).ShouldBeEmpty();
        GaitAnalyzer.PausesBetween(contacts, 0, 2, oneLeg: true).ShouldBeEmpty();
    }
}
