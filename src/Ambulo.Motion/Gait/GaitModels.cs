namespace Ambulo.Motion.Gait;

/// <summary>Body side of a step or stride; <see cref="Unknown"/> where the placement cannot tell.</summary>
public enum BodySide { Unknown, Left, Right }

/// <summary>Which model produced a distance (stride length, bout distance, gait speed).</summary>
public enum DistanceModel
{
    /// <summary>No distance: the placement or the recording cannot give one.</summary>
    None,

    /// <summary>Foot IMU: strapdown integration of the foot's acceleration with zero-velocity updates at every mid-stance.</summary>
    FootStrapdownZeroVelocity,

    /// <summary>
    /// Lower back: inverted pendulum (Zijlstra &amp; Hof 2003; Mobilise-D's factor) from the vertical excursion of the sensor
    /// over each step and the sensor height or leg length, each step shortened by the cosine of the trunk's turn during it
    /// (<see cref="LowerBackStepLength"/>).
    /// </summary>
    InvertedPendulum,

    /// <summary>Phone in a pocket or the hand: Weinberg (2002) step length K × (a_max − a_min)^¼ with a personal, calibrated K (<see cref="PhoneStepLength"/>).</summary>
    WeinbergAccelerationRange,

    /// <summary>Phone in a pocket or the hand without calibration: every step is a fixed fraction of body height (coarse; <see cref="PhoneStepLength"/>).</summary>
    HeightRatio,
}

/// <summary>One initial contact (heel strike, i.e. one step) at <paramref name="TimeSeconds"/>.</summary>
public sealed record InitialContact(double TimeSeconds, BodySide Side);

/// <summary>
/// One stride of one foot. Stance and swing exist only where final contacts are seen (foot or shank);
/// <see cref="StrideLengthMeters"/> only where a distance model ran. <see cref="EndsInStandstill"/> marks the last
/// stride of a bout: the foot landed and did not leave the ground again, so no toe-off closes the stance that ends it.
/// Such a stride is a real step (counted, and its length counts toward distance) but not a complete gait cycle;
/// stride lists defined mid-stance to mid-stance (gaitmap's) leave it out, and so do the timing statistics of
/// <see cref="GaitSummaries"/>.
/// </summary>
public sealed record Stride(
    double StartSeconds,
    double EndSeconds,
    BodySide Side,
    double StrideTimeSeconds,
    double? InitialContactSeconds = null,
    double? FinalContactSeconds = null,
    double? StanceSeconds = null,
    double? SwingSeconds = null,
    double? StrideLengthMeters = null,
    bool EndsInStandstill = false);

/// <summary>
/// A stretch of continuous walking. Start, end, steps, cadence, distance and speed come from the detector; the per-bout
/// figures below are added by <see cref="GaitAnalyzer.Analyze"/> (a bout straight from a detector has none of them).
/// </summary>
public sealed record WalkingBout(
    double StartSeconds,
    double EndSeconds,
    int Steps,
    double CadenceStepsPerMinute,
    double? DistanceMeters = null,
    double? GaitSpeedMetersPerSecond = null)
{
    public double DurationSeconds => EndSeconds - StartSeconds;

    /// <summary>
    /// The bout's own stride and step timing, from the contacts and strides inside it by the same function as the
    /// whole-recording <see cref="GaitSummary"/> (<see cref="GaitSummaries.Timing"/>); <see cref="GaitTiming.None"/> on a
    /// bout that was not analysed by <see cref="GaitAnalyzer"/>.
    /// </summary>
    public GaitTiming Timing { get; init; } = GaitTiming.None;

    /// <summary>
    /// The turns of the bout (<see cref="TurnDetector"/>, at least its <see cref="TurnOptions.MinimumAngleDegrees"/>): each turn
    /// whose middle lies between the bout's start and end, in time order, with its start, end and signed angle. Empty when
    /// the bout holds none; null (not measured, never "no turn") when the recording has no gyroscope.
    /// </summary>
    public IReadOnlyList<Turn>? Turns { get; init; }

    /// <summary>
    /// The standstills inside the bout, in time order. On the lower back, a stop of up to
    /// <see cref="LowerBackGaitOptions.MaximumPauseSeconds"/> (3 s with <see cref="LowerBackGaitOptions.SlowOrImpaired"/>,
    /// the Mobilise-D bout definition) between two stretches of steps keeps them one bout, and each such stop is a pause
    /// here (always none with a preset whose pause rule is off). Foot, shank and phone bouts end at a gap between contacts
    /// over <see cref="GaitAnalysisOptions.MaximumBoutGapSeconds"/> (for a single foot or shank, over its detector's longest
    /// stride if that is longer); a shorter stop inside one is a pause when the interval between its contacts is over
    /// <see cref="GaitAnalyzer.PauseStrideRatio"/> times the bout's median stride. A pause is no step and holds no stride
    /// (<see cref="GaitSummaries"/>): step times, stride times, cadence, asymmetries and variability leave it out. Empty
    /// when the bout has none; null on a bout that was not analysed by <see cref="GaitAnalyzer"/>.
    /// </summary>
    public IReadOnlyList<GaitPause>? Pauses { get; init; }

    /// <summary>
    /// Value equality, as for a record of plain values: every figure, <see cref="Timing"/>, and <see cref="Turns"/> and
    /// <see cref="Pauses"/> item by item (a record would compare the two lists by reference, so two analyses of the same
    /// recording gave bouts that were never equal). A list that is null (not measured) differs from an empty one (none).
    /// </summary>
    public bool Equals(WalkingBout? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (StartSeconds.Equals(other.StartSeconds) && EndSeconds.Equals(other.EndSeconds) && Steps == other.Steps
                && CadenceStepsPerMinute.Equals(other.CadenceStepsPerMinute)
                && Nullable.Equals(DistanceMeters, other.DistanceMeters) && Nullable.Equals(GaitSpeedMetersPerSecond, other.GaitSpeedMetersPerSecond)
                && Timing == other.Timing && SameItems(Turns, other.Turns) && SameItems(Pauses, other.Pauses)));

    /// <summary>Consistent with <see cref="Equals(WalkingBout?)"/>: equal bouts hash alike (the lists by their items).</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(StartSeconds);
        hash.Add(EndSeconds);
        hash.Add(Steps);
        hash.Add(CadenceStepsPerMinute);
        hash.Add(DistanceMeters);
        hash.Add(GaitSpeedMetersPerSecond);
        hash.Add(Timing);
        AddItems(ref hash, Turns);
        AddItems(ref hash, Pauses);
        return hash.ToHashCode();
    }

    private static bool SameItems<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static void AddItems<T>(ref HashCode hash, IReadOnlyList<T>? items)
    {
        hash.Add(items?.Count ?? -1);
        foreach (var item in items ?? [])
        {
            hash.Add(item);
        }
    }
}

/// <summary>
/// A standstill inside a walking bout, from the last initial contact before it to the first after it (the standing
/// itself is a little shorter: the last step's stance and the next step's swing lie at its ends).
/// </summary>
public sealed record GaitPause(double StartSeconds, double EndSeconds)
{
    public double DurationSeconds => EndSeconds - StartSeconds;
}

/// <summary>
/// Timing of steady walking over a set of strides and contacts: a whole recording (<see cref="GaitSummary.Timing"/>) or
/// one walking bout (<see cref="WalkingBout.Timing"/>), both made by <see cref="GaitSummaries.Timing"/>. Every value is
/// absent (null, not zero) when the placement or the strides cannot give it: left and right step times need sides (lower
/// back, or a foot or shank sensor on each leg); stance and swing need final contacts (foot or shank); the variability
/// needs <see cref="GaitSummaries.MinimumStridesForVariability"/> strides. Asymmetry ratios are larger/smaller of the left
/// and right means (1 = symmetric), as in <see cref="GaitSummary"/>.
/// </summary>
public sealed record GaitTiming(
    double? StrideTimeSeconds = null,
    double? StrideTimeVariabilityPercent = null,
    double? StepTimeLeftSeconds = null,
    double? StepTimeRightSeconds = null,
    double? StepTimeAsymmetryRatio = null,
    double? SwingTimeAsymmetryRatio = null,
    double? StanceSeconds = null,
    double? SwingSeconds = null)
{
    /// <summary>Nothing measured.</summary>
    public static GaitTiming None { get; } = new();
}

/// <summary>
/// Whole-recording gait summary. Nullable values are absent (not zero) when the placement cannot give them.
/// Asymmetry ratios are max/min of the left and right means (1 = symmetric), following Patterson et al. 2010
/// (Gait Posture 31:241) who recommend the ratio form for hemiparetic gait.
/// </summary>
public sealed record GaitSummary(
    int Steps,
    double? CadenceStepsPerMinute,
    double? StrideTimeSeconds,
    double? StrideTimeVariabilityPercent,
    double? StepTimeAsymmetryRatio,
    double? SwingTimeAsymmetryRatio,
    double? StepTimeLeftSeconds,
    double? StepTimeRightSeconds,
    double? StanceSeconds,
    double? SwingSeconds,
    double? GaitSpeedMetersPerSecond,
    double? DistanceMeters,
    DistanceModel DistanceModel)
{
    /// <summary>The summary's timing values together, in the shape each bout carries (<see cref="WalkingBout.Timing"/>).</summary>
    public GaitTiming Timing => new(StrideTimeSeconds, StrideTimeVariabilityPercent, StepTimeLeftSeconds, StepTimeRightSeconds,
        StepTimeAsymmetryRatio, SwingTimeAsymmetryRatio, StanceSeconds, SwingSeconds);
}

/// <summary>
/// Everything a gait analysis found in one recording. <see cref="OtherFootInferred"/>: only one foot (or shank) was
/// recorded, so <see cref="Steps"/> lists that foot's contacts only; each of its strides holds one step of the other foot,
/// which the step totals and cadences of bouts and summary include (<see cref="StepCount"/> counts the same way).
/// <see cref="StepLengthsMeters"/>: a phone with a step-length model (<see cref="PhoneStepLength"/>) gives one length per
/// entry of <see cref="Steps"/> (the ground covered from the previous contact to this one; null for a bout's first step),
/// in the model of <see cref="GaitSummary.DistanceModel"/>; other placements carry their lengths on the strides.
/// </summary>
public sealed record GaitAnalysis(
    string Placement,
    IReadOnlyList<InitialContact> Steps,
    IReadOnlyList<Stride> Strides,
    IReadOnlyList<WalkingBout> WalkingBouts,
    GaitSummary Summary,
    bool OtherFootInferred = false,
    IReadOnlyList<double?>? StepLengthsMeters = null)
{
    /// <summary>Steps from <paramref name="fromSeconds"/> (inclusive) to <paramref name="toSeconds"/> (exclusive), the other foot's included when inferred.</summary>
    public int StepCount(double fromSeconds, double toSeconds) =>
        Steps.Count(c => c.TimeSeconds >= fromSeconds && c.TimeSeconds < toSeconds)
        + (OtherFootInferred ? Strides.Count(s => s.EndSeconds >= fromSeconds && s.EndSeconds < toSeconds) : 0);
}
