using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Evaluation;

/// <summary>
/// Detected strides against reference strides: how many of each, and the errors (detected − reference) of the matched
/// pairs. Sums of comparisons (several recordings) pool the pairs, so the pooled MAE weights every matched stride alike.
/// </summary>
/// <param name="Detected">Detected strides compared.</param>
/// <param name="Reference">Reference strides compared.</param>
/// <param name="StrideTimeErrorsSeconds">Per matched pair, detected minus reference stride time.</param>
/// <param name="StrideLengthErrorsMeters">Per matched pair where both have a length, detected minus reference stride length.</param>
public sealed record StrideComparison(int Detected, int Reference, IReadOnlyList<double> StrideTimeErrorsSeconds, IReadOnlyList<double> StrideLengthErrorsMeters)
{
    public static StrideComparison Empty { get; } = new(0, 0, [], []);

    /// <summary>Matched stride pairs.</summary>
    public int Matched => StrideTimeErrorsSeconds.Count;

    /// <summary>Matched pairs with a length on both sides.</summary>
    public int LengthPairs => StrideLengthErrorsMeters.Count;

    /// <summary>Mean |detected − reference| stride time over the matched pairs; NaN without pairs.</summary>
    public double StrideTimeMaeSeconds => MeanAbsolute(StrideTimeErrorsSeconds);

    /// <summary>Mean |detected − reference| stride length over the pairs with lengths; NaN without such pairs.</summary>
    public double StrideLengthMaeMeters => MeanAbsolute(StrideLengthErrorsMeters);

    /// <summary>Mean (detected − reference) stride time over the matched pairs: a constant bias shows here; NaN without pairs.</summary>
    public double StrideTimeMeanSignedSeconds => StrideTimeErrorsSeconds.Count == 0 ? double.NaN : StrideTimeErrorsSeconds.Average();

    /// <summary>Mean (detected − reference) stride length over the pairs with lengths; NaN without such pairs.</summary>
    public double StrideLengthMeanSignedMeters => StrideLengthErrorsMeters.Count == 0 ? double.NaN : StrideLengthErrorsMeters.Average();

    public static StrideComparison operator +(StrideComparison a, StrideComparison b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new StrideComparison(a.Detected + b.Detected, a.Reference + b.Reference,
            [.. a.StrideTimeErrorsSeconds, .. b.StrideTimeErrorsSeconds], [.. a.StrideLengthErrorsMeters, .. b.StrideLengthErrorsMeters]);
    }

    public static StrideComparison Add(StrideComparison a, StrideComparison b) => a + b;

    private static double MeanAbsolute(IReadOnlyList<double> errors) => errors.Count == 0 ? double.NaN : errors.Average(Math.Abs);
}

/// <summary>
/// Stride-by-stride scoring of stride time and stride length. A detected stride matches a reference stride when its two
/// initial contacts (start and end) both lie within the tolerance of that reference stride's start and end
/// (<see cref="GaitEventMatching.StridePairs"/>: pairs taken closest start first, each stride used once). The side is not
/// part of the match: a stride between the same two contacts has the same time whichever foot it is given to.
/// </summary>
public static class StrideAccuracy
{
    public static StrideComparison Compare(IReadOnlyList<Stride> detected, IReadOnlyList<ReferenceStride> reference, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(reference);
        var pairs = GaitEventMatching.StridePairs(
            [.. detected.Select(s => (s.StartSeconds, s.EndSeconds))], [.. reference.Select(r => (r.StartSeconds, r.EndSeconds))], toleranceSeconds);
        var timeErrors = new List<double>(pairs.Count);
        var lengthErrors = new List<double>(pairs.Count);
        foreach (var (d, r) in pairs)
        {
            timeErrors.Add(detected[d].StrideTimeSeconds - (reference[r].EndSeconds - reference[r].StartSeconds));
            if (detected[d].StrideLengthMeters is { } mine && reference[r].LengthMeters is { } theirs)
            {
                lengthErrors.Add(mine - theirs);
            }
        }

        return new StrideComparison(detected.Count, reference.Count, timeErrors, lengthErrors);
    }
}
