namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>
/// Walking of one day (or one 24-hour stretch of a longer recording). <see cref="RecordedHours"/> is how much of the day
/// the recording covers (a first or last day is usually partial; a low step count on it is not a quiet day), given when
/// the recording's span was passed to <see cref="DailyWalkingSummary.Calculate"/>. <see cref="DistanceMeters"/> is the
/// ground covered that day by the analysis's distance model (<see cref="WalkedDistance"/>); null without one.
/// <see cref="CadenceBands"/> holds the same counts as <see cref="BoutsByCadenceBand"/> with the band edges as numbers.
/// </summary>
public sealed record DailyWalking(
    int Day,
    int Steps,
    int Bouts,
    double WalkingMinutes,
    IReadOnlyDictionary<string, int> BoutsByCadenceBand,
    double? RecordedHours = null,
    double? DistanceMeters = null,
    IReadOnlyList<CadenceBandCount>? CadenceBands = null);

/// <summary>Walking bouts whose mean cadence lies in [<see cref="MinStepsPerMinute"/>, <see cref="MaxStepsPerMinute"/>); an open end is null.</summary>
public sealed record CadenceBandCount(double? MinStepsPerMinute, double? MaxStepsPerMinute, int Bouts);

/// <summary>Options of <see cref="DailyWalkingSummary"/>.</summary>
/// <param name="CadenceBandEdgesStepsPerMinute">Edges of the cadence bands of the distribution.</param>
public sealed record DailyWalkingOptions(double[]? CadenceBandEdgesStepsPerMinute = null)
{
    public double[] Edges => CadenceBandEdgesStepsPerMinute ?? [60, 80, 100, 120];
}

/// <summary>
/// Steps per day, bouts and the distribution of bout cadence, from a day-long (or week-long) gait analysis. Days run
/// from <c>recordingStartSeconds</c> (the recording time of the first midnight, negative when the recording began
/// later that day) in 24-hour steps; a bout belongs to the day it starts in, steps to the day they fall in; days
/// without walking are reported with zeros. With <c>recording</c> (the first and last sample time) the days reach the
/// end of the recording even when its last hours hold no walking, and each day says how many hours were recorded.
/// </summary>
public static class DailyWalkingSummary
{
    public static IReadOnlyList<DailyWalking> Calculate(
        GaitAnalysis analysis,
        double recordingStartSeconds = 0,
        DailyWalkingOptions? options = null,
        (double FirstSeconds, double LastSeconds)? recording = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= new DailyWalkingOptions();
        var edges = options.Edges;
        var last = Math.Max(analysis.Steps.Count > 0 ? analysis.Steps[^1].TimeSeconds : 0, analysis.WalkingBouts.Count > 0 ? analysis.WalkingBouts[^1].EndSeconds : 0);
        if (recording is { } span)
        {
            last = Math.Max(last, span.LastSeconds);
        }

        var days = Math.Max(1, (int)Math.Floor((last - recordingStartSeconds) / 86400) + 1);
        var hasDistance = WalkedDistance.ModelOf(analysis) != DistanceModel.None;
        var result = new List<DailyWalking>();
        for (var d = 0; d < days; d++)
        {
            double a = recordingStartSeconds + d * 86400, b = a + 86400;
            var bouts = analysis.WalkingBouts.Where(w => w.StartSeconds >= a && w.StartSeconds < b).ToList();
            var bands = new Dictionary<string, int>();
            var bandCounts = new List<CadenceBandCount>();
            for (var k = 0; k <= edges.Length; k++)
            {
                var name = k == 0 ? $"<{edges[0]}" : k == edges.Length ? $">={edges[^1]}" : $"{edges[k - 1]}-{edges[k]}";
                var lo = k == 0 ? double.NegativeInfinity : edges[k - 1];
                var hi = k == edges.Length ? double.PositiveInfinity : edges[k];
                bands[name] = bouts.Count(w => w.CadenceStepsPerMinute >= lo && w.CadenceStepsPerMinute < hi);
                bandCounts.Add(new CadenceBandCount(k == 0 ? null : lo, k == edges.Length ? null : hi, bands[name]));
            }

            double? recorded = recording is { } r ? Math.Max(0, Math.Min(b, r.LastSeconds) - Math.Max(a, r.FirstSeconds)) / 3600 : null;
            result.Add(new DailyWalking(d + 1, analysis.StepCount(a, b), bouts.Count,
                bouts.Sum(w => w.DurationSeconds) / 60, bands, recorded, hasDistance ? WalkedDistance.Between(analysis, a, b) : null, bandCounts));
        }

        return result;
    }
}
