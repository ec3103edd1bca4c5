using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Programs;

/// <summary>
/// A small hand-written catalogue covering every category, position, prerequisite and helper rule, so the
/// generator's rules can be tested independently of the real catalogue's content.
/// </summary>
internal static class FixtureCatalogue
{
    private static readonly ExerciseMode[] AllModes = [ExerciseMode.Passive, ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted];

    public static IReadOnlyList<Exercise> All { get; } =
    [
        Make("seated-marching", ExerciseCategory.Leg, StartingPosition.Seated, MuscleGroup.HipFlexion, AllModes, [Prerequisite.IndependentSitting]),
        Make("seated-knee-extension", ExerciseCategory.Leg, StartingPosition.Seated, MuscleGroup.KneeExtension, AllModes, [Prerequisite.IndependentSitting]),
        Make("heel-slides", ExerciseCategory.Leg, StartingPosition.Lying, MuscleGroup.HipFlexion, AllModes, [Prerequisite.BedAccess]),
        Make("bridging", ExerciseCategory.Leg, StartingPosition.Lying, MuscleGroup.HipExtension, [ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.BedAccess]),
        Make("sit-to-stand", ExerciseCategory.Leg, StartingPosition.Seated, MuscleGroup.KneeExtension, [ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.IndependentSitting], HelperRequirement.WhenBalanceIsLimited),
        Make("standing-hip-extension", ExerciseCategory.Leg, StartingPosition.Standing, MuscleGroup.HipExtension, [ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.StandingWithSupport]),
        Make("step-ups", ExerciseCategory.Leg, StartingPosition.Standing, MuscleGroup.KneeExtension, [ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.StandingWithSupport, Prerequisite.StepWithRail]),
        Make("leg-rotation", ExerciseCategory.CoreBalance, StartingPosition.Lying, null, AllModes, [Prerequisite.BedAccess]),
        Make("seated-weight-shift", ExerciseCategory.CoreBalance, StartingPosition.Seated, null, [ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.SupportedSitting]),
        Make("standing-weight-shift", ExerciseCategory.CoreBalance, StartingPosition.Standing, null, [ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.StandingWithSupport]),
        Make("single-leg-stance", ExerciseCategory.CoreBalance, StartingPosition.Standing, null, [ExerciseMode.ActiveAssisted, ExerciseMode.Active], [Prerequisite.IndependentStanding]),
        // Deliberately missing its standing prerequisite: the generator's position gate must still hold.
        Make("tandem-stance-unguarded", ExerciseCategory.CoreBalance, StartingPosition.Standing, null, [ExerciseMode.ActiveAssisted, ExerciseMode.Active], []),
        Make("ankle-dorsiflexion", ExerciseCategory.FootAnkle, StartingPosition.Seated, MuscleGroup.AnkleDorsiflexion, AllModes, [Prerequisite.IndependentSitting]),
        Make("ankle-pumps", ExerciseCategory.FootAnkle, StartingPosition.Lying, MuscleGroup.AnkleDorsiflexion, AllModes, []),
        Make("supported-ankle-stretch", ExerciseCategory.FootAnkle, StartingPosition.Seated, MuscleGroup.AnkleDorsiflexion, [ExerciseMode.Passive], []),
        Make("standing-toe-raises", ExerciseCategory.FootAnkle, StartingPosition.Standing, MuscleGroup.AnkleDorsiflexion, [ExerciseMode.Active], [Prerequisite.StandingWithSupport], HelperRequirement.Always),
        Make("counter-side-stepping", ExerciseCategory.Walking, StartingPosition.Standing, null, [ExerciseMode.ActiveAssisted, ExerciseMode.Active], [Prerequisite.StandingWithSupport]),
        Make("indoor-walking-bout", ExerciseCategory.Walking, StartingPosition.Walking, null, [ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.Walking], reps: 3, hold: 60),
        // Deliberately missing its walking prerequisite: the generator's walking gate must still hold.
        Make("turning-practice-unguarded", ExerciseCategory.Walking, StartingPosition.Walking, null, [ExerciseMode.Active], [], reps: 4),
        Make("interval-walking", ExerciseCategory.Walking, StartingPosition.Walking, null, [ExerciseMode.Active, ExerciseMode.Resisted], [Prerequisite.Walking, Prerequisite.ClinicianClearance], reps: 4, hold: 30, minimumFac: 4),
    ];

    public static Exercise Make(
        string id,
        ExerciseCategory category,
        StartingPosition position,
        MuscleGroup? muscle,
        IEnumerable<ExerciseMode> modes,
        IReadOnlyList<Prerequisite> prerequisites,
        HelperRequirement helper = HelperRequirement.WhenBalanceIsLimited,
        int reps = 10,
        double? hold = null,
        int? minimumFac = null) => new()
        {
            Id = id,
            ReferenceItem = "fixture",
            Name = id.Replace('-', ' '),
            Summary = "Fixture exercise " + id + ".",
            Category = category,
            Position = position,
            Movement = new MovementDescription { Joint = "hip", Plane = PlaneOfMotion.Sagittal, TrainedMuscle = muscle },
            Modes = modes.ToDictionary(m => m, m => new ModeInstructions { Steps = ["Do the " + m + " version."] }),
            Prerequisites = prerequisites,
            Helper = helper,
            MinimumFac = minimumFac,
            DefaultDose = new Dose { Sets = 2, Repetitions = reps, TempoSeconds = 4, RestBetweenSetsSeconds = 60, HoldSeconds = hold },
            Sensor = new SensorSignature { Placement = SensorPlacement.Thigh, Signal = SignalKind.Pitch, Direction = SignalDirection.Increase, Description = "thigh pitch rises and returns" },
            Sources = ["fixture"],
        };
}
