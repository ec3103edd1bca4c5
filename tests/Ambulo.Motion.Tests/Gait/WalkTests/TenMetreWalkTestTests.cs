using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;

namespace Ambulo.Motion.Tests.Gait.WalkTests;

public class TenMetreWalkTestTests
{
    private static GaitAnalysis UniformWalk(int steps, double stepSeconds)
    {
        var contacts = Enumerable.Range(0, steps).Select(k => new InitialContact(2 + k * stepSeconds, BodySide.Unknown)).ToList();
        var bouts = new List<WalkingBout> { new(contacts[0].TimeSeconds, contacts[^1].TimeSeconds, steps, 60 / stepSeconds) };
        return new GaitAnalysis("hand", contacts, [], bouts, GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None));
    }

    [Fact]
    public void Estimate_EvenStepsOverTenMetres_TimesTheMiddleSixMetres()
    {
        // 21 contacts, 20 equal steps of 0.5 m in 0.5 s: 1 m/s, the middle 6 m take 6 s.
        var result = TenMetreWalkTest.Estimate(UniformWalk(21, 0.5));

        result.Found.ShouldBeTrue();
        result.MiddleTimeSeconds!.Value.ShouldBe(6, 1e-9);
        result.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.0, 1e-9);
        result.Band!.Perry.ShouldBe("community");
        result.Band.Fulk.ShouldBe("community");
        result.DistanceSource.ShouldBe("equal-steps");
    }

    [Theory]
    [InlineData(0.35, "household", "home")]
    [InlineData(0.45, "limited-community", "home")]
    [InlineData(0.85, "community", "limited-community")]
    public void AmbulationBand_Of_UsesPerryAndFulkCutoffs(double speed, string perry, string fulk)
    {
        var band = AmbulationBand.Of(speed);

        band.Perry.ShouldBe(perry);
        band.Fulk.ShouldBe(fulk);
    }

    [Fact]
    public void Estimate_NoWalking_SaysSo()
    {
        var empty = new GaitAnalysis("hand", [], [], [], GaitSummaries.Summarize([], [], [], DistanceModel.None));

        var result = TenMetreWalkTest.Estimate(empty);

        result.Found.ShouldBeFalse();
        result.Problem.ShouldNotBeNull();
    }
}
