using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Strapdown integration of one foot stride between two mid-stances (zero-velocity updates): the start orientation
/// is levelled on gravity, the angular rate is integrated as a quaternion, the specific force is rotated to the world
/// frame, gravity removed and integrated twice. Velocity is forced to zero at both mid-stances by removing a linear
/// drift, the approach of Peruzzi et al. 2011 and of gaitmap's forward-backward integration (Küderle et al. 2024).
/// </summary>
public static class FootStrapdownIntegrator
{
    /// <summary>Horizontal distance travelled by the sensor from the first to the last sample (metres).</summary>
    public static double StrideLengthMeters(ReadOnlySpan<ImuSample> stride, double samplingRateHz, int restWindowSamples)
    {
        var p = Trajectory(stride, samplingRateHz, restWindowSamples);
        return Math.Sqrt(p.X * p.X + p.Y * p.Y);
    }

    /// <summary>Final displacement (world frame, z up) of the stride.</summary>
    public static Vector3 Trajectory(ReadOnlySpan<ImuSample> stride, double samplingRateHz, int restWindowSamples)
    {
        var n = stride.Length;
        if (n < 3)
        {
            return Vector3.Zero;
        }

        var dt = 1.0 / samplingRateHz;
        var half = Math.Max(1, restWindowSamples / 2);
        var rest = Vector3.Zero;
        var count = 0;
        for (var i = 0; i < Math.Min(n, half + 1); i++)
        {
            rest += stride[i].AccelerationMps2;
            count++;
        }

        rest /= count;
        var gravity = rest.Length();
        var q = FromTwoVectors(Vector3.Normalize(rest), Vector3.UnitZ);

        var accWorld = new Vector3[n];
        for (var i = 0; i < n; i++)
        {
            if (i > 0)
            {
                // Rotate by the mean rate of the interval (trapezoid) expressed in the body frame.
                var w = (stride[i - 1].AngularVelocityRadps + stride[i].AngularVelocityRadps) * 0.5f;
                var angle = w.Length() * dt;
                if (angle > 0)
                {
                    var dq = Quaternion.CreateFromAxisAngle(Vector3.Normalize(w), (float)angle);
                    q = Quaternion.Normalize(q * dq);
                }
            }

            accWorld[i] = Vector3.Transform(stride[i].AccelerationMps2, q) - new Vector3(0, 0, (float)gravity);
        }

        // Velocity by trapezoid, then remove the linear drift so it ends at zero.
        var vx = new double[n];
        var vy = new double[n];
        var vz = new double[n];
        for (var i = 1; i < n; i++)
        {
            vx[i] = vx[i - 1] + (accWorld[i - 1].X + accWorld[i].X) * 0.5 * dt;
            vy[i] = vy[i - 1] + (accWorld[i - 1].Y + accWorld[i].Y) * 0.5 * dt;
            vz[i] = vz[i - 1] + (accWorld[i - 1].Z + accWorld[i].Z) * 0.5 * dt;
        }

        double ex = vx[n - 1], ey = vy[n - 1], ez = vz[n - 1];
        double px = 0, py = 0, pz = 0;
        for (var i = 1; i < n; i++)
        {
            var f0 = (double)(i - 1) / (n - 1);
            var f1 = (double)i / (n - 1);
            px += ((vx[i - 1] - ex * f0) + (vx[i] - ex * f1)) * 0.5 * dt;
            py += ((vy[i - 1] - ey * f0) + (vy[i] - ey * f1)) * 0.5 * dt;
            pz += ((vz[i - 1] - ez * f0) + (vz[i] - ez * f1)) * 0.5 * dt;
        }

        return new Vector3((float)px, (float)py, (float)pz);
    }

    /// <summary>The rotation taking unit vector <paramref name="from"/> onto unit vector <paramref name="to"/>.</summary>
    internal static Quaternion FromTwoVectors(Vector3 from, Vector3 to)
    {
        var d = Vector3.Dot(from, to);
        if (d < -0.999999f)
        {
            var ortho = Math.Abs(from.X) < 0.9f ? Vector3.UnitX : Vector3.UnitY;
            return Quaternion.CreateFromAxisAngle(Vector3.Normalize(Vector3.Cross(from, ortho)), MathF.PI);
        }

        var c = Vector3.Cross(from, to);
        return Quaternion.Normalize(new Quaternion(c.X, c.Y, c.Z, 1 + d));
    }
}
