using Ambulo.Motion.Filters;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Step length from a sensor on the lower back by the inverted-pendulum model of Zijlstra &amp; Hof (Gait Posture
/// 2003;18:1–10): step = K·2·√(2·l·h − h²) with h the vertical excursion of the sensor during the step and l the sensor
/// height, with the displacement and K as in the Mobilise-D stride-length algorithm (mobgap <c>SlZijlstra</c>; Soltani et
/// al., IEEE TNSRE 29:1955, 2021); outlier steps (a missed contact makes one long step) replaced by the median of their
/// neighbours with a Hampel filter, as Mobilise-D does. Two changes of ours, neither with a constant fitted to data:
/// <list type="bullet">
/// <item>h is the peak-to-peak excursion about the straight line between the displacement at the step's two contacts.
/// In the pendulum the pelvis is at the same height at both contacts; what remains of integration drift (or of a slow
/// rise or fall of the trunk) over a slow step otherwise adds to h.</item>
/// <item>A step during which the trunk turns by an angle ψ (yaw rate about vertical, integrated from contact to contact)
/// counts with length × cos ψ (ψ capped at 90°). The trunk still vaults over the stance leg when people turn or shuffle
/// round on the spot, so the pendulum reads a normal step where the feet moved little along the path; the projection is
/// our heuristic for that (not from the literature). The pelvis yaws a few degrees per step in straight walking as
/// well, which shortens straight steps by about 1 %.</item>
/// </list>
/// And one calibration fitted to data (<see cref="LowerBackGaitOptions.StepLengthScale"/>,
/// <see cref="LowerBackGaitOptions.StepLengthSpeedOffsetMetersPerSecond"/>): a step of T seconds becomes
/// max(0, cos ψ·(1.106·L − 0.115 m/s·T)), so that a straight stride's speed is 1.106 × the pendulum's − 0.115 m/s. It is the
/// least-squares fit (no constant term) of the INDIP stride lengths at the reference contacts of the mobgap lower-back data
/// (2 healthy adults, 1 person with MS; 159 strides) and is checked leave-one-participant-out by
/// <c>validate gait mobgap-lowerback</c>. At those contacts the uncalibrated pendulum reads strides under 0.6 m about 0.28 m
/// too long and strides over 0.9 m about 0.07 m too short; short strides are also slow ones, so a term in the step's time
/// takes off more where the steps are slow. The time term is projected by the turn with the length, so a step turned on the
/// spot stays near zero. With K = 4.587/4 the scale makes an effective factor of 1.27, next to the 1.25 of Zijlstra &amp; Hof.
/// </summary>
internal static class LowerBackStepLength
{
    /// <summary>
    /// Length (m) of each step between consecutive initial contacts <paramref name="contacts"/> (sample indices into
    /// <paramref name="vertical"/>, the acceleration along gravity in m/s², and <paramref name="yaw"/>, the angular rate
    /// about gravity in rad/s): one value per pair of contacts. Each length is finally mapped to
    /// max(0, cos ψ·(<paramref name="scale"/>·L + <paramref name="speedOffsetMetersPerSecond"/>·T)), L the pendulum length, ψ the
    /// trunk's turn and T the duration of the step (1 and 0: the model as published plus our two changes).
    /// </summary>
    public static double[] StepLengthsMeters(double[] vertical, double[] yaw, IReadOnlyList<int> contacts, double fs, double sensorHeightMeters, double correctionFactor,
        double scale = 1, double speedOffsetMetersPerSecond = 0)
    {
        // Displacement only over the bout and 3 s either side (for the filters to settle): walking is a small part
        // of a day, so this costs far less than filtering the whole recording.
        var pad = (int)(3 * fs);
        var from = Math.Max(0, contacts[0] - pad);
        var to = Math.Min(vertical.Length - 1, contacts[^1] + pad);
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(to - from + 1);
        var displacement = buffer.AsSpan(0, to - from + 1);
        VerticalDisplacementMeters(vertical.AsSpan(from, to - from + 1), displacement, fs);
        var lengths = new double[contacts.Count - 1];
        for (var k = 0; k + 1 < contacts.Count; k++)
        {
            var h = PeakToPeakAboutChord(displacement, contacts[k] - from, contacts[k + 1] - from);
            lengths[k] = correctionFactor * 2 * Math.Sqrt(Math.Max(0, 2 * sensorHeightMeters * h - h * h));
        }

        System.Buffers.ArrayPool<double>.Shared.Return(buffer);

        // The outlier filter first (it is there for missed contacts), so that a sharp turning step is not "repaired".
        HampelInPlace(lengths);
        for (var k = 0; k < lengths.Length; k++)
        {
            var seconds = (contacts[k + 1] - contacts[k]) / fs;
            lengths[k] = Math.Max(0, TurnProjection(yaw, contacts[k], contacts[k + 1], fs) * ((scale * lengths[k]) + (speedOffsetMetersPerSecond * seconds)));
        }

        return lengths;
    }

    /// <summary>cos of the trunk's turn (yaw rate integrated over samples <paramref name="from"/> up to <paramref name="to"/>), the turn capped at 90°.</summary>
    internal static double TurnProjection(ReadOnlySpan<double> yaw, int from, int to, double fs)
    {
        var turn = 0.0;
        foreach (var rate in yaw[from..to])
        {
            turn += rate;
        }

        return Math.Cos(Math.Min(Math.Abs(turn / fs), Math.PI / 2));
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

    /// <summary>Peak-to-peak of <paramref name="x"/> over samples <paramref name="from"/>..<paramref name="to"/> after removing the straight line between its two ends.</summary>
    internal static double PeakToPeakAboutChord(ReadOnlySpan<double> x, int from, int to)
    {
        if (to <= from)
        {
            return 0;
        }

        double min = double.MaxValue, max = double.MinValue;
        var slope = (x[to] - x[from]) / (to - from);
        var chord = x[from];
        foreach (var value in x[from..(to + 1)])
        {
            var y = value - chord;
            min = Math.Min(min, y);
            max = Math.Max(max, y);
            chord += slope;
        }

        return max - min;
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
