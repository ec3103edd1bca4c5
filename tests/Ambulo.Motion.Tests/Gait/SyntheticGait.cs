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
        var rotation = mounting ?? Quaternion.Identity;
        var lead = 1.5;
        var total = lead + strides * strideSeconds + 1.5;
        var n = (int)(total * samplingRateHz);
        var samples = new ImuSample[n];
        var ics = new List<double>();
        var swingSeconds = 0.38 * strideSeconds / 1.1;
        for (var k = 0; k < strides; k++)
        {
            ics.Add(lead + (k + 1) * strideSeconds);
        }

        for (var i = 0; i < n; i++)
        {
            var t = i / samplingRateHz;
            double w = 0;
            foreach (var ic in ics)
            {
                var tc = ic - swingSeconds;
                w += Lobe(t, tc - 0.12, tc, swingPeakDegreesPerSecond * 0.6) + Lobe(t, tc, ic, -swingPeakDegreesPerSecond) + Lobe(t, ic, ic + 0.08, swingPeakDegreesPerSecond * 0.5);
            }

            var gyro = new Vector3(0, (float)w * DegToRad, 0);
            samples[i] = new ImuSample(t, Vector3.Transform(new Vector3(0, 0, 9.81f), rotation), Vector3.Transform(gyro, rotation));
        }

        return (samples, ics);
    }

    private static double Lobe(double t, double from, double to, double peak) =>
        t <= from || t >= to ? 0 : peak * Math.Sin(Math.PI * (t - from) / (to - from));
}
