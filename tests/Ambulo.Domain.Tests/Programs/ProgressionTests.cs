using Ambulo.Domain.Exercises;
using Ambulo.Domain.Programs;
using CsCheck;

namespace Ambulo.Domain.Tests.Programs;

public class ProgressionTests
{
    private static readonly ExerciseMode[] AllModes = [ExerciseMode.Passive, ExerciseMode.ActiveAssisted, ExerciseMode.Active, ExerciseMode.Resisted];
    private static readonly DateOnly Day1 = new(2026, 3, 2);

    private static SessionResult Session(int day, Prescription p, int repsDone, int effort = 3, bool pain = false, double? romTarget = null, double? rom = null) => new()
    {
        Date = Day1.AddDays(day),
        ExerciseId = p.ExerciseId,
        Mode = p.Mode,
        Sets = p.Sets,
        TargetReps = p.Reps,
        RepsDone = repsDone,
        Effort = effort,
        Pain = pain,
        TargetRangeOfMotionDegrees = romTarget,
        RangeOfMotionReachedDegrees = rom,
    };

    [Fact]
    public void Propose_NoHistory_Keeps()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);

        Progression.Propose(current, [], AllModes).Action.ShouldBe(ProgressionAction.Keep);
    }

    [Fact]
    public void Propose_TwoGoodSessions_AddsTwoReps()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);

        var proposal = Progression.Propose(current, [Session(0, current, 10), Session(1, current, 11)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.IncreaseDose);
        proposal.Next.ShouldBe(current with { Reps = 12 });
    }

    [Fact]
    public void Propose_OneGoodSession_Keeps()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);

        Progression.Propose(current, [Session(0, current, 10)], AllModes).Action.ShouldBe(ProgressionAction.Keep);
    }

    [Fact]
    public void Propose_RangeOfMotionShort_Keeps()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);

        var proposal = Progression.Propose(current, [Session(0, current, 10, romTarget: 30, rom: 20), Session(1, current, 10, romTarget: 30, rom: 22)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.Keep);
    }

    [Fact]
    public void Propose_AtFifteenReps_AddsASet()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 15);

        var proposal = Progression.Propose(current, [Session(0, current, 15), Session(1, current, 15)], AllModes);

        proposal.Next.ShouldBe(current with { Sets = 3, Reps = 10 });
    }

    [Fact]
    public void Propose_TopOfDose_AdvancesOneMode()
    {
        var current = new Prescription("seated-marching", ExerciseMode.ActiveAssisted, 3, 15);

        var proposal = Progression.Propose(current, [Session(0, current, 15), Session(1, current, 15)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.AdvanceMode);
        proposal.Next.Mode.ShouldBe(ExerciseMode.Active);
    }

    [Fact]
    public void Propose_TopOfDoseButGradeCeiling_KeepsAndAsksForRetest()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 3, 15);

        var proposal = Progression.Propose(current, [Session(0, current, 15), Session(1, current, 15)], AllModes, gradeCeiling: ExerciseMode.Active);

        proposal.Action.ShouldBe(ProgressionAction.Keep);
        proposal.Reasons.ShouldContain(r => r.Contains("re-test", StringComparison.Ordinal));
    }

    [Fact]
    public void Propose_PainAfterGoodSessions_StepsBackOneMode()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Resisted, 2, 12);

        var proposal = Progression.Propose(current, [Session(0, current, 12), Session(1, current, 12), Session(2, current, 12, pain: true)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.StepBackMode);
        proposal.Next.ShouldBe(current with { Mode = ExerciseMode.Active });
    }

    [Fact]
    public void Propose_VeryHardEffort_ReducesReps()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 12);

        var proposal = Progression.Propose(current, [Session(0, current, 12, effort: 7)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.ReduceDose);
        proposal.Next.ShouldBe(current with { Reps = 10 });
    }

    [Fact]
    public void Propose_EffortSix_DoesNotStepBack()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 12);

        Progression.Propose(current, [Session(0, current, 12, effort: 6)], AllModes).Action.ShouldBe(ProgressionAction.Keep);
    }

    [Fact]
    public void Propose_PainAtEasiestDose_KeepsAndTellsTherapist()
    {
        var current = new Prescription("ankle-dorsiflexion", ExerciseMode.Passive, 1, 5);

        var proposal = Progression.Propose(current, [Session(0, current, 5, pain: true)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.Keep);
        proposal.Reasons.ShouldContain(r => r.Contains("therapist", StringComparison.Ordinal));
    }

    [Fact]
    public void Propose_NaNRangeOfMotion_DoesNotStepUp()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);

        var proposal = Progression.Propose(current, [Session(0, current, 10, romTarget: 30, rom: double.NaN), Session(1, current, 10, romTarget: 30, rom: double.NaN)], AllModes);

        proposal.Action.ShouldBe(ProgressionAction.Keep);
    }

    [Fact]
    public void Propose_EffortAboveScale_TreatedAsVeryHard()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);

        Progression.Propose(current, [Session(0, current, 10, effort: 14)], AllModes).Action.ShouldBe(ProgressionAction.ReduceDose);
    }

    [Fact]
    public void Propose_OtherExercisesHistory_Ignored()
    {
        var current = new Prescription("seated-marching", ExerciseMode.Active, 2, 10);
        var other = current with { ExerciseId = "bridging" };

        Progression.Propose(current, [Session(0, other, 10, pain: true)], AllModes).Action.ShouldBe(ProgressionAction.Keep);
    }

    // ---- properties over generated histories ----

    private static readonly Gen<ExerciseMode[]> OfferedModes =
        Gen.Int[1, 15].Select(mask => AllModes.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    private static readonly Gen<(Prescription Current, ExerciseMode[] Offered, SessionResult[] History, ExerciseMode? Ceiling)> Cases =
        OfferedModes.SelectMany(offered =>
            Gen.Select(
                Gen.Int[0, offered.Length - 1],
                Gen.Int[1, 3],
                Gen.Int[5, 15],
                Gen.Int[0, 4],
                (modeIndex, sets, reps, ceiling) => (Current: new Prescription("x", offered[modeIndex], sets, reps), Ceiling: ceiling == 4 ? (ExerciseMode?)null : (ExerciseMode)ceiling))
            .SelectMany(c =>
                Gen.Select(Gen.Int[0, 20], Gen.Int[0, 10], Gen.Int[0, 9], Gen.Int[0, 60], Gen.Int[0, 60],
                    (done, effort, painDie, romTarget, rom) => Session(0, c.Current, done, effort, painDie == 0, romTarget == 0 ? null : romTarget, rom))
                .Array[0, 6]
                .Select(sessions => (c.Current, offered, sessions.Select((s, i) => s with { Date = Day1.AddDays(i) }).ToArray(), c.Ceiling))));

    [Fact]
    public void Propose_AnyHistory_AtMostOneStep()
    {
        Cases.Sample(c =>
        {
            var next = Progression.Propose(c.Current, c.History, c.Offered, c.Ceiling).Next;
            var current = c.Current;
            if (next.Mode != current.Mode)
            {
                // One mode step: adjacent among the offered modes, dose not increased.
                var between = c.Offered.Count(m => m > (ExerciseMode)Math.Min((int)next.Mode, (int)current.Mode) && m < (ExerciseMode)Math.Max((int)next.Mode, (int)current.Mode));
                between.ShouldBe(0);
                next.Sets.ShouldBeLessThanOrEqualTo(current.Sets);
                next.Reps.ShouldBeLessThanOrEqualTo(current.Reps);
            }
            else if (next.Sets != current.Sets)
            {
                Math.Abs(next.Sets - current.Sets).ShouldBe(1);
                (next.Sets * next.Reps).ShouldBeLessThanOrEqualTo(current.Sets * current.Reps + ProgressionOptions.Default.MaxReps);
            }
            else
            {
                Math.Abs(next.Reps - current.Reps).ShouldBeLessThanOrEqualTo(ProgressionOptions.Default.RepsStep);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Propose_PainOrVeryHardEffortLast_NeverHarder()
    {
        Cases.Sample(c =>
        {
            if (c.History.Length == 0 || !(c.History[^1].Pain || c.History[^1].Effort >= 7))
            {
                return;
            }

            var proposal = Progression.Propose(c.Current, c.History, c.Offered, c.Ceiling);
            proposal.Action.ShouldBeOneOf(ProgressionAction.StepBackMode, ProgressionAction.ReduceDose, ProgressionAction.Keep);
            ((int)proposal.Next.Mode).ShouldBeLessThanOrEqualTo((int)c.Current.Mode);
            (proposal.Next.Sets * proposal.Next.Reps).ShouldBeLessThanOrEqualTo(c.Current.Sets * c.Current.Reps);
        }, iter: 2_000);
    }

    [Fact]
    public void Propose_AnyHistory_ModeOfferedAndWithinCeilingWhenAdvanced()
    {
        Cases.Sample(c =>
        {
            var proposal = Progression.Propose(c.Current, c.History, c.Offered, c.Ceiling);
            c.Offered.ShouldContain(proposal.Next.Mode);
            if (proposal.Action == ProgressionAction.AdvanceMode && c.Ceiling is { } ceiling)
            {
                ((int)proposal.Next.Mode).ShouldBeLessThanOrEqualTo((int)ceiling);
            }

            proposal.Reasons.ShouldNotBeEmpty();
        }, iter: 2_000);
    }
}
