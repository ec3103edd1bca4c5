using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;
using Ambulo.Domain.Tests.Patients;

namespace Ambulo.Domain.Tests.Programs;

public class ProgramGeneratorTests
{
    [Fact]
    public void Generate_HemiplegiaEarly_OnlyPassiveLyingOrSupportedSeatedWithHelper()
    {
        var program = ProgramGenerator.Generate(ProfileGen.HemiplegiaEarly(), FixtureCatalogue.All);

        program.Items.ShouldNotBeEmpty();
        program.Items.ShouldAllBe(i => i.Mode == ExerciseMode.Passive);
        program.Items.ShouldAllBe(i => i.Position == StartingPosition.Lying || i.Position == StartingPosition.Seated);
        program.Items.ShouldAllBe(i => i.HelperRequired);
        program.Items.ShouldNotContain(i => i.IsUpright);
        program.Items.Where(i => i.Position == StartingPosition.Seated).ShouldAllBe(i => i.Warnings.Contains(ProgramWarnings.SupportedSeated));
    }

    [Fact]
    public void Generate_CommunityWalker_ResistedLegWorkAndWalkingPractice()
    {
        var program = ProgramGenerator.Generate(ProfileGen.CommunityWalker(), FixtureCatalogue.All);

        program.Items.ShouldContain(i => i.Category == ExerciseCategory.Leg && i.Mode == ExerciseMode.Resisted);
        program.Items.ShouldContain(i => i.IsWalkingPractice);
        program.Items.Select(i => i.Category).Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void Generate_CommunityWalkerWithoutClearance_WalkingSupervised()
    {
        var profile = ProfileGen.CommunityWalker() with { ClinicianClearance = false };

        var program = ProgramGenerator.Generate(profile, FixtureCatalogue.All);

        program.Items.Where(i => i.IsWalkingPractice).ShouldNotBeEmpty();
        program.Items.Where(i => i.IsWalkingPractice).ShouldAllBe(i => i.HelperRequired);
        program.Items.ShouldNotContain(i => i.ExerciseId == "interval-walking");
    }

    [Fact]
    public void Generate_GradeTwoHipFlexion_SeatedMarchingActiveAssisted()
    {
        var profile = ProfileGen.CommunityWalker() with { MotorGrades = new MotorGrades(2, 4, 4, 4) };

        var program = ProgramGenerator.Generate(profile, FixtureCatalogue.All);

        program.Items.Single(i => i.ExerciseId == "seated-marching").Mode.ShouldBe(ExerciseMode.ActiveAssisted);
    }

    [Fact]
    public void Generate_ModeNotOffered_FallsBackTowardPassive()
    {
        // Bridging offers active-assisted, active, resisted; grade 5 → resisted; grade 0 → nothing safer than AA → left out.
        var strong = ProgramGenerator.Generate(ProfileGen.CommunityWalker() with { MinutesAvailablePerDay = 240 }, FixtureCatalogue.All);
        var weak = ProgramGenerator.Generate(ProfileGen.CommunityWalker() with { MotorGrades = new MotorGrades(4, 0, 4, 4) }, FixtureCatalogue.All);

        weak.Items.ShouldNotContain(i => i.ExerciseId == "bridging");
        weak.Excluded.ShouldContain(x => x.ExerciseId == "bridging" && x.Reason.Contains("too demanding", StringComparison.Ordinal));
        strong.Excluded.ShouldNotContain(x => x.ExerciseId == "bridging" && x.Reason.Contains("too demanding", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_WalkerWithFac3_WalkingPracticeWithHelper()
    {
        var profile = ProfileGen.CommunityWalker() with
        {
            FunctionalAmbulationCategory = 3,
            StandingBalance = StandingBalance.WithSupport,
            WalkingAid = WalkingAid.FrontWheeledWalker,
        };

        var program = ProgramGenerator.Generate(profile, FixtureCatalogue.All);

        program.Items.ShouldContain(i => i.ExerciseId == "indoor-walking-bout" && i.HelperRequired);
    }

    [Fact]
    public void Generate_Fac3WithoutAid_NoWalkingPractice()
    {
        var profile = ProfileGen.CommunityWalker() with { FunctionalAmbulationCategory = 3, WalkingAid = WalkingAid.None };

        var program = ProgramGenerator.Generate(profile, FixtureCatalogue.All);

        program.Items.ShouldNotContain(i => i.IsWalkingPractice);
        program.Excluded.ShouldContain(x => x.ExerciseId == "indoor-walking-bout");
    }

    [Fact]
    public void Generate_UnguardedCatalogueEntries_PositionGatesStillApply()
    {
        var program = ProgramGenerator.Generate(ProfileGen.HemiplegiaEarly() with { SittingBalance = SittingBalance.Independent }, FixtureCatalogue.All);

        program.Items.ShouldNotContain(i => i.ExerciseId == "tandem-stance-unguarded" || i.ExerciseId == "turning-practice-unguarded");
    }

    [Fact]
    public void Generate_FiveMinutes_ShortProgramThatFits()
    {
        var profile = ProfileGen.CommunityWalker() with { MinutesAvailablePerDay = 5 };

        var program = ProgramGenerator.Generate(profile, FixtureCatalogue.All);

        program.Items.ShouldNotBeEmpty();
        program.TotalMinutes.ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public void Generate_HighFatigue_OneSetEach()
    {
        var program = ProgramGenerator.Generate(ProfileGen.CommunityWalker() with { FatigueLevel = 8 }, FixtureCatalogue.All);

        program.Items.ShouldAllBe(i => i.Sets == 1);
        program.Notes.ShouldContain(n => n.Contains("fatigue", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Generate_Fac5ButNoStandingBalance_StricterScoreWinsAndNoteSaysSo()
    {
        var profile = ProfileGen.CommunityWalker() with { StandingBalance = StandingBalance.None };

        var program = ProgramGenerator.Generate(profile, FixtureCatalogue.All);

        program.Items.ShouldNotContain(i => i.IsUpright);
        program.Notes.ShouldContain(n => n.Contains("inconsistent", StringComparison.Ordinal));
        ProgramGenerator.Generate(ProfileGen.CommunityWalker(), FixtureCatalogue.All).Notes.ShouldNotContain(n => n.Contains("inconsistent", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_CardiacPrecautionsWithoutClearance_ResistedCappedAtActiveWithReason()
    {
        var profile = ProfileGen.CommunityWalker() with { ClinicianClearance = false, Flags = new ProfileFlags { CardiacPrecautions = true } };

        var marching = ProgramGenerator.Generate(profile, FixtureCatalogue.All).Items.Single(i => i.ExerciseId == "seated-marching");

        marching.Mode.ShouldBe(ExerciseMode.Active);
        marching.Reasons.ShouldContain(r => r.Contains("cardiac precautions", StringComparison.Ordinal));
        marching.Warnings.ShouldContain(ProgramWarnings.Cardiac);
    }

    [Fact]
    public void Generate_InvalidProfile_ThrowsNamingField()
    {
        var profile = ProfileGen.CommunityWalker() with { FunctionalAmbulationCategory = 7 };

        var ex = Should.Throw<ArgumentException>(() => ProgramGenerator.Generate(profile, FixtureCatalogue.All));

        ex.Message.ShouldContain("fac");
    }
}
