namespace Ambulo.Web.Features.Walking;

/// <summary>Step counts worth a cheer on the Walk screen: 10, 25, 50, then every 50.</summary>
internal static class WalkMilestones
{
    private static readonly int[] Early = [10, 25, 50];

    /// <summary>The highest milestone passed when the count went from <paramref name="before"/> to <paramref name="now"/>; null when none.</summary>
    public static int? Passed(int before, int now)
    {
        if (now <= before)
        {
            return null;
        }

        var highest = now >= 50 ? now / 50 * 50 : Early.Where(m => m <= now).DefaultIfEmpty(0).Max();
        return highest > before && highest > 0 ? highest : null;
    }

    /// <summary>Every hundred steps is a bigger cheer.</summary>
    public static bool IsBig(int milestone) => milestone % 100 == 0;
}
