using System.CommandLine;
using System.Globalization;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo import gaitmap|mobgap|oxford PATH -o OUT.csv [--foot left|right] [--rate HZ] [--placement P]</c>:
/// converts a public data set's file into an Ambulo recording file (docs/recording-format.md) and prints what
/// was read, skipped or repaired. Exit codes: 0 success, 2 bad arguments or unreadable input.
/// </summary>
internal static class ImportCommand
{
    public const int ExitBadInput = 2;

    private static readonly Choices Formats = new("FORMAT", "gaitmap", "mobgap", "oxford");
    private static readonly Choices Feet = new("--foot", "left", "right");

    /// <summary>The Oxford data are phone recordings: its placement is a pocket or the hand.</summary>
    private static readonly Choices PhonePlacements = new("--placement",
        [.. GaitAnalyzer.PlacementNames.Where(p => GaitAnalyzer.ParsePlacement(p) is GaitPlacement.Pocket or GaitPlacement.Hand)]);

    public static Command Create()
    {
        var formatArgument = new Argument<string>("FORMAT")
        {
            Description = "Source data set: gaitmap (foot IMUs), mobgap (lower back, data_csv file) or oxford (phone: validation CSV or optimisation walk folder).",
        };
        formatArgument.HelpName = Formats.HelpName;
        var pathArgument = new Argument<string>("PATH") { Description = "File (or, for oxford optimisation walks, folder) to import." };
        var outputOption = new Option<FileInfo?>("--output", "-o") { Description = "Ambulo recording file to write." };
        var footOption = new Option<string?>("--foot") { Description = "gaitmap: which foot's sensor, left or right (the files hold both)." };
        footOption.HelpName = Feet.HelpName;
        var rateOption = new Option<double?>("--rate") { Description = "gaitmap: sampling rate in Hz (default: 204.8 for imu_sample.csv, 102.4 for imu_sample_ic_stride.csv)." };
        var placementOption = new Option<string?>("--placement")
        {
            Description = "oxford: placement to write instead of the one in the file name: " + string.Join(", ", PhonePlacements.Values) + ".",
            HelpName = "placement",
        };
        var maxGapOption = new Option<double?>("--max-gap-s") { Description = "Report forward time steps longer than this as gaps (default 1 s)." };

        var command = new Command("import", "Convert a file of a public data set into an Ambulo recording file (units converted, axes stated).");
        command.Arguments.Add(formatArgument);
        command.Arguments.Add(pathArgument);
        command.Options.Add(outputOption);
        command.Options.Add(footOption);
        command.Options.Add(rateOption);
        command.Options.Add(placementOption);
        command.Options.Add(maxGapOption);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var format = Formats.Pick(parseResult.GetValue(formatArgument), error);
            var footText = parseResult.GetValue(footOption);
            var foot = footText is null ? null : Feet.Pick(footText, error);
            var placementText = parseResult.GetValue(placementOption);
            var placement = placementText is null ? null : PhonePlacements.Pick(placementText, error);
            if (format is null || (footText is not null && foot is null) || (placementText is not null && placement is null))
            {
                return ExitBadInput;
            }

            var path = parseResult.GetValue(pathArgument)!;
            var outFile = parseResult.GetValue(outputOption);
            if (outFile is null)
            {
                error.WriteLine("error: give the file to write with -o OUT.csv.");
                return ExitBadInput;
            }

            if (!File.Exists(path) && !(format == "oxford" && Directory.Exists(path)))
            {
                error.WriteLine($"error: '{path}' does not exist.");
                return ExitBadInput;
            }

            var options = RecordingReadOptions.Default;
            if (parseResult.GetValue(maxGapOption) is { } maxGap)
            {
                if (!(maxGap > 0))
                {
                    error.WriteLine("error: --max-gap-s must be a positive number of seconds.");
                    return ExitBadInput;
                }

                options = options with { MaxGapSeconds = maxGap };
            }

            RecordingReadResult result;
            try
            {
                switch (format)
                {
                    case "gaitmap":
                        if (foot is null)
                        {
                            error.WriteLine("error: gaitmap files hold both feet; give --foot left or --foot right.");
                            return ExitBadInput;
                        }

                        var rate = parseResult.GetValue(rateOption);
                        if (rate is null && GaitmapImporter.KnownSamplingRateHz(path) is null)
                        {
                            error.WriteLine($"error: the sampling rate of '{Path.GetFileName(path)}' is not known; give --rate HZ.");
                            return ExitBadInput;
                        }

                        result = GaitmapImporter.Import(path, foot == "left" ? BodySide.Left : BodySide.Right, rate, options);
                        break;
                    case "mobgap":
                        result = MobgapImporter.Import(path, options);
                        break;
                    default:
                        result = OxfordImporter.Import(path, placement, options);
                        break;
                }
            }
            catch (Exception ex) when (ex is RecordingFormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot import '{path}': {ex.Message}");
                return ExitBadInput;
            }

            try
            {
                RecordingCsv.WriteFile(outFile.FullName, result.Recording);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                error.WriteLine($"error: cannot write '{outFile.FullName}': {ex.Message}");
                return ExitBadInput;
            }

            var recording = result.Recording;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {outFile.FullName}: {recording.Samples.Length} samples, {recording.DurationSeconds:0.###} s, {recording.Metadata.Sensor.ToName()} at {recording.Metadata.Placement}, {recording.Metadata.SamplingRateHz} Hz"));
            output.WriteLine("read report: " + result.Report);
            return 0;
        });
        return command;
    }
}
