using System.Buffers;
using System.Numerics;

namespace Ambulo.Motion.Repetitions;

/// <summary>
/// Smoothness of one movement from its speed profile, after Balasubramanian S, Melendez-Calderon A,
/// Roby-Brami A, Burdet E. "On the analysis of movement smoothness". J NeuroEng Rehabil 2015;12:112.
/// Both measures are dimensionless and independent of amplitude and duration.
/// </summary>
public static class Smoothness
{
    /// <summary>
    /// Spectral arc length: the length of the normalised Fourier magnitude spectrum of the speed profile
    /// up to an adaptive cut-off (the last frequency, at most <paramref name="maximumFrequencyHz"/>,
    /// whose magnitude reaches <paramref name="amplitudeThreshold"/> of the 0 Hz value), negated.
    /// Returns 0 for an empty or all-zero profile. Uses pooled buffers; allocates nothing that stays.
    /// </summary>
    public static double Sparc(ReadOnlySpan<double> speed, double samplingRateHz, double maximumFrequencyHz = 10, double amplitudeThreshold = 0.05, int padLevel = 4)
    {
        if (speed.Length < 2)
        {
            return 0;
        }

        var n = 1;
        while (n < speed.Length)
        {
            n <<= 1;
        }

        n <<= padLevel;

        // The speed is real, so its n-point spectrum comes from one complex FFT of half the length:
        // even samples as real parts, odd samples as imaginary parts, then one untangling step.
        var half = n / 2;
        var df = samplingRateHz / n;
        var maxBin = Math.Min(half, (int)Math.Floor(maximumFrequencyHz / df));
        var re = ArrayPool<double>.Shared.Rent(half);
        var im = ArrayPool<double>.Shared.Rent(half);
        var magnitude = ArrayPool<double>.Shared.Rent(maxBin + 1);
        try
        {
            var zr = re.AsSpan(0, half);
            var zi = im.AsSpan(0, half);
            zr.Clear();
            zi.Clear();
            var pairs = speed.Length / 2;
            for (var j = 0; j < pairs; j++)
            {
                zr[j] = Math.Abs(speed[2 * j]);
                zi[j] = Math.Abs(speed[2 * j + 1]);
            }

            if ((speed.Length & 1) == 1)
            {
                zr[pairs] = Math.Abs(speed[^1]);
            }

            var occupied = 1;
            while (occupied < (speed.Length + 1) / 2)
            {
                occupied <<= 1;
            }

            var twiddles = Fft.Twiddles(n);
            Fft.Transform(zr, zi, twiddles, Math.Min(occupied, half));
            RealSpectrumMagnitude(zr, zi, twiddles, magnitude.AsSpan(0, maxBin + 1));
            var m0 = magnitude[0];
            if (!(m0 > 0))
            {
                return 0;
            }

            var last = 0;
            for (var k = 0; k <= maxBin; k++)
            {
                var m = magnitude[k] / m0;
                magnitude[k] = m; // keep the normalised magnitude for the arc below
                if (m >= amplitudeThreshold)
                {
                    last = k;
                }
            }

            if (last == 0)
            {
                return 0;
            }

            // Frequencies are normalised by the adaptive cut-off, so the arc is dimensionless.
            var step = 1.0 / last;
            var arc = 0.0;
            for (var k = 1; k <= last; k++)
            {
                var dm = magnitude[k] - magnitude[k - 1];
                arc += Math.Sqrt(step * step + dm * dm);
            }

            return -arc;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(re);
            ArrayPool<double>.Shared.Return(im);
            ArrayPool<double>.Shared.Return(magnitude);
        }
    }

    /// <summary>
    /// |X[k]| for k = 0..magnitude.Length−1 of a real sequence of length n = 2·z.Length, from Z, the
    /// complex FFT of its even (real part) and odd (imaginary part) samples:
    /// X[k] = E[k] + e^(−2πik/n)·O[k], E = (Z[k] + conj Z[N−k]) / 2, O = −i (Z[k] − conj Z[N−k]) / 2.
    /// </summary>
    private static void RealSpectrumMagnitude(ReadOnlySpan<double> zr, ReadOnlySpan<double> zi, Fft.TwiddleTable twiddles, Span<double> magnitude)
    {
        var count = zr.Length; // N, half the real length
        var mask = count - 1;
        var cos = twiddles.Cos;
        var sin = twiddles.Sin;
        for (var k = 0; k < magnitude.Length; k++)
        {
            var a = k & mask;
            var b = (count - k) & mask;
            var er = (zr[a] + zr[b]) * 0.5;
            var ei = (zi[a] - zi[b]) * 0.5;
            var or = (zi[a] + zi[b]) * 0.5;
            var oi = -(zr[a] - zr[b]) * 0.5;
            double wr, wi;
            if (k < count)
            {
                wr = cos[count - 1 + k]; // the table block for half-length N holds e^(−iπk/N) = e^(−2πik/n)
                wi = sin[count - 1 + k];
            }
            else
            {
                wr = -1; // k = N: e^(−iπ)
                wi = 0;
            }

            var xr = er + (wr * or - wi * oi);
            var xi = ei + (wr * oi + wi * or);
            magnitude[k] = Math.Sqrt(xr * xr + xi * xi);
        }
    }

    /// <summary>
    /// Log dimensionless jerk of a velocity profile: −ln(T³ / v_peak² · ∫ (d²v/dt²)² dt).
    /// Returns 0 when the profile is too short or never moves.
    /// </summary>
    public static double LogDimensionlessJerk(ReadOnlySpan<double> velocity, double samplingRateHz)
    {
        if (velocity.Length < 3)
        {
            return 0;
        }

        var dt = 1 / samplingRateHz;
        var peak = 0.0;
        foreach (var v in velocity)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        if (!(peak > 0))
        {
            return 0;
        }

        var integral = 0.0;
        for (var i = 1; i < velocity.Length - 1; i++)
        {
            var jerk = (velocity[i + 1] - 2 * velocity[i] + velocity[i - 1]) / (dt * dt);
            integral += jerk * jerk * dt;
        }

        var duration = (velocity.Length - 1) * dt;
        var dimensionless = duration * duration * duration / (peak * peak) * integral;
        return dimensionless > 0 ? -Math.Log(dimensionless) : 0;
    }
}

/// <summary>In-place iterative radix-2 FFT (length must be a power of two) with cached twiddle tables.</summary>
internal static class Fft
{
    private static readonly TwiddleTable?[] Tables = new TwiddleTable?[31];

    /// <summary>
    /// e^(−iπk/h) for every butterfly half-length h = 1, 2, 4, … n/2 and k &lt; h, block h stored from index h − 1.
    /// Computed once per size with Math.Cos/Math.Sin (no accumulating recurrence).
    /// </summary>
    internal sealed class TwiddleTable(double[] cos, double[] sin)
    {
        public double[] Cos { get; } = cos;

        public double[] Sin { get; } = sin;
    }

    /// <summary>The table that serves transforms of length up to <paramref name="n"/> (a power of two ≥ 2).</summary>
    public static TwiddleTable Twiddles(int n)
    {
        var log = BitOperations.Log2((uint)n);
        var table = Volatile.Read(ref Tables[log]);
        if (table is not null)
        {
            return table;
        }

        var cos = new double[Math.Max(1, n - 1)];
        var sin = new double[cos.Length];
        for (var h = 1; h <= n / 2; h <<= 1)
        {
            for (var k = 0; k < h; k++)
            {
                var angle = -Math.PI * k / h;
                cos[h - 1 + k] = Math.Cos(angle);
                sin[h - 1 + k] = Math.Sin(angle);
            }
        }

        table = new TwiddleTable(cos, sin);
        Volatile.Write(ref Tables[log], table); // a race builds the same table twice, harmlessly
        return table;
    }

    /// <summary>
    /// Forward transform of (re, im) in place; <paramref name="twiddles"/> must cover at least re.Length.
    /// Only the first <paramref name="occupied"/> entries (a power of two) may be non-zero: zero padding
    /// makes the first log2(n / occupied) stages copies of each value, so they are done as copies.
    /// </summary>
    public static void Transform(Span<double> re, Span<double> im, TwiddleTable twiddles, int occupied)
    {
        var n = re.Length;
        if (im.Length != n || occupied < 1 || occupied > n || (occupied & (occupied - 1)) != 0)
        {
            throw new ArgumentException("parts must have the same power-of-two length and occupied must be a power of two within it", nameof(occupied));
        }

        for (int i = 1, j = 0; i < occupied; i++)
        {
            var bit = occupied >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        var copies = n / occupied;
        if (copies > 1)
        {
            for (var i = occupied - 1; i >= 0; i--)
            {
                re.Slice(i * copies, copies).Fill(re[i]);
                im.Slice(i * copies, copies).Fill(im[i]);
            }
        }
        else
        {
            // Half-length 1: the twiddle is 1.
            for (var a = 0; a + 1 < n; a += 2)
            {
                double tr = re[a + 1], ti = im[a + 1];
                re[a + 1] = re[a] - tr;
                im[a + 1] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
            }
        }

        var width = Vector<double>.Count;
        for (var h = Math.Max(2, copies); h < n; h <<= 1)
        {
            var wr = twiddles.Cos.AsSpan(h - 1, h);
            var wi = twiddles.Sin.AsSpan(h - 1, h);
            for (var start = 0; start < n; start += 2 * h)
            {
                var ar = re.Slice(start, h);
                var ai = im.Slice(start, h);
                var br = re.Slice(start + h, h);
                var bi = im.Slice(start + h, h);
                var k = 0;
                if (Vector.IsHardwareAccelerated && h >= width)
                {
                    for (; k <= h - width; k += width)
                    {
                        var cr = new Vector<double>(wr[k..]);
                        var ci = new Vector<double>(wi[k..]);
                        var xr = new Vector<double>(br[k..]);
                        var xi = new Vector<double>(bi[k..]);
                        var tr = xr * cr - xi * ci;
                        var ti = xr * ci + xi * cr;
                        var ur = new Vector<double>(ar[k..]);
                        var ui = new Vector<double>(ai[k..]);
                        (ur - tr).CopyTo(br[k..]);
                        (ui - ti).CopyTo(bi[k..]);
                        (ur + tr).CopyTo(ar[k..]);
                        (ui + ti).CopyTo(ai[k..]);
                    }
                }

                for (; k < h; k++)
                {
                    var tr = br[k] * wr[k] - bi[k] * wi[k];
                    var ti = br[k] * wi[k] + bi[k] * wr[k];
                    br[k] = ar[k] - tr;
                    bi[k] = ai[k] - ti;
                    ar[k] += tr;
                    ai[k] += ti;
                }
            }
        }
    }
}
