using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>Synthetic foot and trunk signals with known event times, for contract tests of the gait detectors.</summary>
internal static class SyntheticGait
{
    private const float DegToRad = MathF.PI / 180;

    /// <summary>
    /// A foot IMU (x toes, y left, z up) walking strides of <paramref name="strideSeconds"/> after 1.5 s of standing.
    /// Each stride: push-off lobe (+), swing lobe (− at <paramref name="swingPeakDegreesPerSecond"/>), impact lobe (+).
    /// Returns the samples and the true initial-contact times (end of each swing lobe).
    /// </summary>
    public static (ImuSample[] Samples, List<double> InitialContacts) Foot(double samplingRateHz, int strides, double strideSeconds = 1.1,
        double swingPeakDegreesPerSecond = 300, Quaternion? mounting = null)
    {
        var lead = 1.5;
        var ics = Enumerable.Range(0, strides).Select(k => lead + ((k + 1) * strideSeconds)).ToList();
        var samples = FootAt(samplingRateHz, ics, lead + (strides * strideSeconds) + 1.5, 0.38 * strideSeconds / 1.1, swingPeakDegreesPerSecond, mounting);
        return (samples, ics);
    }

    /// <summary>
    /// A foot IMU as in <see cref="Foot"/> whose swings end at the given <paramref name="initialContacts"/> (any spacing: a
    /// stop is a longer interval), each swing lasting <paramref name="swingSeconds"/>, over <paramref name="durationSeconds"/>.
    /// </summary>
    public static ImuSample[] FootAt(double samplingRateHz, IReadOnlyList<double> initialContacts, double durationSeconds, double swingSeconds = 0.38,
        double swingPeakDegreesPerSecond = 300, Quaternion? mounting = null)
    {
        var rotation = mounting ?? Quaternion.Identity;
        var n = (int)(durationSeconds * samplingRateHz);
        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / samplingRateHz;
            double w = 0;
            foreach (var ic in initialContacts)
            {
                var tc = ic - swingSeconds;
                w += Lobe(t, tc - 0.12, tc, swingPeakDegreesPerSecond * 0.6) + Lobe(t, tc, ic, -swingPeakDegreesPerSecond) + Lobe(t, ic, ic + 0.08, swingPeakDegreesPerSecond * 0.5);
            }

            var gyro = new Vector3(0, (float)w * DegToRad, 0);
            samples[i] = new ImuSample(t, Vector3.Transform(new Vector3(0, 0, 9.81f), rotation), Vector3.Transform(gyro, rotation));
        }

        return samples;
    }

    private static double Lobe(double t, double from, double to, double peak) =>
        t <= from || t >= to ? 0 : peak * Math.Sin(Math.PI * (t - from) / (to - from));
}

internal static class SyntheticSteps
{
    /// <summary>
    /// A phone or trunk sensor in an arbitrary fixed orientation: gravity plus a vertical bounce with one sharp peak per
    /// step at the returned times, irregularly sampled around <paramref name="rateHz"/>; yaw rate alternates sign per step.
    /// The steps numbered in <paramref name="weakSteps"/> (0-based) bounce with <paramref name="weakAmplitudeMps2"/> instead.
    /// With <paramref name="stopAfterStep"/> (0-based) the walker stands still for <paramref name="stopSeconds"/> after that step
    /// (its interval to the next step is a step time plus the stop).
    /// </summary>
    public static (ImuSample[] Samples, List<double> StepPeaks) Walk(int steps, double stepSeconds = 0.55, double rateHz = 100,
        double amplitudeMps2 = 2.5, int seed = 1, double leadSeconds = 2, Quaternion? mounting = null, IReadOnlySet<int>? weakSteps = null, double weakAmplitudeMps2 = 0,
        int stopAfterStep = -1, double stopSeconds = 0)
    {
        var random = new Random(seed);
        var rotation = mounting ?? Quaternion.CreateFromYawPitchRoll(0.3f, 1.2f, -0.4f);
        var peaks = Enumerable.Range(0, steps).Select(k => leadSeconds + k * stepSeconds + (stopAfterStep >= 0 && k > stopAfterStep ? stopSeconds : 0)).ToList();
        var list = new List<ImuSample>();
        var total = leadSeconds * 2 + steps * stepSeconds + (stopAfterStep >= 0 ? stopSeconds : 0);
        for (var t = 0.0; t < total; t += (0.8 + 0.4 * random.NextDouble()) / rateHz)
        {
            double vertical = 0, yaw = 0;
            for (var k = 0; k < peaks.Count; k++)
            {
                var d = t - peaks[k];
                var width = 0.06 * stepSeconds / 0.55;
                vertical += (weakSteps is not null && weakSteps.Contains(k) ? weakAmplitudeMps2 : amplitudeMps2) * Math.Exp(-d * d / (2 * width * width));
                yaw += (k % 2 == 0 ? 0.4 : -0.4) * Math.Exp(-d * d / (2 * 0.15 * 0.15));
            }

            var noise = (random.NextDouble() - 0.5) * 0.1;
            var acc = new Vector3(0, 0, (float)(9.81 + vertical + noise));
            var gyro = new Vector3(0, 0, (float)yaw);
            list.Add(new ImuSample(t, Vector3.Transform(acc, rotation), Vector3.Transform(gyro, rotation)));
        }

        return (list.ToArray(), peaks);
    }
}
