using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary><see cref="WalkingBout"/> compares its turns and pauses item by item, as a record compares its plain values.</summary>
public class WalkingBoutEqualityTests
{
    private static WalkingBout Bout(double pauseEnd = 8.0, bool withTurns = true) => new(2, 20, 30, 100, 12.5, 0.7)
    {
        Timing = new GaitTiming(StrideTimeSeconds: 1.2, StepTimeLeftSeconds: 0.6, StepTimeRightSeconds: 0.6, StepTimeAsymmetryRatio: 1),
        Turns = withTurns ? [new Turn(10, 12, 180)] : null,
        Pauses = [new GaitPause(6, pauseEnd)],
    };

    [Fact]
    public void Equals_SameFiguresInOtherListInstances_EqualWithTheSameHash()
    {
        var a = Bout();
        var b = Bout();

        a.Turns.ShouldNotBeSameAs(b.Turns);
        a.Equals(b).ShouldBeTrue();
        (a == b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        new HashSet<WalkingBout> { a, b }.Count.ShouldBe(1);
    }

    [Fact]
    public void Equals_APauseOrTheTurnsDiffer_NotEqual()
    {
        Bout().ShouldNotBe(Bout(pauseEnd: 8.5));
        Bout().ShouldNotBe(Bout(withTurns: false));
        Bout().ShouldNotBe(Bout() with { Turns = [] });
        (Bout() with { Turns = null }).ShouldNotBe(Bout() with { Turns = [] });
        Bout().ShouldNotBe(Bout() with { Timing = GaitTiming.None });
        Bout().ShouldNotBe(Bout() with { Steps = 31 });
        Bout().Equals(null).ShouldBeFalse();
    }

    /// <summary>REAL data: two analyses of the same recording give equal bouts (their turn lists are different instances).</summary>
    [Fact]
    public void Analyze_SameRecordingTwice_EqualBouts()
    {
        var feet = TestRecordings.GaitmapFeet();

        var first = GaitAnalyzer.Analyze(feet).WalkingBouts;
        var second = GaitAnalyzer.Analyze(feet).WalkingBouts;

        first.ShouldNotBeEmpty();
        first.ShouldBe(second);
    }
}
