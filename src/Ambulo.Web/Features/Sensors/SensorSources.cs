namespace Ambulo.Web.Features.Sensors;

/// <summary>Names of the sensor sources, as stored with each counted repetition.</summary>
internal static class SensorSources
{
    public const string Puck = "puck";
    public const string Simulator = "simulator";
    public const string Replay = "replay";
    public const string Phone = "phone";

    public static bool IsKnown(string? source) => source is Puck or Simulator or Replay or Phone;
}
