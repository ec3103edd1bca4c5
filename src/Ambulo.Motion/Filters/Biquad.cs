namespace Ambulo.Motion.Filters;

/// <summary>
/// Coefficients of one second-order section (biquad), normalised so a0 = 1:
/// y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2].
/// This is the filter <em>design</em>; the running memory lives in <see cref="BiquadMemory"/>,
/// so one design can serve any number of streams.
/// </summary>
public readonly record struct BiquadCoefficients(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Butterworth quality factor of a single second-order section.</summary>
    public const double ButterworthQ = 0.70710678118654752;

    /// <summary>Gain at 0 Hz.</summary>
    public double DcGain => (B0 + B1 + B2) / (1 + A1 + A2);

    /// <summary>
    /// Second-order low-pass by the bilinear transform with frequency pre-warping
    /// (with <paramref name="q"/> = 1/√2 it is a 2nd-order Butterworth).
    /// </summary>
    public static BiquadCoefficients LowPass(double cutoffHz, double samplingRateHz, double q = ButterworthQ)
    {
        var (cosW, alpha) = Prepare(cutoffHz, samplingRateHz, q);
        var a0 = 1 + alpha;
        var b1 = (1 - cosW) / a0;
        return new BiquadCoefficients(b1 / 2, b1, b1 / 2, -2 * cosW / a0, (1 - alpha) / a0);
    }

    /// <summary>Second-order high-pass by the bilinear transform (Butterworth with the default <paramref name="q"/>).</summary>
    public static BiquadCoefficients HighPass(double cutoffHz, double samplingRateHz, double q = ButterworthQ)
    {
        var (cosW, alpha) = Prepare(cutoffHz, samplingRateHz, q);
        var a0 = 1 + alpha;
        var b1 = -(1 + cosW) / a0;
        return new BiquadCoefficients(-b1 / 2, b1, -b1 / 2, -2 * cosW / a0, (1 - alpha) / a0);
    }

    private static (double CosW, double Alpha) Prepare(double cutoffHz, double samplingRateHz, double q)
    {
        if (!(samplingRateHz > 0) || double.IsInfinity(samplingRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be a positive number of hertz");
        }

        if (!(cutoffHz > 0) || cutoffHz >= samplingRateHz / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffHz), cutoffHz, $"cut-off must lie between 0 and the Nyquist frequency ({samplingRateHz / 2} Hz)");
        }

        if (!(q > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "quality factor must be positive");
        }

        var w = 2 * Math.PI * cutoffHz / samplingRateHz;
        return (Math.Cos(w), Math.Sin(w) / (2 * q));
    }
}

/// <summary>
/// Memory of one biquad running over one stream (transposed direct form II). A mutable struct:
/// keep it in a field and call <see cref="Process"/> on that field, never on a copy.
/// </summary>
public struct BiquadMemory
{
    private double _z1;
    private double _z2;

    /// <summary>Filters one input value and returns the output.</summary>
    public double Process(in BiquadCoefficients c, double x)
    {
        var y = c.B0 * x + _z1;
        _z1 = c.B1 * x - c.A1 * y + _z2;
        _z2 = c.B2 * x - c.A2 * y;
        return y;
    }

    /// <summary>Sets the memory as if the input had been <paramref name="x"/> forever (no start-up transient).</summary>
    public void Settle(in BiquadCoefficients c, double x)
    {
        var y = x * c.DcGain;
        _z2 = c.B2 * x - c.A2 * y;
        _z1 = c.B1 * x - c.A1 * y + _z2;
    }

    /// <summary>Clears the memory (as if the input had been zero forever).</summary>
    public void Reset()
    {
        _z1 = 0;
        _z2 = 0;
    }
}
