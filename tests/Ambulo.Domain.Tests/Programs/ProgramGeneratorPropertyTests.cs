using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;
using Ambulo.Domain.Tests.Patients;
using CsCheck;

namespace Ambulo.Domain.Tests.Programs;

/// <summary>
/// The safety invariants of the generator, each proved separately over at least 1,000 generated profiles
/// and against every catalogue we have (the hand-written fixture and, once present, the embedded one).
/// </summary>
public class ProgramGeneratorPropertyTests
{
    private const int Iterations = 1_500;

    public static TheoryData<string> Catalogues => new(TestCatalogues.Names);

    private static void ForEveryProfile(string catalogueName, Action<AbilityProfile, IReadOnlyList<Exercise>, DailyProgram> check)
    {
        var catalogue = TestCatalogues.Get(catalogueName);
        ProfileGen.Profile.Sample(
            profile => check(profile, catalogue, ProgramGenerator.Generate(profile, catalogue)),
            iter: Iterations,
            print: p => AbilityProfileJson.Write(p));
    }

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_AnyProfile_NoExerciseWhosePrerequisitesFail(string catalogue) =>
        ForEveryProfile(catalogue, (profile, exercises, program) =>
        {
            var gates = new SafetyGates(profile);
            foreach (var item in program.Items)
            {
                var exercise = exercises.Single(e => e.Id == item.ExerciseId);
                exercise.Prerequisites.Where(p => !gates.Holds(p)).ShouldBeEmpty($"{item.ExerciseId} was offered with failing prerequisites");
                profile.FunctionalAmbulationCategory.ShouldBeGreaterThanOrEqualTo(exercise.MinimumFac ?? 0, item.ExerciseId);
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_WithoutSittingBalance_NoStandingOrWalkingTask(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.SittingBalance != SittingBalance.Independent || profile.StandingBalance == StandingBalance.None)
            {
                program.Items.Where(i => i.IsUpright).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_FacAtMost1_OnlySeatedOrLyingWork(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.FunctionalAmbulationCategory <= 1)
            {
                program.Items.Where(i => i.IsUpright).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_StandingBalanceOrFacLimited_EveryUprightTaskNeedsHelper(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.StandingBalance != StandingBalance.Independent || profile.FunctionalAmbulationCategory <= 3)
            {
                program.Items.Where(i => i.IsUpright && !i.HelperRequired).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_NoWalkingAid_WalkingPracticeOnlyFromFac4(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.WalkingAid is WalkingAid.None or WalkingAid.Wheelchair && profile.FunctionalAmbulationCategory < 4)
            {
                program.Items.Where(i => i.IsWalkingPractice).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_FacAtMost2_NoWalkingPractice(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.FunctionalAmbulationCategory <= 2)
            {
                program.Items.Where(i => i.IsWalkingPractice).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_NeglectOrVisualFieldFlag_ScreeningWarningOnEveryUprightTask(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.Flags.Hemineglect || profile.Flags.VisualFieldLoss)
            {
                program.Items.Where(i => i.IsUpright && !i.Warnings.Contains(ProgramWarnings.Screening)).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_OrthostaticHypotension_DizzinessWarningOnEveryUprightTask(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.Flags.OrthostaticHypotension)
            {
                program.Items.Where(i => i.IsUpright && !i.Warnings.Contains(ProgramWarnings.DizzinessOnStanding)).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_FallInLast3Months_NoUnsupervisedUprightTask(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.Flags.FallInLast3Months)
            {
                program.Items.Where(i => i.IsUpright && !i.HelperRequired).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_AnyProfile_TotalTimeFitsMinutesAvailable(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            program.Items.Sum(i => i.EstimatedSeconds).ShouldBeLessThanOrEqualTo(profile.MinutesAvailablePerDay * 60);
            program.TotalMinutes.ShouldBeLessThanOrEqualTo(profile.MinutesAvailablePerDay);
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_AnyProfile_ModeNeverHarderThanTheTrainedMusclesGrade(string catalogue) =>
        ForEveryProfile(catalogue, (profile, exercises, program) =>
        {
            foreach (var item in program.Items)
            {
                var exercise = exercises.Single(e => e.Id == item.ExerciseId);
                exercise.Modes.ShouldContainKey(item.Mode);
                if (exercise.Movement.TrainedMuscle is { } muscle)
                {
                    ((int)item.Mode).ShouldBeLessThanOrEqualTo((int)ModeSelection.FromGrade(profile.MotorGrades.Of(muscle)), item.ExerciseId);
                }
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_CardiacPrecautionsWithoutClearance_NoResistedWorkAndWarningEverywhere(string catalogue) =>
        ForEveryProfile(catalogue, (profile, _, program) =>
        {
            if (profile.Flags.CardiacPrecautions && !profile.ClinicianClearance)
            {
                program.Items.Where(i => i.Mode == ExerciseMode.Resisted).Select(i => i.ExerciseId).ShouldBeEmpty();
            }

            if (profile.Flags.CardiacPrecautions)
            {
                program.Items.Where(i => !i.Warnings.Contains(ProgramWarnings.Cardiac)).Select(i => i.ExerciseId).ShouldBeEmpty();
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_PassiveItem_AlwaysNeedsHelper(string catalogue) =>
        ForEveryProfile(catalogue, (_, _, program) =>
            program.Items.Where(i => i.Mode == ExerciseMode.Passive && !i.HelperRequired).Select(i => i.ExerciseId).ShouldBeEmpty());

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_AnyProfile_IsDeterministic(string catalogue) =>
        ForEveryProfile(catalogue, (profile, exercises, program) =>
        {
            var again = ProgramGenerator.Generate(profile, exercises.Reverse());
            string.Join("\n", again.Items.Select(Describe)).ShouldBe(string.Join("\n", program.Items.Select(Describe)));
            again.TotalMinutes.ShouldBe(program.TotalMinutes);
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_AmpleTime_NoCategoryLeftOutWhileItHasEligibleExercises(string catalogue) =>
        ForEveryProfile(catalogue, (profile, exercises, program) =>
        {
            if (profile.MinutesAvailablePerDay < 90)
            {
                return;
            }

            var present = program.Items.Select(i => i.Category).ToHashSet();
            var leftOutEligible = program.Excluded
                .Where(x => x.Reason.StartsWith("eligible", StringComparison.Ordinal))
                .Select(x => exercises.Single(e => e.Id == x.ExerciseId).Category);
            leftOutEligible.Where(c => !present.Contains(c)).ShouldBeEmpty();
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_PersonMayWalkAndHasTime_ProgramHasWalkingPractice(string catalogue) =>
        ForEveryProfile(catalogue, (profile, exercises, program) =>
        {
            // Walking exercises that passed every gate: chosen, or left out only for time or share.
            var eligibleWalking = program.Excluded
                .Where(x => x.Reason.StartsWith("eligible", StringComparison.Ordinal) || x.Reason.StartsWith("does not fit", StringComparison.Ordinal))
                .Select(x => exercises.Single(e => e.Id == x.ExerciseId))
                .Any(e => e.Position == StartingPosition.Walking || e.Category == ExerciseCategory.Walking);
            if (eligibleWalking && profile.MinutesAvailablePerDay >= 30)
            {
                program.Items.ShouldContain(i => i.IsWalkingPractice);
            }
        });

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generate_AnyProfile_EveryItemExplained(string catalogue) =>
        ForEveryProfile(catalogue, (_, _, program) =>
        {
            foreach (var item in program.Items)
            {
                item.Reasons.Count.ShouldBeGreaterThanOrEqualTo(2, item.ExerciseId);
                item.Sets.ShouldBeGreaterThan(0);
                item.Reps.ShouldBeGreaterThan(0);
            }
        });

    private static string Describe(ProgramItem i) =>
        $"{i.ExerciseId}|{i.Mode}|{i.Sets}x{i.Reps}|{i.HelperRequired}|{string.Join("/", i.Reasons)}|{string.Join("/", i.Warnings)}";
}
