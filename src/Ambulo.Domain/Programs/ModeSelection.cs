using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;

namespace Ambulo.Domain.Programs;

/// <summary>Outcome of choosing a mode: the mode (null when the exercise has none safe enough) and why.</summary>
public sealed record ModeChoice(ExerciseMode? Mode, ExerciseMode Wanted, string Reason);

/// <summary>
/// Mode from motor grade (clinical reference §3.7, [PRODUCT] based on MMT definitions):
/// grade 0–1 passive, 2 active-assisted, 3 active, 4–5 resisted. When the exercise does not offer the
/// wanted mode, the nearest mode it offers in the safer direction (toward passive) is used; an exercise
/// that only offers harder modes is not offered at all.
/// </summary>
public static class ModeSelection
{
    public static ExerciseMode FromGrade(int grade) => grade switch
    {
        <= 1 => ExerciseMode.Passive,
        2 => ExerciseMode.ActiveAssisted,
        3 => ExerciseMode.Active,
        _ => ExerciseMode.Resisted,
    };

    /// <summary>
    /// The grade that drives the mode: the trained muscle's grade, or for balance and trunk work a grade
    /// equivalent from the position's balance (engineering mapping, needs clinician sign-off).
    /// </summary>
    public static (int Grade, string Basis) EffectiveGrade(Exercise exercise, AbilityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(profile);
        if (exercise.Movement.TrainedMuscle is { } muscle)
        {
            return (profile.MotorGrades.Of(muscle), $"{Words(muscle)} grade {profile.MotorGrades.Of(muscle)}/5");
        }

        switch (exercise.Position)
        {
            case StartingPosition.Lying:
                var hip = Math.Min(profile.MotorGrades.HipFlexion, profile.MotorGrades.HipExtension);
                return (hip, $"weaker hip grade {hip}/5");
            case StartingPosition.Seated:
                return profile.SittingBalance switch
                {
                    SittingBalance.Independent => (3, "independent sitting balance"),
                    SittingBalance.WithHandSupport => (2, "sitting balance with hand support"),
                    _ => (1, "no sitting balance yet"),
                };
            case StartingPosition.Standing:
                if (profile.StandingBalance == StandingBalance.Independent)
                {
                    return profile.FunctionalAmbulationCategory >= 4
                        ? (4, "independent standing balance and FAC ≥ 4")
                        : (3, "independent standing balance");
                }

                return profile.StandingBalance == StandingBalance.WithSupport
                    ? (2, "standing balance with support")
                    : (1, "no standing balance yet");
            default:
                return profile.FunctionalAmbulationCategory >= 5
                    ? (4, "FAC 5 (independent on all surfaces)")
                    : (3, $"FAC {profile.FunctionalAmbulationCategory}");
        }
    }

    /// <summary>
    /// Chooses the mode. <paramref name="ceiling"/> caps it for reasons other than strength (e.g. cardiac
    /// precautions without clearance keep work below resisted); the cap is named in the reason.
    /// </summary>
    public static ModeChoice Choose(Exercise exercise, AbilityProfile profile, ExerciseMode? ceiling = null, string? ceilingReason = null)
    {
        var (grade, basis) = EffectiveGrade(exercise, profile);
        var wanted = FromGrade(grade);
        if (ceiling is { } cap && wanted > cap)
        {
            wanted = cap;
            basis = $"{basis}, capped at {Kebab(cap)} because {ceilingReason ?? "of a safety rule"}";
        }
        for (var mode = wanted; mode >= ExerciseMode.Passive; mode--)
        {
            if (exercise.Modes.ContainsKey(mode))
            {
                var reason = mode == wanted
                    ? $"{Kebab(mode)} mode from {basis} (§3.7)"
                    : $"{Kebab(mode)} mode: {basis} calls for {Kebab(wanted)}, which this exercise does not offer, so the next safer mode is used (§3.7)";
                return new ModeChoice(mode, wanted, reason);
            }
        }

        return new ModeChoice(null, wanted, $"{basis} calls for {Kebab(wanted)} or an easier mode, and this exercise offers none of them");
    }

    internal static string Kebab(ExerciseMode mode) => KebabCase.Of(mode);

    private static string Words(MuscleGroup muscle) => muscle switch
    {
        MuscleGroup.HipFlexion => "hip flexion",
        MuscleGroup.HipExtension => "hip extension",
        MuscleGroup.KneeExtension => "knee extension",
        _ => "ankle dorsiflexion",
    };
}
