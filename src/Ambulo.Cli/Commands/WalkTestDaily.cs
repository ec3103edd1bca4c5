using System.Globalization;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;
using Ambulo.Motion.Recordings;
using Spectre.Console;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>walktest daily</c>: steps per day, walking bouts, walking minutes and the distribution of bout cadence from a
/// day-long (or week-long) recording, by <see cref="DailyWalkingSummary"/>. Days are midnight to midnight when the clock
/// time of the first sample is given (<c>--start-time</c>), else 24-hour stretches from the first sample.
/// </summary>
internal static class WalkTestDaily
{
    /// <summary>
    /// JSON of <c>walktest daily</c> (docs/cli-json.md): totals over the recording, then one entry per day.
    /// <see cref="Measured"/> is there for the same vocabulary as the walk tests (measured, or a problem); a readable
    /// recording always gives a daily summary, since a day without walking is a result, so it is always true.
    /// </summary>
    internal sealed record DailyWalkingReport(
        bool Measured,
        string Placement,
        string? StartTime,
        string DaysFrom,
        double RecordedHours,
        int Steps,
        int Bouts,
        double WalkingMinutes,
        double? DistanceMeters,
        DistanceModel? DistanceModel,
        IReadOnlyList<DayReport> Days);

    /// <summary>One day: <c>cadence_bands</c> counts the day's bouts by mean cadence (an open band end is omitted).</summary>
    internal sealed record DayReport(int Day, double? RecordedHours, int Steps, int Bouts, double WalkingMinutes, double? DistanceMeters, IReadOnlyList<CadenceBandCount> CadenceBands);

    /// <summary>Parses HH:MM or HH:MM:SS (24-hour clock) into seconds after midnight.</summary>
    public static bool TryParseClock(string text, out double secondsAfterMidnight)
    {
        secondsAfterMidnight = 0;
        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            secondsAfterMidnight = clock.ToTimeSpan().TotalSeconds;
            return true;
        }

        return false;
    }

    public static DailyWalkingReport Measure(SensorRecording recording, GaitAnalysisOptions gait, string? startTime, double? startSecondsAfterMidnight)
    {
        var analysis = GaitAnalyzer.Analyze([recording], gait);
        var first = recording.Samples[0].TimeSeconds;
        var last = recording.Samples[^1].TimeSeconds;

        // The recording time of the midnight that opens the first day; without a clock time the first day opens at the first sample.
        var dayStart = first - (startSecondsAfterMidnight ?? 0);
        var options = new DailyWalkingOptions();
        var days = DailyWalkingSummary.Calculate(analysis, dayStart, options, (first, last));
        var model = WalkedDistance.ModelOf(analysis);
        return new DailyWalkingReport(
            true,
            analysis.Placement,
            startTime,
            startSecondsAfterMidnight is null ? "first-sample" : "midnight",
            (last - first) / 3600,
            days.Sum(d => d.Steps),
            days.Sum(d => d.Bouts),
            days.Sum(d => d.WalkingMinutes),
            model == DistanceModel.None ? null : days.Sum(d => d.DistanceMeters ?? 0),
            model == DistanceModel.None ? null : model,
            days.Select(d => new DayReport(d.Day, d.RecordedHours, d.Steps, d.Bouts, d.WalkingMinutes, d.DistanceMeters, d.CadenceBands ?? [])).ToList());
    }

    public static string Text(DailyWalkingReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var from = report.StartTime is { } s ? $"days run midnight to midnight, first sample at {s}" : "days are 24-hour stretches from the first sample (give --start-time HH:MM for calendar days)";
        console.WriteLine($"Daily walking ({report.Placement}): {GaitTable.Count(report.Steps, "step")} in {GaitTable.Count(report.Bouts, "walking bout")} over {F(report.RecordedHours, "F2")} recorded hours; {from}.");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("day", "recorded h", "steps", "bouts", "walking min");
        if (report.DistanceModel is not null)
        {
            table.AddColumn("distance m");
        }

        foreach (var day in report.Days)
        {
            var cells = new List<string> { day.Day.ToString(CultureInfo.InvariantCulture), F(day.RecordedHours, "F2"), day.Steps.ToString(CultureInfo.InvariantCulture), day.Bouts.ToString(CultureInfo.InvariantCulture), F(day.WalkingMinutes, "F1") };
            if (report.DistanceModel is not null)
            {
                cells.Add(F(day.DistanceMeters, "F0"));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);

        // The cadence distribution: one row per band, one column per day (a week fits the width of a terminal).
        var bands = new Table().Border(TableBorder.Rounded);
        bands.AddColumn("bouts by cadence");
        foreach (var day in report.Days)
        {
            bands.AddColumn($"day {day.Day.ToString(CultureInfo.InvariantCulture)}");
        }

        for (var k = 0; k < report.Days[0].CadenceBands.Count; k++)
        {
            var band = report.Days[0].CadenceBands[k];
            var name = (band.MinStepsPerMinute, band.MaxStepsPerMinute) switch
            {
                (null, { } hi) => $"under {F(hi, "F0")} steps/min",
                ({ } lo, null) => $"{F(lo, "F0")} steps/min or more",
                var (lo, hi) => $"{F(lo, "F0")} to {F(hi, "F0")} steps/min",
            };
            bands.AddRow([name, .. report.Days.Select(d => d.CadenceBands[k].Bouts.ToString(CultureInfo.InvariantCulture))]);
        }

        console.Write(bands);
        console.WriteLine(report.DistanceModel is { } m
            ? $"Distance model: {GaitJson.KebabCase(m.ToString())}."
            : "No distance: no distance model for this placement (a phone needs --step-constant or --height-m, the lower back --leg-length-m).");
        console.WriteLine("A bout's cadence band is its mean cadence; a day with few recorded hours is a partial day, not a quiet one.");
        return writer.ToString().TrimEnd();
    }

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
