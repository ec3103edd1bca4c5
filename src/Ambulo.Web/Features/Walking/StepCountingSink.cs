using Ambulo.Motion.Samples;
using Ambulo.Web.Features.SensorIngest;

namespace Ambulo.Web.Features.Walking;

/// <summary>
/// Feeds a paired phone's samples into a walk's step counter, as <see cref="RepetitionCountingSink"/> does for
/// repetitions: attach it with <see cref="SensorSession.Attach"/>. Unlike the repetition counter, the step counter
/// resamples to its own fixed rate, so it needs neither the measured sampling rate nor a calibration: it counts from
/// the first batch. The session's time line keeps growing across phone reloads, so a reload needs no reset either:
/// the gap simply ends the current run of steps, as a pause would. Frames without an accelerometer are skipped and counted.
/// </summary>
internal sealed class StepCountingSink(LiveWalk walk) : ISensorSampleSink
{
    private long _skippedSamples;

    /// <summary>Samples that came without an accelerometer reading (steps are counted from acceleration alone).</summary>
    public long SkippedSamples => Interlocked.Read(ref _skippedSamples);

    public void OnSamples(SensorBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if ((batch.Channels & SensorChannels.Accelerometer) == 0)
        {
            Interlocked.Add(ref _skippedSamples, batch.Samples.Length);
            return;
        }

        walk.Push(batch.Samples);
    }

    public void OnConnectionStateChanged(SensorConnectionState state)
    {
        // The walk goes on while the phone is away; its samples, when it is back, continue the count.
    }
}
