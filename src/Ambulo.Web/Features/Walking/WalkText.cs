using System.Globalization;

namespace Ambulo.Web.Features.Walking;

/// <summary>Words and numbers of the Walk screen, kept short for people who read slowly.</summary>
internal static class WalkText
{
    /// <summary>Minutes and seconds, e.g. 4:05.</summary>
    public static string Duration(double seconds)
    {
        var whole = double.IsFinite(seconds) ? Math.Max(0, (long)Math.Floor(seconds)) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 60}:{whole % 60:00}");
    }

    public static string Steps(int steps) => steps == 1 ? "1 step" : string.Create(CultureInfo.InvariantCulture, $"{steps} steps");

    /// <summary>The stop rule, for the screen and the voice (clinical reference §3.5, adapted ACSM stop indications [S]).</summary>
    public const string StopRule = "Stop and sit down if you feel pain, dizziness, chest pain, or very tired or out of breath.";

    /// <summary>Stroke warning signs need an emergency call (§3.5 [PRODUCT], FAST).</summary>
    public const string EmergencyRule = "New weakness, a drooping face, or trouble speaking or seeing: call emergency help now.";
}
