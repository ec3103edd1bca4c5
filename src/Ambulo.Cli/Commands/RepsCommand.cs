using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Repetitions;
using Ambulo.Tracking;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo reps RECORDING --exercise ID [--preset default|hemiparetic|slow] [--json]</c>: counts the
/// repetitions of a catalogue exercise in an Ambulo recording. Exit codes: 0 success, 2 bad input.
/// </summary>
internal static class RepsCommand
{
    public const int ExitBadInput = 2;

    public static Command Create()
    {
        var recordingArgument = new Argument<FileInfo>("RECORDING") { Description = "Ambulo recording file (docs/recording-format.md)." };
        var exerciseOption = new Option<string>("--exercise") { Description = "Catalogue exercise id, e.g. seated-marching.", Required = true };
        var presetOption = PresetOption();
        var jsonOption = new Option<bool>("--json") { Description = "Print the stable JSON form (docs/cli-json.md, section \"reps\")." };

        var command = new Command("reps", "Count the repetitions of an exercise in a recording, with range of motion, speed and smoothness.");
        command.Arguments.Add(recordingArgument);
        command.Options.Add(exerciseOption);
        command.Options.Add(presetOption);
        command.Options.Add(jsonOption);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetValue(recordingArgument)!;
            var exerciseId = parseResult.GetValue(exerciseOption)!;
            if (!TryPlan(exerciseId, parseResult.GetValue(presetOption), error, out var plan))
            {
                return ExitBadInput;
            }

            if (!TryRead(file, error, out var recording))
            {
                return ExitBadInput;
            }

            RepetitionResult result;
            try
            {
                result = RepetitionDetector.Detect(recording, plan.Detector);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"error: {file.Name}: {Plain(ex)}");
                return ExitBadInput;
            }

            if (parseResult.GetValue(jsonOption))
            {
                output.WriteLine(ToJson(exerciseId, result));
            }
            else
            {
                WriteText(output, exerciseId, plan, result);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The repetition detector's presets (a family of their own, not the walking presets of <c>gait</c>).</summary>
    internal static readonly Choices Presets = new("--preset", "default", "hemiparetic", "slow");

    internal static Option<string> PresetOption() => new("--preset")
    {
        Description = "Detector preset: default, hemiparetic or slow.",
        HelpName = Presets.HelpName,
        DefaultValueFactory = _ => "default",
    };

    internal static bool TryPlan(string exerciseId, string? presetName, TextWriter error, out TrackingPlan plan)
    {
        plan = null!;
        var exercise = ExerciseCatalogue.Default.Find(exerciseId);
        if (exercise is null)
        {
            error.WriteLine($"error: there is no exercise with the id '{exerciseId}' (see the catalogue, e.g. seated-marching).");
            return false;
        }

        DetectorPreset preset;
        switch (Presets.Pick(presetName ?? "default", error))
        {
            case "default": preset = DetectorPreset.Default; break;
            case "hemiparetic": preset = DetectorPreset.Hemiparetic; break;
            case "slow": preset = DetectorPreset.SlowOrImpaired; break;
            default: return false;
        }

        plan = ExerciseTracking.For(exercise, preset);
        if (!plan.IsCountable)
        {
            error.WriteLine($"error: {exerciseId} is not counted in repetitions: {plan.NotCountableReason}.");
            return false;
        }

        return true;
    }

    internal static bool TryRead(FileInfo file, TextWriter error, out SensorRecording recording)
    {
        recording = null!;
        if (!file.Exists)
        {
            error.WriteLine($"error: recording file not found: {file.FullName}");
            return false;
        }

        try
        {
            var read = RecordingCsv.ReadFile(file.FullName);
            if (!read.Report.IsClean)
            {
                error.WriteLine($"note: {file.Name}: {read.Report}");
            }

            recording = read.Recording;
            return true;
        }
        catch (RecordingFormatException ex)
        {
            error.WriteLine($"error: {file.Name}: {ex.Message}");
        }
        catch (IOException ex)
        {
            error.WriteLine($"error: {file.Name}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"error: {file.Name}: {ex.Message}");
        }

        return false;
    }

    private static void WriteText(TextWriter output, string exerciseId, TrackingPlan plan, RepetitionResult result)
    {
        output.WriteLine($"{exerciseId}: {result.Count} repetitions");
        var force = plan.Detector.Signal == Motion.Orientation.MovementSignal.Force;
        output.WriteLine(force
            ? "   #  start s   peak s    end s  force N  duration s   SPARC  quality"
            : "   #  start s   peak s    end s  ROM deg  duration s  peak deg/s   SPARC  quality");
        foreach (var r in result.Repetitions)
        {
            var size = force ? r.ForceChangeNewtons : r.RangeOfMotionDegrees;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{r.Number,4} {r.StartSeconds,8:F2} {r.PeakSeconds,8:F2} {r.EndSeconds,8:F2} {size,8:F1} {r.DurationSeconds,11:F2}");
            if (!force)
            {
                line += string.Create(CultureInfo.InvariantCulture, $" {r.PeakAngularVelocityDegreesPerSecond,11:F1}");
            }

            line += string.Create(CultureInfo.InvariantCulture, $" {r.Sparc,7:F2}  {(r.Quality == RepetitionQuality.Good ? "good" : "below target range")}");
            output.WriteLine(line);
        }

        var rejected = result.RejectedTooSmall + result.RejectedTooShort + result.RejectedTooLong;
        if (rejected > 0 || result.SkippedSamples > 0)
        {
            output.WriteLine($"not counted: {result.RejectedTooSmall} too small, {result.RejectedTooShort} too short, {result.RejectedTooLong} did not return; skipped samples: {result.SkippedSamples}");
        }
    }

    /// <summary>The message of an argument exception without the "(Parameter 'x')" suffix meant for programmers.</summary>
    internal static string Plain(ArgumentException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);

    internal static string ToJson(string exerciseId, RepetitionResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("exercise", exerciseId);
            json.WriteNumber("count", result.Count);
            json.WriteStartArray("repetitions");
            foreach (var r in result.Repetitions)
            {
                json.WriteStartObject();
                json.WriteNumber("start_s", Math.Round(r.StartSeconds, 3));
                json.WriteNumber("peak_s", Math.Round(r.PeakSeconds, 3));
                json.WriteNumber("end_s", Math.Round(r.EndSeconds, 3));
                json.WriteNumber("range_of_motion_deg", Math.Round(r.RangeOfMotionDegrees, 2));
                json.WriteNumber("duration_s", Math.Round(r.DurationSeconds, 3));
                json.WriteNumber("peak_angular_velocity_dps", Math.Round(r.PeakAngularVelocityDegreesPerSecond, 2));
                json.WriteNumber("sparc", Math.Round(r.Sparc, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
