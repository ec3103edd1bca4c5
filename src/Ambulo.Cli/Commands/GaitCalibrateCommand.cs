using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ambulo.Motion.Gait;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo gait-calibrate RECORDING --distance-m D [--preset P] [--json]</c>: fits the personal Weinberg step-length
/// constant of a phone (pocket or hand) from one walk over a known distance (first to last heel contact).
/// Exit codes: 0 fitted, 1 too few steps in the recording, 2 bad input.
/// </summary>
internal static class GaitCalibrateCommand
{
    public static Command Create()
    {
        var recording = new Argument<FileInfo>("RECORDING") { Description = "Ambulo recording of one walk over a known distance, phone in the pocket or hand." };
        var distance = new Option<double>("--distance-m") { Description = "Walked distance in metres (e.g. 10 for a 10-metre walkway).", Required = true };
        var preset = GaitCommand.PresetOption("Step-detection");
        var json = new Option<bool>("--json") { Description = "Print JSON (docs/cli-json.md, section \"gait-calibrate\")." };
        var command = new Command("gait-calibrate", "Fit the personal step-length constant of a phone from one walk over a known distance.");
        command.Arguments.Add(recording);
        command.Options.Add(distance);
        command.Options.Add(preset);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!GaitCommand.TryParsePreset(parseResult.GetValue(preset), error, out var population))
            {
                return GaitCommand.ExitBadInput;
            }

            var metres = parseResult.GetValue(distance);
            if (!double.IsFinite(metres) || metres is <= 0 or > 10_000)
            {
                error.WriteLine($"error: --distance-m {metres.ToString(CultureInfo.InvariantCulture)} is not a walked distance (more than 0, at most 10000 m).");
                return GaitCommand.ExitBadInput;
            }

            if (!RecordingFiles.TryRead(parseResult.GetValue(recording)!, error, out var loaded))
            {
                return GaitCommand.ExitBadInput;
            }

            var steps = StepCounter.Detect(loaded.Samples, new GaitAnalysisOptions(population).Steps);
            PhoneStepLengthCalibration fit;
            try
            {
                fit = PhoneStepLength.Calibrate(loaded.Samples, steps.StepTimesSeconds, metres);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"error: cannot calibrate: {ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]}.");
                return 1;
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["model"] = "weinberg-acceleration-range",
                    ["step_constant"] = Math.Round(fit.WeinbergConstant, 4),
                    ["steps_used"] = fit.StepsUsed,
                    ["known_distance_m"] = fit.KnownDistanceMeters,
                    ["mean_step_length_m"] = Math.Round(fit.MeanStepLengthMeters, 3),
                }));
            }
            else
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Weinberg step constant K = {fit.WeinbergConstant:F4} from {fit.StepsUsed} steps over {fit.KnownDistanceMeters:0.##} m (mean step {fit.MeanStepLengthMeters:F2} m)."));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Use it with: gait RECORDING --step-constant {fit.WeinbergConstant:F4}"));
            }

            return 0;
        });
        return command;
    }
}
