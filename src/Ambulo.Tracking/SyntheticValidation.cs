using Ambulo.Domain.Exercises;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Simulation;

namespace Ambulo.Tracking;

/// <summary>
/// Accuracy source 3 of issue 3: synthetic sets from the simulator for every countable catalogue exercise,
/// each put through every <see cref="HardCase"/>. Counts are checked against the simulator's truth and
/// ranges of motion against the simulated ranges. Synthetic: it tests the counting logic, not people.
/// </summary>
public static class SyntheticValidation
{
    public static RepetitionAccuracy Run(ExerciseCatalogue catalogue, int seed = 1, IReadOnlyList<HardCase>? cases = null)
    {
        return SimulatedSets.RunAll(catalogue, cases ?? Enum.GetValues<HardCase>(), index => seed * 100_003 + index, RunOne);
    }

    /// <summary>One synthetic set; null when the exercise is not counted as repetitions.</summary>
    public static RepetitionSetOutcome? RunOne(Exercise exercise, HardCase hardCase, int seed)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var plan = ExerciseTracking.For(exercise, HardCases.PresetFor(hardCase));
        if (!plan.IsCountable)
        {
            return null;
        }

        return SimulatedSets.Score($"{exercise.Id} ({Kebab(hardCase)})", "synthetic", plan, HardCases.Apply(plan.Simulation, hardCase) with { Seed = seed });
    }

    public static string Kebab(HardCase hardCase) => hardCase switch
    {
        HardCase.VerySlow => "very-slow",
        HardCase.SmallRange => "small-range",
        HardCase.PartialAtEnd => "partial-at-end",
        HardCase.NoGyroscope => "no-gyroscope",
        _ => hardCase.ToString().ToLowerInvariant(),
    };
}
