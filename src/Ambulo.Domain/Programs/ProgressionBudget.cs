using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Programs;

/// <summary>
/// One exercise of today's plan in the forms the time budget may choose between, largest first: the dose
/// progression proposes, the dose of the last day it was done (held), and the generator's own dose for
/// today. <paramref name="Dose"/> is the exercise's default dose, used to time a one-set form.
/// </summary>
public sealed record DoseChoice(ProgramItem Progressed, ProgramItem Held, ProgramItem Generated, Dose Dose);

/// <summary>Today's items after the time budget, and the exercises it left out with the reason.</summary>
public sealed record BudgetedProgram(IReadOnlyList<ProgramItem> Items, IReadOnlyList<ExcludedExercise> Excluded);

/// <summary>
/// Keeps today's progressed plan inside the minutes the person has ([PRODUCT] rule; the generator's total
/// time rule — never more than <c>minutes_per_day</c>, docs/program-rules.md — still holds after
/// progression). The items are taken in the generator's order, most important first (lead and
/// task-specific exercises, §3.2), so those progress first: each gets the largest form that fits the
/// minutes left — progressed, then last time's dose, then the generator's, then one set of it — and an
/// item none of whose forms fit is left out today, as the generator itself does. A dose that progression
/// stepped back is never replaced by a bigger one. More minutes per day (a therapist's or the person's
/// choice) bring the left-out exercises back.
/// </summary>
public static class ProgressionBudget
{
    public static BudgetedProgram Fit(IReadOnlyList<DoseChoice> choices, int minutesAvailable, ProgramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        options ??= ProgramOptions.Default;
        var left = Math.Max(0, minutesAvailable) * 60;
        var items = new List<ProgramItem>();
        var excluded = new List<ExcludedExercise>();
        foreach (var choice in choices)
        {
            var taken = Forms(choice, minutesAvailable, options).FirstOrDefault(f => f.EstimatedSeconds <= left);
            if (taken is null)
            {
                excluded.Add(new ExcludedExercise(choice.Progressed.ExerciseId, "does not fit in the minutes left today after the other exercises stepped up"));
                continue;
            }

            items.Add(taken);
            left -= taken.EstimatedSeconds;
        }

        return new BudgetedProgram(items, excluded);
    }

    private static IEnumerable<ProgramItem> Forms(DoseChoice choice, int minutes, ProgramOptions options)
    {
        var progressed = choice.Progressed;
        yield return progressed;
        if (choice.Held.EstimatedSeconds < progressed.EstimatedSeconds)
        {
            yield return Noted(choice.Held, $"dose kept as last time: a bigger dose would not fit in the {minutes} minutes available today");
        }

        var smallest = choice.Generated.EstimatedSeconds < progressed.EstimatedSeconds ? choice.Generated : progressed;
        if (!ReferenceEquals(smallest, progressed))
        {
            yield return Noted(smallest, $"back to the standard dose to fit the {minutes} minutes available today");
        }

        if (smallest.Sets > 1)
        {
            yield return Noted(
                smallest with { Sets = 1, EstimatedSeconds = ProgramGenerator.EstimateSeconds(choice.Dose, 1, smallest.Reps, options) },
                "cut to one set to fit the minutes available today");
        }
    }

    private static ProgramItem Noted(ProgramItem item, string reason) => item with { Reasons = [.. item.Reasons, reason] };
}
