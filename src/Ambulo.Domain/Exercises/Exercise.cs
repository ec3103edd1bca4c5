namespace Ambulo.Domain.Exercises;

/// <summary>
/// One exercise of the catalogue. Loaded from the JSON files in <c>Exercises/Catalogue</c>; the
/// loader validates every field, so code using an <see cref="Exercise"/> may trust it.
/// </summary>
public sealed record Exercise
{
    /// <summary>Stable kebab-case id, e.g. <c>seated-marching</c>. Stored results refer to it: never rename.</summary>
    public required string Id { get; init; }
    /// <summary>Row of the clinical reference §4 tables this entry comes from, e.g. <c>L1</c>, <c>C1</c>, <c>F2</c>, <c>W2</c>.</summary>
    public required string ReferenceItem { get; init; }
    public required string Name { get; init; }
    /// <summary>One plain sentence a patient can read: what the exercise is for.</summary>
    public required string Summary { get; init; }
    public required ExerciseCategory Category { get; init; }
    public required StartingPosition Position { get; init; }
    public required MovementDescription Movement { get; init; }
    /// <summary>The modes this exercise can be done in, each with its own short steps.</summary>
    public required IReadOnlyDictionary<ExerciseMode, ModeInstructions> Modes { get; init; }
    public required IReadOnlyList<Prerequisite> Prerequisites { get; init; }
    /// <summary>
    /// Lowest Functional Ambulation Category (0–5) at which the exercise may be offered at all
    /// (clinical reference §4.4, e.g. FAC ≥ 4 for metronome-cued walking); null when no FAC limit applies.
    /// </summary>
    public int? MinimumFac { get; init; }
    public required HelperRequirement Helper { get; init; }
    public required Dose DefaultDose { get; init; }
    public required SensorSignature Sensor { get; init; }
    /// <summary>Safety notes shown with the exercise (plain language).</summary>
    public IReadOnlyList<string> Cautions { get; init; } = [];
    /// <summary>Where numbers in this entry come from (author, year, short title or section of the clinical reference).</summary>
    public required IReadOnlyList<string> Sources { get; init; }
}

public enum ExerciseCategory { Leg, CoreBalance, FootAnkle, Walking }

/// <summary>Where the person is when the exercise starts; drives the safety gates.</summary>
public enum StartingPosition { Lying, Seated, Standing, Walking }

/// <summary>
/// How much of the movement the person makes themselves. Chosen from the motor grade of the muscle
/// group the exercise trains (clinical reference §3.7).
/// </summary>
public enum ExerciseMode { Passive, ActiveAssisted, Active, Resisted }

/// <summary>The muscle groups the ability profile grades (MRC 0–5) on the affected side.</summary>
public enum MuscleGroup { HipFlexion, HipExtension, KneeExtension, AnkleDorsiflexion }

/// <summary>Gates from the clinical reference §4 ("Common prerequisites and gates") plus equipment needs.</summary>
public enum Prerequisite
{
    /// <summary>G-SIT: sits ≥ 30 s without hands.</summary>
    IndependentSitting,
    /// <summary>Sits with hand support (Trunk Control Test sitting item ≥ 12), e.g. seated weight shift.</summary>
    SupportedSitting,
    /// <summary>G-STAND-SUP: stands with hand support at a counter or sturdy chair.</summary>
    StandingWithSupport,
    /// <summary>G-STAND-IND: FAC ≥ 4, no fall in 3 months, neglect screen negative.</summary>
    IndependentStanding,
    /// <summary>G-WALK: walks (FAC ≥ 3 with supervision, FAC ≥ 4 alone), screened per §6.5.</summary>
    Walking,
    /// <summary>Can get on and off a firm bed safely.</summary>
    BedAccess,
    /// <summary>A step or stairs with a hand rail.</summary>
    StepWithRail,
    /// <summary>Clinician clearance for higher-intensity work (§3.5).</summary>
    ClinicianClearance,
}

/// <summary>Whether a helper must be present, before the profile is taken into account.</summary>
public enum HelperRequirement
{
    /// <summary>Can be done alone once the prerequisites hold.</summary>
    NotRequired,
    /// <summary>Needed while balance or walking scores say so (the generator decides).</summary>
    WhenBalanceIsLimited,
    /// <summary>Always with a helper present.</summary>
    Always,
}

public enum PlaneOfMotion { Sagittal, Frontal, Transverse, Multiplanar }

/// <summary>
/// Joint and plane moved, with the typical excursion of one repetition in degrees as a smaller and a
/// larger typical value (both equal when the reference gives one number; null when not an angle, e.g. a static hold).
/// </summary>
public sealed record MovementDescription
{
    public required string Joint { get; init; }
    public required PlaneOfMotion Plane { get; init; }
    public double? TypicalRangeMinDegrees { get; init; }
    public double? TypicalRangeMaxDegrees { get; init; }
    /// <summary>The graded muscle group that does the work; null when the exercise is about balance or trunk control.</summary>
    public MuscleGroup? TrainedMuscle { get; init; }
}

/// <summary>Short numbered steps for one mode, written for the person (or the helper in passive mode).</summary>
public sealed record ModeInstructions
{
    public required IReadOnlyList<string> Steps { get; init; }
    /// <summary>True when the steps, as written, need a second person (e.g. a carer moves the limb in passive mode).</summary>
    public bool RequiresHelper { get; init; }
    /// <summary>Equipment this mode needs, e.g. "ankle weight 0.5–1 kg", "elastic band".</summary>
    public string? Equipment { get; init; }
}

/// <summary>
/// Default dose for one session. One set takes about <c>Repetitions × (TempoSeconds + (HoldSeconds ?? 0))</c>
/// seconds; sets are separated by <see cref="RestBetweenSetsSeconds"/>. Walking bouts are one
/// repetition whose <see cref="HoldSeconds"/> is the walking time.
/// </summary>
public sealed record Dose
{
    public required int Sets { get; init; }
    public required int Repetitions { get; init; }
    /// <summary>Seconds to move through one repetition (out and back), not counting any hold.</summary>
    public required double TempoSeconds { get; init; }
    public required double RestBetweenSetsSeconds { get; init; }
    /// <summary>Seconds held (or walked) in each repetition; null when the movement does not pause.</summary>
    public double? HoldSeconds { get; init; }
}

/// <summary>Where the sensor goes.</summary>
public enum SensorPlacement { Thigh, Shank, Foot, Trunk, Pelvis, UnderFoot, BetweenKnees, UnderHand, Pocket, Hand }

/// <summary>Which signal rises and falls during one repetition.</summary>
public enum SignalKind { Pitch, Roll, Yaw, Force, Steps, HoldTime }

/// <summary>
/// Direction of the signal during one repetition, relative to its value in the start pose.
/// <c>Increase</c>: an angle moves away from the start pose in one direction and comes back (thigh
/// lifts), a load rises, or a step count or hold time grows. <c>Decrease</c>: a load drops (the puck
/// under a lifted foot unloads). <c>Both</c>: the angle swings to either side of the start (knee rocks).
/// The sign of an angle depends on how the sensor is mounted, so detectors use the size of the excursion.
/// </summary>
public enum SignalDirection { Increase, Decrease, Both }

/// <summary>
/// What one repetition looks like to a body-worn sensor ([ENG] notes of the clinical reference §4).
/// The web layer turns this into motion-detector options; the domain does not know the detector.
/// </summary>
public sealed record SensorSignature
{
    public required SensorPlacement Placement { get; init; }
    public required SignalKind Signal { get; init; }
    /// <summary>Which way the signal moves from its start value during one repetition.</summary>
    public required SignalDirection Direction { get; init; }
    /// <summary>True when the movement goes both ways from the start (e.g. knees rocking left and right).</summary>
    public bool Bidirectional => Direction == SignalDirection.Both;
    /// <summary>
    /// Typical excursion of the signal in one repetition: degrees for pitch, roll and yaw; null when the
    /// signal has no amplitude to expect (steps, hold time) or when the reference gives no number.
    /// </summary>
    public double? ExpectedExcursionMinDegrees { get; init; }
    public double? ExpectedExcursionMaxDegrees { get; init; }
    /// <summary>Plain description of one repetition, e.g. "thigh pitch rises 15–30° then returns".</summary>
    public required string Description { get; init; }
}
