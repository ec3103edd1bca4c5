namespace Ambulo.Motion.Orientation;

/// <summary>Angle helpers cheap enough to run on every sample.</summary>
internal static class FastAngle
{
    private const double RadToDeg = 180 / Math.PI;

    /// <summary>
    /// atan2 in degrees, error below 0.001°. Polynomial for arctan on [−1, 1] from Abramowitz &amp;
    /// Stegun, Handbook of Mathematical Functions (1964), formula 4.4.49 (|ε| ≤ 1e−5 rad).
    /// Deterministic: the same inputs always give the same output.
    /// </summary>
    public static double Atan2Degrees(double y, double x)
    {
        var ax = Math.Abs(x);
        var ay = Math.Abs(y);
        if (ax == 0 && ay == 0)
        {
            return 0;
        }

        var swap = ay > ax;
        var z = swap ? ax / ay : ay / ax;
        var z2 = z * z;
        var a = z * (0.9998660 + z2 * (-0.3302995 + z2 * (0.1801410 + z2 * (-0.0851330 + z2 * 0.0208351))));
        if (swap)
        {
            a = Math.PI / 2 - a;
        }

        if (x < 0)
        {
            a = Math.PI - a;
        }

        return (y < 0 ? -a : a) * RadToDeg;
    }
}
