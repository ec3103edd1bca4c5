using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings;

/// <summary>A stretch of a recording without gaps: samples [<see cref="StartIndex"/>, <see cref="StartIndex"/> + <see cref="Count"/>).</summary>
public readonly record struct RecordingSegment(int StartIndex, int Count)
{
    public int EndIndex => StartIndex + Count;

    public ReadOnlySpan<ImuSample> Of(SensorRecording recording)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return recording.Samples.AsSpan(StartIndex, Count);
    }
}

/// <summary>Splits a recording where the time between two samples exceeds a limit, so analysis never bridges a gap.</summary>
public static class RecordingSegments
{
    /// <summary>Default gap limit for analysis: one second without data.</summary>
    public const double DefaultMaxGapSeconds = 1.0;

    public static IReadOnlyList<RecordingSegment> Split(SensorRecording recording, double maxGapSeconds = DefaultMaxGapSeconds)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return Split(recording.Samples, maxGapSeconds);
    }

    public static IReadOnlyList<RecordingSegment> Split(ReadOnlySpan<ImuSample> samples, double maxGapSeconds = DefaultMaxGapSeconds)
    {
        if (!(maxGapSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxGapSeconds), maxGapSeconds, "the gap limit must be positive");
        }

        var segments = new List<RecordingSegment>();
        if (samples.IsEmpty)
        {
            return segments;
        }

        var start = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i].TimeSeconds - samples[i - 1].TimeSeconds > maxGapSeconds)
            {
                segments.Add(new RecordingSegment(start, i - start));
                start = i;
            }
        }

        segments.Add(new RecordingSegment(start, samples.Length - start));
        return segments;
    }
}
