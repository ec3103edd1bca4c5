using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>Where the velocity error found at the closing mid-stance of a stride is taken to have arisen.</summary>
public enum VelocityDriftModel
{
    /// <summary>
    /// At the heel strike: the error appears as a step at initial contact and stays constant through the stance after it
    /// (measured on the gaitmap foot data: the impact is a one- or two-sample spike, sometimes clipped at 16 g, which a
    /// 100–200 Hz accelerometer cannot integrate faithfully). Removed from initial contact onwards.
    /// </summary>
    StepAtInitialContact,

    /// <summary>Spread evenly over the stride, as for a constant accelerometer bias (Peruzzi et al. 2011).</summary>
    Linear,
}

/// <summary>
/// Strapdown integration of one foot stride between two mid-stances (zero-velocity updates): the start orientation
/// is levelled on gravity averaged over the still window around the first mid-stance, the angular rate is integrated as
/// a quaternion, the specific force is rotated to the world frame, gravity removed and integrated twice. The velocity
/// must be zero at both mid-stances; the velocity left over at the closing one is removed as the
/// <see cref="VelocityDriftModel"/> says.
/// </summary>
public static class FootStrapdownIntegrator
{
    /// <summary>Horizontal distance travelled by the sensor from the first to the last sample (metres), linear drift removal.</summary>
    public static double StrideLengthMeters(ReadOnlySpan<ImuSample> stride, double samplingRateHz, int restWindowSamples)
    {
        var p = Trajectory(stride, 0, stride.Length - 1, -1, samplingRateHz, restWindowSamples, VelocityDriftModel.Linear);
        return Math.Sqrt(p.X * p.X + p.Y * p.Y);
    }

    /// <summary>
    /// Horizontal distance (metres) the sensor travelled from mid-stance <paramref name="start"/> to mid-stance
    /// <paramref name="end"/> (sample indices into <paramref name="samples"/>), with the initial contact of the stride's
    /// swing at <paramref name="initialContact"/> (used by <see cref="VelocityDriftModel.StepAtInitialContact"/>).
    /// </summary>
    public static double StrideLengthMeters(ReadOnlySpan<ImuSample> samples, int start, int end, int initialContact, double samplingRateHz,
        int restWindowSamples, VelocityDriftModel drift)
    {
        var p = Trajectory(samples, start, end, initialContact, samplingRateHz, restWindowSamples, drift);
        return Math.Sqrt(p.X * p.X + p.Y * p.Y);
    }

    /// <summary>Final displacement (world frame, z up) from sample <paramref name="start"/> to sample <paramref name="end"/>.</summary>
    public static Vector3 Trajectory(ReadOnlySpan<ImuSample> samples, int start, int end, int initialContact, double samplingRateHz,
        int restWindowSamples, VelocityDriftModel drift)
    {
        if (start < 0 || end >= samples.Length || end - start < 2)
        {
            return Vector3.Zero;
        }

        var n = end - start + 1;
        var dt = 1.0 / samplingRateHz;

        // Level on the mean specific force of the still window centred on the mid-stance (the foot is at rest there,
        // so it reads gravity only); its norm is the gravity removed, which absorbs the accelerometer's scale error.
        var half = Math.Max(1, restWindowSamples / 2);
        var rest = Vector3.Zero;
        var count = 0;
        for (var i = Math.Max(0, start - half); i <= Math.Min(end, start + half); i++)
        {
            rest += samples[i].AccelerationMps2;
            count++;
        }

        rest /= count;
        var gravity = rest.Length();
        var q = FromTwoVectors(Vector3.Normalize(rest), Vector3.UnitZ);

        // Velocity by the trapezoid rule on the world-frame acceleration (gravity removed).
        Span<double> vx = n <= 2048 ? stackalloc double[n] : new double[n];
        Span<double> vy = n <= 2048 ? stackalloc double[n] : new double[n];
        Span<double> vz = n <= 2048 ? stackalloc double[n] : new double[n];
        var previous = Vector3.Transform(samples[start].AccelerationMps2, q) - new Vector3(0, 0, (float)gravity);
        vx[0] = vy[0] = vz[0] = 0;
        for (var j = 1; j < n; j++)
        {
            var i = start + j;

            // Rotate by the mean rate of the interval (trapezoid) expressed in the body frame.
            var w = (samples[i - 1].AngularVelocityRadps + samples[i].AngularVelocityRadps) * 0.5f;
            var angle = w.Length() * dt;
            if (angle > 0)
            {
                q = Quaternion.Normalize(q * Quaternion.CreateFromAxisAngle(Vector3.Normalize(w), (float)angle));
            }

            var a = Vector3.Transform(samples[i].AccelerationMps2, q) - new Vector3(0, 0, (float)gravity);
            vx[j] = vx[j - 1] + (previous.X + a.X) * 0.5 * dt;
            vy[j] = vy[j - 1] + (previous.Y + a.Y) * 0.5 * dt;
            vz[j] = vz[j - 1] + (previous.Z + a.Z) * 0.5 * dt;
            previous = a;
        }

        // Remove the velocity left at the closing mid-stance, then integrate the position.
        double ex = vx[n - 1], ey = vy[n - 1], ez = vz[n - 1];
        var step = initialContact - start;
        var useStep = drift == VelocityDriftModel.StepAtInitialContact && step > 0 && step < n - 1;
        double px = 0, py = 0, pz = 0;
        var f0 = 0.0;
        for (var j = 1; j < n; j++)
        {
            var f1 = useStep ? (j >= step ? 1.0 : 0.0) : (double)j / (n - 1);
            px += ((vx[j - 1] - ex * f0) + (vx[j] - ex * f1)) * 0.5 * dt;
            py += ((vy[j - 1] - ey * f0) + (vy[j] - ey * f1)) * 0.5 * dt;
            pz += ((vz[j - 1] - ez * f0) + (vz[j] - ez * f1)) * 0.5 * dt;
            f0 = f1;
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
