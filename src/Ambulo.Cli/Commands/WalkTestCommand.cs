using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;
using Ambulo.Motion.Recordings;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo walktest 10mwt|tug|6mwt|daily RECORDING… [--fast FAST…] [--walkway-m W] [--course-length-m M] [--start-time HH:MM] [--placement P] [--leg-length-m L] [--height-m H] [--step-constant K] [--preset P] [--json]</c>:
/// an instrumented walk test from one recording, or (<c>daily</c>) the walking of each day of a day-long recording. A phone (pocket or hand) measures distance with the same step-length
/// options as <c>gait</c>: the personal Weinberg constant from <c>gait-calibrate</c>, or body height as a coarse fallback. Exit codes: 0 result, 1 the test could not be measured from the recording (the result's <c>Measured</c> is false and its <c>Problem</c> says why; never for <c>daily</c>: a day without walking is a result), 2 bad input.
/// JSON follows the rule of <c>gait</c>: a key for a value the placement cannot give is omitted, not written as zero or <c>"none"</c>.
/// </summary>
internal static class WalkTestCommand
{
    private static readonly Choices Tests = new("TEST", "10mwt", "tug", "6mwt", "daily");

    public static Command Create()
    {
        var test = new Argument<string>("TEST")
        {
            Description = "10mwt (10-metre walk), tug (Timed Up and Go), 6mwt (6-minute walk) or daily (steps, bouts and cadence per day of a day-long recording).",
            HelpName = Tests.HelpName,
        };
        var recording = new Argument<FileInfo[]>("RECORDING")
        {
            Description = "Ambulo recording file of the test; for 10mwt one file per comfortable-pace trial (the protocol asks for three).",
            Arity = ArgumentArity.OneOrMore,
        };
        var fast = new Option<FileInfo[]>("--fast")
        {
            Description = "10mwt: recording(s) of the fast-pace trials (\"as fast as safely possible\").",
            AllowMultipleArgumentsPerToken = true,
        };
        var walkway = new Option<double?>("--walkway-m")
        {
            Description = "10mwt: the walkway walked from a standing start to a stop, in metres (default 10: the middle 6 m are timed; 14 for a 2 m + 10 m + 2 m walkway: the middle 10 m). The sensor distance is checked against it.",
        };
        var course = new Option<double?>("--course-length-m") { Description = "6MWT: length of one leg of the course in metres (default 30)." };
        var startTime = new Option<string?>("--start-time") { Description = "daily: clock time (HH:MM or HH:MM:SS) of the recording's first sample, so days run midnight to midnight; without it days are 24-hour stretches from the first sample." };
        var placement = GaitCommand.PlacementOption();
        var legLength = new Option<double?>("--leg-length-m") { Description = "Leg length or sensor height (lower-back distance)." };
        var height = new Option<double?>("--height-m") { Description = "Body height in metres: phone (pocket or hand) distance by the coarse height-ratio model." };
        var stepConstant = new Option<double?>("--step-constant") { Description = "Personal Weinberg constant K for a phone (pocket or hand), from 'gait-calibrate'; preferred over --height-m." };
        var preset = GaitCommand.PresetOption("Step-detection");
        var json = new Option<bool>("--json") { Description = "Print JSON (docs/cli-json.md, section \"walktest\")." };
        var command = new Command("walktest", "Instrumented walk test (10-metre walk, Timed Up and Go, 6-minute walk) or daily walking from a day-long recording.");
        command.Arguments.Add(test);
        command.Arguments.Add(recording);
        command.Options.Add(fast);
        command.Options.Add(walkway);
        command.Options.Add(course);
        command.Options.Add(startTime);
        command.Options.Add(placement);
        command.Options.Add(legLength);
        command.Options.Add(height);
        command.Options.Add(stepConstant);
        command.Options.Add(preset);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var which = Tests.Pick(parseResult.GetValue(test), error);
            if (which is null
                || !GaitCommand.TryParsePreset(parseResult.GetValue(preset), error, out var population)
                || !GaitCommand.TryParsePlacement(parseResult.GetValue(placement), error, out var placementName))
            {
                return GaitCommand.ExitBadInput;
            }

            var courseLength = parseResult.GetValue(course);
            if (courseLength is { } c && !(c is > 1 and <= 100))
            {
                error.WriteLine("error: --course-length-m must be between 1 and 100 m.");
                return GaitCommand.ExitBadInput;
            }

            var walkwayLength = parseResult.GetValue(walkway);
            if (walkwayLength is { } stated && !(stated is >= 6 and <= 50))
            {
                error.WriteLine("error: --walkway-m must be between 6 and 50 m (2 m at each end are not timed).");
                return GaitCommand.ExitBadInput;
            }

            if (walkwayLength is not null && which != "10mwt")
            {
                error.WriteLine("error: --walkway-m is for 10mwt (the 6-minute walk takes --course-length-m).");
                return GaitCommand.ExitBadInput;
            }

            var leg = parseResult.GetValue(legLength);
            if (leg is { } l && !(l is > 0.3 and < 1.5))
            {
                error.WriteLine($"error: --leg-length-m {l.ToString(CultureInfo.InvariantCulture)} is not a plausible leg length (0.3–1.5 m).");
                return GaitCommand.ExitBadInput;
            }

            if (!GaitCommand.TryReadPhoneOptions(parseResult.GetValue(height), parseResult.GetValue(stepConstant), error, out var phone))
            {
                return GaitCommand.ExitBadInput;
            }

            double? clock = null;
            var startText = parseResult.GetValue(startTime);
            if (startText is not null)
            {
                if (!WalkTestDaily.TryParseClock(startText, out var seconds))
                {
                    error.WriteLine($"error: --start-time '{startText}' is not a clock time (HH:MM or HH:MM:SS, 24-hour).");
                    return GaitCommand.ExitBadInput;
                }

                clock = seconds;
            }

            var files = parseResult.GetValue(recording) ?? [];
            var fastFiles = parseResult.GetValue(fast) ?? [];
            if (which != "10mwt" && (files.Length != 1 || fastFiles.Length > 0))
            {
                error.WriteLine($"error: {which} takes exactly one RECORDING (several trials and --fast are for 10mwt).");
                return GaitCommand.ExitBadInput;
            }

            var trials = new List<SensorRecording>();
            var fastTrials = new List<SensorRecording>();
            foreach (var (file, list) in files.Select(f => (f, trials)).Concat(fastFiles.Select(f => (f, fastTrials))))
            {
                if (!RecordingFiles.TryRead(file, error, out var loaded))
                {
                    return GaitCommand.ExitBadInput;
                }

                if (RecordingFiles.PlacementProblem(loaded, placementName) is { } unmeasurable)
                {
                    error.WriteLine($"error: '{file.Name}': {unmeasurable}");
                    return GaitCommand.ExitBadInput;
                }

                list.Add(placementName is null ? loaded : loaded with { Metadata = loaded.Metadata with { Placement = placementName } });
            }

            var rec = trials[0];

            var gait = new GaitAnalysisOptions(population, leg, PhoneStepLength: phone);
            object result;
            bool measured;
            string text;
            switch (which)
            {
                case "10mwt":
                {
                    var protocol = new TenMetreWalkOptions(WalkwayMeters: walkwayLength ?? 10);
                    var comfortable = trials.Select(t => TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([t], gait), protocol)).ToList();
                    var fastResults = fastTrials.Select(t => TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([t], gait), protocol)).ToList();
                    var comfortablePace = TenMetreWalkTest.Average(WalkingPace.Comfortable, comfortable, protocol);
                    var fastPace = fastResults.Count > 0 ? TenMetreWalkTest.Average(WalkingPace.Fast, fastResults, protocol) : null;
                    var r = comfortable[0];
                    (result, measured) = (new TenMetreWalkReport(r, comfortablePace, fastPace), comfortablePace.Measured && (fastPace is null || fastPace.Measured));
                    text = Pace(comfortablePace) + (fastPace is null ? "" : "\n" + Pace(fastPace))
                        + (r.Measured ? $"\nFirst trial: {r.Steps} steps, cadence {F(r.CadenceStepsPerMinute, "F0")} steps/min; distance source: {r.DistanceSource}" + Model(r.DistanceModel, r.SensorDistanceMeters) + "." : "")
                        + string.Concat(comfortable.Concat(fastResults).Select((t, i) => NotTimed(t, i < comfortable.Count ? "comfortable" : "fast", i < comfortable.Count ? i + 1 : i - comfortable.Count + 1)))
                        + "\nBands: Perry 1995 (<0.4 household, 0.4-0.8 limited community, >0.8 community); Fulk (0.49/0.93 m/s cut-offs).";
                    break;
                }

                case "tug":
                {
                    var r = TimedUpAndGoTest.Estimate(rec, new TimedUpAndGoOptions { Gait = gait });
                    (result, measured) = (r, r.Measured);
                    text = measured
                        ? $"Timed Up and Go: {F(r.TotalSeconds, "F1")} s total; {Phases(r)}; {GaitTable.Count(r.Steps, "step")}."
                          + (r.WalkedDistanceMeters is { } w ? $"\nWalked {w.ToString("F1", CultureInfo.InvariantCulture)} m by sensor ({GaitJson.KebabCase(r.DistanceModel.ToString())})." : "")
                          + (r.Note is null ? "" : $"\nNote: {r.Note}")
                        : $"Timed Up and Go not measured: {r.Problem}";
                    break;
                }

                case "daily":
                {
                    var r = WalkTestDaily.Measure(rec, gait, startText?.Trim(), clock);
                    (result, measured) = (r, r.Measured);
                    text = WalkTestDaily.Text(r);
                    break;
                }

                default:
                {
                    var r = SixMinuteWalkTest.Estimate(rec, new SixMinuteWalkOptions(courseLength ?? 30) { Gait = gait });
                    (result, measured) = (r, r.Measured);
                    text = !r.Measured ? $"6-minute walk not measured: {r.Problem}." : $"6-minute walk: {GaitTable.Count(r.Steps, "step")}, cadence {F(r.CadenceStepsPerMinute, "F0")} steps/min, "
                        + (r.Turns is { } turns && r.CourseDistanceMeters is { } byCourse
                            ? $"{GaitTable.Count(turns, "turn")} → {byCourse.ToString("F0", CultureInfo.InvariantCulture)} m by course (completed legs)"
                              + (r.PartialLegEstimateMeters is { } partial && r.EstimatedTotalDistanceMeters is { } total
                                  ? $" + about {partial.ToString("F0", CultureInfo.InvariantCulture)} m of the unfinished last leg (estimated from its steps) = about {total.ToString("F0", CultureInfo.InvariantCulture)} m"
                                  : ", unfinished last leg not estimated (no completed leg to scale its steps by)")
                            : "turns not measured (the recording has no gyroscope), so no distance by course")
                        + (r.SensorDistanceMeters is { } d ? $", {d.ToString("F0", CultureInfo.InvariantCulture)} m by sensor ({GaitJson.KebabCase(r.DistanceModel.ToString())})" : ", no sensor distance (no distance model for this placement; a phone needs --step-constant or --height-m)")
                        + "." + Decline(r) + DistanceCaution(r)
                        + (rec.DurationSeconds < 355
                            ? $"\nCaution: the recording lasts {Minutes(rec.DurationSeconds)}, less than 6 minutes: the distances are not those of a full 6-minute walk, and any change over the minutes is over the complete minutes recorded only."
                            : "");
                    break;
                }
            }

            output.WriteLine(parseResult.GetValue(json) ? Json(result) : text + "\nMeasurements for tracking walking, not a diagnosis.");
            return measured ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// 10mwt JSON: the first comfortable trial's result at the top level (as with one recording), plus
    /// <c>comfortable</c> and, with --fast, <c>fast</c>: each pace averaged over its trials.
    /// </summary>
    private sealed record TenMetreWalkReport(TenMetreWalkResult First, TenMetreWalkPaceResult Comfortable, TenMetreWalkPaceResult? Fast);

    /// <summary>
    /// JSON settings of the walk tests: those of every CLI command (<see cref="CliJson.Options"/>), with the unit suffixes of
    /// <c>gait --json</c> (<see cref="UnitNames"/>) and every number rounded as gait rounds it (<see cref="CliJson.Round"/>).
    /// </summary>
    internal static JsonSerializerOptions JsonOptions { get; } = new(CliJson.Options)
    {
        PropertyNamingPolicy = new UnitNames(),
        Converters = { new RoundedNumber() },
    };

    internal static string Json(object result)
    {
        JsonNode node;
        if (result is TenMetreWalkReport report)
        {
            var first = JsonSerializer.SerializeToNode(report.First, JsonOptions)!.AsObject();
            first["comfortable"] = JsonSerializer.SerializeToNode(report.Comfortable, JsonOptions);
            if (report.Fast is not null)
            {
                first["fast"] = JsonSerializer.SerializeToNode(report.Fast, JsonOptions);
            }

            node = first;
        }
        else
        {
            node = JsonSerializer.SerializeToNode(result, result.GetType(), JsonOptions)!;
        }

        OmitNone(node);
        return node.ToJsonString(JsonOptions);
    }

    /// <summary>
    /// Key names of the walk tests, spelled like <c>gait --json</c>: snake_case with the unit shortened, <c>_s</c> (seconds),
    /// <c>_m</c> (metres), <c>_mps</c> (metres per second), <c>_spm</c> (steps per minute), and likewise <c>_h</c> (hours) and
    /// <c>_min</c> (minutes). Only a trailing unit is shortened (<c>minutes[]</c>, the 6-minute walk's list, stays).
    /// </summary>
    internal sealed class UnitNames : JsonNamingPolicy
    {
        private static readonly (string Long, string Short)[] Units =
        [
            ("_meters_per_second", "_mps"), ("_steps_per_minute", "_spm"), ("_seconds", "_s"), ("_meters", "_m"), ("_hours", "_h"), ("_minutes", "_min"),
        ];

        public override string ConvertName(string name)
        {
            var snake = SnakeCaseLower.ConvertName(name);
            foreach (var (full, unit) in Units)
            {
                if (snake.EndsWith(full, StringComparison.Ordinal))
                {
                    return snake[..^full.Length] + unit;
                }
            }

            return snake;
        }
    }

    /// <summary>
    /// Writes a measured number rounded by <see cref="CliJson.Round"/> (gait's three decimals); a number that is not finite
    /// (which no result should hold) is written as null and then omitted like every absent value.
    /// </summary>
    private sealed class RoundedNumber : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(CliJson.Round(value));
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>
    /// The result records say "no value" with the word <c>none</c> (<c>DistanceModel.None</c>, a <c>decline_measure</c> or
    /// <c>distance_source</c> of "none"); the JSON rule of <c>gait</c> and issue 5 is that a key for a value the placement
    /// or the recording cannot give is omitted, so every such key is removed, at any depth, and so is a null (a number
    /// that was not finite).
    /// </summary>
    private static void OmitNone(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null || (p.Value is JsonValue v && v.TryGetValue<string>(out var text) && text == "none")).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    OmitNone(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    OmitNone(child);
                }

                break;
        }
    }

    private static string Pace(TenMetreWalkPaceResult p)
    {
        var name = p.Pace == WalkingPace.Fast ? "fast" : "comfortable";
        return p.Measured
            ? $"10-metre walk, {name} pace: middle {F(p.TimedMeters, "0.#")} m of a {F(p.WalkwayMeters, "0.#")} m walkway in {F(p.MeanMiddleTimeSeconds, "F1")} s (mean of {p.Trials} trial{(p.Trials == 1 ? "" : "s")}), gait speed {F(p.GaitSpeedMetersPerSecond)} m/s; band {p.Band!.Perry} (Perry), {p.Band.Fulk} (Fulk)."
              + (p.Note is null ? "" : $" Note: {p.Note}.")
            : $"10-metre walk, {name} pace: not timed, so no gait speed and no band. {Capital(p.TrialResults.Count == 0 ? "no trial given" : $"no trial could be timed ({GaitTable.Count(p.TrialResults.Count, "trial")} given)")}.";
    }

    /// <summary>
    /// One line for a trial the algorithm refused to time (no walk, too few steps, or a walk that does not fit the 10 m
    /// course: <see cref="TenMetreWalkOptions"/>), saying why; nothing for a timed trial.
    /// </summary>
    private static string NotTimed(TenMetreWalkResult trial, string pace, int number) =>
        trial.Measured
            ? ""
            : $"\n{Capital(pace)} trial {number.ToString(CultureInfo.InvariantCulture)}: not timed: {trial.Problem}.";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The TUG phases that were found, each in seconds; the ones not found named as such.</summary>
    private static string Phases(TimedUpAndGoResult r)
    {
        var phases = new (string Name, double? Seconds)[]
        {
            ("sit-to-stand", r.SitToStandSeconds), ("walk out", r.WalkOutSeconds), ("turn", r.TurnSeconds), ("walk back", r.WalkBackSeconds), ("turn-to-sit", r.TurnToSitSeconds),
        };
        var found = phases.Where(p => p.Seconds is not null).Select(p => $"{p.Name} {p.Seconds!.Value.ToString("F1", CultureInfo.InvariantCulture)} s");
        var missing = phases.Where(p => p.Seconds is null).Select(p => p.Name).ToList();
        return string.Join(", ", found) + (missing.Count == 0 ? "" : $" ({string.Join(", ", missing)}: not found)");
    }

    /// <summary>
    /// The 6-minute walk's own caution (<see cref="SixMinuteWalkResult.DistanceCaution"/>, also in the JSON) when its course
    /// and sensor distances disagree, with where to look; nothing when they agree.
    /// </summary>
    private static string DistanceCaution(SixMinuteWalkResult r) => r.DistanceCaution is { } caution
        ? $"\nCaution: {caution}. Check the course length (--course-length-m) and that every turn was found before reading either as the 6-minute walk distance."
        : "";

    /// <summary>
    /// How speed (or, without a distance model, cadence) changed from the first to the last complete minute; a plain note
    /// instead when the recording holds fewer than two complete minutes (a minute it does not hold is not a 100 % fall).
    /// </summary>
    private static string Decline(SixMinuteWalkResult r)
    {
        if (r.DeclinePercent is not { } p || r.DeclineToMinute is not { } to)
        {
            var complete = r.Minutes.Count(m => m.Complete);
            return complete < 2
                ? $"\nHow speed changed over the walk: not measured, the recording holds {(complete == 0 ? "no" : "only one")} complete minute of walking (two are needed)."
                : "\nHow speed changed over the walk: not measured (no steps in the first minute).";
        }

        var change = p >= 0 ? "fell" : "rose";
        var cut = to < r.Minutes.Count || r.Minutes.Count < 6 ? $" (the last complete minute recorded)" : "";
        return $"\n{Capital(r.DeclineMeasure)} {change} {Math.Abs(p).ToString("F0", CultureInfo.InvariantCulture)} % from minute 1 to minute {to.ToString(CultureInfo.InvariantCulture)}{cut}.";
    }

    private static string Minutes(double seconds) => seconds < 60
        ? seconds.ToString("F0", CultureInfo.InvariantCulture) + " s"
        : (seconds / 60).ToString("F1", CultureInfo.InvariantCulture) + " min";

    private static string Model(DistanceModel model, double? metres) => model == DistanceModel.None || metres is not { } m
        ? ""
        : $" ({GaitJson.KebabCase(model.ToString())}, walk measured {m.ToString("F1", CultureInfo.InvariantCulture)} m)";

    private static string F(double? value, string format = "F2") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
