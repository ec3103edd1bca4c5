namespace Ambulo.Motion.Gait;

/// <summary>
/// Gait parameters from contacts, strides and bouts: the whole recording's (<see cref="Summarize"/>) and each bout's
/// (<see cref="WithTiming"/>), the timing of both from one function (<see cref="Timing"/>).
/// Timing statistics describe steady walking, so they use complete gait cycles only: a stride flagged
/// <see cref="Stride.EndsInStandstill"/> (the step into standstill at the end of a bout: the foot lands and stays, so
/// it is a slowing-down step, not a cycle) is left out of stride time, stride-time variability, stance, swing and the
/// swing-time asymmetry, and the step that lands at its end is left out of the step times per side and the
/// step-time asymmetry. It still counts everywhere walking is totalled: steps, cadence, bouts and distance.
/// <para>
/// Cadence is one definition from bout to summary: the summary's cadence is the mean of the bouts' cadences, each
/// weighted by its steps (<see cref="CadenceStepsPerMinute"/>), so a recording of one bout has exactly that bout's
/// cadence, and time spent standing within or between bouts never lowers it. Each bout's cadence is its detector's:
/// on the lower back the Mobilise-D reference definition, the mean of 120 / stride time over the bout's strides, a
/// stride across a pause left out (<see cref="LowerBackGaitDetector.CadenceStepsPerMinute"/>); for foot, shank and
/// phone bouts (contacts split at pauses longer than <see cref="GaitAnalysisOptions.MaximumBoutGapSeconds"/>) steps ÷ bout time,
/// the bout's pauses left out.
/// </para>
/// <para>
/// A pause inside a bout (<see cref="WalkingBout.Pauses"/>: on the lower back under its pause rule, on foot, shank and phone
/// an interval over <see cref="GaitAnalyzer.PauseStrideRatio"/> times the bout's median stride) is no step and holds no
/// stride: the step time across it is left out of the step times per side and their asymmetry, and a stride holding it
/// (a foot or shank stride from the contact before the stop to the one after) out of stride time, its variability,
/// stance, swing and the swing-time asymmetry.
/// </para>
/// </summary>
public static class GaitSummaries
{
    /// <summary>
    /// Fewest complete strides whose stride times give a variability (coefficient of variation). A standard deviation of
    /// two stride times is just their one difference (times 1/√2), which says nothing about how steady the walk is; from
    /// three on it is spread over more than one interval. This is the least the formula needs, not a clinical
    /// recommendation: fewer strides make it noisier, so a short bout's variability is a rough figure.
    /// </summary>
    public const int MinimumStridesForVariability = 3;

    /// <summary>Tolerance of the bout borders: contacts and strides land on them exactly (to rounding).</summary>
    private const double BorderSeconds = 1e-9;

    public static GaitSummary Summarize(IReadOnlyList<InitialContact> contacts, IReadOnlyList<Stride> strides, IReadOnlyList<WalkingBout> bouts, DistanceModel model)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(bouts);
        var cadence = CadenceStepsPerMinute(bouts);
        var t = Timing(contacts, strides, bouts);

        var withDistance = bouts.Where(b => b.DistanceMeters is not null).ToList();
        double? distance = model != DistanceModel.None && withDistance.Count > 0 ? withDistance.Sum(b => b.DistanceMeters!.Value) : null;
        double? speed = distance is null ? null : GaitSpeedMetersPerSecond(withDistance);

        return new GaitSummary(contacts.Count, cadence, t.StrideTimeSeconds, t.StrideTimeVariabilityPercent, t.StepTimeAsymmetryRatio, t.SwingTimeAsymmetryRatio,
            t.StepTimeLeftSeconds, t.StepTimeRightSeconds, t.StanceSeconds, t.SwingSeconds, speed, distance, distance is null ? DistanceModel.None : model);
    }

    /// <summary>
    /// The timing of <paramref name="strides"/> and <paramref name="contacts"/>: the one function behind the whole-recording
    /// summary (<see cref="Summarize"/>: every stride and contact, every bout) and each bout's figures (<see cref="WithTiming"/>:
    /// the bout's own). Strides into standstill are left out (see the class remarks); step times are taken only between
    /// consecutive contacts of opposite sides inside one of <paramref name="bouts"/>, never across one of its pauses.
    /// </summary>
    public static GaitTiming Timing(IReadOnlyList<InitialContact> contacts, IReadOnlyList<Stride> strides, IReadOnlyList<WalkingBout> bouts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(bouts);
        var standstillLandings = strides.Where(s => s.EndsInStandstill).Select(s => (s.Side, s.EndSeconds)).ToList();
        var pauses = PausesInOrder(bouts);
        strides = strides.Where(s => !s.EndsInStandstill && !HoldsPause(pauses, s)).ToList();
        var strideTimes = strides.Select(s => s.StrideTimeSeconds).ToList();
        double? strideTime = strideTimes.Count > 0 ? strideTimes.Average() : null;
        double? variability = strideTimes.Count >= MinimumStridesForVariability ? 100 * StandardDeviation(strideTimes) / strideTimes.Average() : null;

        var (left, right) = StepTimesPerSide(contacts, bouts, standstillLandings);
        double? stepLeft = left.Count > 0 ? left.Average() : null;
        double? stepRight = right.Count > 0 ? right.Average() : null;
        double? stepAsymmetry = stepLeft is { } l && stepRight is { } r ? Ratio(l, r) : null;

        var swingLeft = strides.Where(s => s.Side == BodySide.Left && s.SwingSeconds is not null).Select(s => s.SwingSeconds!.Value).ToList();
        var swingRight = strides.Where(s => s.Side == BodySide.Right && s.SwingSeconds is not null).Select(s => s.SwingSeconds!.Value).ToList();
        double? swingAsymmetry = swingLeft.Count > 0 && swingRight.Count > 0 ? Ratio(swingLeft.Average(), swingRight.Average()) : null;
        var stance = strides.Where(s => s.StanceSeconds is not null).Select(s => s.StanceSeconds!.Value).ToList();
        var swing = strides.Where(s => s.SwingSeconds is not null).Select(s => s.SwingSeconds!.Value).ToList();
        return new GaitTiming(strideTime, variability, stepLeft, stepRight, stepAsymmetry, swingAsymmetry,
            stance.Count > 0 ? stance.Average() : null, swing.Count > 0 ? swing.Average() : null);
    }

    /// <summary>Every pause of <paramref name="bouts"/>, in order of start.</summary>
    private static GaitPause[] PausesInOrder(IReadOnlyList<WalkingBout> bouts)
    {
        var pauses = bouts.Where(b => b.Pauses is not null).SelectMany(b => b.Pauses!).ToArray();
        if (!InOrder(pauses, p => p.StartSeconds))
        {
            Array.Sort(pauses, (a, b) => a.StartSeconds.CompareTo(b.StartSeconds));
        }

        return pauses;
    }

    /// <summary>
    /// Whether <paramref name="stride"/> runs across one of <paramref name="pauses"/> (sorted by start): a foot or shank
    /// stride from the contact before a stop to the first after it holds the standstill in its stance, so its time is no
    /// stride time (the lower back makes no stride across a pause). Binary search for the first pause starting at or after
    /// the stride's start.
    /// </summary>
    private static bool HoldsPause(GaitPause[] pauses, Stride stride)
    {
        int lo = 0, hi = pauses.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (pauses[mid].StartSeconds < stride.StartSeconds - 1e-6)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < pauses.Length && pauses[lo].EndSeconds <= stride.EndSeconds + 1e-6;
    }

    /// <summary>
    /// Each bout with its <see cref="WalkingBout.Timing"/>: <see cref="Timing"/> of the contacts from its start to its end and
    /// the strides that start and end within it. One pass over contacts and strides (O(contacts + strides + bouts)) when
    /// the contacts are in time order, the strides in order of start and the bouts in order and apart, as every detector
    /// gives them; other input is put in order first.
    /// </summary>
    public static IReadOnlyList<WalkingBout> WithTiming(IReadOnlyList<InitialContact> contacts, IReadOnlyList<Stride> strides, IReadOnlyList<WalkingBout> bouts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(bouts);
        if (!InOrder(contacts, c => c.TimeSeconds))
        {
            contacts = [.. contacts.OrderBy(c => c.TimeSeconds)];
        }

        if (!InOrder(strides, s => s.StartSeconds))
        {
            strides = [.. strides.OrderBy(s => s.StartSeconds)];
        }

        var apart = InOrderAndApart(bouts);

        var result = new List<WalkingBout>(bouts.Count);
        int c = 0, s = 0;
        foreach (var bout in bouts)
        {
            double from = bout.StartSeconds - BorderSeconds, to = bout.EndSeconds + BorderSeconds;
            if (!apart)
            {
                c = 0;
                s = 0;
            }

            while (c < contacts.Count && contacts[c].TimeSeconds < from)
            {
                c++;
            }

            var boutContacts = new List<InitialContact>();
            for (var k = c; k < contacts.Count && contacts[k].TimeSeconds <= to; k++)
            {
                boutContacts.Add(contacts[k]);
            }

            while (s < strides.Count && strides[s].StartSeconds < from)
            {
                s++;
            }

            var boutStrides = new List<Stride>();
            for (var k = s; k < strides.Count && strides[k].StartSeconds <= to; k++)
            {
                if (strides[k].EndSeconds <= to)
                {
                    boutStrides.Add(strides[k]);
                }
            }

            result.Add(bout with { Timing = Timing(boutContacts, boutStrides, [bout]) });
        }

        return result;
    }

    /// <summary>Each bout starts after the one before it has ended.</summary>
    private static bool InOrderAndApart(IReadOnlyList<WalkingBout> bouts)
    {
        for (var k = 1; k < bouts.Count; k++)
        {
            if (bouts[k].StartSeconds <= bouts[k - 1].EndSeconds)
            {
                return false;
            }
        }

        return true;
    }

    private static bool InOrder<T>(IReadOnlyList<T> items, Func<T, double> key)
    {
        for (var k = 1; k < items.Count; k++)
        {
            if (key(items[k]) < key(items[k - 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Step time of a side = time from the other foot's contact to this foot's contact, within a bout and not across one of
    /// its <see cref="WalkingBout.Pauses"/>; steps landing at one of <paramref name="leaveOut"/> (side and time of a landing
    /// into standstill) are left out. One pass (the bout of each step found by walking along the bouts, each landing by
    /// binary search) when the contacts are in time order and the bouts in order and apart, as every detector gives them, so
    /// a week of walking costs no more than its steps; otherwise each step looks through every bout.
    /// </summary>
    internal static (List<double> Left, List<double> Right) StepTimesPerSide(IReadOnlyList<InitialContact> contacts, IReadOnlyList<WalkingBout> bouts,
        IReadOnlyList<(BodySide Side, double Seconds)>? leaveOut = null)
    {
        var left = new List<double>();
        var right = new List<double>();
        var ordered = InOrder(contacts, c => c.TimeSeconds) && InOrderAndApart(bouts);
        var landings = leaveOut is null ? [] : leaveOut.OrderBy(x => x.Seconds).ToArray();
        var w = 0;
        for (var i = 1; i < contacts.Count; i++)
        {
            var a = contacts[i - 1];
            var b = contacts[i];
            if (a.Side == BodySide.Unknown || b.Side == BodySide.Unknown || a.Side == b.Side)
            {
                continue;
            }

            WalkingBout? bout;
            if (ordered)
            {
                // Bouts in order and apart: the only one that can hold b is the first not ending before it.
                while (w < bouts.Count && bouts[w].EndSeconds + 1e-9 < b.TimeSeconds)
                {
                    w++;
                }

                bout = w < bouts.Count && a.TimeSeconds >= bouts[w].StartSeconds - 1e-9 ? bouts[w] : null;
            }
            else
            {
                bout = bouts.FirstOrDefault(x => a.TimeSeconds >= x.StartSeconds - 1e-9 && b.TimeSeconds <= x.EndSeconds + 1e-9);
            }

            if (bout is null || bout.Pauses?.Any(p => p.StartSeconds >= a.TimeSeconds - 1e-6 && p.EndSeconds <= b.TimeSeconds + 1e-6) == true)
            {
                // Not within one bout, or across a standstill the bout runs over (a pause is no step).
                continue;
            }

            if (LandsIntoStandstill(landings, b))
            {
                continue;
            }

            (b.Side == BodySide.Left ? left : right).Add(b.TimeSeconds - a.TimeSeconds);
        }

        return (left, right);
    }

    /// <summary>Whether <paramref name="contact"/> is one of the <paramref name="landings"/> (sorted by time) of its side, to 1 µs.</summary>
    private static bool LandsIntoStandstill((BodySide Side, double Seconds)[] landings, InitialContact contact)
    {
        int lo = 0, hi = landings.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (landings[mid].Seconds <= contact.TimeSeconds - 1e-6)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var k = lo; k < landings.Length && landings[k].Seconds < contact.TimeSeconds + 1e-6; k++)
        {
            if (landings[k].Side == contact.Side)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cadence of a whole recording: the bouts' cadences averaged with each bout weighted by its steps (a three-step
    /// bout counts a tenth of a thirty-step one). Bouts without a finite, positive cadence are left out; null without
    /// such a bout.
    /// </summary>
    public static double? CadenceStepsPerMinute(IReadOnlyList<WalkingBout> bouts)
    {
        ArgumentNullException.ThrowIfNull(bouts);
        double weighted = 0, steps = 0;
        foreach (var b in bouts)
        {
            if (double.IsFinite(b.CadenceStepsPerMinute) && b.CadenceStepsPerMinute > 0 && b.Steps > 0)
            {
                weighted += b.Steps * b.CadenceStepsPerMinute;
                steps += b.Steps;
            }
        }

        return steps > 0 ? weighted / steps : null;
    }

    /// <summary>
    /// Gait speed of a whole recording: the bouts' speeds averaged with each bout weighted by its walking time (its
    /// duration less its pauses, <see cref="WalkingSeconds"/>), so a recording of one bout has that bout's speed, as for
    /// cadence. Each bout's speed is its own definition: on the lower back the Mobilise-D one (mean over the bout's strides
    /// of stride length ÷ stride time, <see cref="LowerBackGaitDetector.BoutSpeedMetersPerSecond"/>); on foot and phone
    /// bouts distance ÷ duration, or with pauses the mean step length × the walking cadence
    /// (<see cref="GaitAnalyzer.WalkingSpeed"/>), so without pauses the summary is the total distance ÷ the total time. Bouts without a
    /// finite speed or without walking time are left out; null without such a bout.
    /// </summary>
    public static double? GaitSpeedMetersPerSecond(IReadOnlyList<WalkingBout> bouts)
    {
        ArgumentNullException.ThrowIfNull(bouts);
        double weighted = 0, seconds = 0;
        foreach (var b in bouts)
        {
            var walking = WalkingSeconds(b);
            if (b.GaitSpeedMetersPerSecond is { } v && double.IsFinite(v) && walking > 0)
            {
                weighted += v * walking;
                seconds += walking;
            }
        }

        return seconds > 0 ? weighted / seconds : null;
    }

    /// <summary>The time <paramref name="bout"/> spent walking: its duration less its pauses (<see cref="WalkingBout.Pauses"/>).</summary>
    public static double WalkingSeconds(WalkingBout bout)
    {
        ArgumentNullException.ThrowIfNull(bout);
        var seconds = bout.DurationSeconds;
        foreach (var p in bout.Pauses ?? [])
        {
            seconds -= p.DurationSeconds;
        }

        return seconds;
    }

    /// <summary>Symmetry ratio larger/smaller (1 = symmetric).</summary>
    public static double Ratio(double a, double b) => Math.Max(a, b) / Math.Min(a, b);

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
