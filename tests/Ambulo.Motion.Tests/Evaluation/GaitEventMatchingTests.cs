using Ambulo.Motion.Evaluation;

namespace Ambulo.Motion.Tests.Evaluation;

public class GaitEventMatchingTests
{
    [Fact]
    public void Match_EachReferenceUsedOnce_ExtraDetectionIsFalsePositive()
    {
        var score = GaitEventMatching.Match([1.00, 1.05, 2.00], [1.02, 2.30], 0.1);

        score.TruePositives.ShouldBe(1);
        score.FalsePositives.ShouldBe(2);
        score.FalseNegatives.ShouldBe(1);
        score.F1.ShouldBe(2 * (1 / 3.0) * 0.5 / (1 / 3.0 + 0.5), 1e-12);
        score.MeanAbsoluteErrorSeconds.ShouldBe(0.02, 1e-9);
    }

    [Fact]
    public void Match_ClosestPairWins_NotTheFirstInTime()
    {
        var pairs = GaitEventMatching.Pairs([1.00, 1.09], [1.08], 0.1);

        pairs.ShouldHaveSingleItem().Detected.ShouldBe(1);
    }

    [Fact]
    public void MatchStrides_EndOutsideTolerance_IsNotAMatch()
    {
        var score = GaitEventMatching.MatchStrides([(1.0, 2.1), (2.1, 3.5)], [(1.0, 2.1), (2.1, 3.2)], 0.1);

        score.TruePositives.ShouldBe(1);
        score.FalseNegatives.ShouldBe(1);
        score.FalsePositives.ShouldBe(1);
    }

    [Fact]
    public void Add_TwoScores_PoolsCountsAndWeightsErrorsByPairs()
    {
        var a = GaitEventMatching.Match([1.0], [1.1], 0.2);
        var b = GaitEventMatching.Match([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], 0.2);

        var pooled = a + b;

        pooled.TruePositives.ShouldBe(4);
        pooled.MeanAbsoluteErrorSeconds.ShouldBe(0.1 / 4, 1e-9);
    }
}
