namespace Ambulo.Motion.Filters;

/// <summary>
/// Coefficients of one second-order IIR section (a "biquad"), normalised so a0 = 1:
/// y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2].
/// The designs are second-order Butterworth sections from the bilinear transform with pre-warping.
/// Written for gait analysis (walking band-pass and smoothing); a filter design kept apart from filter state.
/// </summary>
public readonly record struct ButterworthBiquad(double B0, double B1, double B2, double A1, double A2)
{
    /// <summary>Second-order Butterworth low-pass with the given −3 dB cut-off.</summary>
    public static ButterworthBiquad LowPass(double cutoffHz, double samplingRateHz)
    {
        var k = Warp(cutoffHz, samplingRateHz);
        var norm = 1.0 / (1.0 + Math.Sqrt(2.0) * k + k * k);
        var b0 = k * k * norm;
        return new ButterworthBiquad(b0, 2 * b0, b0, 2 * (k * k - 1) * norm, (1 - Math.Sqrt(2.0) * k + k * k) * norm);
    }

    /// <summary>Second-order Butterworth high-pass with the given −3 dB cut-off.</summary>
    public static ButterworthBiquad HighPass(double cutoffHz, double samplingRateHz)
    {
        var k = Warp(cutoffHz, samplingRateHz);
        var norm = 1.0 / (1.0 + Math.Sqrt(2.0) * k + k * k);
        return new ButterworthBiquad(norm, -2 * norm, norm, 2 * (k * k - 1) * norm, (1 - Math.Sqrt(2.0) * k + k * k) * norm);
    }

    private static double Warp(double cutoffHz, double samplingRateHz)
    {
        if (!(samplingRateHz > 0) || !(cutoffHz > 0) || cutoffHz >= samplingRateHz / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(cutoffHz), $"cut-off {cutoffHz} Hz must lie between 0 and half the sampling rate {samplingRateHz} Hz");
        }

        return Math.Tan(Math.PI * cutoffHz / samplingRateHz);
    }

    /// <summary>Filters <paramref name="signal"/> in place, forward only (causal), starting from the first value as steady state.</summary>
    public void ApplyForward(Span<double> signal)
    {
        if (signal.IsEmpty)
        {
            return;
        }

        var state = new BiquadState(this);
        state.Prime(signal[0]);
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = state.Push(signal[i]);
        }
    }

    /// <summary>Filters in place forward then backward: zero phase shift, squared magnitude response.</summary>
    public void ApplyZeroPhase(Span<double> signal)
    {
        ApplyForward(signal);
        signal.Reverse();
        ApplyForward(signal);
        signal.Reverse();
    }
}

/// <summary>The running state of one <see cref="ButterworthBiquad"/> (transposed direct form II); one per stream.</summary>
public struct BiquadState
{
    private readonly ButterworthBiquad _c;
    private double _z1;
    private double _z2;

    public BiquadState(ButterworthBiquad coefficients)
    {
        _c = coefficients;
        _z1 = 0;
        _z2 = 0;
    }

    /// <summary>Sets the state as if <paramref name="value"/> had been the input forever (no start-up transient).</summary>
    public void Prime(double value)
    {
        var dcGain = (_c.B0 + _c.B1 + _c.B2) / (1 + _c.A1 + _c.A2);
        var y = value * dcGain;
        _z2 = _c.B2 * value - _c.A2 * y;
        _z1 = _c.B1 * value - _c.A1 * y + _z2;
    }

    public double Push(double x)
    {
        var y = _c.B0 * x + _z1;
        _z1 = _c.B1 * x - _c.A1 * y + _z2;
        _z2 = _c.B2 * x - _c.A2 * y;
        return y;
    }

    public void Reset()
    {
        _z1 = 0;
        _z2 = 0;
    }
}
