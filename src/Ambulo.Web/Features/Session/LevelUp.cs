using System.Globalization;

namespace Ambulo.Web.Features.Session;

/// <summary>
/// The friendly line for an exercise whose prescription moved one step since the last day it was planned
/// (the planner applies the domain's progression rules; see docs/program-rules.md): "Level up!" when it went
/// up, "Easier today" when it stepped back, so a smaller dose is explained rather than a surprise, and said
/// without blame (a step back follows pain, a very hard effort or too few repetitions).
/// </summary>
internal static class LevelUp
{
    private static readonly string[] ModeOrder = ["Passive", "ActiveAssisted", "Active", "Resisted"];

    public static string? Describe(string previousMode, int previousSets, int previousReps, string mode, int sets, int reps)
    {
        var before = Array.IndexOf(ModeOrder, previousMode);
        var now = Array.IndexOf(ModeOrder, mode);
        if (before >= 0 && now > before)
        {
            return $"Level up! You are ready for the next step: {ModeWording.For(mode)} today.";
        }

        if (now != before)
        {
            return null;
        }

        if (sets > previousSets)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Level up! {sets} sets today (last time {previousSets}). You are getting stronger.");
        }

        if (sets == previousSets && reps > previousReps)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Level up! {reps} repetitions in each set today (last time {previousReps}). You are getting stronger.");
        }

        return null;
    }

    /// <summary>The "easier today" line when the prescription went one step down, otherwise null.</summary>
    public static string? DescribeEasier(string previousMode, int previousSets, int previousReps, string mode, int sets, int reps)
    {
        var before = Array.IndexOf(ModeOrder, previousMode);
        var now = Array.IndexOf(ModeOrder, mode);
        if (now >= 0 && before > now)
        {
            return $"Easier today: {ModeWording.For(mode)}. Taking it easier helps you recover.";
        }

        if (now != before)
        {
            return null;
        }

        if (sets < previousSets)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Easier today: {sets} {(sets == 1 ? "set" : "sets")} (last time {previousSets}). Taking it easier helps you recover.");
        }

        if (sets == previousSets && reps < previousReps)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Easier today: {reps} repetitions in each set (last time {previousReps}). Taking it easier helps you recover.");
        }

        return null;
    }
}
