using System.Numerics;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Options of <see cref="ShankGaitDetector"/>. Angular rates in degrees per second, about the shank's medio-lateral axis
/// with the sign that makes the mid-swing peak positive.
/// </summary>
/// <param name="SwingPeakThresholdDegreesPerSecond">A mid-swing peak (of the rate low-passed at
/// <paramref name="SwingSmoothingCutoffHz"/>) must exceed this to be a swing.</param>
/// <param name="MinimumStrideSeconds">Two peaks closer than this are one swing (the larger is kept); a shorter stride is refused.</param>
/// <param name="MaximumStrideSeconds">A longer time from one initial contact to the next is a pause, not a stride.</param>
/// <param name="MinimumSwingSeconds">The positive swing lobe around a peak (zero crossing to zero crossing) must last at least this long.</param>
/// <param name="MaximumSwingSeconds">… and at most this long.</param>
/// <param name="MinimumStanceFraction">Stance (initial contact to the next final contact) must be at least this fraction of the stride.</param>
/// <param name="MaximumStanceFraction">… and at most this fraction.</param>
/// <param name="ContactSearchSeconds">How far outside the swing lobe the local minimum that marks a contact is searched: before
/// the lobe's upward zero crossing for the final contact, after its downward crossing for the initial contact.</param>
/// <param name="MaximumNetRotationFraction">Over one stride the shank comes back to the inclination it had at the stride's
/// initial contact, so the rate integrated from one initial contact to the next is near zero; its magnitude may be at most
/// this fraction of the swing's forward rotation (the positive part of the rate integrated over the swing).</param>
/// <param name="MaximumStanceRateFraction">During stance the shank turns the opposite way to its swing (negative rate) as the
/// knee passes over the planted foot; the highest rate between a stride's initial contact and its next final contact may be at most this fraction
/// of the next swing's peak.</param>
/// <param name="MinimumSagittalEnergyFraction">Over a stride, the rate about the medio-lateral axis must hold at least this
/// fraction of the angular-rate energy of all three axes (walking is mostly flexion–extension; fidgeting turns the leg
/// every way).</param>
/// <param name="MaximumStrideTimeRatio">Consecutive strides of one run may differ in duration by at most this factor.</param>
/// <param name="MinimumStridesPerRun">Fewer consecutive strides than this are not walking (an isolated leg swing, a kick, fidgeting).</param>
/// <param name="SwingSmoothingCutoffHz">Low-pass used to find the mid-swing peaks and the swing-peak polarity.</param>
/// <param name="EventSmoothingCutoffHz">Low-pass applied before the zero crossings and minima that mark the contacts.</param>
/// <param name="MaximumSampleGapSeconds">Samples further apart than this (a dropped connection, a run of unusable samples)
/// split the recording; no swing or stride spans the gap.</param>
public sealed record ShankGaitOptions(
    double SwingPeakThresholdDegreesPerSecond = 100,
    double MinimumStrideSeconds = 0.7,
    double MaximumStrideSeconds = 2.5,
    double MinimumSwingSeconds = 0.2,
    double MaximumSwingSeconds = 0.8,
    double MinimumStanceFraction = 0.45,
    double MaximumStanceFraction = 0.8,
    double ContactSearchSeconds = 0.15,
    double MaximumNetRotationFraction = 0.5,
    double MaximumStanceRateFraction = 0.3,
    double MinimumSagittalEnergyFraction = 0.6,
    double MaximumStrideTimeRatio = 1.5,
    int MinimumStridesPerRun = 2,
    double SwingSmoothingCutoffHz = 3.0,
    double EventSmoothingCutoffHz = 15.0,
    double MaximumSampleGapSeconds = 0.1)
{
    /// <summary>
    /// Healthy adults at comfortable speed: the shank's mid-swing peak reaches a few hundred °/s (the shank rate plotted by
    /// Aminian et al. 2002, Fig. 2, spans about −200 to 300 °/s), stance takes about 60 % of the stride and swing 40 % at
    /// 80–110 steps/min (clinical reference, normal walking [S]), i.e. strides of 1.1–1.5 s with swings of 0.4–0.6 s. The
    /// defaults leave room on every side of that (threshold 100 °/s, swing 0.2–0.8 s, stance 45–80 %, stride 0.7–2.5 s).
    /// </summary>
    public static ShankGaitOptions Healthy { get; } = new();

    /// <summary>
    /// Slow walkers and hemiparetic gait (stroke survivors, walking aids). Each constant differs from
    /// <see cref="Healthy"/> for a stated reason:
    /// <list type="bullet">
    /// <item><see cref="SwingPeakThresholdDegreesPerSecond"/> 30: a shank that swings through 35° in 0.9 s peaks near
    /// π·35/(2·0.9) ≈ 61 °/s if its swing is a half sine (the slow leg of the synthetic tests), so half of that; the
    /// standing signal of the tests (3 °/s of sway, 2 °/s of noise) stays far below it.</item>
    /// <item><see cref="MaximumStrideSeconds"/> 5: at 40 steps/min a stride lasts 3 s; 5 s leaves room for slower, uneven strides.</item>
    /// <item><see cref="MinimumStrideSeconds"/> 0.9: a slow, hesitant swing may show two humps (hip hiking, circumduction)
    /// that must merge into one swing; a stride under 0.9 s is over 133 steps/min, brisk walking for anyone.</item>
    /// <item><see cref="MaximumSwingSeconds"/> 1.5 and <see cref="MinimumSwingSeconds"/> 0.25: a paretic swing may take a
    /// second or more; a swing under 0.25 s is a twitch at these speeds.</item>
    /// <item><see cref="MinimumStanceFraction"/> 0.4 and <see cref="MaximumStanceFraction"/> 0.85: after a stroke the legs'
    /// stance and swing times differ (swing- and stance-time asymmetry, Patterson et al. 2008, clinical reference [V]); the
    /// bounds leave room for a paretic leg with a short stance and the other leg with a long one.</item>
    /// <item><see cref="ContactSearchSeconds"/> 0.3: slow contacts are blunt; the minimum lies further from the zero crossing.</item>
    /// <item><see cref="MaximumStrideTimeRatio"/> 2: hemiparetic strides are irregular.</item>
    /// <item><see cref="SwingSmoothingCutoffHz"/> 2: slow swings carry less high-frequency content, and the lower cut-off
    /// merges the humps of an irregular swing.</item>
    /// </list>
    /// The net-rotation check and the two-stride minimum run are the same as for healthy walkers: they are what keeps
    /// fidgeting from passing for walking once the thresholds are low.
    /// </summary>
    public static ShankGaitOptions SlowOrImpaired { get; } = new(
        SwingPeakThresholdDegreesPerSecond: 30,
        MinimumStrideSeconds: 0.9,
        MaximumStrideSeconds: 5.0,
        MinimumSwingSeconds: 0.25,
        MaximumSwingSeconds: 1.5,
        MinimumStanceFraction: 0.4,
        MaximumStanceFraction: 0.85,
        ContactSearchSeconds: 0.3,
        MaximumStrideTimeRatio: 2.0,
        SwingSmoothingCutoffHz: 2.0);

    /// <summary>
    /// The preset for a population of <see cref="GaitAnalysisOptions"/>: <see cref="Healthy"/> for healthy walkers,
    /// <see cref="SlowOrImpaired"/> otherwise (hemiparetic gait included: that preset is tuned on the asymmetric,
    /// irregular synthetic hemiparetic walk of the tests).
    /// </summary>
    public static ShankGaitOptions For(GaitPopulation population) => population == GaitPopulation.Healthy ? Healthy : SlowOrImpaired;
}

/// <summary>
/// Result of <see cref="ShankGaitDetector.Detect"/>: strides of one leg from initial contact to the next, each with its
/// final contact, stance and swing; no stride length (<see cref="DistanceModel.None"/>).
/// </summary>
/// <param name="Side">The leg, as given.</param>
/// <param name="Strides">Strides in time order; the last of each run before a standstill is flagged <see cref="Stride.EndsInStandstill"/>.</param>
/// <param name="InitialContacts">Every initial contact that starts or ends a stride.</param>
/// <param name="MediolateralAxis">The unit axis, in the sensor frame, about which the rate was read, pointing so that mid-swing is
/// positive (found from the data: on the left and right legs, or with the sensor turned over, it points the other way).</param>
/// <param name="SkippedSamples">Samples left out: time or angular rate not finite, or time not after the previous sample's.</param>
/// <param name="Gaps">Places where the recording was split because samples were more than
/// <see cref="ShankGaitOptions.MaximumSampleGapSeconds"/> apart.</param>
/// <param name="Options">The options that made this result.</param>
public sealed record ShankGaitResult(
    BodySide Side,
    IReadOnlyList<Stride> Strides,
    IReadOnlyList<InitialContact> InitialContacts,
    Vector3 MediolateralAxis,
    int SkippedSamples,
    int Gaps,
    ShankGaitOptions Options)
{
    /// <summary>A shank sensor alone gives no distance here (no stride-length model has been tested for it).</summary>
    public DistanceModel DistanceModel { get; } = DistanceModel.None;
}

/// <summary>
/// Gait events of one leg from a gyroscope on the shank (the front or side of the lower leg), after Aminian et al.
/// (J Biomech 2002;35:689–699) and Salarian et al. (IEEE Trans Biomed Eng 2004;51:1434–1443): the shank's angular rate
/// about its medio-lateral axis has one large positive peak per stride, in mid-swing, when the lower leg swings forward
/// past the standing leg. Final contact (toe-off) is the local minimum of that rate just before the swing lobe, initial
/// contact (heel strike) the local minimum just after it. Unlike the foot, the shank never rests during stance (it turns
/// the opposite way to its swing as the knee passes over the planted foot), so no still phase is sought. The minima are
/// taken on the rate low-passed at <see cref="ShankGaitOptions.EventSmoothingCutoffHz"/>, which moves each contact by about
/// one sample at 100 Hz away from the swing on the synthetic signals of the tests.
/// <para>
/// Axis: the principal axis of the angular rate over the recording (the direction along which it varies most). On the
/// shank that is the medio-lateral axis, because flexion–extension of the leg in the sagittal plane is by far its largest
/// rotation in walking (hundreds of °/s against tens about the long axis and the forward axis); so the strap may sit at any
/// angle around the leg. Polarity: the axis is turned so that the signal low-passed at
/// <see cref="ShankGaitOptions.SwingSmoothingCutoffHz"/> has a positive third moment: mid-swing is the tallest, sharpest
/// lobe of the cycle, while stance is a broad, shallow negative stretch. That covers left against right leg and a sensor
/// worn upside down or facing inward.
/// </para>
/// <para>
/// A candidate swing becomes a stride only in context: its lobe lasts a plausible time, the stride from the previous
/// initial contact has a plausible duration and stance fraction, the stance holds no rate near the swing's peak, the
/// medio-lateral axis carries most of the stride's rotation, the shank comes back to its starting inclination over the
/// stride, and at least <see cref="ShankGaitOptions.MinimumStridesPerRun"/> such strides follow one another in rhythm.
/// Random leg movement (the tests' fidgeting, on three axes or on the medio-lateral axis alone) gives no stride.
/// </para>
/// <para>
/// Validated on synthetic signals only (a kinematic model of the shank's sagittal rate with known contact times, in the
/// tests); no recording with a reference is available to the project for this placement.
/// </para>
/// </summary>
public static class ShankGaitDetector
{
    private const double DegreesPerRadian = 180 / Math.PI;

    public static ShankGaitResult Detect(ReadOnlySpan<ImuSample> samples, double samplingRateHz, BodySide side, ShankGaitOptions? options = null)
    {
        options ??= ShankGaitOptions.Healthy;
        if (!(samplingRateHz > 0) || !double.IsFinite(samplingRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "the sampling rate must be a positive number of hertz");
        }

        // Usable samples, split at gaps.
        var kept = new List<int>(samples.Length);
        var segments = new List<(int From, int To)>();
        var skipped = 0;
        var gaps = 0;
        var segmentStart = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var s = samples[i];
            var g = s.AngularVelocityRadps;
            if (!double.IsFinite(s.TimeSeconds) || !float.IsFinite(g.X) || !float.IsFinite(g.Y) || !float.IsFinite(g.Z)
                || (kept.Count > 0 && s.TimeSeconds <= samples[kept[^1]].TimeSeconds))
            {
                skipped++;
                continue;
            }

            if (kept.Count > 0 && s.TimeSeconds - samples[kept[^1]].TimeSeconds > options.MaximumSampleGapSeconds)
            {
                gaps++;
                segments.Add((segmentStart, kept.Count));
                segmentStart = kept.Count;
            }

            kept.Add(i);
        }

        if (kept.Count > segmentStart)
        {
            segments.Add((segmentStart, kept.Count));
        }

        var axis = PrincipalAxis(samples, kept);
        var rate = new double[kept.Count];
        var energy = new double[kept.Count];
        for (var k = 0; k < kept.Count; k++)
        {
            var g = samples[kept[k]].AngularVelocityRadps;
            rate[k] = Vector3.Dot(g, axis) * DegreesPerRadian;
            energy[k] = g.LengthSquared() * DegreesPerRadian * DegreesPerRadian;
        }

        // Segments too short to hold two strides are left out; the rest are filtered on their own.
        var minimumLength = (int)Math.Ceiling(2 * samplingRateHz);
        segments.RemoveAll(seg => seg.To - seg.From < minimumLength);
        var swingBand = new double[rate.Length];
        var eventBand = (double[])rate.Clone();
        var swingFilter = FilterDesign.LowPass(options.SwingSmoothingCutoffHz, samplingRateHz);
        var eventFilter = options.EventSmoothingCutoffHz < samplingRateHz / 2 ? FilterDesign.LowPass(options.EventSmoothingCutoffHz, samplingRateHz) : null;
        double thirdMoment = 0;
        foreach (var (from, to) in segments)
        {
            swingFilter.FilterZeroPhase(rate.AsSpan(from, to - from), swingBand.AsSpan(from, to - from));
            eventFilter?.FilterZeroPhase(eventBand.AsSpan(from, to - from), eventBand.AsSpan(from, to - from));
            for (var k = from; k < to; k++)
            {
                thirdMoment += swingBand[k] * swingBand[k] * swingBand[k];
            }
        }

        if (thirdMoment < 0)
        {
            axis = -axis;
            Negate(rate);
            Negate(swingBand);
            Negate(eventBand);
        }

        var strides = new List<Stride>();
        var contacts = new List<InitialContact>();
        var times = new double[kept.Count];
        for (var k = 0; k < kept.Count; k++)
        {
            times[k] = samples[kept[k]].TimeSeconds;
        }

        var signals = new Signals(times, rate, eventBand, energy);
        foreach (var (from, to) in segments)
        {
            var swings = Swings(signals, swingBand, from, to, samplingRateHz, options);
            AddStrides(signals, swings, side, options, strides, contacts);
        }

        return new ShankGaitResult(side, strides, contacts, axis, skipped, gaps, options);
    }

    /// <summary>Per usable sample: time, medio-lateral rate (°/s, mid-swing positive), the same low-passed for contacts, and the squared rate of all axes.</summary>
    private sealed record Signals(double[] Times, double[] Rate, double[] EventBand, double[] Energy);

    /// <summary>
    /// One swing: the sample indices of its final contact, mid-swing peak and initial contact, its peak (low-passed) in °/s
    /// and its forward rotation in degrees.
    /// </summary>
    private readonly record struct Swing(int FinalContact, int Peak, int InitialContact, double PeakDegreesPerSecond, double ForwardDegrees);

    private static List<Swing> Swings(Signals signals, double[] swingBand, int from, int to, double fs, ShankGaitOptions options)
    {
        var (times, rate, eventBand) = (signals.Times, signals.Rate, signals.EventBand);
        // Mid-swing peaks: local maxima over the threshold; of two closer than the shortest stride, the larger.
        var peaks = new List<int>();
        for (var i = from + 1; i + 1 < to; i++)
        {
            if (swingBand[i] > options.SwingPeakThresholdDegreesPerSecond && swingBand[i] >= swingBand[i - 1] && swingBand[i] > swingBand[i + 1])
            {
                if (peaks.Count > 0 && times[i] - times[peaks[^1]] < options.MinimumStrideSeconds)
                {
                    if (swingBand[i] > swingBand[peaks[^1]])
                    {
                        peaks[^1] = i;
                    }

                    continue;
                }

                peaks.Add(i);
            }
        }

        var swings = new List<Swing>();
        var search = Math.Max(1, (int)Math.Round(options.ContactSearchSeconds * fs));
        for (var k = 0; k < peaks.Count; k++)
        {
            var p = peaks[k];
            var lower = k > 0 ? peaks[k - 1] : from;
            var upper = k + 1 < peaks.Count ? peaks[k + 1] : to - 1;

            // The swing lobe: where the contact-band rate is positive around the peak.
            var rise = p;
            while (rise > lower && eventBand[rise] > 0)
            {
                rise--;
            }

            var fall = p;
            while (fall < upper && eventBand[fall] > 0)
            {
                fall++;
            }

            if (eventBand[rise] > 0 || eventBand[fall] > 0 || rise <= from || fall >= to - 1)
            {
                continue; // the lobe runs into the previous or next swing or off the segment: not a clean swing
            }

            var lobeSeconds = times[fall] - times[rise];
            if (lobeSeconds < options.MinimumSwingSeconds || lobeSeconds > options.MaximumSwingSeconds)
            {
                continue;
            }

            var finalContact = LowestBefore(eventBand, rise, Math.Max(lower, Math.Max(from, rise - search)));
            var initialContact = LowestAfter(eventBand, fall, Math.Min(upper, Math.Min(to - 1, fall + search)));
            double forward = 0;
            for (var i = rise; i < fall; i++)
            {
                forward += Math.Max(0, rate[i]) * (times[i + 1] - times[i]);
            }

            swings.Add(new Swing(finalContact, p, initialContact, swingBand[p], forward));
        }

        return swings;
    }

    /// <summary>
    /// The lowest sample from <paramref name="crossing"/> back to <paramref name="limit"/>; if the lowest is the limit itself
    /// (the rate keeps falling beyond the search window, so there is no local minimum near the lobe), the crossing.
    /// </summary>
    private static int LowestBefore(double[] signal, int crossing, int limit)
    {
        var best = crossing;
        for (var i = crossing - 1; i >= limit; i--)
        {
            if (signal[i] < signal[best])
            {
                best = i;
            }
        }

        return best == limit && limit < crossing ? crossing : best;
    }

    /// <summary>The mirror of <see cref="LowestBefore"/>: the lowest sample from <paramref name="crossing"/> on to <paramref name="limit"/>.</summary>
    private static int LowestAfter(double[] signal, int crossing, int limit)
    {
        var best = crossing;
        for (var i = crossing + 1; i <= limit; i++)
        {
            if (signal[i] < signal[best])
            {
                best = i;
            }
        }

        return best == limit && limit > crossing ? crossing : best;
    }

    /// <summary>Strides between consecutive swings that pass the checks, kept in runs of at least the minimum length.</summary>
    private static void AddStrides(Signals signals, List<Swing> swings, BodySide side, ShankGaitOptions options, List<Stride> strides, List<InitialContact> contacts)
    {
        var times = signals.Times;
        var run = new List<(Swing From, Swing To)>();
        for (var k = 0; k + 1 < swings.Count; k++)
        {
            var (a, b) = (swings[k], swings[k + 1]);
            if (!IsStride(signals, a, b, options))
            {
                CloseRun(times, run, swings, side, options, strides, contacts);
                continue;
            }

            // Swings are consecutive, so a run still open ends at this stride's first swing; it goes on only in rhythm.
            if (run.Count > 0)
            {
                var previous = times[run[^1].To.InitialContact] - times[run[^1].From.InitialContact];
                var current = times[b.InitialContact] - times[a.InitialContact];
                if (Math.Max(previous, current) > options.MaximumStrideTimeRatio * Math.Min(previous, current))
                {
                    CloseRun(times, run, swings, side, options, strides, contacts);
                }
            }

            run.Add((a, b));
        }

        CloseRun(times, run, swings, side, options, strides, contacts);
    }

    private static bool IsStride(Signals signals, Swing a, Swing b, ShankGaitOptions options)
    {
        var (times, rate) = (signals.Times, signals.Rate);
        if (b.FinalContact <= a.InitialContact)
        {
            return false;
        }

        var strideSeconds = times[b.InitialContact] - times[a.InitialContact];
        var stanceSeconds = times[b.FinalContact] - times[a.InitialContact];
        if (strideSeconds < options.MinimumStrideSeconds || strideSeconds > options.MaximumStrideSeconds)
        {
            return false;
        }

        var stanceFraction = stanceSeconds / strideSeconds;
        if (stanceFraction < options.MinimumStanceFraction || stanceFraction > options.MaximumStanceFraction)
        {
            return false;
        }

        var highestInStance = double.NegativeInfinity;
        for (var i = a.InitialContact; i <= b.FinalContact; i++)
        {
            highestInStance = Math.Max(highestInStance, signals.EventBand[i]);
        }

        if (highestInStance > options.MaximumStanceRateFraction * b.PeakDegreesPerSecond)
        {
            return false;
        }

        double net = 0, sagittal = 0, total = 0;
        for (var i = a.InitialContact; i < b.InitialContact; i++)
        {
            net += rate[i] * (times[i + 1] - times[i]);
            sagittal += rate[i] * rate[i];
            total += signals.Energy[i];
        }

        return Math.Abs(net) <= options.MaximumNetRotationFraction * b.ForwardDegrees && sagittal >= options.MinimumSagittalEnergyFraction * total;
    }

    private static void CloseRun(double[] times, List<(Swing From, Swing To)> run, List<Swing> swings, BodySide side, ShankGaitOptions options,
        List<Stride> strides, List<InitialContact> contacts)
    {
        if (run.Count < options.MinimumStridesPerRun)
        {
            run.Clear();
            return;
        }

        contacts.Add(new InitialContact(times[run[0].From.InitialContact], side));
        for (var k = 0; k < run.Count; k++)
        {
            var (a, b) = run[k];
            double t0 = times[a.InitialContact], t1 = times[b.InitialContact], tc = times[b.FinalContact];

            // The last stride of a run ends in standstill when the leg does not swing again within a stride's time.
            var endsInStandstill = k == run.Count - 1
                && !swings.Exists(s => times[s.FinalContact] > t1 && times[s.FinalContact] - t1 <= options.MaximumStrideSeconds);
            strides.Add(new Stride(t0, t1, side, t1 - t0,
                InitialContactSeconds: t0,
                FinalContactSeconds: tc,
                StanceSeconds: tc - t0,
                SwingSeconds: t1 - tc,
                EndsInStandstill: endsInStandstill));
            contacts.Add(new InitialContact(t1, side));
        }

        run.Clear();
    }

    private static void Negate(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = -values[i];
        }
    }

    /// <summary>The unit axis along which the angular rate of the usable samples varies most (power iteration on its second-moment matrix).</summary>
    private static Vector3 PrincipalAxis(ReadOnlySpan<ImuSample> samples, List<int> kept)
    {
        double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
        foreach (var i in kept)
        {
            var g = samples[i].AngularVelocityRadps;
            xx += g.X * g.X;
            xy += g.X * g.Y;
            xz += g.X * g.Z;
            yy += g.Y * g.Y;
            yz += g.Y * g.Z;
            zz += g.Z * g.Z;
        }

        // Start off every axis so that no eigenvector is missed by a start orthogonal to it.
        double vx = 0.577, vy = 0.578, vz = 0.576;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var nx = (xx * vx) + (xy * vy) + (xz * vz);
            var ny = (xy * vx) + (yy * vy) + (yz * vz);
            var nz = (xz * vx) + (yz * vy) + (zz * vz);
            var norm = Math.Sqrt((nx * nx) + (ny * ny) + (nz * nz));
            if (!(norm > 0))
            {
                return Vector3.UnitY;
            }

            (vx, vy, vz) = (nx / norm, ny / norm, nz / norm);
        }

        return new Vector3((float)vx, (float)vy, (float)vz);
    }
}
