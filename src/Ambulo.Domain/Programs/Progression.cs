using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Programs;

/// <summary>What was done in one session of one exercise (from the motion engine or the on-screen counter).</summary>
public sealed record SessionResult
{
    public required DateOnly Date { get; init; }
    public required string ExerciseId { get; init; }
    public required ExerciseMode Mode { get; init; }
    public required int Sets { get; init; }
    /// <summary>Target repetitions per set.</summary>
    public required int TargetReps { get; init; }
    /// <summary>Repetitions done per set, averaged over the sets (rounded down).</summary>
    public required int RepsDone { get; init; }
    public double? TargetRangeOfMotionDegrees { get; init; }
    public double? RangeOfMotionReachedDegrees { get; init; }
    /// <summary>Effort on the Borg CR10 scale, 0–10 (clinical reference §3.4).</summary>
    public required int Effort { get; init; }
    public required bool Pain { get; init; }
}

/// <summary>The current prescription of one exercise.</summary>
public sealed record Prescription(string ExerciseId, ExerciseMode Mode, int Sets, int Reps);

public enum ProgressionAction { Keep, IncreaseDose, AdvanceMode, ReduceDose, StepBackMode }

/// <summary>The proposed next prescription and why. Exactly one step from the current one, or none.</summary>
public sealed record ProgressionProposal(ProgressionAction Action, Prescription Next, IReadOnlyList<string> Reasons);

/// <summary>Thresholds of the progression rules, with their sources.</summary>
public sealed record ProgressionOptions
{
    /// <summary>CR10 7–8 is "very hard" (§3.4): from here the next session steps back.</summary>
    public int VeryHighEffortFrom { get; init; } = 7;
    /// <summary>CR10 3–4 ≈ RPE 11–14, the Billinger target for strength work (§3.1, §3.4): at or below this, the dose may grow.</summary>
    public int ComfortableEffortMax { get; init; } = 4;
    /// <summary>Consecutive successful sessions at the same prescription before stepping up (engineering choice: one good day is not a trend).</summary>
    public int SuccessesToProgress { get; init; } = 2;
    /// <summary>Fraction of the target range of motion that counts as "reached".</summary>
    public double RangeOfMotionFraction { get; init; } = 0.9;
    /// <summary>Below this fraction of the target repetitions the dose steps back.</summary>
    public double TooFewRepsFraction { get; init; } = 0.5;
    /// <summary>Billinger 2014 (§3.1): 1–3 sets of 10–15 repetitions.</summary>
    public int MinReps { get; init; } = 5;
    public int MaxReps { get; init; } = 15;
    public int RepsStep { get; init; } = 2;
    public int MaxSets { get; init; } = 3;
    /// <summary>Repetitions per set after adding a set or changing mode (bottom of Billinger's 10–15).</summary>
    public int RestartReps { get; init; } = 10;

    public static ProgressionOptions Default { get; } = new();
}

/// <summary>
/// Proposes the next dose or mode of one exercise from its session history ([PRODUCT] rule built on
/// §3.1, §3.4, §3.5 and §3.7 of the clinical reference; needs clinician sign-off). Never more than one
/// step: one dose step (±2 repetitions, or ±1 set) or one mode step along the modes the exercise offers
/// (passive → active-assisted → active → resisted). Pain or very high effort in the latest session always
/// steps back. The proposal is a suggestion shown to the therapist or user; nothing is changed here.
/// </summary>
public static class Progression
{
    public static ProgressionProposal Propose(
        Prescription current,
        IEnumerable<SessionResult> history,
        IReadOnlyCollection<ExerciseMode> offeredModes,
        ExerciseMode? gradeCeiling = null,
        ProgressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(offeredModes);
        options ??= ProgressionOptions.Default;

        var sessions = history
            .Where(s => string.Equals(s.ExerciseId, current.ExerciseId, StringComparison.Ordinal))
            .OrderBy(s => s.Date)
            .ToList();
        if (sessions.Count == 0)
        {
            return Keep(current, "no session recorded yet for this exercise");
        }

        var last = sessions[^1];
        if (last.Pain)
        {
            return StepBack(current, offeredModes, options, preferMode: true, $"pain reported on {last.Date:yyyy-MM-dd}: one step easier (§3.5 stop rules)");
        }

        if (last.Effort >= options.VeryHighEffortFrom)
        {
            return StepBack(current, offeredModes, options, preferMode: false, $"effort {last.Effort}/10 on {last.Date:yyyy-MM-dd} is very hard (CR10 ≥ {options.VeryHighEffortFrom}, §3.4): one step easier");
        }

        if (last.TargetReps > 0 && last.RepsDone < last.TargetReps * options.TooFewRepsFraction)
        {
            return StepBack(current, offeredModes, options, preferMode: false, $"only {last.RepsDone} of {last.TargetReps} repetitions on {last.Date:yyyy-MM-dd}: one step easier");
        }

        var recent = sessions.TakeLast(options.SuccessesToProgress).ToList();
        var ready = recent.Count == options.SuccessesToProgress && recent.All(s => IsSuccess(s, current, options));
        if (!ready)
        {
            return Keep(current, $"keep the dose until {options.SuccessesToProgress} sessions in a row reach the target with effort ≤ {options.ComfortableEffortMax}/10 and no pain");
        }

        var because = $"{options.SuccessesToProgress} sessions in a row at target, effort ≤ {options.ComfortableEffortMax}/10 (§3.4), no pain";
        if (current.Reps < options.MaxReps)
        {
            var reps = Math.Min(options.MaxReps, current.Reps + options.RepsStep);
            return new ProgressionProposal(ProgressionAction.IncreaseDose, current with { Reps = reps }, [because, $"repetitions {current.Reps} → {reps} (§3.1: 10–15)"]);
        }

        if (current.Sets < options.MaxSets)
        {
            return new ProgressionProposal(
                ProgressionAction.IncreaseDose,
                current with { Sets = current.Sets + 1, Reps = Math.Min(current.Reps, options.RestartReps) },
                [because, $"sets {current.Sets} → {current.Sets + 1} at {Math.Min(current.Reps, options.RestartReps)} repetitions (§3.1: 1–3 sets)"]);
        }

        var harder = offeredModes.Where(m => m > current.Mode).Order().Cast<ExerciseMode?>().FirstOrDefault();
        if (harder is not { } nextMode)
        {
            return Keep(current, because + ", but this exercise has no harder mode: ask the therapist for a harder exercise");
        }

        if (gradeCeiling is { } ceiling && nextMode > ceiling)
        {
            return Keep(current, because + $", but {KebabCase.Of(nextMode)} is above what the current muscle grade allows (§3.7): ask the therapist to re-test the grade");
        }

        return new ProgressionProposal(
            ProgressionAction.AdvanceMode,
            current with { Mode = nextMode, Sets = 1, Reps = Math.Min(current.Reps, options.RestartReps) },
            [because, $"top of the dose range: mode {KebabCase.Of(current.Mode)} → {KebabCase.Of(nextMode)}, restarting at 1 × {Math.Min(current.Reps, options.RestartReps)} (§3.7)"]);
    }

    private static bool IsSuccess(SessionResult s, Prescription current, ProgressionOptions options) =>
        s.Mode == current.Mode
        && s.TargetReps >= current.Reps
        && s.Sets >= current.Sets
        && s.RepsDone >= s.TargetReps
        && !s.Pain
        && s.Effort <= options.ComfortableEffortMax
        && (s.TargetRangeOfMotionDegrees is not { } target || target <= 0
            || (s.RangeOfMotionReachedDegrees is { } reached && reached >= target * options.RangeOfMotionFraction));

    private static ProgressionProposal StepBack(Prescription current, IReadOnlyCollection<ExerciseMode> offeredModes, ProgressionOptions options, bool preferMode, string because)
    {
        var easier = offeredModes.Where(m => m < current.Mode).OrderDescending().Cast<ExerciseMode?>().FirstOrDefault();
        if (preferMode && easier is { } easierMode)
        {
            return new ProgressionProposal(ProgressionAction.StepBackMode, current with { Mode = easierMode }, [because, $"mode {KebabCase.Of(current.Mode)} → {KebabCase.Of(easierMode)}"]);
        }

        if (current.Reps - options.RepsStep >= options.MinReps)
        {
            return new ProgressionProposal(ProgressionAction.ReduceDose, current with { Reps = current.Reps - options.RepsStep }, [because, $"repetitions {current.Reps} → {current.Reps - options.RepsStep}"]);
        }

        if (current.Sets > 1)
        {
            return new ProgressionProposal(ProgressionAction.ReduceDose, current with { Sets = current.Sets - 1 }, [because, $"sets {current.Sets} → {current.Sets - 1}"]);
        }

        if (easier is { } fallback)
        {
            return new ProgressionProposal(ProgressionAction.StepBackMode, current with { Mode = fallback }, [because, $"mode {KebabCase.Of(current.Mode)} → {KebabCase.Of(fallback)}"]);
        }

        return Keep(current, because + ", but this is already the easiest dose and mode: tell the therapist");
    }

    private static ProgressionProposal Keep(Prescription current, string because) =>
        new(ProgressionAction.Keep, current, [because]);
}
