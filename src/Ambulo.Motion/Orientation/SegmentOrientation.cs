using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Orientation;

/// <summary>
/// Inclination of a body segment over a whole recording, in degrees, relative to the start pose.
/// <see cref="PitchDegrees"/> is rotation about the segment's lateral axis, <see cref="RollDegrees"/>
/// about its forward axis. Samples inside the calibration window are 0.
/// </summary>
/// <param name="TimeSeconds">Time of each sample.</param>
/// <param name="UsedGyroscope">False when the accelerometer-only fallback was used.</param>
public sealed record OrientationResult(double[] TimeSeconds, double[] PitchDegrees, double[] RollDegrees, bool UsedGyroscope);

/// <summary>
/// Estimates a body segment's pitch and roll from accelerometer (+ gyroscope when present).
/// The first <see cref="OrientationOptions.CalibrationSeconds"/> must be still: the mean gravity
/// direction there defines the segment's vertical, so the sensor may be strapped at any angle. The
/// segment's forward axis is the sensor x axis projected onto the horizontal plane of that start pose
/// (gravity alone cannot tell which way the segment faces; the repetition detector therefore learns
/// the movement axis from the movement itself, see <c>MovementAngleTracker</c>).
/// </summary>
public static class SegmentOrientation
{
    /// <summary>Offline form: runs the same causal filter as the online trackers over all samples.</summary>
    public static OrientationResult Estimate(ReadOnlySpan<ImuSample> samples, double samplingRateHz, bool useGyroscope, OrientationOptions? options = null)
    {
        options ??= OrientationOptions.Default;
        var tracker = new GravityTracker(options, samplingRateHz, useGyroscope);
        var time = new double[samples.Length];
        var pitch = new double[samples.Length];
        var roll = new double[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            tracker.Push(in samples[i]);
            time[i] = samples[i].TimeSeconds;
            if (!tracker.IsCalibrated)
            {
                continue;
            }

            var (x, y, z) = ToSegmentFrame(tracker.Gravity, tracker.Reference);
            pitch[i] = FastAngle.Atan2Degrees(-x, Math.Sqrt(y * y + z * z));
            roll[i] = FastAngle.Atan2Degrees(y, z);
        }

        return new OrientationResult(time, pitch, roll, useGyroscope);
    }

    /// <summary>Rotates <paramref name="g"/> by the shortest rotation that takes <paramref name="reference"/> to +z.</summary>
    internal static (double X, double Y, double Z) ToSegmentFrame(Vector3D g, Vector3D reference)
    {
        // Rodrigues rotation about k = reference × z by the angle between them.
        var c = reference.Z;
        if (c < -0.999999)
        {
            return (g.X, -g.Y, -g.Z); // upside down: half turn about x
        }

        var k = new Vector3D(reference.Y, -reference.X, 0); // reference × (0,0,1), length sin θ
        var f = 1 / (1 + c);
        var kxg = k.Cross(g);
        var kdg = k.Dot(g);
        // v' = v cos θ + (k̂ × v) sin θ + k̂ (k̂·v)(1 − cos θ), with |k| = sin θ folded in.
        return (g.X * c + kxg.X + k.X * kdg * f, g.Y * c + kxg.Y + k.Y * kdg * f, g.Z * c + kxg.Z + k.Z * kdg * f);
    }
}
