namespace Ambulo.Motion.Evaluation;

/// <summary>Where a detected contact that no reference contact was paired with lies.</summary>
public enum ExtraContactKind
{
    /// <summary>Outside every bout of the scoring reference, inside a bout only the other reference system annotated.</summary>
    OtherSystemWalk,

    /// <summary>Outside every bout of both reference systems.</summary>
    OutsideReferenceBouts,

    /// <summary>Inside a reference bout, farther than the tolerance from every reference contact.</summary>
    FarFromReferenceContacts,

    /// <summary>Inside a reference bout, within the tolerance of a reference contact that another detection was paired with (a step found twice).</summary>
    SecondAtReferenceContact,
}

/// <summary>Where a reference contact that no detection was paired with lies.</summary>
public enum MissedContactKind
{
    /// <summary>In a stretch where the detector found no walking bout at all.</summary>
    NoDetectedBout,

    /// <summary>Inside one of the detector's walking bouts.</summary>
    InsideDetectedBout,
}

/// <summary>
/// The unpaired events of one lower-back validation, each given one kind, so that the extra detections add up to the
/// false positives and the missed contacts to the false negatives of the same pairing
/// (<see cref="GaitEventMatching.Pairs"/>). A bout "holds" an event up to the tolerance beyond its ends: a reference bout
/// runs from its first contact to its last, so a detection that close outside it can still pair with one of its contacts
/// and one farther out cannot.
/// </summary>
/// <param name="Extras">Index of each unpaired detection (in the detected list) with its kind.</param>
/// <param name="Missed">Index of each unpaired reference contact (in the reference list) with its kind.</param>
public sealed record LowerBackErrorBreakdown(IReadOnlyList<(int Detected, ExtraContactKind Kind)> Extras, IReadOnlyList<(int Reference, MissedContactKind Kind)> Missed)
{
    public static LowerBackErrorBreakdown Empty { get; } = new([], []);

    public int ExtraCount(ExtraContactKind kind) => Extras.Count(e => e.Kind == kind);

    public int MissedCount(MissedContactKind kind) => Missed.Count(m => m.Kind == kind);

    /// <summary>
    /// Gives every unpaired event its kind. <paramref name="pairs"/> must be the pairing of
    /// <paramref name="detectedSeconds"/> with <paramref name="referenceSeconds"/> at <paramref name="toleranceSeconds"/>.
    /// </summary>
    /// <param name="referenceBouts">Bouts (start, end in seconds) of the reference system the contacts come from.</param>
    /// <param name="otherSystemBouts">Bouts of the other reference system of the data set (none if there is only one).</param>
    /// <param name="detectedBouts">The detector's walking bouts.</param>
    public static LowerBackErrorBreakdown Classify(IReadOnlyList<double> detectedSeconds, IReadOnlyList<double> referenceSeconds, IReadOnlyList<(int Detected, int Reference)> pairs,
        IReadOnlyList<(double Start, double End)> referenceBouts, IReadOnlyList<(double Start, double End)> otherSystemBouts,
        IReadOnlyList<(double Start, double End)> detectedBouts, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(detectedSeconds);
        ArgumentNullException.ThrowIfNull(referenceSeconds);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(referenceBouts);
        ArgumentNullException.ThrowIfNull(otherSystemBouts);
        ArgumentNullException.ThrowIfNull(detectedBouts);
        var pairedD = new bool[detectedSeconds.Count];
        var pairedR = new bool[referenceSeconds.Count];
        foreach (var (d, r) in pairs)
        {
            pairedD[d] = true;
            pairedR[r] = true;
        }

        var extras = new List<(int, ExtraContactKind)>();
        for (var d = 0; d < detectedSeconds.Count; d++)
        {
            if (pairedD[d])
            {
                continue;
            }

            var t = detectedSeconds[d];
            ExtraContactKind kind;
            if (!Holds(referenceBouts, t, toleranceSeconds))
            {
                kind = Holds(otherSystemBouts, t, toleranceSeconds) ? ExtraContactKind.OtherSystemWalk : ExtraContactKind.OutsideReferenceBouts;
            }
            else
            {
                kind = referenceSeconds.Any(r => Math.Abs(r - t) <= toleranceSeconds) ? ExtraContactKind.SecondAtReferenceContact : ExtraContactKind.FarFromReferenceContacts;
            }

            extras.Add((d, kind));
        }

        var missed = new List<(int, MissedContactKind)>();
        for (var r = 0; r < referenceSeconds.Count; r++)
        {
            if (!pairedR[r])
            {
                missed.Add((r, Holds(detectedBouts, referenceSeconds[r], toleranceSeconds) ? MissedContactKind.InsideDetectedBout : MissedContactKind.NoDetectedBout));
            }
        }

        return new LowerBackErrorBreakdown(extras, missed);
    }

    /// <summary>Whether a bout holds time <paramref name="t"/>, up to <paramref name="margin"/> beyond its ends.</summary>
    public static bool Holds(IReadOnlyList<(double Start, double End)> bouts, double t, double margin)
    {
        ArgumentNullException.ThrowIfNull(bouts);
        foreach (var (start, end) in bouts)
        {
            if (t >= start - margin && t <= end + margin)
            {
                return true;
            }
        }

        return false;
    }
}
