namespace Ambulo.Motion.Gait;

/// <summary>
/// Whole-recording gait parameters from contacts, strides and bouts.
/// Timing statistics describe steady walking, so they use complete gait cycles only: a stride flagged
/// <see cref="Stride.EndsInStandstill"/> (the step into standstill at the end of a bout: the foot lands and stays, so
/// it is a slowing-down step, not a cycle) is left out of stride time, stride-time variability, stance, swing and the
/// swing-time asymmetry, and the step that lands at its end is left out of the step times per side and the
/// step-time asymmetry. It still counts everywhere walking is totalled: steps, cadence, bouts and distance.
/// <para>
/// Cadence is one definition from bout to summary: the summary's cadence is the mean of the bouts' cadences, each
/// weighted by its steps (<see cref="CadenceStepsPerMinute"/>), so a recording of one bout has exactly that bout's
/// cadence, and time spent standing within or between bouts never lowers it. Each bout's cadence is its detector's:
/// on the lower back the Mobilise-D reference definition, the mean of 120 / stride time over the bout's strides, a
/// stride across a pause left out (<see cref="LowerBackGaitDetector.CadenceStepsPerMinute"/>); for foot, shank and
/// phone bouts (contacts split at pauses longer than <see cref="GaitAnalysisOptions.MaximumBoutGapSeconds"/>) steps ÷ bout time.
/// </para>
/// </summary>
public static class GaitSummaries
{
    public static GaitSummary Summarize(IReadOnlyList<InitialContact> contacts, IReadOnlyList<Stride> strides, IReadOnlyList<WalkingBout> bouts, DistanceModel model)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(bouts);
        var cadence = CadenceStepsPerMinute(bouts);
        var standstillLandings = strides.Where(s => s.EndsInStandstill).Select(s => (s.Side, s.EndSeconds)).ToList();
        strides = strides.Where(s => !s.EndsInStandstill).ToList();
        var strideTimes = strides.Select(s => s.StrideTimeSeconds).ToList();
        double? strideTime = strideTimes.Count > 0 ? strideTimes.Average() : null;
        double? variability = strideTimes.Count > 2 ? 100 * StandardDeviation(strideTimes) / strideTimes.Average() : null;

        var (left, right) = StepTimesPerSide(contacts, bouts, standstillLandings);
        double? stepLeft = left.Count > 0 ? left.Average() : null;
        double? stepRight = right.Count > 0 ? right.Average() : null;
        double? stepAsymmetry = stepLeft is { } l && stepRight is { } r ? Ratio(l, r) : null;

        var swingLeft = strides.Where(s => s.Side == BodySide.Left && s.SwingSeconds is not null).Select(s => s.SwingSeconds!.Value).ToList();
        var swingRight = strides.Where(s => s.Side == BodySide.Right && s.SwingSeconds is not null).Select(s => s.SwingSeconds!.Value).ToList();
        double? swingAsymmetry = swingLeft.Count > 0 && swingRight.Count > 0 ? Ratio(swingLeft.Average(), swingRight.Average()) : null;
        var stance = strides.Where(s => s.StanceSeconds is not null).Select(s => s.StanceSeconds!.Value).ToList();
        var swing = strides.Where(s => s.SwingSeconds is not null).Select(s => s.SwingSeconds!.Value).ToList();

        var withDistance = bouts.Where(b => b.DistanceMeters is not null).ToList();
        double? distance = model != DistanceModel.None && withDistance.Count > 0 ? withDistance.Sum(b => b.DistanceMeters!.Value) : null;
        var distanceSeconds = withDistance.Sum(b => b.DurationSeconds);
        double? speed = distance is { } d && distanceSeconds > 0 ? d / distanceSeconds : null;

        return new GaitSummary(contacts.Count, cadence, strideTime, variability, stepAsymmetry, swingAsymmetry, stepLeft, stepRight,
            stance.Count > 0 ? stance.Average() : null, swing.Count > 0 ? swing.Average() : null, speed, distance, distance is null ? DistanceModel.None : model);
    }

    /// <summary>
    /// Step time of a side = time from the other foot's contact to this foot's contact, within a bout; steps landing at
    /// one of <paramref name="leaveOut"/> (side and time of a landing into standstill) are left out.
    /// </summary>
    internal static (List<double> Left, List<double> Right) StepTimesPerSide(IReadOnlyList<InitialContact> contacts, IReadOnlyList<WalkingBout> bouts,
        IReadOnlyList<(BodySide Side, double Seconds)>? leaveOut = null)
    {
        var left = new List<double>();
        var right = new List<double>();
        for (var i = 1; i < contacts.Count; i++)
        {
            var a = contacts[i - 1];
            var b = contacts[i];
            if (a.Side == BodySide.Unknown || b.Side == BodySide.Unknown || a.Side == b.Side)
            {
                continue;
            }

            if (!bouts.Any(w => a.TimeSeconds >= w.StartSeconds - 1e-9 && b.TimeSeconds <= w.EndSeconds + 1e-9))
            {
                continue;
            }

            if (leaveOut is not null && leaveOut.Any(x => x.Side == b.Side && Math.Abs(x.Seconds - b.TimeSeconds) < 1e-6))
            {
                continue;
            }

            (b.Side == BodySide.Left ? left : right).Add(b.TimeSeconds - a.TimeSeconds);
        }

        return (left, right);
    }

    /// <summary>
    /// Cadence of a whole recording: the bouts' cadences averaged with each bout weighted by its steps (a three-step
    /// bout counts a tenth of a thirty-step one). Bouts without a finite, positive cadence are left out; null without
    /// such a bout.
    /// </summary>
    public static double? CadenceStepsPerMinute(IReadOnlyList<WalkingBout> bouts)
    {
        ArgumentNullException.ThrowIfNull(bouts);
        double weighted = 0, steps = 0;
        foreach (var b in bouts)
        {
            if (double.IsFinite(b.CadenceStepsPerMinute) && b.CadenceStepsPerMinute > 0 && b.Steps > 0)
            {
                weighted += b.Steps * b.CadenceStepsPerMinute;
                steps += b.Steps;
            }
        }

        return steps > 0 ? weighted / steps : null;
    }

    /// <summary>Symmetry ratio larger/smaller (1 = symmetric).</summary>
    public static double Ratio(double a, double b) => Math.Max(a, b) / Math.Min(a, b);

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
