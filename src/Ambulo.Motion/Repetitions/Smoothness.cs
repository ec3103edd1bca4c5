using System.Buffers;

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
        var re = ArrayPool<double>.Shared.Rent(n);
        var im = ArrayPool<double>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                re[i] = i < speed.Length ? Math.Abs(speed[i]) : 0;
                im[i] = 0;
            }

            Fft.Transform(re.AsSpan(0, n), im.AsSpan(0, n));
            var m0 = Math.Sqrt(re[0] * re[0] + im[0] * im[0]);
            if (!(m0 > 0))
            {
                return 0;
            }

            var df = samplingRateHz / n;
            var maxBin = Math.Min(n / 2, (int)Math.Floor(maximumFrequencyHz / df));
            var last = 0;
            for (var k = 0; k <= maxBin; k++)
            {
                var m = Math.Sqrt(re[k] * re[k] + im[k] * im[k]) / m0;
                re[k] = m; // keep the normalised magnitude for the arc below
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
                var dm = re[k] - re[k - 1];
                arc += Math.Sqrt(step * step + dm * dm);
            }

            return -arc;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(re);
            ArrayPool<double>.Shared.Return(im);
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

/// <summary>In-place iterative radix-2 FFT (length must be a power of two).</summary>
internal static class Fft
{
    public static void Transform(Span<double> re, Span<double> im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
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

        for (var len = 2; len <= n; len <<= 1)
        {
            var angle = -2 * Math.PI / len;
            double wr = Math.Cos(angle), wi = Math.Sin(angle);
            var half = len >> 1;
            for (var start = 0; start < n; start += len)
            {
                double cr = 1, ci = 0;
                for (var k = 0; k < half; k++)
                {
                    var a = start + k;
                    var b = a + half;
                    var tr = re[b] * cr - im[b] * ci;
                    var ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                    var ncr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = ncr;
                }
            }
        }
    }
}
