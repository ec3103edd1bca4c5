using System.Numerics;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>
/// Options of <see cref="FootStrideDetector"/>. Angular rates in degrees per second (easier to read than rad/s).
/// </summary>
/// <param name="SwingPeakThresholdDegreesPerSecond">A mid-swing peak of the medio-lateral angular rate must exceed this.</param>
/// <param name="MinimumStrideSeconds">Two mid-swing peaks closer than this belong to one swing.</param>
/// <param name="MaximumStrideSeconds">A longer gap between swings is a pause, not a stride.</param>
/// <param name="SwingSmoothingCutoffHz">Low-pass used to find mid-swing peaks.</param>
/// <param name="EventSmoothingCutoffHz">Low-pass applied before the zero crossings that mark contacts.</param>
/// <param name="StillWindowSeconds">Length of the window whose angular energy is minimal at mid-stance (also the levelling window).</param>
/// <param name="VelocityDrift">Where the stride's velocity error is removed (see <see cref="VelocityDriftModel"/>).</param>
public sealed record FootStrideOptions(
    double SwingPeakThresholdDegreesPerSecond = 100,
    double MinimumStrideSeconds = 0.6,
    double MaximumStrideSeconds = 3.0,
    double SwingSmoothingCutoffHz = 3.0,
    double EventSmoothingCutoffHz = 25.0,
    double StillWindowSeconds = 0.1,
    VelocityDriftModel VelocityDrift = VelocityDriftModel.StepAtInitialContact)
{
    /// <summary>Healthy adults: brisk swings.</summary>
    public static FootStrideOptions Healthy { get; } = new();

    /// <summary>Slow walkers (older adults, walking aids): weaker swings, longer strides.</summary>
    public static FootStrideOptions SlowOrImpaired { get; } = new(SwingPeakThresholdDegreesPerSecond: 50, MinimumStrideSeconds: 0.7, MaximumStrideSeconds: 4.0);

    /// <summary>
    /// Hemiparetic gait: the paretic foot may swing at well under 100 °/s and strides may last 3–4 s. A slow paretic swing
    /// (1.5 s, about 35° of foot rotation with foot drop) peaks near 35 °/s, hence 25 °/s (40 °/s missed most paretic
    /// strides at 40 steps/min on the synthetic hemiparetic grid, HemipareticGaitGridTests).
    /// </summary>
    public static FootStrideOptions Hemiparetic { get; } = new(SwingPeakThresholdDegreesPerSecond: 25, MinimumStrideSeconds: 0.7, MaximumStrideSeconds: 5.0);
}

/// <summary>
/// Strides of one foot, from initial contact to the next initial contact, with toe-off, stance, swing and stride length.
/// Every stride is kept, including the last one of each bout into standstill (flagged <see cref="Stride.EndsInStandstill"/>).
/// </summary>
public sealed record FootStrideResult(BodySide Side, IReadOnlyList<Stride> Strides, IReadOnlyList<InitialContact> InitialContacts, FootStrideOptions Options)
{
    public DistanceModel DistanceModel { get; } = DistanceModel.FootStrapdownZeroVelocity;
}

/// <summary>
/// Stride segmentation of a foot-mounted IMU from the medio-lateral angular rate: every swing gives one large lobe
/// (mid-swing peak). Between two swings the foot rests; its mid-stance is the quietest window. Initial contact is the
/// zero crossing of the angular rate that ends the swing lobe, final contact (toe-off) the crossing that starts it.
/// The medio-lateral axis is the principal axis of the angular rate, so the sensor may sit at any angle on the shoe.
/// Stride lengths come from <see cref="FootStrapdownIntegrator"/>.
/// </summary>
public static class FootStrideDetector
{
    public static FootStrideResult Detect(ReadOnlySpan<ImuSample> samples, double samplingRateHz, BodySide side, FootStrideOptions? options = null)
    {
        options ??= FootStrideOptions.Healthy;
        var n = samples.Length;
        var strides = new List<Stride>();
        var contacts = new List<InitialContact>();
        if (n < samplingRateHz * 2)
        {
            return new FootStrideResult(side, strides, contacts, options);
        }

        var axis = PrincipalGyroAxis(samples);
        var ml = new double[n];
        var energy = new double[n];
        for (var i = 0; i < n; i++)
        {
            var g = samples[i].AngularVelocityRadps;
            ml[i] = Vector3.Dot(g, axis) * (180 / Math.PI);
            energy[i] = g.LengthSquared();
        }

        var smooth = (double[])ml.Clone();
        FilterDesign.LowPass(options.SwingSmoothingCutoffHz, samplingRateHz).FilterZeroPhase(smooth, smooth);

        // The swing lobe is the largest and longest; it survives the low-pass best. Make it negative
        // (the gaitmap foot-frame convention: dorsiflexion negative).
        double positiveEnergy = 0, negativeEnergy = 0;
        foreach (var v in smooth)
        {
            if (v > 0)
            {
                positiveEnergy += v * v;
            }
            else
            {
                negativeEnergy += v * v;
            }
        }

        if (positiveEnergy > negativeEnergy)
        {
            for (var i = 0; i < n; i++)
            {
                ml[i] = -ml[i];
                smooth[i] = -smooth[i];
            }
        }

        var events = (double[])ml.Clone();
        if (options.EventSmoothingCutoffHz < samplingRateHz / 2)
        {
            FilterDesign.LowPass(options.EventSmoothingCutoffHz, samplingRateHz).FilterZeroPhase(events, events);
        }

        var swings = SwingPeaks(smooth, samplingRateHz, options);
        var window = Math.Max(1, (int)Math.Round(options.StillWindowSeconds * samplingRateHz));
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + energy[i];
        }

        // Per swing: toe-off (last upward-to-negative crossing before the peak) and initial contact (first crossing
        // back after it); per rest after a swing: mid-stance, the quietest window before the next toe-off.
        var maxGap = (int)(options.MaximumStrideSeconds * samplingRateHz);
        var ics = new int[swings.Count];
        var tcs = new int[swings.Count];
        var mids = new int[swings.Count];
        for (var k = 0; k < swings.Count; k++)
        {
            var p = swings[k];
            var lower = k > 0 ? swings[k - 1] : Math.Max(0, p - maxGap);
            var upper = k + 1 < swings.Count ? swings[k + 1] : Math.Min(n - 1, p + maxGap);
            var tc = p;
            while (tc > lower && events[tc] < 0)
            {
                tc--;
            }

            var ic = p;
            while (ic < upper && events[ic] < 0)
            {
                ic++;
            }

            tcs[k] = tc;
            ics[k] = ic;
        }

        for (var k = 0; k < swings.Count; k++)
        {
            var from = ics[k];
            var to = k + 1 < swings.Count ? tcs[k + 1] : Math.Min(n - 1, from + (int)samplingRateHz);
            var best = -1;
            var bestEnergy = double.MaxValue;
            for (var s = from; s + window <= to; s++)
            {
                var e = prefix[s + window] - prefix[s];
                if (e < bestEnergy)
                {
                    bestEnergy = e;
                    best = s + window / 2;
                }
            }

            mids[k] = best;
            if (ics[k] > swings[k] && events[ics[k]] >= 0)
            {
                contacts.Add(new InitialContact(samples[ics[k]].TimeSeconds, side));
            }
        }

        for (var k = 0; k + 1 < swings.Count; k++)
        {
            int preIc = ics[k], ic = ics[k + 1], tc = tcs[k + 1], start = mids[k], end = mids[k + 1];
            if (start < 0 || end < 0 || ic - preIc > maxGap)
            {
                continue;
            }

            var tIc0 = samples[preIc].TimeSeconds;
            var tIc1 = samples[ic].TimeSeconds;
            var strideTime = tIc1 - tIc0;
            var swing = tIc1 - samples[tc].TimeSeconds;
            var length = FootStrapdownIntegrator.StrideLengthMeters(samples, start, end, ic, samplingRateHz, window, options.VelocityDrift);

            // The stance that ends this stride is closed only if the foot swings again within the same bout.
            var endsInStandstill = k + 2 >= swings.Count || ics[k + 2] - ic > maxGap;
            strides.Add(new Stride(tIc0, tIc1, side, strideTime,
                InitialContactSeconds: tIc0,
                FinalContactSeconds: samples[tc].TimeSeconds,
                StanceSeconds: strideTime - swing,
                SwingSeconds: swing,
                StrideLengthMeters: length,
                EndsInStandstill: endsInStandstill));
        }

        return new FootStrideResult(side, strides, contacts, options);
    }

    private static List<int> SwingPeaks(double[] smooth, double samplingRateHz, FootStrideOptions options)
    {
        var peaks = new List<int>();
        var minGap = (int)(options.MinimumStrideSeconds * samplingRateHz);
        for (var i = 1; i + 1 < smooth.Length; i++)
        {
            if (smooth[i] < -options.SwingPeakThresholdDegreesPerSecond && smooth[i] <= smooth[i - 1] && smooth[i] < smooth[i + 1])
            {
                if (peaks.Count > 0 && i - peaks[^1] < minGap)
                {
                    if (smooth[i] < smooth[peaks[^1]])
                    {
                        peaks[^1] = i;
                    }

                    continue;
                }

                peaks.Add(i);
            }
        }

        return peaks;
    }

    /// <summary>The unit axis along which the angular rate varies most (power iteration on its second-moment matrix).</summary>
    internal static Vector3 PrincipalGyroAxis(ReadOnlySpan<ImuSample> samples)
    {
        double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
        foreach (var s in samples)
        {
            var g = s.AngularVelocityRadps;
            xx += g.X * g.X; xy += g.X * g.Y; xz += g.X * g.Z;
            yy += g.Y * g.Y; yz += g.Y * g.Z; zz += g.Z * g.Z;
        }

        double vx = 0.3, vy = 0.9, vz = 0.2;
        for (var it = 0; it < 100; it++)
        {
            var nx = xx * vx + xy * vy + xz * vz;
            var ny = xy * vx + yy * vy + yz * vz;
            var nz = xz * vx + yz * vy + zz * vz;
            var norm = Math.Sqrt(nx * nx + ny * ny + nz * nz);
            if (norm == 0)
            {
                return Vector3.UnitY;
            }

            vx = nx / norm; vy = ny / norm; vz = nz / norm;
        }

        return new Vector3((float)vx, (float)vy, (float)vz);
    }
}
