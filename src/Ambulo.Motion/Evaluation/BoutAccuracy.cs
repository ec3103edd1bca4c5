using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Evaluation;

/// <summary>
/// A walking bout made from a reference stride list (<see cref="BoutAccuracy.BoutsFromStrides"/>), with the reference's
/// own cadence and speed over it.
/// </summary>
/// <param name="StartSeconds">First initial contact of the bout.</param>
/// <param name="EndSeconds">Last initial contact of the bout.</param>
/// <param name="Strides">The reference strides of the bout, in start order.</param>
public sealed record StrideListBout(double StartSeconds, double EndSeconds, IReadOnlyList<ReferenceStride> Strides)
{
    /// <summary>The bout's initial contacts: every stride's start and end, each once, in time order.</summary>
    public IReadOnlyList<double> ContactSeconds { get; } = BoutAccuracy.DistinctContacts(Strides);

    /// <summary>Reference cadence: <see cref="BoutAccuracy.CadenceStepsPerMinute"/> of <see cref="ContactSeconds"/>.</summary>
    public double? CadenceStepsPerMinute => BoutAccuracy.CadenceStepsPerMinute(ContactSeconds);

    /// <summary>Reference speed: the mean of stride length ÷ stride time over the strides with a length; null without one.</summary>
    public double? GaitSpeedMetersPerSecond => BoutAccuracy.MeanStrideSpeed(Strides.Select(s => (s.EndSeconds - s.StartSeconds, s.LengthMeters)));
}

/// <summary>Step counts of one bout: detected contacts and reference contacts in the same window.</summary>
public sealed record BoutStepCount(double StartSeconds, double EndSeconds, int Detected, int Reference)
{
    /// <summary>100 × (detected − reference) ÷ reference; NaN for a bout without reference contacts.</summary>
    public double ErrorPercent => Reference == 0 ? double.NaN : 100.0 * (Detected - Reference) / Reference;
}

/// <summary>Per-bout scoring shared by the placements: bouts from a stride list, steps, cadence and speed in a bout's window.</summary>
public static class BoutAccuracy
{
    /// <summary>
    /// Walking bouts of a reference stride list: strides (of either foot) whose spans [start, end] overlap, or follow each
    /// other with at most <paramref name="gapSeconds"/> between one's end and the next one's start, belong to one bout; a
    /// longer stretch that no stride covers ends the bout. For one foot this is a run of consecutive strides, each starting
    /// at the contact that ended the one before; the other foot's strides, which overlap them, join the same bout. A stride
    /// missing from one foot's list does not split the bout while the other foot's strides cover the gap.
    /// </summary>
    public static IReadOnlyList<StrideListBout> BoutsFromStrides(IReadOnlyList<ReferenceStride> strides, double gapSeconds)
    {
        ArgumentNullException.ThrowIfNull(strides);
        var sorted = strides.Where(s => double.IsFinite(s.StartSeconds) && double.IsFinite(s.EndSeconds) && s.EndSeconds > s.StartSeconds)
            .OrderBy(s => s.StartSeconds).ThenBy(s => s.EndSeconds).ToList();
        var bouts = new List<StrideListBout>();
        var current = new List<ReferenceStride>();
        var end = double.NegativeInfinity;
        foreach (var stride in sorted)
        {
            if (current.Count > 0 && stride.StartSeconds - end > gapSeconds)
            {
                bouts.Add(Bout(current));
                current = [];
            }

            end = current.Count == 0 ? stride.EndSeconds : Math.Max(end, stride.EndSeconds);
            current.Add(stride);
        }

        if (current.Count > 0)
        {
            bouts.Add(Bout(current));
        }

        return bouts;
    }

    private static StrideListBout Bout(List<ReferenceStride> strides) => new(strides.Min(s => s.StartSeconds), strides.Max(s => s.EndSeconds), strides);

    /// <summary>Every start and end of the strides once (contacts closer than 1 ms are one contact), sorted.</summary>
    internal static IReadOnlyList<double> DistinctContacts(IEnumerable<ReferenceStride> strides)
    {
        var all = strides.SelectMany(s => new[] { s.StartSeconds, s.EndSeconds }).Order().ToList();
        var distinct = new List<double>(all.Count);
        foreach (var t in all)
        {
            if (distinct.Count == 0 || t - distinct[^1] > 0.001)
            {
                distinct.Add(t);
            }
        }

        return distinct;
    }

    /// <summary>
    /// Cadence over a run of contacts (both feet, sorted seconds): steps per minute from the first contact to the last,
    /// 60 × (N − 1) ÷ (last − first). Null with fewer than two contacts.
    /// </summary>
    public static double? CadenceStepsPerMinute(IReadOnlyList<double> contactSeconds)
    {
        ArgumentNullException.ThrowIfNull(contactSeconds);
        if (contactSeconds.Count < 2)
        {
            return null;
        }

        var span = contactSeconds[^1] - contactSeconds[0];
        return span > 0 ? 60.0 * (contactSeconds.Count - 1) / span : null;
    }

    /// <summary>The mean of length ÷ time over the strides that have a length and a positive time; null without one.</summary>
    public static double? MeanStrideSpeed(IEnumerable<(double TimeSeconds, double? LengthMeters)> strides)
    {
        ArgumentNullException.ThrowIfNull(strides);
        var speeds = strides.Where(s => s.LengthMeters is not null && s.TimeSeconds > 0).Select(s => s.LengthMeters!.Value / s.TimeSeconds).ToList();
        return speeds.Count == 0 ? null : speeds.Average();
    }

    /// <summary>
    /// Cadence of one walk that is a single bout, ours against the reference's: the reference's from all its contacts
    /// (sorted seconds), ours from our contacts within the tolerance of the reference's first and last contact, both by
    /// <see cref="CadenceStepsPerMinute(IReadOnlyList{double})"/>.
    /// </summary>
    public static (double? Detected, double? Reference) CadenceOverWalk(IReadOnlyList<double> detectedSeconds, IReadOnlyList<double> referenceSeconds, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detectedSeconds);
        ArgumentNullException.ThrowIfNull(referenceSeconds);
        var reference = referenceSeconds.Where(double.IsFinite).Order().ToList();
        if (reference.Count < 2)
        {
            return (null, null);
        }

        var ours = detectedSeconds.Where(t => InWindow(t, reference[0], reference[^1], toleranceSeconds)).Order().ToList();
        return (CadenceStepsPerMinute(ours), CadenceStepsPerMinute(reference));
    }

    /// <summary>True when <paramref name="seconds"/> lies in [start − tolerance, end + tolerance].</summary>
    public static bool InWindow(double seconds, double startSeconds, double endSeconds, double toleranceSeconds) =>
        seconds >= startSeconds - toleranceSeconds && seconds <= endSeconds + toleranceSeconds;

    /// <summary>
    /// Per bout: the detected and the reference contacts in the bout's window, its span widened by the tolerance on both
    /// sides (the window the per-bout cadence is scored in, so a detection up to the tolerance early or late still counts).
    /// </summary>
    public static IReadOnlyList<BoutStepCount> StepCounts(IReadOnlyList<double> detectedSeconds, IReadOnlyList<double> referenceSeconds,
        IReadOnlyList<(double StartSeconds, double EndSeconds)> bouts, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detectedSeconds);
        ArgumentNullException.ThrowIfNull(referenceSeconds);
        ArgumentNullException.ThrowIfNull(bouts);
        return [.. bouts.Select(b => new BoutStepCount(b.StartSeconds, b.EndSeconds,
            detectedSeconds.Count(t => InWindow(t, b.StartSeconds, b.EndSeconds, toleranceSeconds)),
            referenceSeconds.Count(t => InWindow(t, b.StartSeconds, b.EndSeconds, toleranceSeconds))))];
    }
}
