using System.Globalization;

namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>Options of <see cref="TenMetreWalkTest"/>.</summary>
/// <param name="WalkwayMeters">
/// The walkway the protocol in use has the person walk, from a standing start to a stop, as the user states it: 10 m by
/// default (the protocol of clinical reference §2: walk 10 m, time the middle 6 m); a 14 m walkway (2 m + 10 m + 2 m, a
/// variant some clinics use) times the middle 10 m. The sensor distance and the step-count checks are made against it,
/// and the timed part is <see cref="TimedMeters"/>.
/// </param>
/// <param name="ZoneMeters">Acceleration and deceleration zones excluded at each end (2 m, so the middle 6 m of 10 m are timed).</param>
/// <param name="DistanceTolerance">
/// With a distance model, a trial is timed only when the sensor distance of the walk is within this fraction of the stated
/// walkway (0.25: 7.5–12.5 m for a 10 m walkway, 10.5–17.5 m for 14 m; inside that band the walk is scaled onto the walkway); otherwise the walk is not the 10-metre walk (or the model is badly off) and
/// stretching it onto the course would give a confident but wrong speed. Why 0.25 (an Ambulo choice, from the accuracy
/// we can document in docs/accuracy.md): a true 10 m walk must not be refused, and its sensor distance can fall short of
/// 10 m by (a) the model's error: foot strapdown stride length MAE 1.3 cm (about 1 %), lower-back pendulum gait speed
/// MAE per bout 0.055 m/s and up to 0.09 m/s for the held-out participants (about 10 % at 0.8–1 m/s), a phone's personal
/// Weinberg constant about ±8 % by Weinberg's own figure (not validated by us); and (b) the distance is measured from the
/// first to the last contact, so the first step out of standing (and on the lower back the dropped closing step) is not in
/// it: up to two steps, about 1.4 m of 10. (a) + (b) come to about a quarter. The height-ratio model is not checked
/// this way: it gives every step 0.414 × height whatever the speed and overestimates the short steps of slow walkers by up
/// to about twice, so it would refuse the real 10 m walks of exactly the people Ambulo is for; it gets the step rule below.
/// </param>
/// <param name="LongestStepMeters">
/// Longest plausible step (1.0 m, an Ambulo default, not a clinical figure). Without a distance model, or with the
/// height ratio, the walk cannot be measured, only counted: a walk of fewer than course ÷ this steps (10 for 10 m) cannot
/// have covered the course and is not timed. A step is half a stride; adults' strides at a normal pace are well under
/// 2 m and stroke survivors' shorter, so 1.0 m leaves room for a tall walker at a fast pace. The rule is checked for every
/// trial. It is a floor only: a short walk in many short steps passes it.
/// </param>
/// <param name="ShortestStepMeters">
/// Shortest plausible step (0.1 m, an Ambulo default, not a clinical figure): a walk of more than course ÷ this steps
/// (100 for 10 m) is longer than one walk of the course, and is not timed. It is the ceiling to the floor above, and the
/// only check on a long walk without a distance model or with the height ratio: such a walk is stretched onto the 10 m
/// (every step equally long, or every step 0.414 × height), so a 3-minute walk of 325 steps read as a 10-metre walk
/// would give a middle 6 m in about 2 minutes, 0.05 m/s and a confident "household" band. 0.1 m steps are far shorter
/// than the slow steps the other checks were written for (the 0.2–0.3 m steps a slow walker takes), so a real 10 m walk
/// is not refused by it. Checked for every trial.
/// </param>
public sealed record TenMetreWalkOptions(double WalkwayMeters = 10, double ZoneMeters = 2, double DistanceTolerance = 0.25, double LongestStepMeters = 1.0,
    double ShortestStepMeters = 0.1)
{
    /// <summary>The timed middle of the walkway: <see cref="WalkwayMeters"/> less a zone at each end (6 m of 10 m, 10 m of 14 m).</summary>
    public double TimedMeters => WalkwayMeters - (2 * ZoneMeters);
}

/// <summary>Community-ambulation band of a gait speed (clinical reference §2, 10MWT row).</summary>
/// <param name="Perry">Perry et al., Stroke 1995;26:982: &lt; 0.4 household, 0.4–0.8 limited community, &gt; 0.8 community [V].</param>
/// <param name="Fulk">Updated cut-offs 0.49 and 0.93 m/s (Fulk 2017, as used by Lewek &amp; Sykes 2019) [S].</param>
public sealed record AmbulationBand(string Perry, string Fulk)
{
    public static AmbulationBand Of(double speedMetersPerSecond) => new(
        speedMetersPerSecond < 0.40 ? "household" : speedMetersPerSecond <= 0.80 ? "limited-community" : "community",
        speedMetersPerSecond < 0.49 ? "home" : speedMetersPerSecond < 0.93 ? "limited-community" : "community");
}

/// <summary>
/// Result of one 10-metre walk trial: time and speed over the middle 6 m, when <see cref="Measured"/> (every walk test
/// result says <c>Measured</c>, and <c>Problem</c> why not). A trial is not measured (timed)
/// when no walk was found, when it has too few steps to place the marks, or when the walk does not fit the course (its
/// sensor distance too far from the course length, or fewer or more steps than the course can hold: <see cref="TenMetreWalkOptions"/>);
/// <see cref="Problem"/> then says why, and the timing (middle time, speed, band) is null, never zero.
/// <see cref="DistanceSource"/> says how the 2 m and 8 m marks were (or would be) placed: <c>sensor-distance</c>
/// (cumulative distance of the model in <see cref="DistanceModel"/>, scaled to the course) or <c>equal-steps</c> (no
/// distance model: every step equally long). <see cref="SensorDistanceMeters"/> is what that model measured from the first
/// to the last contact of the walk, the check against the course length; absent without a model.
/// </summary>
public sealed record TenMetreWalkResult(
    bool Measured,
    double? StartSeconds,
    double? EndSeconds,
    double? MiddleStartSeconds,
    double? MiddleEndSeconds,
    double? MiddleTimeSeconds,
    double? GaitSpeedMetersPerSecond,
    int Steps,
    double? CadenceStepsPerMinute,
    AmbulationBand? Band,
    string DistanceSource,
    string? Problem = null,
    DistanceModel DistanceModel = DistanceModel.None,
    double? SensorDistanceMeters = null,
    double WalkwayMeters = 10,
    double TimedMeters = 6);

/// <summary>The two speeds of the 10-metre walk test: the person's own comfortable pace and "as fast as safely possible".</summary>
public enum WalkingPace { Comfortable, Fast }

/// <summary>
/// One pace of the 10-metre walk over its trials, as the protocol scores it (clinical reference §2: three trials at each
/// pace, speed = 6 m / mean middle time), from the timed trials only. <see cref="Trials"/> counts the trials that were
/// timed and averaged; <see cref="TrialResults"/> holds every trial given, timed or not, in order. With no timed trial
/// <see cref="Measured"/> is false, <see cref="Problem"/> says why, and there is no mean time, speed or band. When some
/// trials were timed and others not, <see cref="Note"/> says how many were left out of the mean.
/// </summary>
public sealed record TenMetreWalkPaceResult(
    WalkingPace Pace,
    bool Measured,
    int Trials,
    double? MeanMiddleTimeSeconds,
    double? GaitSpeedMetersPerSecond,
    AmbulationBand? Band,
    IReadOnlyList<TenMetreWalkResult> TrialResults,
    string? Problem = null,
    string? Note = null,
    double WalkwayMeters = 10,
    double TimedMeters = 6);

/// <summary>
/// The 10-metre walk test (clinical reference §2: walk 10 m, time only the middle 6 m). The walk is the longest bout.
/// Where a distance model gives step or stride lengths (<see cref="WalkedDistance"/>: phone step lengths, foot or
/// lower-back strides), the cumulative sensor distance (scaled to the 10 m course) says when the walker passes 2 m and
/// 8 m; otherwise steps are taken as equally long and the 2 m and 8 m marks fall at 20 % and 80 % of the steps.
/// Either way the walk is stretched onto the course, so a walk that does not fit the course is not timed at all
/// (a 3.7 m walk stretched to 10 m would give a confident, wrong speed): see <see cref="TenMetreWalkOptions"/>.
/// </summary>
public static class TenMetreWalkTest
{
    public static TenMetreWalkResult Estimate(GaitAnalysis analysis, TenMetreWalkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new TenMetreWalkOptions();
        var bout = analysis.WalkingBouts.OrderByDescending(b => b.DurationSeconds).FirstOrDefault();
        if (bout is null)
        {
            return new TenMetreWalkResult(false, null, null, null, null, null, null, 0, null, null, "none", "no walking bout found",
                WalkwayMeters: options.WalkwayMeters, TimedMeters: options.TimedMeters);
        }

        var inBout = analysis.Steps.Where(c => c.TimeSeconds >= bout.StartSeconds - 1e-9 && c.TimeSeconds <= bout.EndSeconds + 1e-9).ToList();
        var contacts = inBout.Select(c => c.TimeSeconds).Order().ToList();
        if (inBout.All(c => c.Side == BodySide.Unknown))
        {
            contacts = WithoutAlternatingBias(contacts);
        }

        var fromFraction = options.ZoneMeters / options.WalkwayMeters;
        var toFraction = 1 - fromFraction;

        // Cumulative distance at each contact: from the distance model when there is one, else uniform per step.
        var model = WalkedDistance.ModelOf(analysis);
        string source;
        double[] cumulative;
        double? sensorDistance = null;
        if (model != DistanceModel.None && WalkedDistance.Between(analysis, bout.StartSeconds, bout.EndSeconds) is > 0 and var walked)
        {
            cumulative = contacts.Select(t => WalkedDistance.Between(analysis, bout.StartSeconds, t)!.Value).ToArray();
            sensorDistance = walked;
            source = "sensor-distance";
        }
        else
        {
            model = DistanceModel.None;
            cumulative = contacts.Select((_, k) => (double)k).ToArray();
            source = "equal-steps";
        }

        var steps = analysis.StepCount(bout.StartSeconds - 1e-9, bout.EndSeconds + 1e-9);
        if (contacts.Count < 4 || cumulative[^1] <= 0)
        {
            return NotTimed("too few steps to time the middle of the walk", contacts.Count);
        }

        if (CourseMismatch(options, model, sensorDistance, steps) is { } mismatch)
        {
            return NotTimed(mismatch, steps);
        }

        var total = cumulative[^1];
        var t2 = TimeAt(contacts, cumulative, fromFraction * total);
        var t8 = TimeAt(contacts, cumulative, toFraction * total);
        var middle = t8 - t2;
        var middleMeters = options.TimedMeters;
        var speed = middle > 0 ? middleMeters / middle : (double?)null;
        return new TenMetreWalkResult(true, bout.StartSeconds, bout.EndSeconds, t2, t8, middle, speed, steps,
            bout.CadenceStepsPerMinute, speed is { } v ? AmbulationBand.Of(v) : null, source, null, model, sensorDistance, options.WalkwayMeters, options.TimedMeters);

        TenMetreWalkResult NotTimed(string why, int stepCount) => new(false, bout.StartSeconds, bout.EndSeconds, null, null, null, null, stepCount,
            bout.CadenceStepsPerMinute, null, source, why, model, sensorDistance, options.WalkwayMeters, options.TimedMeters);
    }

    /// <summary>
    /// Why the walk does not fit the course, or null when it does: a sensor distance (of a model whose accuracy we can
    /// state, so not the height ratio) further from the course length than <see cref="TenMetreWalkOptions.DistanceTolerance"/>,
    /// fewer steps than the course needs at <see cref="TenMetreWalkOptions.LongestStepMeters"/> a step, or more steps than
    /// it can hold at <see cref="TenMetreWalkOptions.ShortestStepMeters"/> a step.
    /// </summary>
    private static string? CourseMismatch(TenMetreWalkOptions options, DistanceModel model, double? sensorDistance, int steps)
    {
        var course = options.WalkwayMeters;
        if (sensorDistance is { } walked && model != DistanceModel.HeightRatio && Math.Abs(walked - course) > options.DistanceTolerance * course)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the sensor measured {walked:F1} m of walking, more than {options.DistanceTolerance * 100:F0} % from the stated {course:0.#} m walkway, so the recording does not hold one walk of that walkway (or the distance model is off; give the walkway walked with --walkway-m) and its middle cannot be timed");
        }

        var needed = (int)Math.Ceiling((course / options.LongestStepMeters) - 1e-9);
        if (steps < needed)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"only {steps} steps, and {course:0.#} m take at least {needed} steps of at most {options.LongestStepMeters:0.0#} m, so the recording does not hold the whole walk and its middle cannot be timed");
        }

        var most = (int)Math.Floor((course / options.ShortestStepMeters) + 1e-9);
        return steps > most
            ? string.Create(CultureInfo.InvariantCulture,
                $"{steps} steps, and {course:0.#} m take at most {most} steps of at least {options.ShortestStepMeters:0.0#} m, so the recording holds more than one walk of the walkway and its middle cannot be timed")
            : null;
    }

    /// <summary>
    /// Averages the trials of one pace: mean middle time of the trials that were timed, speed = middle distance / that
    /// mean (the protocol's rule, not the mean of the trial speeds), band of that speed.
    /// </summary>
    public static TenMetreWalkPaceResult Average(WalkingPace pace, IReadOnlyList<TenMetreWalkResult> trials, TenMetreWalkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trials);
        options ??= new TenMetreWalkOptions();
        var found = trials.Where(t => t.Measured && t.MiddleTimeSeconds is > 0).ToList();
        if (found.Count == 0)
        {
            return new TenMetreWalkPaceResult(pace, false, 0, null, null, null, trials,
                trials.Count == 0 ? "no trial given" : $"no trial could be timed ({trials.Count} given; first: {trials[0].Problem ?? "no middle time"})",
                null, options.WalkwayMeters, options.TimedMeters);
        }

        var mean = found.Average(t => t.MiddleTimeSeconds!.Value);
        var speed = options.TimedMeters / mean;
        return new TenMetreWalkPaceResult(pace, true, found.Count, mean, speed, AmbulationBand.Of(speed), trials, null,
            found.Count < trials.Count ? $"{trials.Count - found.Count} of {trials.Count} trials could not be timed and are not in the mean" : null,
            options.WalkwayMeters, options.TimedMeters);
    }

    /// <summary>
    /// A phone in a trouser pocket times its own leg's steps and the other leg's at different phases of the bounce: on the
    /// Oxford walks the detected step intervals alternate long/short by 270–420 ms on average (the foot switches: 80–110 ms),
    /// so a 2 m or 8 m mark interpolated between two steps could be off by about a tenth of a second. Weighting every interior
    /// contact ¼, ½, ¼ with its neighbours cancels a bias that alternates from step to step and keeps a steady or evenly
    /// changing rhythm as it is; the first and last contacts stay. Used only where the steps have no sides (phones).
    /// </summary>
    internal static List<double> WithoutAlternatingBias(List<double> times)
    {
        if (times.Count < 3)
        {
            return times;
        }

        var smoothed = new List<double>(times.Count) { times[0] };
        for (var k = 1; k < times.Count - 1; k++)
        {
            smoothed.Add((0.25 * times[k - 1]) + (0.5 * times[k]) + (0.25 * times[k + 1]));
        }

        smoothed.Add(times[^1]);
        return smoothed;
    }

    private static double TimeAt(List<double> times, double[] cumulative, double distance)
    {
        for (var k = 1; k < times.Count; k++)
        {
            if (cumulative[k] >= distance)
            {
                var span = cumulative[k] - cumulative[k - 1];
                var f = span > 0 ? (distance - cumulative[k - 1]) / span : 0;
                return times[k - 1] + f * (times[k] - times[k - 1]);
            }
        }

        return times[^1];
    }
}
