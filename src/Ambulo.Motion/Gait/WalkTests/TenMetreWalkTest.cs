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

/// <summary>
/// Result of one 10-metre walk trial: time and speed over the middle 6 m. <see cref="DistanceSource"/> says how the
/// 2 m and 8 m marks were placed: <c>sensor-distance</c> (cumulative distance of the model in
/// <see cref="DistanceModel"/>, scaled to the course) or <c>equal-steps</c> (no distance model: every step equally
/// long). <see cref="SensorDistanceMeters"/> is what that model measured from the first to the last contact of the
/// walk, a check against the course length; absent without a model.
/// </summary>
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
    string? Problem = null,
    DistanceModel DistanceModel = DistanceModel.None,
    double? SensorDistanceMeters = null);

/// <summary>
/// The 10-metre walk test (clinical reference §2: walk 10 m, time only the middle 6 m). The walk is the longest bout.
/// Where a distance model gives step or stride lengths (<see cref="WalkedDistance"/>: phone step lengths, foot or
/// lower-back strides), the cumulative sensor distance (scaled to the 10 m course) says when the walker passes 2 m and
/// 8 m; otherwise steps are taken as equally long and the 2 m and 8 m marks fall at 20 % and 80 % of the steps.
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

        if (contacts.Count < 4 || cumulative[^1] <= 0)
        {
            return new TenMetreWalkResult(false, bout.StartSeconds, bout.EndSeconds, null, null, null, null, contacts.Count, null, null, source,
                "too few steps to time the middle of the walk", model, sensorDistance);
        }

        var total = cumulative[^1];
        var t2 = TimeAt(contacts, cumulative, fromFraction * total);
        var t8 = TimeAt(contacts, cumulative, toFraction * total);
        var middle = t8 - t2;
        var middleMeters = options.CourseLengthMeters - 2 * options.ZoneMeters;
        var speed = middle > 0 ? middleMeters / middle : (double?)null;
        return new TenMetreWalkResult(true, bout.StartSeconds, bout.EndSeconds, t2, t8, middle, speed, analysis.StepCount(bout.StartSeconds - 1e-9, bout.EndSeconds + 1e-9),
            bout.CadenceStepsPerMinute, speed is { } v ? AmbulationBand.Of(v) : null, source, null, model, sensorDistance);
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
