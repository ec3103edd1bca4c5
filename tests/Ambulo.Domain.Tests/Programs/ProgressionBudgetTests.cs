using Ambulo.Domain.Exercises;
using Ambulo.Domain.Programs;

namespace Ambulo.Domain.Tests.Programs;

public class ProgressionBudgetTests
{
    // 3 s per repetition, 60 s rest between sets, 60 s set-up: 2 × 12 → 192 s, 2 × 10 → 180 s, 2 × 8 → 168 s, 1 × 8 → 84 s.
    private static readonly Dose ThreeSecondReps = new() { Sets = 2, Repetitions = 10, TempoSeconds = 3, RestBetweenSetsSeconds = 60 };

    private static ProgramItem Item(string id, int sets, int reps) => new()
    {
        ExerciseId = id,
        Category = ExerciseCategory.Leg,
        Position = StartingPosition.Seated,
        Mode = ExerciseMode.Active,
        Sets = sets,
        Reps = reps,
        HelperRequired = false,
        Reasons = ["chosen"],
        Warnings = [],
        EstimatedSeconds = ProgramGenerator.EstimateSeconds(ThreeSecondReps, sets, reps),
    };

    /// <summary>Progression proposes 2 × 12; last time was 2 × 10; the generator alone would give 2 × 8.</summary>
    private static DoseChoice SteppingUp(string id) => new(Item(id, 2, 12), Item(id, 2, 10), Item(id, 2, 8), ThreeSecondReps);

    private static int Seconds(BudgetedProgram p) => p.Items.Sum(i => i.EstimatedSeconds);

    [Fact]
    public void Fit_ProgressedPlanFits_KeepsEveryStepUp()
    {
        var fitted = ProgressionBudget.Fit([SteppingUp("a"), SteppingUp("b")], minutesAvailable: 10);

        fitted.Items.Select(i => i.Reps).ShouldBe([12, 12]);
        fitted.Excluded.ShouldBeEmpty();
    }

    [Fact]
    public void Fit_NoRoomForTheLastStepUp_TheLastExerciseGetsTheLargestFormThatFits()
    {
        // 9 minutes (540 s): 192 + 192 leaves 156 s, in which only one set of the generator's 8 (84 s) fits.
        var fitted = ProgressionBudget.Fit([SteppingUp("a"), SteppingUp("b"), SteppingUp("c")], minutesAvailable: 9);

        fitted.Items.Select(i => (i.Sets, i.Reps)).ShouldBe([(2, 12), (2, 12), (1, 8)]);
        fitted.Items[2].Reasons.ShouldContain("cut to one set to fit the minutes available today");
        Seconds(fitted).ShouldBeLessThanOrEqualTo(9 * 60);
    }

    [Fact]
    public void Fit_LeadExercisesProgressFirst_TheTailIsLeftOutWhenNothingFits()
    {
        // 3 minutes (180 s): the step up (192 s) does not fit, last time's 2 × 10 (180 s) does; nothing is left for the second.
        var fitted = ProgressionBudget.Fit([SteppingUp("a"), SteppingUp("b")], minutesAvailable: 3);

        fitted.Items.Single().ShouldSatisfyAllConditions(i => i.ExerciseId.ShouldBe("a"), i => i.Reps.ShouldBe(10));
        fitted.Items[0].Reasons.ShouldContain(r => r.Contains("would not fit in the 3 minutes", StringComparison.Ordinal));
        fitted.Excluded.Single().ExerciseId.ShouldBe("b");
        Seconds(fitted).ShouldBeLessThanOrEqualTo(3 * 60);
    }

    [Fact]
    public void Fit_VeryFewMinutes_FallsBackToOneSetOfTheGeneratorsDose()
    {
        var fitted = ProgressionBudget.Fit([SteppingUp("a")], minutesAvailable: 2);

        var item = fitted.Items.Single();
        (item.Sets, item.Reps).ShouldBe((1, 8));
        item.EstimatedSeconds.ShouldBeLessThanOrEqualTo(120);
    }

    [Fact]
    public void Fit_StepBack_IsNeverReplacedByABiggerDose()
    {
        // Progression stepped back to 2 × 8; last time (2 × 10) and the generator (2 × 10) are bigger.
        var easier = new DoseChoice(Item("a", 2, 8), Item("a", 2, 10), Item("a", 2, 10), ThreeSecondReps);

        var fitted = ProgressionBudget.Fit([easier], minutesAvailable: 20);

        fitted.Items.Single().Reps.ShouldBe(8);
    }

    [Fact]
    public void Fit_NoHistory_GeneratorsPlanPassesUnchanged()
    {
        var plain = new DoseChoice(Item("a", 2, 10), Item("a", 2, 10), Item("a", 2, 10), ThreeSecondReps);

        var fitted = ProgressionBudget.Fit([plain, plain with { }], minutesAvailable: 8);

        fitted.Items.Count.ShouldBe(2);
        fitted.Items.ShouldAllBe(i => i.Reps == 10 && i.Sets == 2 && i.Reasons.Count == 1);
    }
}
