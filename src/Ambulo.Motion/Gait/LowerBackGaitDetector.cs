using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>Options of <see cref="LowerBackGaitDetector"/>.</summary>
/// <param name="StepBandCutoffHz">Low-pass that keeps the step rhythm of the vertical acceleration.</param>
/// <param name="MinimumPeakMps2">A step's vertical acceleration peak must rise this far above zero.</param>
/// <param name="MinimumStepSeconds">Shortest step (two candidate peaks closer than this are one step).</param>
/// <param name="MaximumStepSeconds">Longest step; a longer gap ends a walking bout.</param>
/// <param name="MinimumStepsPerBout">Fewer steps in a row are not walking (Mobilise-D: at least two strides).</param>
/// <param name="PeakToContactSeconds">Initial contact precedes the vertical-acceleration peak by this much.</param>
/// <param name="SensorHeightMeters">Height of the sensor above the ground (≈ leg length); null = no distance.</param>
/// <param name="PendulumCorrectionFactor">Multiplier on the inverted-pendulum step length.</param>
/// <param name="ContactSearchSeconds">How far before a step's peak the initial contact is searched.</param>
public sealed record LowerBackGaitOptions(
    double StepBandCutoffHz = 3.0,
    double MinimumPeakMps2 = 0.5,
    double MinimumStepSeconds = 0.3,
    double MaximumStepSeconds = 1.25,
    int MinimumStepsPerBout = 4,
    double PeakToContactSeconds = 0.05,
    double? SensorHeightMeters = null,
    double PendulumCorrectionFactor = 1.25,
    double ContactSearchSeconds = 0.3)
{
    public static LowerBackGaitOptions Healthy { get; } = new();

    /// <summary>Slow walkers (older adults, MS, walking aids): steps up to 2 s apart still belong to one bout.</summary>
    public static LowerBackGaitOptions SlowOrImpaired { get; } = new(MaximumStepSeconds: 2.0);

    /// <summary>Hemiparetic gait: weaker trunk bounce and steps up to 2.5 s apart.</summary>
    public static LowerBackGaitOptions Hemiparetic { get; } = new(MinimumPeakMps2: 0.3, MaximumStepSeconds: 2.5);
}

/// <summary>Result of <see cref="LowerBackGaitDetector.Detect"/>.</summary>
public sealed record LowerBackGaitResult(
    IReadOnlyList<InitialContact> InitialContacts,
    IReadOnlyList<Stride> Strides,
    IReadOnlyList<WalkingBout> WalkingBouts,
    DistanceModel DistanceModel,
    LowerBackGaitOptions Options);

/// <summary>
/// Gait from one sensor on the lower back (L5), in any orientation: the acceleration along gravity shows one peak per
/// step (the body's centre of mass is lowest and decelerating just after heel strike); runs of regular peaks are
/// walking bouts. Left and right alternate within a bout; which is which comes from the sign of the pelvis yaw rate at
/// contact, voted over the bout. Step length by the inverted-pendulum model of Zijlstra &amp; Hof (Gait Posture
/// 2003;18:1–10): step = 2·√(2·l·h − h²) with h the vertical excursion of the sensor during the step and l the sensor
/// height, times a correction factor (1.25 in that paper).
/// </summary>
public static class LowerBackGaitDetector
{
    public static LowerBackGaitResult Detect(ReadOnlySpan<ImuSample> samples, double samplingRateHz, LowerBackGaitOptions? options = null)
    {
        options ??= LowerBackGaitOptions.Healthy;
        var n = samples.Length;
        var contacts = new List<InitialContact>();
        var strides = new List<Stride>();
        var bouts = new List<WalkingBout>();
        var model = options.SensorHeightMeters is > 0 ? DistanceModel.InvertedPendulum : DistanceModel.None;
        if (n < samplingRateHz * 2)
        {
            return new LowerBackGaitResult(contacts, strides, bouts, model, options);
        }

        var (vertical, yaw) = TrunkSignals.Compute(samples, samplingRateHz);
        var step = (double[])vertical.Clone();
        FilterDesign.LowPass(options.StepBandCutoffHz, samplingRateHz).FilterZeroPhase(step, step);
        var yawBand = (double[])yaw.Clone();
        FilterDesign.HighPass(0.4, samplingRateHz).FilterZeroPhase(yawBand, yawBand);
        FilterDesign.LowPass(1.5, samplingRateHz).FilterZeroPhase(yawBand, yawBand);

        var peaks = StepPeaks(step, samplingRateHz, options);
        var maxGap = options.MaximumStepSeconds * samplingRateHz;
        var runStart = 0;
        for (var i = 1; i <= peaks.Count; i++)
        {
            if (i < peaks.Count && peaks[i] - peaks[i - 1] <= maxGap)
            {
                continue;
            }

            if (i - runStart >= options.MinimumStepsPerBout)
            {
                AddBout(samples, samplingRateHz, peaks.GetRange(runStart, i - runStart), vertical, step, yawBand, options, contacts, strides, bouts);
            }

            runStart = i;
        }

        return new LowerBackGaitResult(contacts, strides, bouts, model, options);
    }

    private static List<int> StepPeaks(double[] step, double samplingRateHz, LowerBackGaitOptions options)
    {
        var peaks = new List<int>();
        var minGap = options.MinimumStepSeconds * samplingRateHz;
        for (var i = 1; i + 1 < step.Length; i++)
        {
            if (step[i] < options.MinimumPeakMps2 || step[i] < step[i - 1] || step[i] < step[i + 1])
            {
                continue;
            }

            if (peaks.Count > 0 && i - peaks[^1] < minGap)
            {
                if (step[i] > step[peaks[^1]])
                {
                    peaks[^1] = i;
                }

                continue;
            }

            peaks.Add(i);
        }

        return peaks;
    }

    private static void AddBout(ReadOnlySpan<ImuSample> samples, double fs, List<int> peaks, double[] vertical, double[] step, double[] yawBand,
        LowerBackGaitOptions options, List<InitialContact> contacts, List<Stride> strides, List<WalkingBout> bouts)
    {
        var ics = peaks.Select(p => ContactBeforePeak(step, p, fs, options)).ToList();

        // Alternation vote: + means even-indexed contacts are right steps (the pelvis yaws towards... positive at a right contact).
        double vote = 0;
        for (var k = 0; k < ics.Count; k++)
        {
            vote += (k % 2 == 0 ? 1 : -1) * Math.Sign(yawBand[ics[k]]);
        }

        var sides = new BodySide[ics.Count];
        for (var k = 0; k < ics.Count; k++)
        {
            var even = k % 2 == 0;
            sides[k] = (even == vote >= 0) ? BodySide.Right : BodySide.Left;
            contacts.Add(new InitialContact(samples[ics[k]].TimeSeconds, sides[k]));
        }

        // Step lengths by the inverted pendulum.
        var stepLengths = new double?[ics.Count - 1];
        if (options.SensorHeightMeters is { } height and > 0)
        {
            for (var k = 0; k + 1 < ics.Count; k++)
            {
                var h = VerticalExcursionMeters(step, ics[k], ics[k + 1], fs);
                var l = Math.Max(0, 2 * height * h - h * h);
                stepLengths[k] = options.PendulumCorrectionFactor * 2 * Math.Sqrt(l);
            }
        }

        for (var k = 0; k + 2 < ics.Count; k++)
        {
            var t0 = samples[ics[k]].TimeSeconds;
            var t1 = samples[ics[k + 2]].TimeSeconds;
            double? length = stepLengths[k] is { } a && stepLengths[k + 1] is { } b ? a + b : null;
            strides.Add(new Stride(t0, t1, sides[k], t1 - t0, InitialContactSeconds: t0, StrideLengthMeters: length));
        }

        var start = samples[ics[0]].TimeSeconds;
        var end = samples[ics[^1]].TimeSeconds;
        var cadence = 60.0 * (ics.Count - 1) / (end - start);
        double? distance = options.SensorHeightMeters is > 0 ? stepLengths.Sum(x => x ?? 0) : null;
        double? speed = distance / (end - start);
        bouts.Add(new WalkingBout(start, end, ics.Count, cadence, distance, speed));
    }

    /// <summary>
    /// Initial contact of the step whose vertical-acceleration peak is at <paramref name="peak"/>: the steepest rise
    /// within the search window before the peak (heel strike loads the leg and the pelvis starts decelerating downward).
    /// </summary>
    private static int ContactBeforePeak(double[] step, int peak, double fs, LowerBackGaitOptions options)
    {
        var from = Math.Max(1, peak - (int)Math.Round(options.ContactSearchSeconds * fs));
        var best = Math.Max(0, peak - (int)Math.Round(options.PeakToContactSeconds * fs));
        var bestSlope = double.MinValue;
        for (var i = peak; i >= from; i--)
        {
            var slope = step[i] - step[i - 1];
            if (slope > bestSlope)
            {
                bestSlope = slope;
                best = i;
            }

            if (step[i - 1] > step[i])
            {
                break;
            }
        }

        return best;
    }

    /// <summary>Peak-to-peak vertical displacement between two contacts, by double integration with drift removal.</summary>
    internal static double VerticalExcursionMeters(double[] vertical, int from, int to, double fs)
    {
        var len = to - from + 1;
        if (len < 3)
        {
            return 0;
        }

        var dt = 1 / fs;
        var mean = 0.0;
        for (var i = from; i <= to; i++)
        {
            mean += vertical[i];
        }

        mean /= len;
        var v = new double[len];
        for (var i = 1; i < len; i++)
        {
            v[i] = v[i - 1] + ((vertical[from + i - 1] - mean) + (vertical[from + i] - mean)) * 0.5 * dt;
        }

        // The vertical velocity at the first contact is unknown, so the position has an unknown linear ramp; the
        // centre of mass returns to the same height one step later, so the ramp is removed by levelling the end points.
        var p = new double[len];
        for (var i = 1; i < len; i++)
        {
            p[i] = p[i - 1] + (v[i - 1] + v[i]) * 0.5 * dt;
        }

        double min = double.MaxValue, max = double.MinValue;
        for (var i = 0; i < len; i++)
        {
            var level = p[i] - p[len - 1] * i / (len - 1);
            min = Math.Min(min, level);
            max = Math.Max(max, level);
        }

        return max - min;
    }
}
