using Ambulo.Domain.Patients;

namespace Ambulo.Domain.Programs;

/// <summary>One weekly walking check: FAC with the aid used, any fall or near-fall, and 10MWT comfortable speed if measured.</summary>
public sealed record WeeklyWalkingCheck
{
    public required DateOnly Date { get; init; }
    public required int Fac { get; init; }
    public required WalkingAid AidUsed { get; init; }
    public required bool FallOrNearFall { get; init; }
    public double? ComfortableGaitSpeedMetersPerSecond { get; init; }
}

/// <summary>
/// A walking-aid suggestion. It is only ever a suggestion: <see cref="TherapistMustApprove"/> is always true
/// and nothing in Ambulo changes a person's aid by itself (clinical reference §4.5: "clinician must confirm each step").
/// </summary>
public sealed record WalkingAidSuggestion(WalkingAid Current, WalkingAid? Suggested, IReadOnlyList<string> Reasons)
{
    public const string ApprovalNote = "Suggestion only: a therapist must approve any change of walking aid and supervise the first trial (§4.5).";

    /// <summary>Always true: walking-aid changes are suggestions a therapist must approve.</summary>
    public bool TherapistMustApprove { get; } = true;
}

/// <summary>
/// The §4.5 [PRODUCT] rule: IF FAC ≥ 4 with the current aid for ≥ 2 consecutive weekly checks AND no falls or
/// near-falls in the last 4 weeks AND 10MWT comfortable speed stable or improving THEN suggest a trial of the
/// next less supportive aid (walker → quad cane → single cane → none); after a fall or near-fall, suggest going
/// back one step. The BBS condition of the reference is left to the therapist who approves the suggestion.
/// </summary>
public static class WalkingAidProgression
{
    /// <summary>Most to least supportive. The reference gives walker → quad/rolling cane → single cane → none; the order among walkers is an engineering assumption.</summary>
    public static IReadOnlyList<WalkingAid> Ladder { get; } =
    [
        WalkingAid.PlatformWalker,
        WalkingAid.FrontWheeledWalker,
        WalkingAid.FourWheeledWalker,
        WalkingAid.HemiWalker,
        WalkingAid.QuadCane,
        WalkingAid.SinglePointCane,
        WalkingAid.None,
    ];

    /// <summary>Consecutive weekly checks need to be at most this far apart.</summary>
    public const int MaxDaysBetweenWeeklyChecks = 10;

    public static WalkingAidSuggestion Suggest(WalkingAid current, IEnumerable<WeeklyWalkingCheck> checks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var all = checks.Where(c => c.Date <= today).OrderBy(c => c.Date).ToList();
        var rung = Ladder.ToList().IndexOf(current);
        if (rung < 0)
        {
            return new(current, null, ["a wheelchair is not on the walking-aid ladder: the therapist chooses a first walking aid", WalkingAidSuggestion.ApprovalNote]);
        }

        var recentFall = all.Where(c => c.Date > today.AddDays(-28)).FirstOrDefault(c => c.FallOrNearFall);
        if (recentFall is not null)
        {
            return rung > 0
                ? new(current, Ladder[rung - 1], [$"fall or near-fall on {recentFall.Date:yyyy-MM-dd}: consider going back to the more supportive {KebabCase(Ladder[rung - 1])}", WalkingAidSuggestion.ApprovalNote])
                : new(current, null, [$"fall or near-fall on {recentFall.Date:yyyy-MM-dd}: keep the current aid and review with the therapist", WalkingAidSuggestion.ApprovalNote]);
        }

        if (rung == Ladder.Count - 1)
        {
            return new(current, null, ["already walking without an aid"]);
        }

        var withAid = all.Where(c => c.AidUsed == current).ToList();
        if (withAid.Count < 2)
        {
            return new(current, null, ["needs at least 2 weekly checks with the current aid (§4.5)"]);
        }

        var (previous, latest) = (withAid[^2], withAid[^1]);
        if (latest.Date.DayNumber - previous.Date.DayNumber > MaxDaysBetweenWeeklyChecks || today.DayNumber - latest.Date.DayNumber > MaxDaysBetweenWeeklyChecks)
        {
            return new(current, null, ["the last two weekly checks are not consecutive and recent: keep checking weekly (§4.5)"]);
        }

        if (previous.Fac < 4 || latest.Fac < 4)
        {
            return new(current, null, [$"FAC {previous.Fac} then {latest.Fac} with the current aid: a change needs FAC ≥ 4 in 2 consecutive weekly checks (§4.5)"]);
        }

        if (previous.Fac > AbilityProfile.MaxFac || latest.Fac > AbilityProfile.MaxFac)
        {
            return new(current, null, ["a weekly check has a FAC above 5: fix the record before any suggestion"]);
        }

        if (previous.ComfortableGaitSpeedMetersPerSecond is not { } before || latest.ComfortableGaitSpeedMetersPerSecond is not { } now
            || !IsPlausibleSpeed(before) || !IsPlausibleSpeed(now))
        {
            return new(current, null, ["needs a valid comfortable 10-metre walk speed in both weekly checks (§4.5)"]);
        }

        // Stable = not dropped by more than the speed-band MDC (Lewek & Sykes 2019 via §2.3).
        var mdc = before < 0.40 ? 0.10 : before <= 0.80 ? 0.15 : 0.18;
        if (now < before - mdc)
        {
            return new(current, null, [$"walking speed fell from {before:0.00} to {now:0.00} m/s, more than the {mdc:0.00} m/s real-change threshold (§2.3)"]);
        }

        var next = Ladder[rung + 1];
        return new(current, next,
        [
            $"FAC {previous.Fac} and {latest.Fac} with the {KebabCase(current)} in two consecutive weekly checks, no falls or near-falls in 4 weeks, speed {before:0.00} → {now:0.00} m/s (stable or better)",
            $"suggest a supervised trial of the {KebabCase(next)} (§4.5)",
            WalkingAidSuggestion.ApprovalNote,
        ]);
    }

    /// <summary>A measured speed we can reason with: finite, positive, below a sprint (guards against NaN and unit mistakes).</summary>
    private static bool IsPlausibleSpeed(double metersPerSecond) => double.IsFinite(metersPerSecond) && metersPerSecond > 0 && metersPerSecond < 5;

    private static string KebabCase(WalkingAid aid) => aid == WalkingAid.None ? "no aid" : Exercises.KebabCase.Of(aid).Replace('-', ' ');
}
