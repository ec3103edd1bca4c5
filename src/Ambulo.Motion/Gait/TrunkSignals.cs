using System.Numerics;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Orientation-free signals of a trunk- or pocket-worn sensor: the acceleration along the slowly varying gravity
/// direction (vertical, gravity removed) and the angular rate about it (yaw). Needing no axis convention, they work
/// whichever way the sensor sits on the belt or in the pocket.
/// </summary>
public static class TrunkSignals
{
    public const double StandardGravity = 9.80665;

    /// <summary>Vertical acceleration (m/s², up positive, gravity removed) and yaw rate (rad/s) per sample.</summary>
    public static (double[] Vertical, double[] Yaw) Compute(ReadOnlySpan<ImuSample> samples, double samplingRateHz, double gravityCutoffHz = 0.25)
    {
        var n = samples.Length;
        var gx = new double[n];
        var gy = new double[n];
        var gz = new double[n];
        for (var i = 0; i < n; i++)
        {
            var a = samples[i].AccelerationMps2;
            gx[i] = a.X;
            gy[i] = a.Y;
            gz[i] = a.Z;
        }

        var lp = FilterDesign.LowPass(gravityCutoffHz, samplingRateHz);
        lp.FilterZeroPhase(gx, gy, gz);
        // The gravity estimate of a sample is read before its outputs are written, so the x and y buffers take the
        // vertical and yaw signals in place (two fewer recording-sized arrays per call).
        var vertical = gx;
        var yaw = gy;
        for (var i = 0; i < n; i++)
        {
            var g = new Vector3((float)gx[i], (float)gy[i], (float)gz[i]);
            var norm = g.Length();
            var up = norm > 0 ? g / norm : Vector3.UnitZ;
            vertical[i] = Vector3.Dot(samples[i].AccelerationMps2, up) - norm;
            yaw[i] = Vector3.Dot(samples[i].AngularVelocityRadps, up);
        }

        return (vertical, yaw);
    }
}
