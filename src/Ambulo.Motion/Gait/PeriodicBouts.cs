namespace Ambulo.Motion.Gait;

/// <summary>
/// Walking bouts whose trunk bounce is too weak or too uneven for the thresholded peaks (slow walking where every other
/// bounce or more stays under the peak threshold): a chain of bounces above the candidate floor at a steady rhythm, kept
/// only when the signal over the chain repeats itself at that step time (<see cref="TrunkPeriodicity"/>). Searched only
/// outside the bouts already found, over the local maxima of the step band; the autocorrelation runs on the chain's
/// stretch alone, on a copy decimated to about 25 Hz (the step band is low-passed at 3 Hz).
/// </summary>
internal static class PeriodicBouts
{
    /// <summary>
    /// Runs of step peaks (sample indices) outside <paramref name="taken"/> (sorted, disjoint [first, last] peak ranges of
    /// the bouts already found) that pass the rhythm and periodicity tests.
    /// </summary>
    public static List<List<int>> Find(double[] step, double[] yaw, List<(int First, int Last)> taken, double fs, LowerBackGaitOptions options)
    {
        var found = new List<List<int>>();
        if (options.PeriodicBoutIntervalRatio <= 1)
        {
            return found;
        }

        var margin = (int)(options.MinimumStepSeconds * fs);
        var from = 1;
        for (var g = 0; g <= taken.Count; g++)
        {
            var to = g < taken.Count ? taken[g].First - margin : step.Length - 2;
            if (to - from > options.MinimumStepsPerBout * options.MinimumStepSeconds * fs)
            {
                SearchGap(step, yaw, from, to, fs, options, found);
            }

            if (g < taken.Count)
            {
                from = taken[g].Last + margin;
            }
        }

        return found;
    }

    private static void SearchGap(double[] step, double[] yaw, int from, int to, double fs, LowerBackGaitOptions options, List<List<int>> found)
    {
        // Local maxima above the candidate floor; two closer than the shortest step are one (the higher).
        var candidates = new List<int>();
        var minGap = options.MinimumStepSeconds * fs;
        for (var i = Math.Max(1, from); i <= Math.Min(to, step.Length - 2); i++)
        {
            if (step[i] < options.CandidateFloorMps2 || step[i] < step[i - 1] || step[i] <= step[i + 1])
            {
                continue;
            }

            if (candidates.Count > 0 && i - candidates[^1] < minGap)
            {
                if (step[i] > step[candidates[^1]])
                {
                    candidates[^1] = i;
                }

                continue;
            }

            candidates.Add(i);
        }

        var start = 0;
        while (start + 1 < candidates.Count)
        {
            // A bout needs PeriodicBoutMinimumSteps links and two bounces above the peak threshold, then the periodicity test.
            var (chain, last, links) = Chain(step, candidates, start, fs, options);
            if (chain is null)
            {
                start++;
                continue;
            }

            var strong = 0;
            foreach (var p in chain)
            {
                strong += step[p] >= options.MinimumPeakMps2 ? 1 : 0;
            }

            if (links >= options.PeriodicBoutMinimumSteps && strong >= 2 && Periodic(step, yaw, chain, fs, options))
            {
                found.Add(chain);
                start = last + 1;
            }
            else
            {
                // A chain that failed is not rebuilt from each of its own candidates (that would be quadratic in a long
                // regular vibration): the next try starts where too few of its candidates remain for a bout.
                start = Math.Max(start + 1, last + 1 - options.PeriodicBoutMinimumSteps);
            }
        }
    }

    /// <summary>
    /// The chain that starts at candidate <paramref name="start"/> and its successor: each next bounce is the highest
    /// candidate whose interval stays within the ratio of the chain's mean interval so far; once per chain an interval
    /// of about two steps (1.6–2.6 mean intervals) is allowed and counts two (a skipped step). Returns the chain (null when
    /// the first interval is no step), the index of its last candidate and its number of steps (links).
    /// </summary>
    private static (List<int>? Chain, int Last, int Links) Chain(double[] step, List<int> candidates, int start, double fs, LowerBackGaitOptions options)
    {
        var first = candidates[start + 1] - candidates[start];
        if (first < options.MinimumStepSeconds * fs || first > options.MaximumStepSeconds * fs)
        {
            return (null, start, 0);
        }

        var chain = new List<int> { candidates[start], candidates[start + 1] };
        var links = 1;
        double total = first;
        var intervals = 1;
        var skipped = false;
        var ratio = options.PeriodicBoutIntervalRatio;
        var c = start + 2;
        while (c < candidates.Count)
        {
            var mean = total / intervals;
            var last = chain[^1];
            var best = -1;
            var bestIsSkip = false;
            for (var k = c; k < candidates.Count; k++)
            {
                var d = candidates[k] - last;
                if (d > 2.6 * mean)
                {
                    break;
                }

                var regular = d >= mean / ratio && d <= mean * ratio;
                var skip = !skipped && d >= 1.6 * mean && d <= 2.6 * mean;
                if ((regular || skip) && (best < 0 || (regular && bestIsSkip) || (regular == !bestIsSkip && step[candidates[k]] > step[candidates[best]])))
                {
                    best = k;
                    bestIsSkip = !regular;
                }
            }

            if (best < 0)
            {
                break;
            }

            var interval = candidates[best] - last;
            chain.Add(candidates[best]);
            if (bestIsSkip)
            {
                skipped = true;
                links += 2;
                total += interval;
                intervals += 2;
            }
            else
            {
                links++;
                total += interval;
                intervals++;
            }

            c = best + 1;
        }

        return (chain, c - 1, links);
    }

    /// <summary>
    /// Whether the chain's stretch (half a step beyond each end) is walking: the step band repeats itself at the chain's
    /// step time (highest normalised autocorrelation within ±20 % of it at least
    /// <see cref="LowerBackGaitOptions.PeriodicBoutMinimumCorrelation"/>) and the pelvis yaw rate alternates from step to
    /// step (its lowest autocorrelation there at most −<see cref="LowerBackGaitOptions.PeriodicBoutMinimumYawAlternation"/>).
    /// </summary>
    private static bool Periodic(double[] step, double[] yaw, List<int> chain, double fs, LowerBackGaitOptions options)
    {
        var stepTime = (double)(chain[^1] - chain[0]) / (chain.Count - 1);
        for (var k = 1; k < chain.Count; k++)
        {
            if (chain[k] - chain[k - 1] > 1.5 * stepTime)
            {
                // One interval spans a skipped step.
                stepTime = (double)(chain[^1] - chain[0]) / chain.Count;
                break;
            }
        }

        // The step band is low-passed at 3 Hz: about 25 samples a second keep its shape.
        var decimation = Math.Max(1, (int)Math.Round(fs / 25));
        var from = chain[0] - (int)(stepTime / 2);
        var to = chain[^1] + (int)(stepTime / 2);
        return TrunkPeriodicity.Extreme(step, from, to, stepTime, decimation, highest: true) >= options.PeriodicBoutMinimumCorrelation
            && TrunkPeriodicity.Extreme(yaw, from, to, stepTime, decimation, highest: false) <= -options.PeriodicBoutMinimumYawAlternation;
    }
}
