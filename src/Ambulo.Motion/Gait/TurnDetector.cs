using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>Options of <see cref="TurnDetector"/>.</summary>
/// <param name="SmoothingCutoffHz">Low-pass of the yaw rate (removes the step-by-step pelvis rotation).</param>
/// <param name="MinimumRateDegreesPerSecond">A turn is where the smoothed yaw rate stays above this.</param>
/// <param name="MinimumAngleDegrees">Smaller heading changes are not turns.</param>
/// <param name="MergeGapSeconds">Two turn segments closer than this (same direction) are one turn.</param>
public sealed record TurnOptions(double SmoothingCutoffHz = 1.0, double MinimumRateDegreesPerSecond = 15, double MinimumAngleDegrees = 45, double MergeGapSeconds = 0.5)
{
    public static TurnOptions Default { get; } = new();
}

/// <summary>One change of walking direction.</summary>
public sealed record Turn(double StartSeconds, double EndSeconds, double AngleDegrees)
{
    public double DurationSeconds => EndSeconds - StartSeconds;
}

/// <summary>
/// Turns from the angular rate about the vertical (gravity) axis, so it works for a sensor in any orientation on the
/// trunk or in a pocket: smoothed yaw rate above a threshold, integrated to an angle (the usual approach of
/// trunk-IMU turn detection, e.g. El-Gohary et al., Sensors 2014;14:356–369).
/// </summary>
public static class TurnDetector
{
    public static IReadOnlyList<Turn> Detect(ReadOnlySpan<ImuSample> samples, double samplingRateHz, TurnOptions? options = null)
    {
        options ??= TurnOptions.Default;
        var turns = new List<Turn>();
        if (samples.Length < samplingRateHz)
        {
            return turns;
        }

        var (_, yaw) = TrunkSignals.Compute(samples, samplingRateHz);
        FilterDesign.LowPass(options.SmoothingCutoffHz, samplingRateHz).FilterZeroPhase(yaw, yaw);
        var threshold = options.MinimumRateDegreesPerSecond * Math.PI / 180;
        var segments = new List<(int From, int To, double Angle)>();
        var i = 0;
        while (i < yaw.Length)
        {
            if (Math.Abs(yaw[i]) < threshold)
            {
                i++;
                continue;
            }

            var sign = Math.Sign(yaw[i]);
            var from = i;
            double angle = 0;
            while (i < yaw.Length && Math.Sign(yaw[i]) == sign && Math.Abs(yaw[i]) >= threshold)
            {
                angle += yaw[i] / samplingRateHz;
                i++;
            }

            segments.Add((from, i - 1, angle));
        }

        var merged = new List<(int From, int To, double Angle)>();
        foreach (var s in segments)
        {
            if (merged.Count > 0 && Math.Sign(merged[^1].Angle) == Math.Sign(s.Angle)
                && (s.From - merged[^1].To) / samplingRateHz <= options.MergeGapSeconds)
            {
                merged[^1] = (merged[^1].From, s.To, merged[^1].Angle + s.Angle);
            }
            else
            {
                merged.Add(s);
            }
        }

        foreach (var m in merged)
        {
            var degrees = m.Angle * 180 / Math.PI;
            if (Math.Abs(degrees) >= options.MinimumAngleDegrees)
            {
                turns.Add(new Turn(samples[m.From].TimeSeconds, samples[m.To].TimeSeconds, degrees));
            }
        }

        return turns;
    }
}
