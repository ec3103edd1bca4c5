using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings;

/// <summary>
/// A whole recording from one sensor: its samples in time order plus what is known about it.
/// Samples are kept in one array so algorithms can run over <see cref="ReadOnlySpan{T}"/> slices.
/// Recordings from <see cref="RecordingCsv"/> and the importers have finite values and strictly
/// increasing times; gaps are possible (see <see cref="RecordingSegments"/>).
/// </summary>
public sealed record SensorRecording(RecordingMetadata Metadata, ImuSample[] Samples)
{
    public double DurationSeconds => Samples.Length < 2 ? 0 : Samples[^1].TimeSeconds - Samples[0].TimeSeconds;
}

/// <summary>What kind of device made a recording.</summary>
public enum SensorKind { Phone, Puck, Imu, Simulated }

/// <summary>The lower-case names of <see cref="SensorKind"/> used in files (<c># sensor: imu</c>).</summary>
public static class SensorKindNames
{
    public static string ToName(this SensorKind kind) => kind switch
    {
        SensorKind.Phone => "phone",
        SensorKind.Puck => "puck",
        SensorKind.Imu => "imu",
        SensorKind.Simulated => "simulated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sensor kind"),
    };

    public static bool TryParse(string name, out SensorKind kind)
    {
        foreach (var candidate in Enum.GetValues<SensorKind>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>
/// Metadata of a recording. <see cref="Placement"/> uses the kebab-case names of the recording format
/// (<c>shank-left</c>, <c>thigh-right</c>, <c>foot-left</c>, <c>lower-back</c>, <c>front-pocket-right</c>,
/// <c>back-pocket-right</c>, <c>hand</c>, …). <see cref="Labels"/> keeps any further <c># key: value</c>
/// lines (e.g. <c>true_count</c>, <c>exercise</c>) in file order, so a recording can be a labelled test case.
/// </summary>
public sealed record RecordingMetadata
{
    public required SensorKind Sensor { get; init; }
    public required string Placement { get; init; }
    public required double SamplingRateHz { get; init; }
    public required SensorChannels Channels { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The label's value, or null when the recording has no such label.</summary>
    public string? Label(string key) => Labels.TryGetValue(key, out var value) ? value : null;
}
