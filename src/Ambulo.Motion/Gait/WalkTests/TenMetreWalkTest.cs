namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>Options of <see cref="TenMetreWalkTest"/>.</summary>
/// <param name="CourseLengthMeters">Walked distance (10 m).</param>
/// <param name="ZoneMeters">Acceleration and deceleration zones excluded at each end (2 m, so the middle 6 m are timed).</param>
public sealed record TenMetreWalkOptions(double CourseLengthMeters = 10, double ZoneMeters = 2);

/// <summary>Community-ambulation band of a gait speed (clinical reference §2, 10MWT row).</summary>
/// <param name="Perry">Perry et al., Stroke 1995;26:982: &lt; 0.4 household, 0.4–0.8 limited community, &gt; 0.8 community [V].</param>
/// <param name="Fulk">Updated cut-offs 0.49 and 0.93 m/s (Fulk 2017, as used by Lewek &amp; Sykes 2019) [S].</param>
public sealed record AmbulationBand(string Perry, string Fulk)
{
    public static AmbulationBand Of(double speedMetersPerSecond) => new(
        speedMetersPerSecond < 0.40 ? "household" : speedMetersPerSecond <= 0.80 ? "limited-community" : "community",
        speedMetersPerSecond < 0.49 ? "home" : speedMetersPerSecond < 0.93 ? "limited-community" : "community");
}

/// <summary>Result of a 10-metre walk: time and speed over the middle 6 m.</summary>
public sealed record TenMetreWalkResult(
    bool Found,
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
    string? Problem = null);

/// <summary>
/// The 10-metre walk test (clinical reference §2: walk 10 m, time only the middle 6 m). The walk is the longest bout.
/// Where a distance model gives per-stride lengths, the cumulative sensor distance (scaled to the 10 m course) says
/// when the walker passes 2 m and 8 m; otherwise steps are taken as equally long and the 2 m and 8 m marks fall at
/// 20 % and 80 % of the steps.
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
            return new TenMetreWalkResult(false, null, null, null, null, null, null, 0, null, null, "none", "no walking bout found");
        }

        var contacts = analysis.Steps.Where(c => c.TimeSeconds >= bout.StartSeconds - 1e-9 && c.TimeSeconds <= bout.EndSeconds + 1e-9)
            .Select(c => c.TimeSeconds).Order().ToList();
        var fromFraction = options.ZoneMeters / options.CourseLengthMeters;
        var toFraction = 1 - fromFraction;

        // Cumulative distance at each contact: from stride lengths when there are any, else uniform per step.
        var strides = analysis.Strides.Where(s => s.StrideLengthMeters is not null && s.StartSeconds >= bout.StartSeconds - 1e-9 && s.EndSeconds <= bout.EndSeconds + 1e-9).ToList();
        string source;
        double[] cumulative;
        if (strides.Count >= 2)
        {
            // Each stride spreads its length evenly over time; sum over strides (both feet → halve).
            var feet = strides.Select(s => s.Side).Distinct().Count();
            var sidesFactor = feet > 1 || analysis.Steps.Select(c => c.Side).Distinct().Count() <= 1 ? 1.0 / Math.Max(1, feet) : 0.5;
            cumulative = contacts.Select(t => strides.Sum(s => s.StrideLengthMeters!.Value * Math.Clamp((t - s.StartSeconds) / (s.EndSeconds - s.StartSeconds), 0, 1)) * sidesFactor).ToArray();
            source = "sensor-distance";
        }
        else
        {
            cumulative = contacts.Select((_, k) => (double)k).ToArray();
            source = "equal-steps";
        }

        var total = cumulative[^1];
        if (contacts.Count < 4 || total <= 0)
        {
            return new TenMetreWalkResult(false, bout.StartSeconds, bout.EndSeconds, null, null, null, null, contacts.Count, null, null, source, "too few steps to time the middle of the walk");
        }

        var t2 = TimeAt(contacts, cumulative, fromFraction * total);
        var t8 = TimeAt(contacts, cumulative, toFraction * total);
        var middle = t8 - t2;
        var middleMeters = options.CourseLengthMeters - 2 * options.ZoneMeters;
        var speed = middle > 0 ? middleMeters / middle : (double?)null;
        return new TenMetreWalkResult(true, bout.StartSeconds, bout.EndSeconds, t2, t8, middle, speed, analysis.StepCount(bout.StartSeconds - 1e-9, bout.EndSeconds + 1e-9), bout.CadenceStepsPerMinute,
            speed is { } v ? AmbulationBand.Of(v) : null, source);
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
