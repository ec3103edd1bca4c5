using Ambulo.Domain.Patients;
using CsCheck;

namespace Ambulo.Domain.Tests.Patients;

/// <summary>CsCheck generators of valid ability profiles: every field over its whole range, every combination of flags.</summary>
internal static class ProfileGen
{
    public static readonly Gen<MotorGrades> Grades =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 5], (a, b, c, d) => new MotorGrades(a, b, c, d));

    public static readonly Gen<ProfileFlags> Flags =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, Gen.Bool, (neglect, field, aphasia, oh, fall, cardiac) => new ProfileFlags
        {
            Hemineglect = neglect,
            VisualFieldLoss = field,
            Aphasia = aphasia,
            OrthostaticHypotension = oh,
            FallInLast3Months = fall,
            CardiacPrecautions = cardiac,
        });

    private static readonly Gen<(AffectedSide, Presentation, SittingBalance, StandingBalance, WalkingAid, int)> Categorical =
        Gen.Select(Gen.Enum<AffectedSide>(), Gen.Enum<Presentation>(), Gen.Enum<SittingBalance>(), Gen.Enum<StandingBalance>(), Gen.Enum<WalkingAid>(), Gen.Int[0, 5]);

    private static readonly Gen<(int Fatigue, int Minutes, bool Clearance, bool Step)> Numbers =
        Gen.Select(Gen.Int[0, 10], Gen.Int[AbilityProfile.MinMinutesPerDay, AbilityProfile.MaxMinutesPerDay], Gen.Bool, Gen.Bool);

    public static readonly Gen<AbilityProfile> Profile =
        Gen.Select(Categorical, Grades, Flags, Numbers, (c, grades, flags, n) => new AbilityProfile
        {
            AffectedSide = c.Item1,
            Presentation = c.Item2,
            SittingBalance = c.Item3,
            StandingBalance = c.Item4,
            WalkingAid = c.Item5,
            FunctionalAmbulationCategory = c.Item6,
            MotorGrades = grades,
            Flags = flags,
            FatigueLevel = n.Fatigue,
            MinutesAvailablePerDay = n.Minutes,
            ClinicianClearance = n.Clearance,
            HasStepWithRail = n.Step,
        });

    /// <summary>A profile known to pass every gate, for tests that vary one field from a good start.</summary>
    public static AbilityProfile CommunityWalker() => new()
    {
        AffectedSide = AffectedSide.Left,
        Presentation = Presentation.Hemiparesis,
        MotorGrades = new MotorGrades(4, 4, 5, 4),
        SittingBalance = SittingBalance.Independent,
        StandingBalance = StandingBalance.Independent,
        FunctionalAmbulationCategory = 5,
        WalkingAid = WalkingAid.None,
        Flags = new ProfileFlags(),
        FatigueLevel = 2,
        MinutesAvailablePerDay = 45,
        ClinicianClearance = true,
        HasStepWithRail = true,
    };

    /// <summary>Early hemiplegia: grades 0–1, no sitting balance, FAC 0.</summary>
    public static AbilityProfile HemiplegiaEarly() => new()
    {
        AffectedSide = AffectedSide.Right,
        Presentation = Presentation.Hemiplegia,
        MotorGrades = new MotorGrades(1, 0, 1, 0),
        SittingBalance = SittingBalance.None,
        StandingBalance = StandingBalance.None,
        FunctionalAmbulationCategory = 0,
        WalkingAid = WalkingAid.Wheelchair,
        Flags = new ProfileFlags { Hemineglect = true },
        FatigueLevel = 5,
        MinutesAvailablePerDay = 20,
    };
}
