namespace Ambulo.Web.Tests.Common;

/// <summary>Server settings the sensor tests share.</summary>
internal static class IngestSettings
{
    /// <summary>Lifts the per-connection frame-rate limit, for tests that send recordings faster than real time.</summary>
    public static readonly (string Key, string Value) NoFrameRateLimit = ("SensorIngest:MaxFramesPerSecond", "1000000");
}
