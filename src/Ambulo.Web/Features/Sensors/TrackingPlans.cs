using Ambulo.Domain.Exercises;
using Ambulo.Tracking;

namespace Ambulo.Web.Features.Sensors;

/// <summary>
/// Finds how the motion pipeline tracks a planned exercise. The mapping itself lives in
/// <see cref="ExerciseTracking"/> (shared with the CLI); this only looks the exercise up by id.
/// </summary>
internal sealed class TrackingPlans(ExerciseCatalogue catalogue)
{
    private const string UnknownExercise = "This exercise is not in the catalogue, so no sensor can count it.";

    /// <summary>The tracking plan for a catalogue id; an unknown id gives a plan that counts nothing.</summary>
    public TrackingPlan For(string exerciseId)
    {
        var exercise = catalogue.Find(exerciseId);
        if (exercise is not null)
        {
            return ExerciseTracking.For(exercise);
        }

        var fallback = ExerciseTracking.For(catalogue.Get("seated-marching"));
        return fallback with { ExerciseId = exerciseId, IsCountable = false, NotCountableReason = UnknownExercise };
    }
}
