using Ambulo.Domain.Exercises;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Simulation;

namespace Ambulo.Tracking;

/// <summary>
/// What the synthetic and held-out evaluations share: every catalogue exercise crossed with every case,
/// and one simulated set counted by the exercise's detector and scored against the simulator's truth.
/// </summary>
internal static class SimulatedSets
{
    /// <summary>Runs <paramref name="runOne"/> for each exercise × case; the running index (from 1) picks the seed.</summary>
    public static RepetitionAccuracy RunAll<TCase>(
        ExerciseCatalogue catalogue,
        IReadOnlyList<TCase> cases,
        Func<int, int> seedForIndex,
        Func<Exercise, TCase, int, RepetitionSetOutcome?> runOne)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var outcomes = new List<RepetitionSetOutcome>();
        var index = 0;
        foreach (var exercise in catalogue.All)
        {
            foreach (var oneCase in cases)
            {
                index++;
                if (runOne(exercise, oneCase, seedForIndex(index)) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
        }

        return new RepetitionAccuracy(outcomes);
    }

    /// <summary>Simulates one set, counts it with the plan's detector and scores count and range of motion.</summary>
    public static RepetitionSetOutcome Score(string name, string source, TrackingPlan plan, SimulationOptions simulation)
    {
        var set = RepetitionSimulator.Simulate(simulation);
        var result = RepetitionDetector.Detect(set.Recording, plan.Detector);
        var angle = plan.Detector.Signal != MovementSignal.Force;
        var romError = angle ? RepetitionAccuracy.RangeOfMotionError(result.Repetitions, set.TrueRangesOfMotionDegrees) : null;
        var romBias = angle ? RepetitionAccuracy.RangeOfMotionBias(result.Repetitions, set.TrueRangesOfMotionDegrees) : null;
        return new RepetitionSetOutcome(name, source, set.TrueCount, result.Count, romError, romBias, romError is null ? 0 : result.Count);
    }
}
