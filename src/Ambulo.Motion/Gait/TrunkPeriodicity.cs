namespace Ambulo.Motion.Gait;

/// <summary>
/// Periodicity of a trunk signal over a stretch, as a walking test: walking repeats itself every step and every stride,
/// random movement does not. The measure is the autocorrelation coefficient at a lag, normalised by the energy of the
/// two overlapping parts so that it lies in [−1, 1] whatever the window and lag. Moe-Nilssen &amp; Helbostad (J Biomech
/// 2004;37:121–126) read step and stride regularity of the same kind from the autocorrelation of a lower-back sensor's
/// vertical acceleration at the first and second dominant peaks (one and two step times). The pelvis yaw rate turns
/// one way at a left step and the other way at a right one, so for walking its autocorrelation at one step time is
/// negative.
/// </summary>
public static class TrunkPeriodicity
{
    /// <summary>Normalised autocorrelation of <paramref name="x"/> at <paramref name="lag"/> samples (0 when undefined).</summary>
    public static double Correlation(ReadOnlySpan<double> x, int lag)
    {
        if (lag <= 0 || lag >= x.Length)
        {
            return lag == 0 && x.Length > 0 ? 1 : 0;
        }

        double sum = 0, a2 = 0, b2 = 0;
        for (var i = 0; i + lag < x.Length; i++)
        {
            var a = x[i];
            var b = x[i + lag];
            sum += a * b;
            a2 += a * a;
            b2 += b * b;
        }

        return a2 > 0 && b2 > 0 ? sum / Math.Sqrt(a2 * b2) : 0;
    }

    /// <summary>
    /// The highest (or, with <paramref name="highest"/> false, the lowest) normalised autocorrelation of
    /// <paramref name="signal"/> between samples <paramref name="from"/> and <paramref name="to"/>, at lags within ±20 % of
    /// <paramref name="lagSamples"/>, the stretch's mean removed and every <paramref name="decimation"/>-th sample used.
    /// 0 when the stretch is too short for the lag.
    /// </summary>
    public static double Extreme(ReadOnlySpan<double> signal, int from, int to, double lagSamples, int decimation, bool highest)
    {
        from = Math.Max(0, from);
        to = Math.Min(signal.Length - 1, to);
        decimation = Math.Max(1, decimation);
        var n = (to - from) / decimation + 1;
        var lag = lagSamples / decimation;
        var minLag = Math.Max(1, (int)Math.Floor(lag * 0.8));
        var maxLag = Math.Min(n - 2, (int)Math.Ceiling(lag * 1.2));
        if (n < 4 || lagSamples <= 0 || minLag > maxLag)
        {
            return 0;
        }

        Span<double> x = n <= 1024 ? stackalloc double[n] : new double[n];
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            x[i] = signal[from + i * decimation];
            mean += x[i];
        }

        mean /= n;
        for (var i = 0; i < n; i++)
        {
            x[i] -= mean;
        }

        var best = highest ? double.NegativeInfinity : double.PositiveInfinity;
        for (var k = minLag; k <= maxLag; k++)
        {
            var c = Correlation(x, k);
            best = highest ? Math.Max(best, c) : Math.Min(best, c);
        }

        return best;
    }
}
