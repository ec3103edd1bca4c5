using Ambulo.Motion.Online;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Repetitions;

/// <summary>
/// Counts repetitions over a whole recording (offline form). It runs the online
/// <see cref="RepetitionCounter"/> over every sample, so a live stream fed the same samples in any
/// chunks gives exactly this result.
/// </summary>
public static class RepetitionDetector
{
    /// <exception cref="ArgumentException">An option is out of range, or the signal needs a channel the recording lacks.</exception>
    public static RepetitionResult Detect(ReadOnlySpan<ImuSample> samples, RepetitionOptions options, double samplingRateHz, SensorChannels channels)
    {
        var counter = new RepetitionCounter(options, samplingRateHz, channels);
        var repetitions = new List<Repetition>();
        counter.Push(samples, repetitions);
        return new RepetitionResult(repetitions, options, counter.RejectedTooSmall, counter.RejectedTooShort, counter.RejectedTooLong, counter.SkippedSamples);
    }

    /// <inheritdoc cref="Detect(ReadOnlySpan{ImuSample}, RepetitionOptions, double, SensorChannels)"/>
    public static RepetitionResult Detect(SensorRecording recording, RepetitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return Detect(recording.Samples, options, recording.Metadata.SamplingRateHz, recording.Metadata.Channels);
    }
}
