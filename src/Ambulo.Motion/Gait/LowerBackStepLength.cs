using Ambulo.Motion.Filters;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Step length from a sensor on the lower back by the inverted-pendulum model of Zijlstra &amp; Hof (Gait Posture
/// 2003;18:1–10): step = K·2·√(2·l·h − h²) with h the vertical excursion of the sensor during the step and l the sensor
/// height, with h and K as in the Mobilise-D stride-length algorithm (mobgap <c>SlZijlstra</c>; Soltani et al., IEEE TNSRE
/// 29:1955, 2021); outlier steps (a missed contact makes one long step) replaced by the median of their neighbours with a
/// Hampel filter, as Mobilise-D does.
/// </summary>
internal static class LowerBackStepLength
{
    /// <summary>
    /// Length (m) of each step between consecutive initial contacts <paramref name="contacts"/> (sample indices into
    /// <paramref name="vertical"/>, the acceleration along gravity in m/s²): one value per pair of contacts.
    /// </summary>
    public static double[] StepLengthsMeters(double[] vertical, IReadOnlyList<int> contacts, double fs, double sensorHeightMeters, double correctionFactor)
    {
        // Displacement only over the bout and 3 s either side (for the filters to settle): walking is a small part
        // of a day, so this costs far less than filtering the whole recording.
        var pad = (int)(3 * fs);
        var from = Math.Max(0, contacts[0] - pad);
        var to = Math.Min(vertical.Length - 1, contacts[^1] + pad);
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(to - from + 1);
        var displacement = buffer.AsSpan(0, to - from + 1);
        VerticalDisplacementMeters(vertical.AsSpan(from, to - from + 1), displacement, fs);
        var raw = new double[contacts.Count - 1];
        for (var k = 0; k + 1 < contacts.Count; k++)
        {
            var h = PeakToPeak(displacement, contacts[k] - from, contacts[k + 1] - from);
            raw[k] = correctionFactor * 2 * Math.Sqrt(Math.Max(0, 2 * sensorHeightMeters * h - h * h));
        }

        System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        HampelInPlace(raw);
        return raw;
    }

    /// <summary>
    /// Vertical displacement of the sensor (m) over a stretch of vertical acceleration, the way the Mobilise-D stride-length algorithm
    /// gets it (mobgap <c>SlZijlstra</c>; Soltani et al., IEEE TNSRE 29:1955, 2021): vertical acceleration high-passed at
    /// 0.1 Hz, integrated to velocity, velocity high-passed at 1 Hz to remove drift, integrated again. Butterworth
    /// order 4, run zero-phase here.
    /// </summary>
    internal static void VerticalDisplacementMeters(ReadOnlySpan<double> vertical, Span<double> displacement, double fs)
    {
        var n = vertical.Length;
        FilterDesign.HighPass(0.1, fs, 4).FilterZeroPhase(vertical, displacement);
        var dt = 1 / fs;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += displacement[i] * dt;
            displacement[i] = sum;
        }

        FilterDesign.HighPass(1.0, fs, 4).FilterZeroPhase(displacement[..n], displacement);
        sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += displacement[i] * dt;
            displacement[i] = sum;
        }
    }

    /// <summary>Peak-to-peak of <paramref name="x"/> over samples <paramref name="from"/>..<paramref name="to"/>.</summary>
    internal static double PeakToPeak(ReadOnlySpan<double> x, int from, int to)
    {
        double min = double.MaxValue, max = double.MinValue;
        for (var i = from; i <= to; i++)
        {
            min = Math.Min(min, x[i]);
            max = Math.Max(max, x[i]);
        }

        return to >= from ? max - min : 0;
    }

    /// <summary>
    /// Hampel filter (half-width 2, 3 scaled median absolute deviations): a value far from the median of itself and its
    /// two neighbours on each side is replaced by that median.
    /// </summary>
    internal static void HampelInPlace(double[] values)
    {
        if (values.Length < 3)
        {
            return;
        }

        Span<double> window = stackalloc double[5];
        Span<double> deviations = stackalloc double[5];
        var original = values.AsSpan().ToArray();
        for (var k = 0; k < values.Length; k++)
        {
            var from = Math.Max(0, k - 2);
            var to = Math.Min(values.Length - 1, k + 2);
            var w = window[..(to - from + 1)];
            original.AsSpan(from, w.Length).CopyTo(w);
            var median = Median(w);
            var d = deviations[..w.Length];
            for (var j = 0; j < w.Length; j++)
            {
                d[j] = Math.Abs(original[from + j] - median);
            }

            var mad = 1.4826 * Median(d);
            if (Math.Abs(original[k] - median) > 3 * mad)
            {
                values[k] = median;
            }
        }
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
