using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Options of <see cref="PhoneStepLength"/>: what is known of the person, and how the acceleration is smoothed.
/// With <see cref="WeinbergConstant"/> the Weinberg model runs; otherwise, with <see cref="BodyHeightMeters"/>, the
/// height-ratio model; with neither there is no step length (and no distance).
/// </summary>
/// <param name="WeinbergConstant">
/// Personal constant K of the Weinberg model, in metres per (m/s²)^¼: step length = K × (a_max − a_min)^¼ with a the
/// smoothed acceleration magnitude during the step. Fit it with <see cref="PhoneStepLength.Calibrate"/> from one walk
/// over a known distance. There is no default: Weinberg (2002) states that K must be found by experiment.
/// </param>
/// <param name="BodyHeightMeters">Standing height; enables the coarse height-ratio fallback.</param>
/// <param name="StepLengthPerHeight">
/// Step length as a fraction of height for the fallback. 0.414 is the midpoint of the pedometer rule of thumb
/// 0.413 × height (women) / 0.415 × height (men), found only in secondary, non-scientific sources (e.g.
/// https://healthfully.com/measure-ones-step-stride-2317449.html); its primary source was not traced. It describes
/// comfortable walking of healthy adults and overestimates the short steps of slow or hemiparetic walkers.
/// </param>
/// <param name="ResampleRateHz">Phones deliver irregular samples; the magnitude is interpolated to this fixed rate.</param>
/// <param name="LowPassHz">Zero-phase low-pass of the magnitude before the range is taken (removes jolts and noise).</param>
/// <param name="MaximumStepSeconds">A longer interval between two contacts is a pause, not a step: it gets no length.</param>
public sealed record PhoneStepLengthOptions(
    double? WeinbergConstant = null,
    double? BodyHeightMeters = null,
    double StepLengthPerHeight = 0.414,
    double ResampleRateHz = 50,
    double LowPassHz = 3.0,
    double MaximumStepSeconds = 2.5)
{
    /// <summary>The model these options select.</summary>
    public DistanceModel Model =>
        WeinbergConstant is > 0 ? DistanceModel.WeinbergAccelerationRange
        : BodyHeightMeters is > 0 ? DistanceModel.HeightRatio
        : DistanceModel.None;
}

/// <summary>
/// Step lengths for a list of contact times. <see cref="StepLengthsMeters"/>[i] is the length of the step that ends at
/// contact i (the ground covered from contact i − 1 to contact i); null for the first contact, after a pause, and for
/// every contact when <see cref="Model"/> is <see cref="DistanceModel.None"/>.
/// </summary>
public sealed record PhoneStepLengths(IReadOnlyList<double?> StepLengthsMeters, DistanceModel Model, PhoneStepLengthOptions Options)
{
    /// <summary>Sum of the lengths of the steps ending after <paramref name="fromSeconds"/> and at or before <paramref name="toSeconds"/>.</summary>
    public double DistanceMeters(IReadOnlyList<double> stepTimesSeconds, double fromSeconds, double toSeconds)
    {
        ArgumentNullException.ThrowIfNull(stepTimesSeconds);
        var sum = 0.0;
        for (var i = 0; i < stepTimesSeconds.Count && i < StepLengthsMeters.Count; i++)
        {
            if (stepTimesSeconds[i] > fromSeconds + 1e-9 && stepTimesSeconds[i] <= toSeconds + 1e-9 && StepLengthsMeters[i] is { } l)
            {
                sum += l;
            }
        }

        return sum;
    }
}

/// <summary>
/// Result of <see cref="PhoneStepLength.Calibrate"/>: the fitted personal constant and what it was fitted on.
/// <see cref="StepsUsed"/> counts the steps (contact to contact) whose lengths sum to the known distance.
/// </summary>
public sealed record PhoneStepLengthCalibration(double WeinbergConstant, int StepsUsed, double KnownDistanceMeters, double MeanStepLengthMeters);

/// <summary>
/// Step length for a phone in a trouser pocket or in the hand, where no strides or foot trajectory can be seen.
/// Weinberg model (H. Weinberg, "Using the ADXL202 in pedometer and personal navigation applications", Analog Devices
/// application note AN-602, 2002): the bounce of the body grows with the step, and step length ≈ K × (a_max − a_min)^¼.
/// Weinberg used the vertical acceleration of a belt-worn sensor; a phone's orientation in a pocket or hand is unknown,
/// so the orientation-free magnitude of the acceleration is used instead, and K is personal (fitted per person and
/// placement). Without K, the height-ratio rule (<see cref="PhoneStepLengthOptions.StepLengthPerHeight"/>) gives every
/// step the same length. Distance between two contacts = sum of the step lengths between them.
/// </summary>
public static class PhoneStepLength
{
    public static PhoneStepLengths Estimate(ReadOnlySpan<ImuSample> samples, IReadOnlyList<double> stepTimesSeconds, PhoneStepLengthOptions options)
    {
        ArgumentNullException.ThrowIfNull(stepTimesSeconds);
        ArgumentNullException.ThrowIfNull(options);
        var lengths = new double?[stepTimesSeconds.Count];
        var model = options.Model;
        if (model == DistanceModel.WeinbergAccelerationRange)
        {
            var roots = RangeRoots(samples, stepTimesSeconds, options);
            for (var i = 0; i < lengths.Length; i++)
            {
                lengths[i] = roots[i] * options.WeinbergConstant!.Value;
            }
        }
        else if (model == DistanceModel.HeightRatio)
        {
            var step = options.BodyHeightMeters!.Value * options.StepLengthPerHeight;
            for (var i = 1; i < lengths.Length; i++)
            {
                var dt = stepTimesSeconds[i] - stepTimesSeconds[i - 1];
                lengths[i] = dt > 0 && dt <= options.MaximumStepSeconds ? step : null;
            }
        }

        return new PhoneStepLengths(lengths, model, options);
    }

    /// <summary>
    /// Fits the Weinberg constant so that the steps of one walk over <paramref name="knownDistanceMeters"/> (e.g. a
    /// 10-metre walkway, first to last heel contact) add up to that distance: K = D / Σ (a_max − a_min)^¼.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for a distance that is not a positive finite number and
    /// <see cref="ArgumentException"/> when the walk holds fewer than two measurable steps.
    /// </summary>
    public static PhoneStepLengthCalibration Calibrate(ReadOnlySpan<ImuSample> samples, IReadOnlyList<double> stepTimesSeconds, double knownDistanceMeters,
        PhoneStepLengthOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stepTimesSeconds);
        if (!double.IsFinite(knownDistanceMeters) || knownDistanceMeters <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(knownDistanceMeters), knownDistanceMeters, "the known distance must be a positive number of metres");
        }

        options ??= new PhoneStepLengthOptions();
        var roots = RangeRoots(samples, stepTimesSeconds, options);
        var used = roots.Where(r => r is > 0).Select(r => r!.Value).ToList();
        if (used.Count < 2)
        {
            throw new ArgumentException($"the calibration walk holds {used.Count} measurable step(s); at least 2 are needed", nameof(stepTimesSeconds));
        }

        var k = knownDistanceMeters / used.Sum();
        return new PhoneStepLengthCalibration(k, used.Count, knownDistanceMeters, knownDistanceMeters / used.Count);
    }

    /// <summary>(a_max − a_min)^¼ of the smoothed magnitude between each contact and the one before; null where not a step.</summary>
    internal static double?[] RangeRoots(ReadOnlySpan<ImuSample> samples, IReadOnlyList<double> stepTimesSeconds, PhoneStepLengthOptions options)
    {
        var roots = new double?[stepTimesSeconds.Count];
        var (t0, magnitude) = SmoothedMagnitude(samples, options);
        if (magnitude.Length < 2)
        {
            return roots;
        }

        var dt = 1 / options.ResampleRateHz;
        for (var i = 1; i < roots.Length; i++)
        {
            var from = stepTimesSeconds[i - 1];
            var to = stepTimesSeconds[i];
            if (!(to - from > 0) || to - from > options.MaximumStepSeconds)
            {
                continue;
            }

            var a = (int)Math.Ceiling((from - t0) / dt - 1e-9);
            var b = (int)Math.Floor((to - t0) / dt + 1e-9);
            a = Math.Max(a, 0);
            b = Math.Min(b, magnitude.Length - 1);
            if (b - a < 1)
            {
                continue;
            }

            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var j = a; j <= b; j++)
            {
                min = Math.Min(min, magnitude[j]);
                max = Math.Max(max, magnitude[j]);
            }

            roots[i] = Math.Pow(max - min, 0.25);
        }

        return roots;
    }

    /// <summary>Acceleration magnitude, linearly interpolated onto a fixed grid and low-passed without delay. Non-finite or out-of-order samples are skipped.</summary>
    private static (double StartSeconds, double[] Magnitude) SmoothedMagnitude(ReadOnlySpan<ImuSample> samples, PhoneStepLengthOptions options)
    {
        var times = new List<double>(samples.Length);
        var values = new List<double>(samples.Length);
        foreach (var s in samples)
        {
            var a = s.AccelerationMps2;
            if (!double.IsFinite(s.TimeSeconds) || !float.IsFinite(a.X) || !float.IsFinite(a.Y) || !float.IsFinite(a.Z)
                || (times.Count > 0 && s.TimeSeconds <= times[^1]))
            {
                continue;
            }

            times.Add(s.TimeSeconds);
            values.Add(a.Length());
        }

        if (times.Count < 2)
        {
            return (0, []);
        }

        var dt = 1 / options.ResampleRateHz;
        var n = (int)Math.Floor((times[^1] - times[0]) / dt) + 1;
        var grid = new double[n];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            var t = times[0] + i * dt;
            while (k < times.Count - 2 && times[k + 1] < t)
            {
                k++;
            }

            var f = Math.Clamp((t - times[k]) / (times[k + 1] - times[k]), 0, 1);
            grid[i] = values[k] + f * (values[k + 1] - values[k]);
        }

        var smooth = new double[n];
        FilterDesign.LowPass(options.LowPassHz, options.ResampleRateHz).FilterZeroPhase(grid, smooth);
        return (times[0], smooth);
    }
}
