namespace Ambulo.Motion.Evaluation;

/// <summary>Detection score of events (steps, initial contacts, strides) against reference events.</summary>
/// <param name="TruePositives">Detected events paired one-to-one with a reference event within the tolerance.</param>
/// <param name="FalsePositives">Detected events left unpaired.</param>
/// <param name="FalseNegatives">Reference events left unpaired.</param>
/// <param name="MeanAbsoluteErrorSeconds">Mean |detected − reference| over the pairs (NaN without pairs).</param>
/// <param name="MeanSignedErrorSeconds">Mean (detected − reference) over the pairs: a constant lag shows here.</param>
public sealed record GaitEventScore(int TruePositives, int FalsePositives, int FalseNegatives, double MeanAbsoluteErrorSeconds, double MeanSignedErrorSeconds)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static GaitEventScore operator +(GaitEventScore a, GaitEventScore b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pairsA = a.TruePositives;
        var pairsB = b.TruePositives;
        var pairs = pairsA + pairsB;
        double Mean(double x, double y) => pairs == 0 ? double.NaN : ((pairsA == 0 ? 0 : x * pairsA) + (pairsB == 0 ? 0 : y * pairsB)) / pairs;
        return new GaitEventScore(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives,
            Mean(a.MeanAbsoluteErrorSeconds, b.MeanAbsoluteErrorSeconds), Mean(a.MeanSignedErrorSeconds, b.MeanSignedErrorSeconds));
    }

    public static GaitEventScore Empty { get; } = new(0, 0, 0, double.NaN, double.NaN);

    public static GaitEventScore Add(GaitEventScore a, GaitEventScore b) => a + b;
}

/// <summary>
/// Pairs detected event times with reference event times one-to-one: candidate pairs within the tolerance are taken
/// closest first, so each event is used at most once (the usual scoring of gait-event detectors).
/// </summary>
public static class GaitEventMatching
{
    public static GaitEventScore Match(IReadOnlyList<double> detectedSeconds, IReadOnlyList<double> referenceSeconds, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detectedSeconds);
        ArgumentNullException.ThrowIfNull(referenceSeconds);
        var pairs = Pairs(detectedSeconds, referenceSeconds, toleranceSeconds);
        double abs = 0, signed = 0;
        foreach (var (d, r) in pairs)
        {
            var e = detectedSeconds[d] - referenceSeconds[r];
            abs += Math.Abs(e);
            signed += e;
        }

        var tp = pairs.Count;
        return new GaitEventScore(tp, detectedSeconds.Count - tp, referenceSeconds.Count - tp,
            tp == 0 ? double.NaN : abs / tp, tp == 0 ? double.NaN : signed / tp);
    }

    /// <summary>The matched (detected index, reference index) pairs, in reference order.</summary>
    public static List<(int Detected, int Reference)> Pairs(IReadOnlyList<double> detectedSeconds, IReadOnlyList<double> referenceSeconds, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detectedSeconds);
        ArgumentNullException.ThrowIfNull(referenceSeconds);
        var candidates = new List<(double Distance, int D, int R)>();
        var sortedRef = Enumerable.Range(0, referenceSeconds.Count).OrderBy(i => referenceSeconds[i]).ToArray();
        for (var d = 0; d < detectedSeconds.Count; d++)
        {
            var t = detectedSeconds[d];
            if (double.IsNaN(t))
            {
                continue;
            }

            // Binary search the first reference not earlier than t − tolerance.
            int lo = 0, hi = sortedRef.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (referenceSeconds[sortedRef[mid]] < t - toleranceSeconds)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var k = lo; k < sortedRef.Length && referenceSeconds[sortedRef[k]] <= t + toleranceSeconds; k++)
            {
                candidates.Add((Math.Abs(referenceSeconds[sortedRef[k]] - t), d, sortedRef[k]));
            }
        }

        candidates.Sort((a, b) => a.Distance.CompareTo(b.Distance));
        var usedD = new bool[detectedSeconds.Count];
        var usedR = new bool[referenceSeconds.Count];
        var pairs = new List<(int, int)>();
        foreach (var (_, d, r) in candidates)
        {
            if (!usedD[d] && !usedR[r])
            {
                usedD[d] = true;
                usedR[r] = true;
                pairs.Add((d, r));
            }
        }

        pairs.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return pairs;
    }

    /// <summary>
    /// Scores strides: a detected stride is a true positive when its start and its end both lie within the tolerance
    /// of the same reference stride's start and end. The error statistics are those of the start.
    /// </summary>
    public static GaitEventScore MatchStrides(IReadOnlyList<(double Start, double End)> detected, IReadOnlyList<(double Start, double End)> reference, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(reference);
        var pairs = StridePairs(detected, reference, toleranceSeconds);
        double abs = 0, signed = 0;
        foreach (var (d, r) in pairs)
        {
            var e = detected[d].Start - reference[r].Start;
            abs += Math.Abs(e);
            signed += e;
        }

        var tp = pairs.Count;
        return new GaitEventScore(tp, detected.Count - tp, reference.Count - tp, tp == 0 ? double.NaN : abs / tp, tp == 0 ? double.NaN : signed / tp);
    }

    /// <summary>Stride pairs whose starts and ends both agree within the tolerance.</summary>
    public static List<(int Detected, int Reference)> StridePairs(IReadOnlyList<(double Start, double End)> detected, IReadOnlyList<(double Start, double End)> reference, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(reference);
        var startPairs = Pairs(detected.Select(s => s.Start).ToList(), reference.Select(s => s.Start).ToList(), toleranceSeconds);
        return startPairs.Where(p => Math.Abs(detected[p.Detected].End - reference[p.Reference].End) <= toleranceSeconds).ToList();
    }
}
