namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>
/// Ground covered during part of a walk, from whichever distance model the gait analysis ran: a phone's step lengths
/// (each spread evenly over its step, previous contact to this one) or stride lengths (each spread evenly over its stride;
/// with both feet's strides, or a lower-back sensor's overlapping left and right strides, the sum is halved). The walk
/// tests use it for the 2 m / 8 m marks of the 10-metre walk, the minute splits of the 6-minute walk and the walked part
/// of the Timed Up and Go, so every one of them names the same model as the analysis.
/// </summary>
public static class WalkedDistance
{
    /// <summary>The model behind <see cref="Between"/>; <see cref="DistanceModel.None"/> when the analysis has no lengths.</summary>
    public static DistanceModel ModelOf(GaitAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var hasLengths = analysis.StepLengthsMeters is { } l ? l.Any(x => x is not null) : analysis.Strides.Any(s => s.StrideLengthMeters is not null);
        return hasLengths ? analysis.Summary.DistanceModel : DistanceModel.None;
    }

    /// <summary>Metres covered from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/>; null without a distance model.</summary>
    public static double? Between(GaitAnalysis analysis, double fromSeconds, double toSeconds)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (ModelOf(analysis) == DistanceModel.None)
        {
            return null;
        }

        if (toSeconds <= fromSeconds)
        {
            return 0;
        }

        if (analysis.StepLengthsMeters is { } lengths)
        {
            var sum = 0.0;
            for (var i = 1; i < analysis.Steps.Count && i < lengths.Count; i++)
            {
                if (lengths[i] is { } l)
                {
                    sum += l * Overlap(analysis.Steps[i - 1].TimeSeconds, analysis.Steps[i].TimeSeconds, fromSeconds, toSeconds);
                }
            }

            return sum;
        }

        var withLength = analysis.Strides.Where(s => s.StrideLengthMeters is not null).ToList();
        var total = withLength.Sum(s => s.StrideLengthMeters!.Value * Overlap(s.StartSeconds, s.EndSeconds, fromSeconds, toSeconds));
        return total * StrideShare(analysis, withLength);
    }

    /// <summary>
    /// Share of a stride length that is this walk's own progress: 1 for one recorded foot (its strides tile the walk);
    /// ½ when strides of both sides overlap (two foot sensors, or left and right strides of a lower-back sensor).
    /// </summary>
    private static double StrideShare(GaitAnalysis analysis, List<Stride> strides)
    {
        var sides = strides.Select(s => s.Side).Distinct().Count();
        if (sides > 1)
        {
            return 1.0 / sides;
        }

        // One side's strides but contacts of both sides (a trunk sensor that lengthened one side only): still overlapping.
        return !analysis.OtherFootInferred && analysis.Steps.Select(c => c.Side).Where(s => s != BodySide.Unknown).Distinct().Count() > 1 ? 0.5 : 1.0;
    }

    /// <summary>Fraction of [a, b] inside [from, to] (an instant [a, a] counts whole when inside).</summary>
    private static double Overlap(double a, double b, double from, double to)
    {
        if (b <= a)
        {
            return a > from && a <= to ? 1 : 0;
        }

        var inside = Math.Min(b, to) - Math.Max(a, from);
        return inside <= 0 ? 0 : inside / (b - a);
    }
}
