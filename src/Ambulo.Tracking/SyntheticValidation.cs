using Ambulo.Domain.Exercises;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
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
        ArgumentNullException.ThrowIfNull(catalogue);
        cases ??= Enum.GetValues<HardCase>();
        var outcomes = new List<RepetitionSetOutcome>();
        var index = 0;
        foreach (var exercise in catalogue.All)
        {
            foreach (var hardCase in cases)
            {
                index++;
                var outcome = RunOne(exercise, hardCase, seed * 100_003 + index);
                if (outcome is not null)
                {
                    outcomes.Add(outcome);
                }
            }
        }

        return new RepetitionAccuracy(outcomes);
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

        var simulation = HardCases.Apply(plan.Simulation, hardCase) with { Seed = seed };
        var set = RepetitionSimulator.Simulate(simulation);
        var result = RepetitionDetector.Detect(set.Recording, plan.Detector);
        var angle = plan.Detector.Signal != MovementSignal.Force;
        var romError = angle ? RepetitionAccuracy.RangeOfMotionError(result.Repetitions, set.TrueRangesOfMotionDegrees) : null;
        var romBias = angle ? RepetitionAccuracy.RangeOfMotionBias(result.Repetitions, set.TrueRangesOfMotionDegrees) : null;
        return new RepetitionSetOutcome($"{exercise.Id} ({Kebab(hardCase)})", "synthetic", set.TrueCount, result.Count, romError,
            romBias, romError is null ? 0 : result.Count);
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
