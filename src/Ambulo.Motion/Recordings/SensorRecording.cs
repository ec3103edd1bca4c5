using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings;

/// <summary>
/// A whole recording from one sensor: its samples in time order plus what is known about it.
/// Samples are kept in one array so algorithms can run over <see cref="ReadOnlySpan{T}"/> slices.
/// </summary>
public sealed record SensorRecording(RecordingMetadata Metadata, ImuSample[] Samples)
{
    public double DurationSeconds => Samples.Length < 2 ? 0 : Samples[^1].TimeSeconds - Samples[0].TimeSeconds;
}

/// <summary>What kind of device made a recording.</summary>
public enum SensorKind { Phone, Puck, Imu, Simulated }

/// <summary>
/// Metadata of a recording. <see cref="Placement"/> uses the kebab-case names of the recording format
/// (<c>shank-left</c>, <c>thigh-right</c>, <c>foot-left</c>, <c>lower-back</c>, <c>front-pocket-right</c>,
/// <c>back-pocket-right</c>, <c>hand</c>, …). <see cref="Labels"/> keeps any further <c># key: value</c>
/// lines (e.g. <c>true_count</c>, <c>exercise</c>) so a recording can be a labelled test case.
/// </summary>
public sealed record RecordingMetadata
{
    public required SensorKind Sensor { get; init; }
    public required string Placement { get; init; }
    public required double SamplingRateHz { get; init; }
    public required SensorChannels Channels { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
