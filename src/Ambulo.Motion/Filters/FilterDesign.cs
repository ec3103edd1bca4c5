namespace Ambulo.Motion.Filters;

/// <summary>
/// A band-limiting filter as a cascade of second-order sections, designed once from cut-off
/// frequencies and the sampling rate. Run it causally with <see cref="CreateState"/> (online and
/// offline alike) or zero-phase over a whole recording with <see cref="FilterZeroPhase"/>.
/// </summary>
public sealed record FilterDesign
{
    private FilterDesign(BiquadCoefficients[] sections, double samplingRateHz)
    {
        _sections = sections;
        SamplingRateHz = samplingRateHz;
    }

    private readonly BiquadCoefficients[] _sections;

    public IReadOnlyList<BiquadCoefficients> Sections => _sections;

    public double SamplingRateHz { get; }

    /// <summary>Butterworth low-pass of order 2 or 4.</summary>
    public static FilterDesign LowPass(double cutoffHz, double samplingRateHz, int order = 2) =>
        new(Butterworth(order, q => BiquadCoefficients.LowPass(cutoffHz, samplingRateHz, q)), samplingRateHz);

    /// <summary>Butterworth high-pass of order 2 or 4.</summary>
    public static FilterDesign HighPass(double cutoffHz, double samplingRateHz, int order = 2) =>
        new(Butterworth(order, q => BiquadCoefficients.HighPass(cutoffHz, samplingRateHz, q)), samplingRateHz);

    /// <summary>Band-pass as a Butterworth high-pass at <paramref name="lowCutoffHz"/> followed by a low-pass at <paramref name="highCutoffHz"/>.</summary>
    public static FilterDesign BandPass(double lowCutoffHz, double highCutoffHz, double samplingRateHz, int order = 2)
    {
        if (!(lowCutoffHz < highCutoffHz))
        {
            throw new ArgumentOutOfRangeException(nameof(lowCutoffHz), lowCutoffHz, "the low cut-off must be below the high cut-off");
        }

        var high = Butterworth(order, q => BiquadCoefficients.HighPass(lowCutoffHz, samplingRateHz, q));
        var low = Butterworth(order, q => BiquadCoefficients.LowPass(highCutoffHz, samplingRateHz, q));
        return new FilterDesign([.. high, .. low], samplingRateHz);
    }

    /// <summary>A fresh causal filter state for one stream.</summary>
    public FilterState CreateState() => new(_sections);

    /// <summary>
    /// Offline zero-phase filtering (forward, then backward over the reversed output), so peaks are
    /// not delayed; the magnitude response is squared. Not usable online, because it needs the future.
    /// </summary>
    public void FilterZeroPhase(ReadOnlySpan<double> input, Span<double> output)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("output is shorter than input", nameof(output));
        }

        if (input.IsEmpty)
        {
            return;
        }

        // Section by section over the whole signal (a cascade is linear, so this is the same arithmetic, in the same
        // order, as running every section per sample through a FilterState), with the coefficients and the memory in
        // locals: several times faster than the per-sample cascade on long recordings.
        if (!input.Overlaps(output, out var offset) || offset != 0)
        {
            input.CopyTo(output);
        }

        var signal = output[..input.Length];
        var level = signal[0];
        var k = 0;
        for (; k + 1 < _sections.Length; k += 2)
        {
            Pair(_sections[k], _sections[k + 1], signal, level, forward: true);
            level = level * _sections[k].DcGain * _sections[k + 1].DcGain;
        }

        if (k < _sections.Length)
        {
            Forward(_sections[k], signal, level);
        }

        level = signal[^1];
        k = 0;
        for (; k + 1 < _sections.Length; k += 2)
        {
            Pair(_sections[k], _sections[k + 1], signal, level, forward: false);
            level = level * _sections[k].DcGain * _sections[k + 1].DcGain;
        }

        if (k < _sections.Length)
        {
            Backward(_sections[k], signal, level);
        }
    }

    /// <summary>
    /// <see cref="FilterZeroPhase(ReadOnlySpan{double}, Span{double})"/> in place on three signals of equal length at once
    /// (e.g. the three axes of an accelerometer). The three independent recursions run interleaved, which a modern core
    /// overlaps; each result is bit-identical to filtering that signal alone.
    /// </summary>
    public void FilterZeroPhase(Span<double> x, Span<double> y, Span<double> z)
    {
        if (x.Length != y.Length || x.Length != z.Length)
        {
            throw new ArgumentException("the three signals must have the same length", nameof(y));
        }

        if (x.IsEmpty)
        {
            return;
        }

        double lx = x[0], ly = y[0], lz = z[0];
        foreach (var c in _sections)
        {
            Forward3(c, x, y, z, lx, ly, lz);
            var gain = c.DcGain;
            lx *= gain;
            ly *= gain;
            lz *= gain;
        }

        lx = x[^1];
        ly = y[^1];
        lz = z[^1];
        foreach (var c in _sections)
        {
            Backward3(c, x, y, z, lx, ly, lz);
            var gain = c.DcGain;
            lx *= gain;
            ly *= gain;
            lz *= gain;
        }
    }

    /// <summary>
    /// Zero-phase filtering in place of two independent signals of equal length, <paramref name="x"/> with this design and
    /// <paramref name="y"/> with <paramref name="other"/>. When both are single sections the two recursions run interleaved
    /// in one loop per direction (a modern core overlaps them); each result is bit-identical to filtering that signal alone.
    /// </summary>
    public void FilterZeroPhase(Span<double> x, FilterDesign other, Span<double> y)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (x.Length != y.Length)
        {
            throw new ArgumentException("the two signals must have the same length", nameof(y));
        }

        if (_sections.Length != 1 || other._sections.Length != 1)
        {
            FilterZeroPhase(x, x);
            other.FilterZeroPhase(y, y);
            return;
        }

        if (x.IsEmpty)
        {
            return;
        }

        Interleaved2(_sections[0], other._sections[0], x, y, x[0], y[0], forward: true);
        Interleaved2(_sections[0], other._sections[0], x, y, x[^1], y[^1], forward: false);
    }

    /// <summary>Two single biquads over two signals at once, each exactly the arithmetic of <see cref="Forward"/> / <see cref="Backward"/>.</summary>
    private static void Interleaved2(in BiquadCoefficients c, in BiquadCoefficients d, Span<double> x, Span<double> y, double levelX, double levelY, bool forward)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = c.A1, a2 = c.A2;
        double e0 = d.B0, e1 = d.B1, e2 = d.B2, f1 = d.A1, f2 = d.A2;
        var sx = levelX * c.DcGain;
        var x2 = b2 * levelX - a2 * sx;
        var x1 = b1 * levelX - a1 * sx + x2;
        var sy = levelY * d.DcGain;
        var y2 = e2 * levelY - f2 * sy;
        var y1 = e1 * levelY - f1 * sy + y2;
        y = y[..x.Length];
        var n = x.Length;
        for (var k = 0; k < n; k++)
        {
            var i = forward ? k : n - 1 - k;
            double vx = x[i], vy = y[i];
            var ox = b0 * vx + x1;
            var oy = e0 * vy + y1;
            x1 = b1 * vx - a1 * ox + x2;
            y1 = e1 * vy - f1 * oy + y2;
            x2 = b2 * vx - a2 * ox;
            y2 = e2 * vy - f2 * oy;
            x[i] = ox;
            y[i] = oy;
        }
    }

    private static void Forward3(in BiquadCoefficients c, Span<double> x, Span<double> y, Span<double> z, double levelX, double levelY, double levelZ)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = c.A1, a2 = c.A2, dc = c.DcGain;
        double sx = levelX * dc, sy = levelY * dc, sz = levelZ * dc;
        double x2 = b2 * levelX - a2 * sx, y2 = b2 * levelY - a2 * sy, z2 = b2 * levelZ - a2 * sz;
        double x1 = b1 * levelX - a1 * sx + x2, y1 = b1 * levelY - a1 * sy + y2, z1 = b1 * levelZ - a1 * sz + z2;
        y = y[..x.Length];
        z = z[..x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            double vx = x[i], vy = y[i], vz = z[i];
            var ox = b0 * vx + x1;
            var oy = b0 * vy + y1;
            var oz = b0 * vz + z1;
            x1 = b1 * vx - a1 * ox + x2;
            y1 = b1 * vy - a1 * oy + y2;
            z1 = b1 * vz - a1 * oz + z2;
            x2 = b2 * vx - a2 * ox;
            y2 = b2 * vy - a2 * oy;
            z2 = b2 * vz - a2 * oz;
            x[i] = ox;
            y[i] = oy;
            z[i] = oz;
        }
    }

    private static void Backward3(in BiquadCoefficients c, Span<double> x, Span<double> y, Span<double> z, double levelX, double levelY, double levelZ)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = c.A1, a2 = c.A2, dc = c.DcGain;
        double sx = levelX * dc, sy = levelY * dc, sz = levelZ * dc;
        double x2 = b2 * levelX - a2 * sx, y2 = b2 * levelY - a2 * sy, z2 = b2 * levelZ - a2 * sz;
        double x1 = b1 * levelX - a1 * sx + x2, y1 = b1 * levelY - a1 * sy + y2, z1 = b1 * levelZ - a1 * sz + z2;
        y = y[..x.Length];
        z = z[..x.Length];
        for (var i = x.Length - 1; i >= 0; i--)
        {
            double vx = x[i], vy = y[i], vz = z[i];
            var ox = b0 * vx + x1;
            var oy = b0 * vy + y1;
            var oz = b0 * vz + z1;
            x1 = b1 * vx - a1 * ox + x2;
            y1 = b1 * vy - a1 * oy + y2;
            z1 = b1 * vz - a1 * oz + z2;
            x2 = b2 * vx - a2 * ox;
            y2 = b2 * vy - a2 * oy;
            z2 = b2 * vz - a2 * oz;
            x[i] = ox;
            y[i] = oy;
            z[i] = oz;
        }
    }

    /// <summary>One biquad over <paramref name="x"/> in place, forwards, settled at input <paramref name="level"/> (as <see cref="BiquadMemory"/>).</summary>
    private static void Forward(in BiquadCoefficients c, Span<double> x, double level)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = c.A1, a2 = c.A2;
        var settled = level * c.DcGain;
        var z2 = b2 * level - a2 * settled;
        var z1 = b1 * level - a1 * settled + z2;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            var y = b0 * v + z1;
            z1 = b1 * v - a1 * y + z2;
            z2 = b2 * v - a2 * y;
            x[i] = y;
        }
    }

    /// <summary>
    /// Two biquads in cascade over <paramref name="x"/> in place, in one loop, forwards or backwards: each section does
    /// exactly the arithmetic of <see cref="Forward"/> / <see cref="Backward"/> on the same inputs (so the result is
    /// bit-identical to running them one after the other), but the second section's recursion overlaps the first's on the
    /// next sample instead of waiting for a second pass over memory.
    /// </summary>
    private static void Pair(in BiquadCoefficients c, in BiquadCoefficients d, Span<double> x, double level, bool forward)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = c.A1, a2 = c.A2;
        double e0 = d.B0, e1 = d.B1, e2 = d.B2, f1 = d.A1, f2 = d.A2;
        var settled = level * c.DcGain;
        var z2 = b2 * level - a2 * settled;
        var z1 = b1 * level - a1 * settled + z2;
        var next = settled * d.DcGain;
        var w2 = e2 * settled - f2 * next;
        var w1 = e1 * settled - f1 * next + w2;
        var n = x.Length;
        for (var k = 0; k < n; k++)
        {
            var i = forward ? k : n - 1 - k;
            var v = x[i];
            var y = b0 * v + z1;
            z1 = b1 * v - a1 * y + z2;
            z2 = b2 * v - a2 * y;
            var u = e0 * y + w1;
            w1 = e1 * y - f1 * u + w2;
            w2 = e2 * y - f2 * u;
            x[i] = u;
        }
    }

    /// <summary>One biquad over <paramref name="x"/> in place, backwards (last sample first).</summary>
    private static void Backward(in BiquadCoefficients c, Span<double> x, double level)
    {
        double b0 = c.B0, b1 = c.B1, b2 = c.B2, a1 = c.A1, a2 = c.A2;
        var settled = level * c.DcGain;
        var z2 = b2 * level - a2 * settled;
        var z1 = b1 * level - a1 * settled + z2;
        for (var i = x.Length - 1; i >= 0; i--)
        {
            var v = x[i];
            var y = b0 * v + z1;
            z1 = b1 * v - a1 * y + z2;
            z2 = b2 * v - a2 * y;
            x[i] = y;
        }
    }

    private static BiquadCoefficients[] Butterworth(int order, Func<double, BiquadCoefficients> section) => order switch
    {
        2 => [section(BiquadCoefficients.ButterworthQ)],
        // The two sections of a 4th-order Butterworth: Q = 1 / (2 cos(π/8)) and 1 / (2 cos(3π/8)).
        4 => [section(0.54119610014619698), section(1.3065629648763766)],
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "order must be 2 or 4"),
    };
}

/// <summary>Running memory of a <see cref="FilterDesign"/> over one stream. Allocates only when created.</summary>
public sealed class FilterState
{
    private readonly BiquadCoefficients[] _sections;
    private readonly BiquadMemory[] _states;

    internal FilterState(BiquadCoefficients[] sections)
    {
        _sections = sections;
        _states = new BiquadMemory[sections.Length];
    }

    public double Process(double x)
    {
        for (var i = 0; i < _sections.Length; i++)
        {
            x = _states[i].Process(in _sections[i], x);
        }

        return x;
    }

    /// <summary>Sets every section as if <paramref name="x"/> had been the input forever.</summary>
    public void Settle(double x)
    {
        for (var i = 0; i < _sections.Length; i++)
        {
            _states[i].Settle(in _sections[i], x);
            x *= _sections[i].DcGain;
        }
    }

    public void Reset()
    {
        for (var i = 0; i < _states.Length; i++)
        {
            _states[i].Reset();
        }
    }
}
