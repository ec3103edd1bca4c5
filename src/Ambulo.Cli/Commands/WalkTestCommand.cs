using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;
using Ambulo.Motion.Recordings;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo walktest 10mwt|tug|6mwt RECORDING [--course-length-m M] [--leg-length-m L] [--height-m H] [--step-constant K] [--preset P] [--json]</c>:
/// an instrumented walk test from one recording. A phone (pocket or hand) measures distance with the same step-length
/// options as <c>gait</c>: the personal Weinberg constant from <c>gait-calibrate</c>, or body height as a coarse fallback. Exit codes: 0 result, 1 the test could not be found in the recording, 2 bad input.
/// </summary>
internal static class WalkTestCommand
{
    public static Command Create()
    {
        var test = new Argument<string>("TEST") { Description = "10mwt (10-metre walk), tug (Timed Up and Go) or 6mwt (6-minute walk)." };
        var recording = new Argument<FileInfo>("RECORDING") { Description = "Ambulo recording file of the test." };
        var course = new Option<double?>("--course-length-m") { Description = "6MWT: length of one leg of the course in metres (default 30)." };
        var legLength = new Option<double?>("--leg-length-m") { Description = "Leg length or sensor height (lower-back distance)." };
        var height = new Option<double?>("--height-m") { Description = "Body height in metres: phone (pocket or hand) distance by the coarse height-ratio model." };
        var stepConstant = new Option<double?>("--step-constant") { Description = "Personal Weinberg constant K for a phone (pocket or hand), from 'gait-calibrate'; preferred over --height-m." };
        var preset = new Option<string>("--preset") { Description = "healthy, slow-or-impaired (default) or hemiparetic.", DefaultValueFactory = _ => "slow-or-impaired" };
        var json = new Option<bool>("--json") { Description = "Print JSON (docs/cli-json.md, section \"walktest\")." };
        var command = new Command("walktest", "Instrumented walk test: 10-metre walk, Timed Up and Go or 6-minute walk.");
        command.Arguments.Add(test);
        command.Arguments.Add(recording);
        command.Options.Add(course);
        command.Options.Add(legLength);
        command.Options.Add(height);
        command.Options.Add(stepConstant);
        command.Options.Add(preset);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var which = parseResult.GetValue(test)?.Trim().ToLowerInvariant();
            if (which is not ("10mwt" or "tug" or "6mwt"))
            {
                error.WriteLine("error: TEST must be 10mwt, tug or 6mwt.");
                return GaitCommand.ExitBadInput;
            }

            if (!GaitCommand.TryParsePreset(parseResult.GetValue(preset), out var population))
            {
                error.WriteLine("error: --preset must be healthy, slow-or-impaired or hemiparetic.");
                return GaitCommand.ExitBadInput;
            }

            var courseLength = parseResult.GetValue(course);
            if (courseLength is { } c && !(c is > 1 and <= 100))
            {
                error.WriteLine("error: --course-length-m must be between 1 and 100 m.");
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

            if (!RecordingFiles.TryRead(parseResult.GetValue(recording)!, error, out var rec))
            {
                return GaitCommand.ExitBadInput;
            }

            var gait = new GaitAnalysisOptions(population, leg, PhoneStepLength: phone);
            object result;
            bool found;
            string text;
            switch (which)
            {
                case "10mwt":
                {
                    var r = TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([rec], gait));
                    (result, found) = (r, r.Found && r.GaitSpeedMetersPerSecond is not null);
                    text = found
                        ? $"10-metre walk: middle 6 m in {F(r.MiddleTimeSeconds)} s, gait speed {F(r.GaitSpeedMetersPerSecond, "F2")} m/s, {r.Steps} steps, cadence {F(r.CadenceStepsPerMinute, "F1")} steps/min.\n"
                          + $"Band: {r.Band!.Perry} (Perry 1995: <0.4 household, 0.4-0.8 limited community, >0.8 community); {r.Band.Fulk} (0.49/0.93 m/s cut-offs).\n"
                          + $"Distance source: {r.DistanceSource}" + Model(r.DistanceModel, r.SensorDistanceMeters) + "."
                        : $"10-metre walk not found: {r.Problem}";
                    break;
                }

                case "tug":
                {
                    var r = TimedUpAndGoTest.Estimate(rec, new TimedUpAndGoOptions { Gait = gait });
                    (result, found) = (r, r.Found);
                    text = found
                        ? $"Timed Up and Go: {F(r.TotalSeconds, "F1")} s total; sit-to-stand {F(r.SitToStandSeconds, "F1")} s, walk out {F(r.WalkOutSeconds, "F1")} s, turn {F(r.TurnSeconds, "F1")} s, walk back {F(r.WalkBackSeconds, "F1")} s, turn-to-sit {F(r.TurnToSitSeconds, "F1")} s; {r.Steps} steps."
                          + (r.WalkedDistanceMeters is { } w ? $"\nWalked {w.ToString("F1", CultureInfo.InvariantCulture)} m by sensor ({GaitJson.KebabCase(r.DistanceModel.ToString())})." : "")
                          + (r.Problem is null ? "" : $"\nNote: {r.Problem}")
                        : $"Timed Up and Go not found: {r.Problem}";
                    break;
                }

                default:
                {
                    var r = SixMinuteWalkTest.Estimate(rec, new SixMinuteWalkOptions(courseLength ?? 30) { Gait = gait });
                    (result, found) = (r, r.Steps > 0);
                    text = $"6-minute walk: {r.Steps} steps, cadence {F(r.CadenceStepsPerMinute, "F1")} steps/min, {r.Turns} turns → {r.CourseDistanceMeters.ToString("F0", CultureInfo.InvariantCulture)} m by course"
                        + (r.SensorDistanceMeters is { } d ? $", {d.ToString("F0", CultureInfo.InvariantCulture)} m by sensor ({GaitJson.KebabCase(r.DistanceModel.ToString())})" : ", no sensor distance (no distance model for this placement; a phone needs --step-constant or --height-m)")
                        + (r.DeclinePercent is { } p ? $"; {r.DeclineMeasure} fell {p.ToString("F1", CultureInfo.InvariantCulture)} % from the first to the last minute." : ".");
                    break;
                }
            }

            output.WriteLine(parseResult.GetValue(json) ? JsonSerializer.Serialize(result, result.GetType(), CliJson.Options) : text + "\nMeasurements for tracking walking, not a diagnosis.");
            return found ? 0 : 1;
        });
        return command;
    }

    private static string Model(DistanceModel model, double? metres) => model == DistanceModel.None || metres is not { } m
        ? ""
        : $" ({GaitJson.KebabCase(model.ToString())}, walk measured {m.ToString("F1", CultureInfo.InvariantCulture)} m)";

    private static string F(double? value, string format = "F2") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
