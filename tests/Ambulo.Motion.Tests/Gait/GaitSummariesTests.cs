using Ambulo.Motion.Gait;

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

        var bout = new WalkingBout(contacts[0].TimeSeconds, contacts[^1].TimeSeconds, steps, 0);
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
}
