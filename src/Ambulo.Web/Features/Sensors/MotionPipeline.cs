using System.Diagnostics;
using Ambulo.Motion.Online;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;
using Ambulo.Web.Features.Session;

namespace Ambulo.Web.Features.Sensors;

/// <summary>
/// The shared path from sensor samples to counted repetitions: samples go through Ambulo.Motion's
/// online <see cref="RepetitionCounter"/> in small batches (as a phone sends them, every ~40 ms), and
/// each completed repetition is counted by the session at once, with its range of motion.
/// </summary>
internal static class MotionPipeline
{
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// Streams <paramref name="samples"/> in (scaled) real time through a fresh counter. Stops early
    /// when the session stops taking repetitions (rating, stopped) and, with <paramref name="stopAtSetEnd"/>,
    /// when the set is complete. Returns the number counted.
    /// </summary>
    public static async Task<int> StreamAsync(
        ImuSample[] samples,
        double samplingRateHz,
        SensorChannels channels,
        RepetitionOptions detector,
        SessionEngine engine,
        int sessionId,
        string source,
        double timeScale,
        CancellationToken cancellationToken,
        bool stopAtSetEnd = true)
    {
        if (samples.Length == 0)
        {
            return 0;
        }

        var counter = new RepetitionCounter(detector, samplingRateHz, channels);
        var completed = new List<Repetition>();
        var t0 = samples[0].TimeSeconds;
        var next = 0;
        var counted = 0;
        var clock = Stopwatch.StartNew();
        while (next < samples.Length)
        {
            await Task.Delay(BatchInterval, cancellationToken);
            var until = t0 + (clock.Elapsed.TotalSeconds / Math.Max(0.01, timeScale));
            var end = next;
            while (end < samples.Length && samples[end].TimeSeconds <= until)
            {
                end++;
            }

            completed.Clear();
            counter.Push(samples.AsSpan(next, end - next), completed);
            next = end;
            foreach (var repetition in completed)
            {
                using var activity = PipelineTelemetry.Source.StartActivity(PipelineTelemetry.RepetitionActivity);
                activity?.SetTag(PipelineTelemetry.SessionIdTag, sessionId);
                var outcome = await engine.CountRepetitionAsync(sessionId, source, Math.Round(repetition.RangeOfMotionDegrees, 1), cancellationToken);
                if (outcome.Counted)
                {
                    activity?.SetTag(PipelineTelemetry.NumberInSetTag, outcome.Number);
                }

                if (!outcome.Counted)
                {
                    return counted;
                }

                counted++;
                if (outcome.SetComplete && stopAtSetEnd)
                {
                    return counted;
                }
            }
        }

        return counted;
    }
}
