namespace Ambulo.Web.Features.Session;

/// <summary>
/// Points and levels. STAND-IN until the domain's motivation rules (src/Ambulo.Domain/Motivation)
/// land on main; then these numbers come from there.
/// </summary>
internal static class Scoring
{
    public const int PointsPerRepetition = 10;
    public const int PointsPerSet = 20;
    public const int PointsPerLevel = 300;

    public static int LevelFor(int totalPoints) => 1 + (Math.Max(0, totalPoints) / PointsPerLevel);

    /// <summary>Points still needed for the next level.</summary>
    public static int PointsToNextLevel(int totalPoints) => PointsPerLevel - (Math.Max(0, totalPoints) % PointsPerLevel);
}
