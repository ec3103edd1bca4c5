using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Patients;

/// <summary>Side of the body the stroke affected (the paretic side).</summary>
public enum AffectedSide { Left, Right }

/// <summary>Complete loss of voluntary movement on one side (hemiplegia) or partial weakness (hemiparesis).</summary>
public enum Presentation { Hemiplegia, Hemiparesis }

/// <summary>
/// Sitting balance, as the Trunk Control Test sitting item sees it (clinical reference §2.2, §4 gates):
/// none; sits only with hand support (item ≥ 12); sits ≥ 30 s without hands (item = 25, gate G-SIT).
/// </summary>
public enum SittingBalance { None, WithHandSupport, Independent }

/// <summary>Standing balance: none; stands with hand support at a counter (gate G-STAND-SUP); stands without support.</summary>
public enum StandingBalance { None, WithSupport, Independent }

/// <summary>The walking aid the person uses now. A wheelchair is not a walking aid: walking practice treats it as "no aid".</summary>
public enum WalkingAid
{
    None,
    SinglePointCane,
    QuadCane,
    HemiWalker,
    FrontWheeledWalker,
    FourWheeledWalker,
    PlatformWalker,
    Wheelchair,
}

/// <summary>Motor grades (MRC 0–5) of the affected side for the four muscle groups the catalogue trains.</summary>
public sealed record MotorGrades(int HipFlexion, int HipExtension, int KneeExtension, int AnkleDorsiflexion)
{
    public int Of(MuscleGroup muscle) => muscle switch
    {
        MuscleGroup.HipFlexion => HipFlexion,
        MuscleGroup.HipExtension => HipExtension,
        MuscleGroup.KneeExtension => KneeExtension,
        MuscleGroup.AnkleDorsiflexion => AnkleDorsiflexion,
        _ => throw new ArgumentOutOfRangeException(nameof(muscle), muscle, "unknown muscle group"),
    };

    /// <summary>The weakest of the four grades.</summary>
    public int Lowest => Math.Min(Math.Min(HipFlexion, HipExtension), Math.Min(KneeExtension, AnkleDorsiflexion));
}

/// <summary>Screening and history flags that change what is safe (clinical reference §3.5, §6).</summary>
public sealed record ProfileFlags
{
    /// <summary>Hemispatial neglect (positive or unknown screen, §6.1).</summary>
    public bool Hemineglect { get; init; }
    /// <summary>Visual-field loss, e.g. homonymous hemianopia (§6.2).</summary>
    public bool VisualFieldLoss { get; init; }
    /// <summary>Aphasia: instructions should be shown and demonstrated, not only spoken or written.</summary>
    public bool Aphasia { get; init; }
    /// <summary>Orthostatic (postural) hypotension (§6.3).</summary>
    public bool OrthostaticHypotension { get; init; }
    /// <summary>At least one fall in the last 3 months (§4 gate G-STAND-IND, §6.4).</summary>
    public bool FallInLast3Months { get; init; }
    /// <summary>Cardiac precautions set by the clinician (§3.5).</summary>
    public bool CardiacPrecautions { get; init; }
}

/// <summary>One validation problem, with the JSON field it is about (e.g. <c>motor_grades.hip_flexion</c>).</summary>
public sealed record ProfileError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// What a person can do today: the input of the program generator. Built from a therapist's
/// assessment; the software never infers it. Use <see cref="Validate"/> before trusting one built in code
/// (the JSON reader validates for you).
/// </summary>
public sealed record AbilityProfile
{
    public const int MaxMotorGrade = 5;
    public const int MaxFac = 5;
    public const int MaxFatigueLevel = 10;
    public const int MinMinutesPerDay = 5;
    public const int MaxMinutesPerDay = 240;

    public required AffectedSide AffectedSide { get; init; }
    public required Presentation Presentation { get; init; }
    public required MotorGrades MotorGrades { get; init; }
    public required SittingBalance SittingBalance { get; init; }
    public required StandingBalance StandingBalance { get; init; }
    /// <summary>Functional Ambulation Category 0–5 (Holden 1984, clinical reference §2.1).</summary>
    public required int FunctionalAmbulationCategory { get; init; }
    public required WalkingAid WalkingAid { get; init; }
    public ProfileFlags Flags { get; init; } = new();
    /// <summary>Self-rated fatigue 0–10 before today's session (clinical reference §3.6 suggests a 0–10 rating).</summary>
    public required int FatigueLevel { get; init; }
    /// <summary>Minutes the person can spend on exercise today; the program never exceeds it.</summary>
    public required int MinutesAvailablePerDay { get; init; }
    /// <summary>
    /// A clinician has recorded clearance for exercise (§3.5: absolute contraindications excluded). Needed for
    /// exercises that ask for it and for walking practice without a supervisor (§6.5).
    /// </summary>
    public bool ClinicianClearance { get; init; }
    /// <summary>A step or stairs with a hand rail is available at home (equipment for step and stair exercises).</summary>
    public bool HasStepWithRail { get; init; }

    /// <summary>Every problem with this profile; empty when it is valid.</summary>
    public IReadOnlyList<ProfileError> Validate()
    {
        var errors = new List<ProfileError>();
        CheckEnum(errors, AffectedSide, ProfileFields.AffectedSide);
        CheckEnum(errors, Presentation, ProfileFields.Presentation);
        CheckEnum(errors, SittingBalance, ProfileFields.SittingBalance);
        CheckEnum(errors, StandingBalance, ProfileFields.StandingBalance);
        CheckEnum(errors, WalkingAid, ProfileFields.WalkingAid);
        if (MotorGrades is null)
        {
            errors.Add(new ProfileError(ProfileFields.MotorGrades, "is missing"));
        }
        else
        {
            CheckRange(errors, MotorGrades.HipFlexion, 0, MaxMotorGrade, ProfileFields.HipFlexion, "MRC grade");
            CheckRange(errors, MotorGrades.HipExtension, 0, MaxMotorGrade, ProfileFields.HipExtension, "MRC grade");
            CheckRange(errors, MotorGrades.KneeExtension, 0, MaxMotorGrade, ProfileFields.KneeExtension, "MRC grade");
            CheckRange(errors, MotorGrades.AnkleDorsiflexion, 0, MaxMotorGrade, ProfileFields.AnkleDorsiflexion, "MRC grade");
        }

        if (Flags is null)
        {
            errors.Add(new ProfileError(ProfileFields.Flags, "is missing"));
        }

        CheckRange(errors, FunctionalAmbulationCategory, 0, MaxFac, ProfileFields.Fac, "Functional Ambulation Category");
        CheckRange(errors, FatigueLevel, 0, MaxFatigueLevel, ProfileFields.FatigueLevel, "fatigue rating");
        CheckRange(errors, MinutesAvailablePerDay, MinMinutesPerDay, MaxMinutesPerDay, ProfileFields.MinutesPerDay, "minutes per day");
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every bad field when the profile is not valid.</summary>
    public AbilityProfile EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid ability profile: " + string.Join("; ", errors));
        }

        return this;
    }

    private static void CheckEnum<T>(List<ProfileError> errors, T value, string field)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(new ProfileError(field, $"'{value}' is not a known value"));
        }
    }

    private static void CheckRange(List<ProfileError> errors, int value, int min, int max, string field, string what)
    {
        if (value < min || value > max)
        {
            errors.Add(new ProfileError(field, $"{what} must be between {min} and {max}, got {value}"));
        }
    }
}

/// <summary>The JSON field names of a profile (snake_case), used in every error message.</summary>
public static class ProfileFields
{
    public const string AffectedSide = "affected_side";
    public const string Presentation = "presentation";
    public const string MotorGrades = "motor_grades";
    public const string HipFlexion = "motor_grades.hip_flexion";
    public const string HipExtension = "motor_grades.hip_extension";
    public const string KneeExtension = "motor_grades.knee_extension";
    public const string AnkleDorsiflexion = "motor_grades.ankle_dorsiflexion";
    public const string SittingBalance = "sitting_balance";
    public const string StandingBalance = "standing_balance";
    public const string Fac = "fac";
    public const string WalkingAid = "walking_aid";
    public const string Flags = "flags";
    public const string FatigueLevel = "fatigue_level";
    public const string MinutesPerDay = "minutes_per_day";
    public const string ClinicianClearance = "clinician_clearance";
    public const string HasStepWithRail = "has_step_with_rail";
}
