using Ambulo.Motion.Repetitions;

namespace Ambulo.Motion.Evaluation;

/// <summary>
/// Outcome of counting one set against its true count.
/// </summary>
/// <param name="Name">File name or synthetic case name.</param>
/// <param name="Source">Which of the three validation sources it belongs to (e.g. "real", "labelled", "synthetic").</param>
/// <param name="TrueCount">Repetitions really made (from the reference or label).</param>
/// <param name="Counted">Repetitions the detector counted.</param>
/// <param name="RangeOfMotionErrorDegrees">Mean absolute difference between counted and true ranges, when a reference angle exists and repetitions could be paired with it; else null.</param>
/// <param name="RangeOfMotionBiasDegrees">Mean signed difference (counted − true) over the same pairs; null when not measured.</param>
/// <param name="RangeOfMotionPairs">How many repetitions were paired with a reference range (0 when not measured).</param>
public sealed record RepetitionSetOutcome(string Name, string Source, int TrueCount, int Counted, double? RangeOfMotionErrorDegrees,
    double? RangeOfMotionBiasDegrees = null, int RangeOfMotionPairs = 0)
{
    public int AbsoluteError => Math.Abs(Counted - TrueCount);

    public bool IsExact => Counted == TrueCount;
}

/// <summary>Accuracy over several sets: share counted exactly, mean absolute error, range-of-motion error.</summary>
public sealed record RepetitionAccuracy(IReadOnlyList<RepetitionSetOutcome> Sets)
{
    public int SetCount => Sets.Count;

    /// <summary>Share (0–1) of sets counted exactly; NaN with no sets.</summary>
    public double ExactShare => Sets.Count == 0 ? double.NaN : Sets.Count(s => s.IsExact) / (double)Sets.Count;

    /// <summary>Share (0–1) of sets within ±1 repetition (the figure published rep counters report).</summary>
    public double WithinOneShare => Sets.Count == 0 ? double.NaN : Sets.Count(s => s.AbsoluteError <= 1) / (double)Sets.Count;

    /// <summary>Mean absolute counting error in repetitions per set; NaN with no sets.</summary>
    public double MeanAbsoluteError => Sets.Count == 0 ? double.NaN : Sets.Average(s => (double)s.AbsoluteError);

    /// <summary>Mean of the per-set range-of-motion errors where one exists, else null.</summary>
    public double? MeanRangeOfMotionErrorDegrees
    {
        get
        {
            var errors = Sets.Where(s => s.RangeOfMotionErrorDegrees is not null).Select(s => s.RangeOfMotionErrorDegrees!.Value).ToList();
            return errors.Count == 0 ? null : errors.Average();
        }
    }

    /// <summary>Mean of the per-set range-of-motion biases (counted − true) where one exists, else null.</summary>
    public double? MeanRangeOfMotionBiasDegrees
    {
        get
        {
            var biases = Sets.Where(s => s.RangeOfMotionBiasDegrees is not null).Select(s => s.RangeOfMotionBiasDegrees!.Value).ToList();
            return biases.Count == 0 ? null : biases.Average();
        }
    }

    public int TrueTotal => Sets.Sum(s => s.TrueCount);

    public int CountedTotal => Sets.Sum(s => s.Counted);

    /// <summary>Whether the targets are met: at least 97 % exact and mean absolute error below 0.2.</summary>
    public bool MeetsTargets(double exactShareTarget = 0.97, double meanAbsoluteErrorTarget = 0.2) =>
        Sets.Count > 0 && ExactShare >= exactShareTarget && MeanAbsoluteError < meanAbsoluteErrorTarget;

    /// <summary>
    /// Range-of-motion error of one set: counted ranges paired in order with the true ones. Only defined
    /// when both lists have the same length (otherwise pairing would be guesswork), else null.
    /// </summary>
    public static double? RangeOfMotionError(IReadOnlyList<Repetition> counted, IReadOnlyList<double>? trueRangesDegrees)
    {
        ArgumentNullException.ThrowIfNull(counted);
        if (trueRangesDegrees is null || counted.Count == 0 || counted.Count != trueRangesDegrees.Count)
        {
            return null;
        }

        return counted.Select((r, i) => Math.Abs(r.RangeOfMotionDegrees - trueRangesDegrees[i])).Average();
    }

    /// <summary>Mean signed range-of-motion difference (counted − true), paired in order; null under the same conditions as <see cref="RangeOfMotionError"/>.</summary>
    public static double? RangeOfMotionBias(IReadOnlyList<Repetition> counted, IReadOnlyList<double>? trueRangesDegrees)
    {
        ArgumentNullException.ThrowIfNull(counted);
        if (trueRangesDegrees is null || counted.Count == 0 || counted.Count != trueRangesDegrees.Count)
        {
            return null;
        }

        return counted.Select((r, i) => r.RangeOfMotionDegrees - trueRangesDegrees[i]).Average();
    }
}
