using Ambulo.Motion.Filters;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>Options of <see cref="LowerBackGaitDetector"/>.</summary>
/// <param name="StepBandCutoffHz">Low-pass that keeps the step rhythm of the vertical acceleration.</param>
/// <param name="MinimumPeakMps2">A step's vertical acceleration peak must rise this far above zero.</param>
/// <param name="MinimumStepSeconds">Shortest step (two candidate peaks closer than this are one step).</param>
/// <param name="MaximumStepSeconds">Longest step; a longer gap ends a walking bout.</param>
/// <param name="MinimumStepsPerBout">Fewer steps in a row are not walking (Mobilise-D bouts: at least four strides, i.e. six contacts).</param>
/// <param name="PeakToContactSeconds">Initial contact precedes the vertical-acceleration peak by this much.</param>
/// <param name="SensorHeightMeters">Height of the sensor above the ground (≈ leg length); null = no distance.</param>
/// <param name="PendulumCorrectionFactor">Multiplier K on the inverted-pendulum step length (default 4.587/4, the Mobilise-D
/// factor for people with MS in mobgap's SlZijlstra; Zijlstra &amp; Hof 2003 used 1.25).</param>
/// <param name="ContactSearchSeconds">How far before a step's peak the initial contact is searched.</param>
/// <param name="FillSkippedSteps">Look for a step under the threshold where two detected steps are about two step times apart.</param>
/// <param name="DropClosingStep">Leave out the last bounce of a bout (the closing step that starts no stride).</param>
/// <param name="MinimumSkippedRiseMps2">Such a skipped step's vertical acceleration peak must rise this far above the lowest point around it.</param>
/// <param name="RhythmPenalty">Steps inside a bout are re-chosen by the bout's rhythm (see <see cref="LowerBackGaitDetector"/>): weight of the
/// penalty ln²(d/T) on a step interval d that differs from the bout's step time T; 0 keeps the thresholded peaks.</param>
/// <param name="CandidateFloorMps2">Lowest vertical-acceleration peak that can be a step when the rhythm asks for one.</param>
/// <param name="PeriodicBoutIntervalRatio">Outside the bouts found from thresholded peaks, a chain of bounces above
/// <paramref name="CandidateFloorMps2"/> whose intervals stay within this ratio of the chain's mean is a walking bout if its
/// signal is periodic (see <see cref="PeriodicBouts"/>); 0 turns the search off.</param>
/// <param name="PeriodicBoutMinimumCorrelation">Normalised autocorrelation of the step band at the chain's step time needed
/// for such a bout.</param>
/// <param name="PeriodicBoutMinimumYawAlternation">The pelvis yaw rate of such a bout must anti-correlate at the step time by at
/// least this much (it turns one way at a left step, the other way at a right one).</param>
/// <param name="PeriodicBoutMinimumSteps">Steps (links of the chain, a skipped step counting as one) such a bout needs.</param>
/// <param name="InitiationStrideRatio">A bout's first one or two steps are left out when the stride each starts takes more
/// than this many times the bout's median stride (gait initiation: rising from a chair, a first hesitant step), so that
/// the bout and its cadence, steps and speed describe the walking itself; 0 keeps them.</param>
/// <param name="StepLengthScale">Each pendulum step length L of a step lasting T seconds becomes max(0, cos ψ·(scale·L + speed
/// offset·T)), ψ the trunk's turn during the step: on a straight stride, its speed becomes scale × the pendulum's + the speed
/// offset (see <see cref="LowerBackStepLength"/>). Fitted on the INDIP strides of the mobgap lower-back data (2 healthy adults,
/// 1 person with MS) and checked leave-one-participant-out by <c>validate gait mobgap-lowerback</c> (docs/accuracy.md); 1 and
/// 0 turn it off.</param>
/// <param name="StepLengthSpeedOffsetMetersPerSecond">The speed offset of that calibration, in m/s (metres per second of step).</param>
/// <param name="MaximumPauseSeconds">Stretches of steps separated by a pause (an interval over
/// <paramref name="MaximumStepSeconds"/>) up to this long are one walking bout, as in the Mobilise-D definition (a break
/// over 3 s ends a bout); the steps around a pause start and end no stride. 0 (or not over the longest step) ends a bout at
/// every pause.</param>
public sealed record LowerBackGaitOptions(
    double StepBandCutoffHz = 3.0,
    double MinimumPeakMps2 = 0.5,
    double MinimumStepSeconds = 0.3,
    double MaximumStepSeconds = 1.25,
    int MinimumStepsPerBout = 4,
    double PeakToContactSeconds = 0.05,
    double? SensorHeightMeters = null,
    double PendulumCorrectionFactor = 4.587 / 4,
    double ContactSearchSeconds = 0.3,
    bool FillSkippedSteps = true,
    double MinimumSkippedRiseMps2 = 0.1,
    bool DropClosingStep = true,
    double RhythmPenalty = 4,
    double CandidateFloorMps2 = 0.2,
    double PeriodicBoutIntervalRatio = 0,
    double PeriodicBoutMinimumCorrelation = 0.5,
    double PeriodicBoutMinimumYawAlternation = 0.4,
    int PeriodicBoutMinimumSteps = 10,
    double InitiationStrideRatio = 0,
    double StepLengthScale = 1.106,
    double StepLengthSpeedOffsetMetersPerSecond = -0.115,
    double MaximumPauseSeconds = 0)
{
    public static LowerBackGaitOptions Healthy { get; } = new();

    /// <summary>
    /// Slow walkers (older adults, MS, walking aids): steps up to 2 s apart still belong to one bout, and a bout needs
    /// six contacts (four strides, the Mobilise-D minimum) so that a few steps while turning or reaching are not walking.
    /// </summary>
    /// <remarks>
    /// Bouts are also searched outside the thresholded peaks (<see cref="PeriodicBouts"/>): a chain of at least ten steps
    /// whose intervals stay within 1.2× of their mean, with a step-band autocorrelation of 0.5 at the step time and a yaw
    /// autocorrelation of −0.4 there. The values are this project's: on 60 seeded two-minute trains of random bounces with
    /// random yaw twitches they add no bout; on the mobgap files they find one slow, uneven walk (HA/001 28.6–33.3 s).
    /// A bout's first steps are left out while their stride takes over 1.3 times the bout's median (gait initiation; the
    /// INDIP reference bouts of the mobgap data start after them; 1.25–1.3 gave the same result there, 1.4–1.6 kept one
    /// such step more, 1.8 none).
    /// Stretches of steps separated by a standstill of up to 3 s are one bout (<see cref="LowerBackGaitOptions.MaximumPauseSeconds"/>):
    /// the Mobilise-D consensus bout definition (Kluge et al., PLoS One 2021;16:e0256541; mobgap's bout assembly breaks a
    /// bout at a pause over 3 s), which the INDIP reference bouts of the mobgap data follow.
    /// </remarks>
    public static LowerBackGaitOptions SlowOrImpaired { get; } = new(MaximumStepSeconds: 2.0, MinimumStepsPerBout: 6,
        PeriodicBoutIntervalRatio: 1.2, PeriodicBoutMinimumCorrelation: 0.5, PeriodicBoutMinimumYawAlternation: 0.4, PeriodicBoutMinimumSteps: 10,
        InitiationStrideRatio: 1.3, MaximumPauseSeconds: 3.0);

    /// <summary>Hemiparetic gait: weaker trunk bounce and steps up to 2.5 s apart.</summary>
    public static LowerBackGaitOptions Hemiparetic { get; } = new(MinimumPeakMps2: 0.3, MaximumStepSeconds: 2.5);
}

/// <summary>Result of <see cref="LowerBackGaitDetector.Detect"/>.</summary>
public sealed record LowerBackGaitResult(
    IReadOnlyList<InitialContact> InitialContacts,
    IReadOnlyList<Stride> Strides,
    IReadOnlyList<WalkingBout> WalkingBouts,
    DistanceModel DistanceModel,
    LowerBackGaitOptions Options)
{
    /// <summary>The sample index of every contact, one array per walking bout (in bout order; <see cref="InitialContacts"/> holds them in the same order).</summary>
    internal IReadOnlyList<int[]> BoutContactSamples { get; init; } = [];
}

/// <summary>
/// Gait from one sensor on the lower back (L5), in any orientation: the acceleration along gravity shows one peak per
/// step (the body's centre of mass is lowest and decelerating just after heel strike); runs of regular peaks are
/// walking bouts. Left and right alternate within a bout; which is which comes from the sign of the pelvis yaw rate at
/// contact, voted over the contact and its neighbours. Step length by the inverted-pendulum model of Zijlstra &amp; Hof
/// (Gait Posture 2003;18:1–10) in <see cref="LowerBackStepLength"/>.
/// </summary>
public static class LowerBackGaitDetector
{
    public static LowerBackGaitResult Detect(ReadOnlySpan<ImuSample> samples, double samplingRateHz, LowerBackGaitOptions? options = null)
    {
        options ??= LowerBackGaitOptions.Healthy;
        var n = samples.Length;
        var contacts = new List<InitialContact>();
        var strides = new List<Stride>();
        var bouts = new List<WalkingBout>();
        var boutContacts = new List<int[]>();
        var model = options.SensorHeightMeters is > 0 ? DistanceModel.InvertedPendulum : DistanceModel.None;
        if (n < samplingRateHz * 2)
        {
            return new LowerBackGaitResult(contacts, strides, bouts, model, options);
        }

        var (vertical, yaw) = TrunkSignals.Compute(samples, samplingRateHz);
        var step = (double[])vertical.Clone();
        var yawBand = (double[])yaw.Clone();
        FilterDesign.LowPass(options.StepBandCutoffHz, samplingRateHz).FilterZeroPhase(step, FilterDesign.HighPass(0.4, samplingRateHz), yawBand);
        FilterDesign.LowPass(1.5, samplingRateHz).FilterZeroPhase(yawBand, yawBand);

        var peaks = StepPeaks(step, samplingRateHz, options);
        if (options.FillSkippedSteps)
        {
            peaks = FillSkippedSteps(step, peaks, samplingRateHz, options);
        }

        var runs = Bouts(peaks, samplingRateHz, options);
        if (options.PeriodicBoutIntervalRatio > 1)
        {
            foreach (var periodic in PeriodicBouts.Find(step, yawBand, runs.ConvertAll(r => (r[0][0], r[^1][^1])), samplingRateHz, options))
            {
                runs.Add([periodic]);
            }

            runs.Sort((a, b) => a[0][0].CompareTo(b[0][0]));
        }

        foreach (var pieces in runs)
        {
            var run = pieces.Count == 1 ? pieces[0] : pieces.SelectMany(p => p).ToList();
            if (options.RhythmPenalty > 0)
            {
                // Over a pause the rhythm may carry on through bounces in it or stop at one end and resume at the other.
                List<(int End, int Start)>? pauses = pieces.Count == 1 ? null : [.. pieces.Skip(1).Select((p, k) => (pieces[k][^1], p[0]))];
                run = RhythmSteps(step, run, samplingRateHz, options, pauses);
            }

            if (options.InitiationStrideRatio > 1)
            {
                run = WithoutInitiation(run, options);
            }

            boutContacts.Add(AddBout(samples, samplingRateHz, run, vertical, yaw, step, yawBand, options, contacts, strides, bouts));
        }

        return new LowerBackGaitResult(contacts, strides, bouts, model, options) { BoutContactSamples = boutContacts };
    }

    /// <summary>
    /// The contacts of <paramref name="detected"/> (a detection of these <paramref name="samples"/>) with the step lengths,
    /// stride lengths and the bouts' distance and speed worked out again under <paramref name="options"/>' sensor height and
    /// step-length constants. Which contacts are found does not depend on those, so a calibration can be tried without
    /// detecting again; the result is the same as <see cref="Detect"/> with <paramref name="options"/> would give.
    /// </summary>
    public static LowerBackGaitResult WithStepLengths(LowerBackGaitResult detected, ReadOnlySpan<ImuSample> samples, double samplingRateHz, LowerBackGaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(detected);
        ArgumentNullException.ThrowIfNull(options);
        if (detected.BoutContactSamples.Count != detected.WalkingBouts.Count || detected.BoutContactSamples.Sum(b => b.Length) != detected.InitialContacts.Count)
        {
            throw new ArgumentException("the result does not come from LowerBackGaitDetector.Detect", nameof(detected));
        }

        var model = options.SensorHeightMeters is > 0 ? DistanceModel.InvertedPendulum : DistanceModel.None;
        var strides = new List<Stride>();
        var bouts = new List<WalkingBout>();
        if (detected.WalkingBouts.Count > 0)
        {
            var (vertical, yaw) = TrunkSignals.Compute(samples, samplingRateHz);
            var first = 0;
            foreach (var ics in detected.BoutContactSamples)
            {
                var sides = new BodySide[ics.Length];
                for (var k = 0; k < ics.Length; k++)
                {
                    sides[k] = detected.InitialContacts[first + k].Side;
                }

                first += ics.Length;
                AddStridesAndBout(samples, samplingRateHz, ics, sides, vertical, yaw, options, strides, bouts);
            }
        }

        return new LowerBackGaitResult(detected.InitialContacts, strides, bouts, model, options) { BoutContactSamples = detected.BoutContactSamples };
    }

    /// <summary>
    /// The walking bouts among the step peaks, each as its pieces: stretches of steps at most
    /// <see cref="LowerBackGaitOptions.MaximumStepSeconds"/> apart. Without a pause allowance each stretch of at least
    /// <see cref="LowerBackGaitOptions.MinimumStepsPerBout"/> steps is a bout of one piece. With
    /// <see cref="LowerBackGaitOptions.MaximumPauseSeconds"/> a stretch of at least that many steps takes in the stretches
    /// around it that follow each other with pauses up to that long (stretches of fewer than three steps, which hold no
    /// stride, are left out), as the Mobilise-D walking-bout definition does.
    /// </summary>
    private static List<List<List<int>>> Bouts(List<int> peaks, double fs, LowerBackGaitOptions options)
    {
        var maxGap = options.MaximumStepSeconds * fs;
        var pieces = new List<List<int>>();
        var runStart = 0;
        for (var i = 1; i <= peaks.Count; i++)
        {
            if (i < peaks.Count && peaks[i] - peaks[i - 1] <= maxGap)
            {
                continue;
            }

            pieces.Add(peaks.GetRange(runStart, i - runStart));
            runStart = i;
        }

        var bouts = new List<List<List<int>>>();
        if (options.MaximumPauseSeconds <= options.MaximumStepSeconds)
        {
            foreach (var piece in pieces)
            {
                if (piece.Count >= options.MinimumStepsPerBout)
                {
                    bouts.Add([piece]);
                }
            }

            return bouts;
        }

        var maxPause = options.MaximumPauseSeconds * fs;
        pieces.RemoveAll(p => p.Count < 3);
        var group = new List<List<int>>();
        for (var k = 0; k <= pieces.Count; k++)
        {
            if (k < pieces.Count && (group.Count == 0 || pieces[k][0] - group[^1][^1] <= maxPause))
            {
                group.Add(pieces[k]);
                continue;
            }

            if (group.Exists(p => p.Count >= options.MinimumStepsPerBout))
            {
                bouts.Add(group);
            }

            group = k < pieces.Count ? [pieces[k]] : [];
        }

        return bouts;
    }

    /// <summary>
    /// The steps of a bout re-chosen by its rhythm, threshold-free inside the bout: every local maximum of the step band
    /// above <see cref="LowerBackGaitOptions.CandidateFloorMps2"/> (or half the run's lower-quartile bounce, if lower)
    /// between the bout's first and last step is a candidate,
    /// and the path from first to last step that maximises Σ min(bounce/B, 1) − penalty·Σ ln²(d/T) is kept (B the bout's
    /// median bounce, T its median step time, d each interval of the path; dynamic programming over the candidates). A
    /// weak step where the rhythm expects one (the weaker leg, a shuffle) is taken; a second bump that would split one
    /// step into two short ones, or a weak bump far from the rhythm, is not. A bout joined over <paramref name="pauses"/>
    /// (the last step before each pause and the first after it, see <see cref="LowerBackGaitOptions.MaximumPauseSeconds"/>)
    /// takes T from the intervals that are not pauses, and at each pause the path may go through the bounces in it like
    /// anywhere else or jump from the step before to the step after at no cost: weak steps that carry the rhythm on (a slow
    /// turn) are kept, bumps off the rhythm in a standstill are not.
    /// </summary>
    internal static List<int> RhythmSteps(double[] step, List<int> run, double fs, LowerBackGaitOptions options, List<(int End, int Start)>? pauses = null)
    {
        if (run.Count < 3)
        {
            return run;
        }

        var minGap = options.MinimumStepSeconds * fs;
        var maxGap = options.MaximumStepSeconds * fs;
        var values = new double[run.Count - 1];
        var steps = 0;
        for (var k = 0; k + 1 < run.Count; k++)
        {
            if (run[k + 1] - run[k] <= maxGap)
            {
                values[steps++] = run[k + 1] - run[k];
            }
        }

        var stepTime = Median(values.AsSpan(0, Math.Max(1, steps)));
        for (var k = 0; k + 1 < run.Count; k++)
        {
            values[k] = step[run[k]];
        }

        var bounce = Math.Max(Median(values), 1e-6);

        // A run whose lower-quartile bounce is under twice the floor (the weaker leg's steps added by FillStrideRuns) lowers
        // the floor to half that bounce, so those steps stay candidates; runs of thresholded steps keep the floor.
        var floor = Math.Min(options.CandidateFloorMps2, 0.5 * values[(values.Length - 1) / 4]);
        var candidates = new List<int>();
        for (var i = run[0]; i <= run[^1]; i++)
        {
            if (i == run[0] || i == run[^1] || (step[i] >= floor && step[i] >= step[i - 1] && step[i] > step[i + 1]))
            {
                candidates.Add(i);
            }
        }

        var best = new double[candidates.Count];
        var previous = new int[candidates.Count];
        previous[0] = -1;
        var lo = 0;
        var pause = 0;
        for (var c = 1; c < candidates.Count; c++)
        {
            best[c] = double.NegativeInfinity;
            previous[c] = -1;
            while (candidates[c] - candidates[lo] > maxGap)
            {
                lo++;
            }

            if (pauses is not null && pause < pauses.Count && candidates[c] == pauses[pause].Start)
            {
                // The pause itself: from the last step before it to the first after it, at no cost.
                var end = candidates.BinarySearch(pauses[pause].End);
                if (end >= 0 && (end == 0 || previous[end] >= 0))
                {
                    best[c] = best[end];
                    previous[c] = end;
                }

                pause++;
            }

            for (var j = lo; j < c; j++)
            {
                var d = candidates[c] - candidates[j];
                if (d < minGap || previous[j] < 0 && j > 0)
                {
                    continue;
                }

                var log = Math.Log(d / stepTime);
                var value = best[j] - options.RhythmPenalty * log * log;
                if (value > best[c])
                {
                    best[c] = value;
                    previous[c] = j;
                }
            }

            best[c] += Math.Min(step[candidates[c]] / bounce, 1);
        }

        if (previous[^1] < 0)
        {
            return run;
        }

        var chosen = new List<int>();
        for (var c = candidates.Count - 1; c >= 0; c = previous[c])
        {
            chosen.Add(candidates[c]);
        }

        chosen.Reverse();
        return chosen;
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /// <summary>
    /// A bout's steps without its gait initiation: the first step, and then the second, is left out while the stride it
    /// starts (the time to the same foot's next contact) takes more than <see cref="LowerBackGaitOptions.InitiationStrideRatio"/>
    /// times the bout's median stride, as long as the bout keeps <see cref="LowerBackGaitOptions.MinimumStepsPerBout"/> steps.
    /// </summary>
    private static List<int> WithoutInitiation(List<int> run, LowerBackGaitOptions options)
    {
        if (run.Count < 4)
        {
            return run;
        }

        Span<double> strideTimes = run.Count <= 256 ? stackalloc double[run.Count - 2] : new double[run.Count - 2];
        for (var k = 0; k + 2 < run.Count; k++)
        {
            strideTimes[k] = run[k + 2] - run[k];
        }

        var first = strideTimes[0];
        var second = strideTimes[1];
        var longest = options.InitiationStrideRatio * Median(strideTimes);
        var drop = first > longest ? (second > longest ? 2 : 1) : 0;
        return drop > 0 && run.Count - drop >= options.MinimumStepsPerBout ? run.GetRange(drop, run.Count - drop) : run;
    }

    private static List<int> StepPeaks(double[] step, double samplingRateHz, LowerBackGaitOptions options)
    {
        var peaks = new List<int>();
        var minGap = options.MinimumStepSeconds * samplingRateHz;
        for (var i = 1; i + 1 < step.Length; i++)
        {
            if (step[i] < options.MinimumPeakMps2 || step[i] < step[i - 1] || step[i] < step[i + 1])
            {
                continue;
            }

            if (peaks.Count > 0 && i - peaks[^1] < minGap)
            {
                if (step[i] > step[peaks[^1]])
                {
                    peaks[^1] = i;
                }

                continue;
            }

            peaks.Add(i);
        }

        return peaks;
    }

    /// <summary>
    /// A step whose trunk bounce stays under the peak threshold (the weaker leg of an asymmetric gait, a shuffling
    /// step) leaves a gap of about two steps between detected peaks. Where a gap is 1.6–2.6 times the local step time
    /// (median of the neighbouring intervals), the highest local maximum near its middle is taken as the skipped step.
    /// </summary>
    private static List<int> FillSkippedSteps(double[] step, List<int> peaks, double fs, LowerBackGaitOptions options)
    {
        if (peaks.Count < 3)
        {
            return peaks;
        }

        peaks = FillStrideRuns(step, peaks, fs, options);

        var filled = new List<int>(peaks.Count + 16) { peaks[0] };
        Span<int> neighbours = stackalloc int[4];
        var maxGap = 2 * options.MaximumStepSeconds * fs;
        for (var i = 1; i < peaks.Count; i++)
        {
            var gap = peaks[i] - peaks[i - 1];
            var n = 0;
            foreach (var k in (ReadOnlySpan<int>)[i - 2, i - 1, i + 1, i + 2])
            {
                if (k >= 1 && k < peaks.Count && k != i)
                {
                    var interval = peaks[k] - peaks[k - 1];
                    if (interval <= options.MaximumStepSeconds * fs)
                    {
                        neighbours[n++] = interval;
                    }
                }
            }

            if (n >= 2 && gap <= maxGap)
            {
                var local = neighbours[..n];
                local.Sort();
                var stepTime = n % 2 == 1 ? local[n / 2] : (local[n / 2 - 1] + local[n / 2]) / 2.0;
                if (gap >= 1.6 * stepTime && gap <= 2.6 * stepTime)
                {
                    var mid = (peaks[i - 1] + peaks[i]) / 2;
                    var half = (int)(0.3 * stepTime);
                    var best = -1;
                    var lowest = double.MaxValue;
                    for (var j = Math.Max(1, mid - half); j <= Math.Min(step.Length - 2, mid + half); j++)
                    {
                        lowest = Math.Min(lowest, step[j]);
                        if (step[j] >= step[j - 1] && step[j] >= step[j + 1] && (best < 0 || step[j] > step[best]))
                        {
                            best = j;
                        }
                    }

                    if (best >= 0 && step[best] - lowest >= options.MinimumSkippedRiseMps2)
                    {
                        filled.Add(best);
                    }
                }
            }

            filled.Add(peaks[i]);
        }

        return filled;
    }

    /// <summary>
    /// Where the weaker leg's bounce stays under the threshold for a whole stretch, the detected peaks are one stride
    /// apart and have no regular step-long neighbours to fill between. A run of at least four such intervals (each
    /// 2 × 0.9 × <see cref="LowerBackGaitOptions.MinimumStepSeconds"/> to 2 × <see cref="LowerBackGaitOptions.MaximumStepSeconds"/>,
    /// consecutive ones within a factor 1.4) is a stride run if at least three quarters of its intervals hold a bounce
    /// (a local maximum rising <see cref="LowerBackGaitOptions.MinimumSkippedRiseMps2"/> above the lowest point since the
    /// interval's start, as <see cref="FillSkippedSteps"/> asks of a skipped step) between
    /// 20 % and 80 % of the interval, at the same phase of the stride (within ±0.12 of the run's median phase): the weak
    /// step keeps its phase from stride to stride, bumps of arm or cane movement wander. Those bounces are added as steps.
    /// </summary>
    private static List<int> FillStrideRuns(double[] step, List<int> peaks, double fs, LowerBackGaitOptions options)
    {
        var minStride = 1.8 * options.MinimumStepSeconds * fs;
        var maxStride = 2 * options.MaximumStepSeconds * fs;
        List<int>? filled = null;
        var runStart = 1;
        for (var i = 1; i <= peaks.Count; i++)
        {
            var inRange = i < peaks.Count && peaks[i] - peaks[i - 1] >= minStride && peaks[i] - peaks[i - 1] <= maxStride;
            if (inRange && (i == runStart || IsNear(peaks[i] - peaks[i - 1], peaks[i - 1] - peaks[i - 2], 1.4)))
            {
                continue;
            }

            // Intervals runStart..i-1 (interval k lies between peaks[k-1] and peaks[k]).
            var count = i - runStart;
            if (count >= 4)
            {
                var found = new int[count];
                var phases = new double[count];
                var withBounce = 0;
                for (var k = 0; k < count; k++)
                {
                    var a = peaks[runStart + k - 1];
                    var b = peaks[runStart + k];
                    found[k] = HighestBounce(step, a + (int)(0.2 * (b - a)), a + (int)(0.8 * (b - a)), a, options);
                    if (found[k] >= 0)
                    {
                        phases[withBounce++] = (found[k] - a) / (double)(b - a);
                    }
                }

                if (withBounce * 4 >= count * 3)
                {
                    var median = Median(phases.AsSpan(0, withBounce));
                    var inPhase = 0;
                    for (var k = 0; k < count; k++)
                    {
                        var a = peaks[runStart + k - 1];
                        var b = peaks[runStart + k];
                        if (found[k] >= 0 && Math.Abs((found[k] - a) / (double)(b - a) - median) <= 0.12)
                        {
                            inPhase++;
                        }
                        else
                        {
                            found[k] = -1;
                        }
                    }

                    if (inPhase * 4 >= count * 3)
                    {
                        filled ??= [.. peaks];
                        foreach (var f in found)
                        {
                            if (f >= 0)
                            {
                                filled.Add(f);
                            }
                        }
                    }
                }
            }

            runStart = inRange ? i : i + 1;
        }

        if (filled is null)
        {
            return peaks;
        }

        filled.Sort();
        return filled;
    }

    private static bool IsNear(int a, int b, double factor) => a <= factor * b && b <= factor * a;

    /// <summary>
    /// The highest local maximum of the step band in [from, to] that rises at least the skipped-step rise above the lowest
    /// point between <paramref name="since"/> and it; −1 if none.
    /// </summary>
    private static int HighestBounce(double[] step, int from, int to, int since, LowerBackGaitOptions options)
    {
        var lowest = double.MaxValue;
        for (var j = since; j < from; j++)
        {
            lowest = Math.Min(lowest, step[j]);
        }

        var best = -1;
        var bestRise = 0.0;
        for (var j = Math.Max(1, from); j <= Math.Min(step.Length - 2, to); j++)
        {
            lowest = Math.Min(lowest, step[j]);
            if (step[j] >= step[j - 1] && step[j] > step[j + 1] && step[j] - lowest >= options.MinimumSkippedRiseMps2 && (best < 0 || step[j] > step[best]))
            {
                best = j;
                bestRise = step[j] - lowest;
            }
        }

        return bestRise > 0 ? best : -1;
    }

    /// <summary>Adds a bout's contacts, strides and the bout itself; returns the contacts' sample indices.</summary>
    private static int[] AddBout(ReadOnlySpan<ImuSample> samples, double fs, List<int> peaks, double[] vertical, double[] yaw, double[] step, double[] yawBand,
        LowerBackGaitOptions options, List<InitialContact> contacts, List<Stride> strides, List<WalkingBout> bouts)
    {
        var ics = peaks.Select(p => ContactBeforePeak(step, p, fs, options)).ToList();
        if (options.DropClosingStep && ics.Count > 2)
        {
            // The last trunk bounce of a bout is the step that brings the feet together (or the trunk stopping); it
            // starts no stride, and the Mobilise-D bout definition ends the bout at the last full stride's contact.
            ics.RemoveAt(ics.Count - 1);
        }

        // Sides alternate; the pelvis yaw rate at a contact votes which is which (positive at a right contact). The vote is
        // local (the contact and three on each side), so one missed or extra step flips the sides only near itself.
        var sides = new BodySide[ics.Count];
        for (var k = 0; k < ics.Count; k++)
        {
            var vote = 0;
            for (var j = Math.Max(0, k - 3); j <= Math.Min(ics.Count - 1, k + 3); j++)
            {
                vote += ((j - k) % 2 == 0 ? 1 : -1) * Math.Sign(yawBand[ics[j]]);
            }

            sides[k] = vote >= 0 ? BodySide.Right : BodySide.Left;
            contacts.Add(new InitialContact(samples[ics[k]].TimeSeconds, sides[k]));
        }

        var samplesOfContacts = ics.ToArray();
        AddStridesAndBout(samples, fs, samplesOfContacts, sides, vertical, yaw, options, strides, bouts);
        return samplesOfContacts;
    }

    /// <summary>The strides and the bout of one bout's contacts (sample indices <paramref name="ics"/>, feet <paramref name="sides"/>), with step lengths when the options give a sensor height.</summary>
    private static void AddStridesAndBout(ReadOnlySpan<ImuSample> samples, double fs, int[] ics, BodySide[] sides, double[] vertical, double[] yaw,
        LowerBackGaitOptions options, List<Stride> strides, List<WalkingBout> bouts)
    {
        var maxStep = options.MaximumStepSeconds * fs;
        var stepLengths = new double?[ics.Length - 1];
        if (options.SensorHeightMeters is { } height and > 0)
        {
            var raw = LowerBackStepLength.StepLengthsMeters(vertical, yaw, ics, fs, height, options.PendulumCorrectionFactor, options.StepLengthScale, options.StepLengthSpeedOffsetMetersPerSecond);
            for (var k = 0; k < raw.Length; k++)
            {
                // A pause (an interval over the longest step, inside a bout joined by MaximumPauseSeconds) is no step.
                stepLengths[k] = ics[k + 1] - ics[k] <= maxStep ? raw[k] : null;
            }
        }

        for (var k = 0; k + 2 < ics.Length; k++)
        {
            if (ics[k + 1] - ics[k] > maxStep || ics[k + 2] - ics[k + 1] > maxStep)
            {
                // The stride holds a pause (a bout of stretches joined by MaximumPauseSeconds).
                continue;
            }

            var t0 = samples[ics[k]].TimeSeconds;
            var t1 = samples[ics[k + 2]].TimeSeconds;
            double? length = stepLengths[k] is { } a && stepLengths[k + 1] is { } b ? a + b : null;
            strides.Add(new Stride(t0, t1, sides[k], t1 - t0, InitialContactSeconds: t0, StrideLengthMeters: length));
        }

        var start = samples[ics[0]].TimeSeconds;
        var end = samples[ics[^1]].TimeSeconds;
        var times = new double[ics.Length];
        for (var k = 0; k < ics.Length; k++)
        {
            times[k] = samples[ics[k]].TimeSeconds;
        }

        var cadence = CadenceStepsPerMinute(times, options.MaximumStepSeconds) ?? 60.0 * (ics.Length - 1) / (end - start);
        double? distance = options.SensorHeightMeters is > 0 ? stepLengths.Sum(x => x ?? 0) : null;
        bouts.Add(new WalkingBout(start, end, ics.Length, cadence, distance, distance is null ? null : BoutSpeedMetersPerSecond(stepLengths, times, options.MaximumStepSeconds) ?? distance / (end - start)));
    }

    /// <summary>
    /// Initial contact of the step whose vertical-acceleration peak is at <paramref name="peak"/>: the steepest rise
    /// within the search window before the peak (heel strike loads the leg and the pelvis starts decelerating downward).
    /// </summary>
    private static int ContactBeforePeak(double[] step, int peak, double fs, LowerBackGaitOptions options)
    {
        var from = Math.Max(1, peak - (int)Math.Round(options.ContactSearchSeconds * fs));
        var best = Math.Max(0, peak - (int)Math.Round(options.PeakToContactSeconds * fs));
        var bestSlope = double.MinValue;
        for (var i = peak; i >= from; i--)
        {
            var slope = step[i] - step[i - 1];
            if (slope > bestSlope)
            {
                bestSlope = slope;
                best = i;
            }

            if (step[i - 1] > step[i])
            {
                break;
            }
        }

        return best;
    }

    /// <summary>
    /// Gait speed of a bout as the Mobilise-D reference defines it (like its cadence, see <see cref="CadenceStepsPerMinute"/>):
    /// the mean over the bout's strides (contact k to k + 2) of stride length ÷ stride time, each stride's length the sum of
    /// its two steps <paramref name="stepLengths"/> (between consecutive <paramref name="contactSeconds"/>). Null without a
    /// stride. Distance ÷ duration weights each stride by its time, so slow strides count more; on the mobgap data it scored
    /// slightly better (0.070 against 0.072 m/s in session 4, docs/accuracy-history.md), but the figure should compare the
    /// reference's own quantity, so its definition is kept. As for the cadence, a stride holding an interval longer
    /// than <paramref name="maximumStepSeconds"/> spans a pause and is not a stride.
    /// </summary>
    internal static double? BoutSpeedMetersPerSecond(IReadOnlyList<double?> stepLengths, ReadOnlySpan<double> contactSeconds, double maximumStepSeconds)
    {
        var sum = 0.0;
        var strides = 0;
        for (var k = 0; k + 2 < contactSeconds.Length && k + 1 < stepLengths.Count; k++)
        {
            if (stepLengths[k] is { } a && stepLengths[k + 1] is { } b && contactSeconds[k + 2] > contactSeconds[k]
                && contactSeconds[k + 1] - contactSeconds[k] <= maximumStepSeconds && contactSeconds[k + 2] - contactSeconds[k + 1] <= maximumStepSeconds)
            {
                sum += (a + b) / (contactSeconds[k + 2] - contactSeconds[k]);
                strides++;
            }
        }

        return strides > 0 ? sum / strides : null;
    }

    /// <summary>
    /// Cadence of a run of contacts (sorted times in seconds) as the Mobilise-D reference defines it per walking bout: the
    /// mean over the bout's strides (contact k to contact k + 2) of 120 / stride time. A stride holding an interval longer
    /// than <paramref name="maximumStepSeconds"/> spans a pause (or steps not detected) and is not a stride. Null when no
    /// stride remains. Each stride holds one step of each foot, so an asymmetric gait keeps its true mean.
    /// The INDIP and Stereophoto bout cadences of the mobgap data are exactly this mean (checked on every bout with complete
    /// strides); steps ÷ time spent stepping, which weights slow steps by their length, reads up to 3 % lower on the same contacts.
    /// </summary>
    public static double? CadenceStepsPerMinute(ReadOnlySpan<double> contactSeconds, double maximumStepSeconds)
    {
        var strides = 0;
        var sum = 0.0;
        for (var k = 2; k < contactSeconds.Length; k++)
        {
            var first = contactSeconds[k - 1] - contactSeconds[k - 2];
            var second = contactSeconds[k] - contactSeconds[k - 1];
            if (first > 0 && second > 0 && first <= maximumStepSeconds && second <= maximumStepSeconds)
            {
                strides++;
                sum += 120 / (first + second);
            }
        }

        return strides > 0 ? sum / strides : null;
    }
}
