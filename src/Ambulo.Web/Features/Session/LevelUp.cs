using System.Globalization;

namespace Ambulo.Web.Features.Session;

/// <summary>
/// The friendly "level up" line for an exercise whose prescription went one step up since the last day
/// it was planned (the planner applies the domain's progression rules; see docs/program-rules.md).
/// A step back is not announced as such: the screen simply shows the easier dose.
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
}
