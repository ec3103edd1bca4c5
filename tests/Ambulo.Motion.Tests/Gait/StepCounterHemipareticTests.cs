using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>The step counter on slow, weak and uneven steps (SYNTHETIC walkers).</summary>
public class StepCounterHemipareticTests
{
    /// <summary>
    /// A walker who starts and stops with short steps: the first and last three steps bounce with 1.25 m/s², the others with
    /// 4 m/s². The first weak step after the strong ones fails the relative threshold (its peak is also pulled down by the
    /// band-pass after the strong one); SlowOrImpaired rescues it because the next step comes two step times later.
    /// </summary>
    [Fact]
    public void Detect_WeakStepsAfterStrongOnes_SlowOrImpairedCountsEveryStep()
    {
        var weak = new HashSet<int> { 0, 1, 2, 18, 19, 20 };
        var (samples, peaks) = SyntheticSteps.Walk(21, stepSeconds: 0.5, amplitudeMps2: 4.0, weakSteps: weak, weakAmplitudeMps2: 1.25, seed: 4);

        var rescued = StepCounter.Detect(samples, StepCounterOptions.SlowOrImpaired);
        var withoutRescue = StepCounter.Detect(samples, StepCounterOptions.SlowOrImpaired with { RescueSkippedSteps = false });

        withoutRescue.Steps.ShouldBeLessThan(21);
        rescued.Steps.ShouldBe(21);
        GaitEventMatching.Match(rescued.StepTimesSeconds, peaks, 0.15).F1.ShouldBe(1.0);
    }

    /// <summary>
    /// Slow steps (40 steps/min, paretic step twice the sound one) leave a long trunk dip whose end the high-pass turns into
    /// a shoulder before the weak paretic step: counted as a step of its own unless a peak must be followed by a drop.
    /// </summary>
    [Fact]
    public void Detect_ShoulderBeforeASlowWeakStep_IsNotASecondStep()
    {
        var walk = new HemipareticWalk(40, 2.0, 0.25, WalkingAid.None, Seed: 19);
        var recording = SyntheticHemipareticGait.Generate(walk, HemipareticPlacement.PocketPareticSide);

        var withDrop = StepCounter.Detect(recording.Samples, StepCounterOptions.Hemiparetic);
        var withoutDrop = StepCounter.Detect(recording.Samples, StepCounterOptions.Hemiparetic with { PeakDropFraction = 0 });

        GaitEventMatching.Match(withoutDrop.StepTimesSeconds, recording.Contacts(), 0.25).Precision.ShouldBeLessThan(0.85);
        var score = GaitEventMatching.Match(withDrop.StepTimesSeconds, recording.Contacts(), 0.25);
        score.Precision.ShouldBeGreaterThanOrEqualTo(0.9);
        score.Recall.ShouldBeGreaterThanOrEqualTo(0.9);
    }
}
