using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;

namespace Ambulo.Domain.Programs;

/// <summary>
/// Builds today's program from an ability profile and the exercise catalogue. Deterministic: the same
/// profile and catalogue always give the same program. Every rule is a [PRODUCT] rule drawn from the
/// clinical reference (§3, §4 gates, §6) and needs clinician sign-off; the program supports exercise and is
/// never a diagnosis.
/// </summary>
public static class ProgramGenerator
{
    /// <summary>The exercises home gait-therapy guides lead with; offered first in their category.</summary>
    private static readonly string[] LeadExercises = ["seated-marching", "leg-rotation", "ankle-dorsiflexion"];

    /// <summary>
    /// Category order of each selection round. Walking comes first so that a person who may walk gets
    /// walking practice (the locomotor CPG recommends walking practice itself to improve walking, §3.2).
    /// </summary>
    private static readonly ExerciseCategory[] RoundOrder =
        [ExerciseCategory.Walking, ExerciseCategory.Leg, ExerciseCategory.FootAnkle, ExerciseCategory.CoreBalance];

    public static DailyProgram Generate(AbilityProfile profile, IEnumerable<Exercise> catalogue, ProgramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        options ??= ProgramOptions.Default;
        profile.EnsureValid();

        var gates = new SafetyGates(profile);
        var excluded = new List<ExcludedExercise>();
        var candidates = new List<ProgramItem>();
        foreach (var exercise in catalogue.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var item = Evaluate(exercise, profile, gates, options, out var whyNot);
            if (item is null)
            {
                excluded.Add(new ExcludedExercise(exercise.Id, whyNot));
            }
            else
            {
                candidates.Add(item);
            }
        }

        var budgetSeconds = profile.MinutesAvailablePerDay * 60;
        var chosen = Select(candidates, budgetSeconds, options, excluded);
        var totalSeconds = chosen.Sum(i => i.EstimatedSeconds);
        return new DailyProgram
        {
            Items = chosen,
            TotalMinutes = (int)Math.Ceiling(totalSeconds / 60.0),
            Notes = Notes(profile, gates, options),
            Excluded = excluded,
        };
    }

    /// <summary>
    /// Whether one exercise may be offered to this profile at all (prerequisites, position gates, FAC limit,
    /// a mode safe for the grade), and if not, why. The same rules the generator applies.
    /// </summary>
    public static ExerciseAssessment Assess(Exercise exercise, AbilityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(profile);
        profile.EnsureValid();
        var item = Evaluate(exercise, profile, new SafetyGates(profile), ProgramOptions.Default, out var whyNot);
        return new ExerciseAssessment(exercise.Id, item, item is null ? whyNot : null);
    }

    private static List<ProgramItem> Select(List<ProgramItem> candidates, int budgetSeconds, ProgramOptions options, List<ExcludedExercise> excluded)
    {
        var queues = RoundOrder.ToDictionary(
            c => c,
            c => new Queue<ProgramItem>(candidates.Where(i => i.Category == c).OrderBy(Priority).ThenBy(i => i.ExerciseId, StringComparer.Ordinal)));
        var chosen = new List<ProgramItem>();
        var used = 0;
        var progress = true;
        while (progress && chosen.Count < options.MaxItems)
        {
            progress = false;
            foreach (var category in RoundOrder)
            {
                if (chosen.Count >= options.MaxItems)
                {
                    break;
                }

                var queue = queues[category];
                while (queue.Count > 0)
                {
                    var next = queue.Dequeue();
                    var fitted = FitToTime(next, budgetSeconds - used, options);
                    if (fitted is null)
                    {
                        excluded.Add(new ExcludedExercise(next.ExerciseId, "does not fit in the minutes left today"));
                        continue;
                    }

                    chosen.Add(fitted with { Reasons = [.. fitted.Reasons, $"keeps the program balanced: {KebabCase.Of(category)} work"] });
                    used += fitted.EstimatedSeconds;
                    progress = true;
                    break;
                }
            }
        }

        foreach (var queue in queues.Values)
        {
            excluded.AddRange(queue.Select(i => new ExcludedExercise(i.ExerciseId, "eligible, but the program already has its share of exercises today")));
        }

        return chosen;
    }

    /// <summary>Lead exercises first, then the more functional positions (task-specific practice, §3.2).</summary>
    private static int Priority(ProgramItem item)
    {
        var lead = Array.IndexOf(LeadExercises, item.ExerciseId);
        return lead >= 0 ? lead : 10 - (int)item.Position;
    }

    private static ProgramItem? FitToTime(ProgramItem item, int secondsLeft, ProgramOptions options)
    {
        if (item.EstimatedSeconds <= secondsLeft)
        {
            return item;
        }

        if (item.Sets > 1)
        {
            var perSet = (item.EstimatedSeconds - options.SetupSecondsPerExercise) / item.Sets;
            var oneSet = options.SetupSecondsPerExercise + perSet;
            if (oneSet <= secondsLeft)
            {
                return item with
                {
                    Sets = 1,
                    EstimatedSeconds = oneSet,
                    Reasons = [.. item.Reasons, "cut to one set to fit the minutes available today"],
                };
            }
        }

        return null;
    }

    private static ProgramItem? Evaluate(Exercise exercise, AbilityProfile profile, SafetyGates gates, ProgramOptions options, out string whyNot)
    {
        whyNot = string.Empty;
        var flags = profile.Flags;
        var reasons = new List<string>();
        var warnings = new List<string>();

        // 1. The exercise's own prerequisites (catalogue, §4).
        foreach (var prerequisite in exercise.Prerequisites)
        {
            if (!gates.Holds(prerequisite))
            {
                whyNot = SafetyGates.Describe(prerequisite);
                return null;
            }
        }

        if (exercise.MinimumFac is { } minimumFac && profile.FunctionalAmbulationCategory < minimumFac)
        {
            whyNot = $"needs FAC ≥ {minimumFac} (catalogue, §4.4)";
            return null;
        }

        // 2. Gates implied by the position, whatever the catalogue entry says.
        var upright = exercise.Position is StartingPosition.Standing or StartingPosition.Walking || exercise.Category == ExerciseCategory.Walking;
        var walking = exercise.Position == StartingPosition.Walking || exercise.Category == ExerciseCategory.Walking;
        if (upright && !gates.StandWithSupport)
        {
            whyNot = "standing and walking need independent sitting, standing with support (gate G-STAND-SUP) and FAC ≥ 2 (§6.5: FAC ≤ 1 keeps to a seated and lying programme)";
            return null;
        }

        if (walking && !gates.Walk)
        {
            whyNot = gates.HasWalkingAid || profile.FunctionalAmbulationCategory < 4
                ? "walking practice needs FAC ≥ 3 with a walking aid, or FAC ≥ 4 without one (§2.1, §6.5)"
                : "walking practice without an aid needs FAC ≥ 4 (§6.5)";
            return null;
        }

        var supportedSeatedOnly = exercise.Position == StartingPosition.Seated && !gates.SupportedSitting;

        // 3. Cardiac precautions keep higher-intensity work out unless a clinician cleared it (§3.5).
        if (flags.CardiacPrecautions && !profile.ClinicianClearance && exercise.Prerequisites.Contains(Prerequisite.ClinicianClearance))
        {
            whyNot = "cardiac precautions without clinician clearance (§3.5)";
            return null;
        }

        // 4. Mode from the grade (§3.7).
        // Cardiac precautions without clearance: no resisted work (breath-holding and BP peaks, §3.5; Billinger
        // 2014 asks for exercise testing of people at cardiovascular risk, §3.1).
        var choice = flags.CardiacPrecautions && !profile.ClinicianClearance
            ? ModeSelection.Choose(exercise, profile, ExerciseMode.Active, "cardiac precautions without clinician clearance (§3.5)")
            : ModeSelection.Choose(exercise, profile);
        if (choice.Mode is not { } mode)
        {
            whyNot = "too demanding for now: " + choice.Reason;
            return null;
        }

        reasons.Add(Summary(exercise, gates));
        reasons.Add(choice.Reason);

        // 5. Helper rules.
        var helperBecause = new List<string>();
        if (exercise.Helper == HelperRequirement.Always)
        {
            helperBecause.Add("the exercise always needs a helper");
        }

        if (mode == ExerciseMode.Passive)
        {
            helperBecause.Add("in passive mode a helper moves the limb (§3.7)");
        }
        else if (exercise.Modes[mode].RequiresHelper)
        {
            helperBecause.Add($"the {KebabCase.Of(mode)} steps need a second person");
        }

        if (profile.SittingBalance == SittingBalance.None)
        {
            helperBecause.Add("no sitting balance yet: positioning and transfers need a helper");
        }
        else if (exercise.Position == StartingPosition.Seated && !gates.IndependentSitting)
        {
            helperBecause.Add("sitting balance needs hand support: a supervisor stays close (§4, C2)");
        }

        if (upright && !walking && !gates.StandUnsupervised)
        {
            helperBecause.Add(StandingHelperReason(profile));
        }

        if (walking && !gates.WalkUnsupervised)
        {
            helperBecause.Add(WalkingHelperReason(profile));
        }

        if (exercise.Helper == HelperRequirement.WhenBalanceIsLimited
            && (profile.SittingBalance != SittingBalance.Independent || profile.StandingBalance != StandingBalance.Independent || profile.FunctionalAmbulationCategory <= 3))
        {
            helperBecause.Add("balance or walking scores are limited for this exercise");
        }

        var helper = helperBecause.Count > 0;
        if (helper)
        {
            reasons.Add("helper required: " + string.Join("; ", helperBecause.Distinct(StringComparer.Ordinal)));
        }

        // 6. Warnings.
        if (supportedSeatedOnly)
        {
            warnings.Add(ProgramWarnings.SupportedSeated);
        }

        if (upright)
        {
            warnings.Add(ProgramWarnings.StandingSetup);
            if (flags.Hemineglect || flags.VisualFieldLoss)
            {
                warnings.Add(ProgramWarnings.Screening);
            }

            if (flags.OrthostaticHypotension)
            {
                warnings.Add(ProgramWarnings.DizzinessOnStanding);
            }

            if (flags.FallInLast3Months)
            {
                warnings.Add(ProgramWarnings.RecentFall);
            }
        }
        else if (flags.OrthostaticHypotension && RisesToStanding(exercise))
        {
            warnings.Add(ProgramWarnings.DizzinessOnStanding);
        }

        if (flags.CardiacPrecautions)
        {
            warnings.Add(ProgramWarnings.Cardiac);
        }

        if (helper)
        {
            warnings.Add(ProgramWarnings.HelperPresent);
        }

        warnings.AddRange(exercise.Cautions);

        // 7. Dose (§3.1 Billinger, §3.6 fatigue).
        var sets = exercise.DefaultDose.Sets;
        var reps = exercise.DefaultDose.Repetitions;
        if (profile.FatigueLevel >= options.HighFatigueFrom)
        {
            sets = 1;
            reps = Math.Max(1, (int)Math.Ceiling(reps * 0.7));
            reasons.Add($"fatigue {profile.FatigueLevel}/10: one shorter set today (§3.6)");
        }
        else if (profile.FatigueLevel >= options.ModerateFatigueFrom && sets > 1)
        {
            sets--;
            reasons.Add($"fatigue {profile.FatigueLevel}/10: one set fewer today (§3.6)");
        }
        else
        {
            reasons.Add(DoseReason(exercise, sets, reps));
        }

        return new ProgramItem
        {
            ExerciseId = exercise.Id,
            Category = exercise.Category,
            Position = exercise.Position,
            Mode = mode,
            Sets = sets,
            Reps = reps,
            HelperRequired = helper,
            Reasons = reasons,
            Warnings = warnings.Distinct(StringComparer.Ordinal).ToArray(),
            EstimatedSeconds = EstimateSeconds(exercise.DefaultDose, sets, reps, options),
        };
    }

    /// <summary>
    /// Time of one exercise: setup, then per repetition its tempo plus any hold (counted on top to stay on the
    /// safe side of the time budget), plus the rests between sets.
    /// </summary>
    public static int EstimateSeconds(Dose dose, int sets, int reps, ProgramOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dose);
        options ??= ProgramOptions.Default;
        var perRep = Math.Max(0, dose.TempoSeconds) + Math.Max(0, dose.HoldSeconds ?? 0);
        var seconds = options.SetupSecondsPerExercise + (sets * reps * perRep) + (Math.Max(0, sets - 1) * Math.Max(0, dose.RestBetweenSetsSeconds));
        return (int)Math.Ceiling(seconds);
    }

    /// <summary>
    /// Seated exercises that end standing (sit-to-stand) also get the dizziness warning. The catalogue has no
    /// field for it, so the name is checked too: a needless warning is harmless, a missing one is not.
    /// </summary>
    private static bool RisesToStanding(Exercise exercise) =>
        exercise.Prerequisites.Any(p => p is Prerequisite.StandingWithSupport or Prerequisite.IndependentStanding or Prerequisite.Walking)
        || exercise.Name.Contains("stand", StringComparison.OrdinalIgnoreCase);

    private static string DoseReason(Exercise exercise, int sets, int reps)
    {
        if (exercise.DefaultDose.HoldSeconds is { } hold && hold > 0)
        {
            var what = exercise.Position == StartingPosition.Walking ? "walking bout" : "hold";
            return $"default dose {sets} × {reps}, {hold:0.#} s per {what} (catalogue dose)";
        }

        return exercise.Movement.TrainedMuscle is not null
            ? $"default dose {sets} × {reps} (§3.1: 1–3 sets of 10–15 for strength work)"
            : $"default dose {sets} × {reps} (catalogue dose)";
    }

    private static string Summary(Exercise exercise, SafetyGates gates)
    {
        var what = exercise.Movement.TrainedMuscle is { } muscle
            ? $"trains {KebabCase.Of(muscle).Replace('-', ' ')} on the affected side"
            : $"trains {KebabCase.Of(exercise.Category).Replace('-', ' ')} ({exercise.Movement.Joint})";
        var prerequisites = exercise.Prerequisites.Count == 0
            ? "no special prerequisites"
            : "prerequisites met: " + string.Join(", ", exercise.Prerequisites.Select(p => KebabCase.Of(p)));
        var position = exercise.Position == StartingPosition.Seated && !gates.SupportedSitting
            ? "supported-seated"
            : KebabCase.Of(exercise.Position);
        return $"{what}; {position}; {prerequisites}";
    }

    private static string StandingHelperReason(AbilityProfile profile)
    {
        var why = new List<string>();
        if (profile.FunctionalAmbulationCategory <= 3)
        {
            why.Add($"FAC {profile.FunctionalAmbulationCategory} ≤ 3");
        }

        if (profile.StandingBalance != StandingBalance.Independent)
        {
            why.Add("standing balance needs support");
        }

        if (profile.Flags.FallInLast3Months)
        {
            why.Add("fall in the last 3 months");
        }

        if (profile.Flags.Hemineglect)
        {
            why.Add("neglect flagged");
        }

        return "standing needs a supervisor (" + string.Join(", ", why) + "; gate G-STAND-IND)";
    }

    private static string WalkingHelperReason(AbilityProfile profile)
    {
        var why = new List<string>();
        if (profile.FunctionalAmbulationCategory <= 3)
        {
            why.Add($"FAC {profile.FunctionalAmbulationCategory} ≤ 3");
        }

        if (profile.StandingBalance != StandingBalance.Independent)
        {
            why.Add("standing balance needs support");
        }

        if (!profile.ClinicianClearance)
        {
            why.Add("no clinician clearance recorded");
        }

        if (profile.Flags.Hemineglect)
        {
            why.Add("neglect flagged");
        }

        if (profile.Flags.VisualFieldLoss)
        {
            why.Add("visual-field loss flagged");
        }

        if (profile.Flags.FallInLast3Months)
        {
            why.Add("fall in the last 3 months");
        }

        if (profile.Flags.OrthostaticHypotension)
        {
            why.Add("orthostatic hypotension flagged");
        }

        return "walking practice supervised (" + string.Join(", ", why) + "; §6.5)";
    }

    private static List<string> Notes(AbilityProfile profile, SafetyGates gates, ProgramOptions options)
    {
        var notes = new List<string>
        {
            "This program supports exercise prescribed by your therapist; it is not a diagnosis. Stop and get help on chest pain, " +
            "new weakness, speech, vision or facial change (§3.5).",
        };
        if (profile.FatigueLevel >= options.HighFatigueFrom)
        {
            notes.Add("High fatigue today: split the program into short blocks of about 10 minutes with rests (§3.1, §3.6).");
        }

        if (profile.Flags.Aphasia)
        {
            notes.Add("Aphasia: the helper shows each movement and uses the picture steps; keep spoken instructions short.");
        }

        if (!gates.Walk && profile.FunctionalAmbulationCategory >= 3)
        {
            notes.Add("No walking practice today: it needs standing with support and, without a walking aid, FAC ≥ 4 (§6.5).");
        }

        if ((profile.FunctionalAmbulationCategory >= 2 && profile.StandingBalance == StandingBalance.None)
            || (profile.FunctionalAmbulationCategory >= 4 && profile.SittingBalance != SittingBalance.Independent))
        {
            notes.Add("The profile looks inconsistent (walking score higher than the balance scores): the stricter score was used; ask the therapist to re-check it.");
        }

        if (profile.WalkingAid == WalkingAid.Wheelchair)
        {
            notes.Add("A wheelchair is not a walking aid: walking practice is planned as if without an aid.");
        }

        return notes;
    }
}
