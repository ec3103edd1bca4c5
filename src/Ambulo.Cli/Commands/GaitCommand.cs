using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Spectre.Console;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo gait RECORDING… [--placement P] [--leg-length-m L] [--height-m H] [--step-constant K] [--preset slow-or-impaired|hemiparetic|healthy] [--json]</c>:
/// steps, strides, walking bouts and a summary from one sensor (or one IMU per foot). Exit codes: 0, 2 bad input.
/// Every command that measures walking (<c>gait</c>, <c>gait-calibrate</c>, <c>walktest</c>) shares <see cref="Presets"/>,
/// <see cref="DefaultPreset"/> and <see cref="Placements"/>.
/// </summary>
internal static class GaitCommand
{
    public const int ExitBadInput = 2;

    /// <summary>
    /// The default preset of every walking command: Ambulo's users are stroke survivors, most of whom walk slowly, and
    /// the <c>healthy</c> presets end a bout at steps over 1.25–1.3 s, so they miss most of a slow walk
    /// (docs/accuracy.md, synthetic hemiparetic gait); <c>slow-or-impaired</c> still counts the healthy walkers of the
    /// Oxford phone data within 1.5 % (same page). <c>validate gait</c> names the preset of each data set itself.
    /// </summary>
    public const string DefaultPreset = "slow-or-impaired";

    public static readonly Choices Presets = new("--preset", "slow-or-impaired", "hemiparetic", "healthy");

    public static readonly Choices Placements = new("--placement", [.. GaitAnalyzer.PlacementNames]);

    /// <summary>The --preset option of a walking command: the same names, default and help text everywhere.</summary>
    public static Option<string> PresetOption(string what) => new("--preset")
    {
        Description = $"{what} preset: slow-or-impaired (default: slow walkers, as after a stroke), hemiparetic (one weak leg) or healthy.",
        HelpName = Presets.HelpName,
        DefaultValueFactory = _ => DefaultPreset,
    };

    /// <summary>The --placement option of a walking command.</summary>
    public static Option<string?> PlacementOption() => new("--placement")
    {
        Description = "Where the sensor was worn, instead of the placement in the recording: " + string.Join(", ", GaitAnalyzer.PlacementNames) + ".",
        HelpName = "placement",
    };

    public static Command Create()
    {
        var recordings = new Argument<FileInfo[]>("RECORDING")
        {
            Description = "Ambulo recording file(s) (docs/recording-format.md); give one per foot for foot IMUs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var placement = PlacementOption();
        var legLength = new Option<double?>("--leg-length-m") { Description = "Leg length or sensor height above ground in metres (lower-back distance and speed)." };
        var height = new Option<double?>("--height-m") { Description = "Body height in metres: phone (pocket or hand) distance by the coarse height-ratio model." };
        var stepConstant = new Option<double?>("--step-constant") { Description = "Personal Weinberg constant K for a phone (pocket or hand), from 'gait-calibrate'; preferred over --height-m." };
        var preset = PresetOption("Parameter");
        var json = new Option<bool>("--json") { Description = "Print JSON (docs/cli-json.md, section \"gait\")." };
        var command = new Command("gait", "Measure walking from one IMU or phone: steps, strides, bouts, cadence, symmetry, speed.");
        command.Arguments.Add(recordings);
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
            if (!TryParsePreset(parseResult.GetValue(preset), error, out var population)
                || !TryParsePlacement(parseResult.GetValue(placement), error, out var placementName))
            {
                return ExitBadInput;
            }

            var leg = parseResult.GetValue(legLength);
            if (leg is { } l && !(l is > 0.3 and < 1.5))
            {
                error.WriteLine($"error: --leg-length-m {l.ToString(CultureInfo.InvariantCulture)} is not a plausible leg length (0.3–1.5 m).");
                return ExitBadInput;
            }

            if (!TryReadPhoneOptions(parseResult.GetValue(height), parseResult.GetValue(stepConstant), error, out var phone))
            {
                return ExitBadInput;
            }

            var loaded = new List<SensorRecording>();
            var names = new List<string>();
            foreach (var file in parseResult.GetValue(recordings) ?? [])
            {
                if (!RecordingFiles.TryRead(file, error, out var recording))
                {
                    return ExitBadInput;
                }

                loaded.Add(recording);
                names.Add(file.Name);
            }

            if (TwoSidesProblem(loaded) is { } problem)
            {
                error.WriteLine($"error: {problem}");
                return ExitBadInput;
            }

            GaitAnalysis analysis;
            try
            {
                analysis = GaitAnalyzer.Analyze(loaded, new GaitAnalysisOptions(population, leg, PhoneStepLength: phone), placementName);
            }
            catch (UnmeasuredPlacementException ex)
            {
                // The library refuses a placement walking is not measured from; the file is the one placed there.
                var file = names[Math.Max(0, loaded.FindIndex(r => r.Metadata.Placement == ex.Placement))];
                error.WriteLine($"error: '{file}': {ex.Message}; {RecordingFiles.PlacementHint}");
                return ExitBadInput;
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(GaitJson.Write(analysis));
            }
            else
            {
                GaitTable.Render(analysis, output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// Several recordings are analysed as one walk seen from both sides, which only a foot or shank sensor on each leg
    /// gives: exactly two files of the same kind (foot or shank), one on the left and one on the right, by the placement
    /// in each file. Anything else (two phones, the same foot twice, a foot and the lower back) would be counted twice or
    /// silently left out, so it is refused with the placements named. Null when the recordings can be analysed together.
    /// </summary>
    internal static string? TwoSidesProblem(IReadOnlyList<SensorRecording> recordings)
    {
        if (recordings.Count <= 1)
        {
            return null;
        }

        var placements = recordings.Select(r => r.Metadata.Placement).ToList();
        var kinds = placements.Select(GaitAnalyzer.ParsePlacement).Distinct().ToList();
        var sides = placements.Select(GaitAnalyzer.SideOf).ToList();
        var fits = recordings.Count == 2 && kinds.Count == 1 && kinds[0] is GaitPlacement.Foot or GaitPlacement.Shank
            && sides.Contains(BodySide.Left) && sides.Contains(BodySide.Right);
        return fits
            ? null
            : $"{recordings.Count} recordings with the placements {string.Join(", ", placements)}: give one recording, or two for a foot or shank sensor on each leg (one placed -left, one -right, e.g. foot-left and foot-right).";
    }

    /// <summary>Checks --height-m and --step-constant; null options when neither is given.</summary>
    internal static bool TryReadPhoneOptions(double? heightMeters, double? stepConstant, TextWriter error, out PhoneStepLengthOptions? options)
    {
        options = null;
        if (heightMeters is { } h && !(h is >= 1.0 and <= 2.3))
        {
            error.WriteLine($"error: --height-m {h.ToString(CultureInfo.InvariantCulture)} is not a plausible body height (1.0–2.3 m).");
            return false;
        }

        if (stepConstant is { } k && !(k is > 0 and < 2))
        {
            error.WriteLine($"error: --step-constant {k.ToString(CultureInfo.InvariantCulture)} is not a plausible Weinberg constant (0–2).");
            return false;
        }

        if (heightMeters is not null || stepConstant is not null)
        {
            options = new PhoneStepLengthOptions(WeinbergConstant: stepConstant, BodyHeightMeters: heightMeters);
        }

        return true;
    }

    /// <summary>The preset a --preset value names; false after one error line naming the allowed values.</summary>
    internal static bool TryParsePreset(string? text, TextWriter error, out GaitPopulation population)
    {
        var name = Presets.Pick(text ?? DefaultPreset, error);
        population = name switch
        {
            "healthy" => GaitPopulation.Healthy,
            "hemiparetic" => GaitPopulation.Hemiparetic,
            _ => GaitPopulation.SlowOrImpaired,
        };
        return name is not null;
    }

    /// <summary>A --placement value in its canonical spelling (null when not given); false after one error line naming the allowed values.</summary>
    internal static bool TryParsePlacement(string? text, TextWriter error, out string? placement)
    {
        placement = null;
        if (text is null)
        {
            return true;
        }

        placement = Placements.Pick(text, error);
        return placement is not null;
    }
}

/// <summary>
/// Reads a recording file for a walking command (<c>gait</c>, <c>gait-calibrate</c>, <c>walktest</c>), turning every failure
/// into one clear error line and every repair into one note line on standard error, never a stack trace:
/// <list type="bullet">
/// <item>a missing file, a directory, an unreadable or malformed file (empty, no header, a bad header): error;</item>
/// <item>rows the reader skips (NaN or infinite values, times going backwards or repeated, unparsable fields, a cut last
/// line): analysed without them, and a note says how many and why (<see cref="RecordingReadReport"/>);</item>
/// <item>a sample with a value beyond twice the sensor's full-scale range (<c>acc_range_mps2</c> / <c>gyr_range_radps</c>
/// labels, default ±16 g and ±2000 °/s): no sensor reads that, and one such spike rings through the filters as a whole
/// walk of false steps; the reader skips it (<see cref="ReadIssue.ImplausibleValue"/>, the same rule for every reader) and
/// the note counts it;</item>
/// <item>fewer than two usable samples, or samples spanning more than <see cref="MaximumSpanDays"/> days (a broken time
/// column, not a recording): error.</item>
/// </list>
/// </summary>
internal static class RecordingFiles
{
    public const double MaximumSpanDays = 31;

    public static bool TryRead(FileInfo file, TextWriter error, out SensorRecording recording)
    {
        recording = null!;
        if (Directory.Exists(file.FullName))
        {
            error.WriteLine($"error: '{file.FullName}' is a directory, not a recording file.");
            return false;
        }

        RecordingReadResult result;
        try
        {
            result = RecordingCsv.ReadFile(file.FullName);
        }
        catch (RecordingFormatException ex)
        {
            error.WriteLine($"error: '{file.Name}' is not a valid recording: {ex.Message}");
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read '{file.FullName}': {(ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message)}");
            return false;
        }

        var kept = result.Recording;
        var report = result.Report;
        var skipped = report.RowsSkipped;
        var skippedText = Skipped(report);
        if (kept.Samples.Length < 2)
        {
            error.WriteLine($"error: recording '{file.Name}' has {(kept.Samples.Length == 0 ? "no" : "only one")} usable sample"
                + (skipped > 0 ? $"; {skipped} of {report.RowsRead} rows skipped: {skippedText}." : "."));
            return false;
        }

        var spanDays = (kept.Samples[^1].TimeSeconds - kept.Samples[0].TimeSeconds) / 86400;
        if (spanDays > MaximumSpanDays)
        {
            var gap = report.Find(ReadIssue.Gap);
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"error: recording '{file.Name}' spans {(spanDays < 1e6 ? spanDays.ToString("F0", CultureInfo.InvariantCulture) : spanDays.ToString("G3", CultureInfo.InvariantCulture))} days (t_s {kept.Samples[0].TimeSeconds:G6} to {kept.Samples[^1].TimeSeconds:G6}), more than {MaximumSpanDays} days: check its time column")
                + (gap is null ? "." : $" (first gap at line {gap.FirstLineNumbers[0].ToString(CultureInfo.InvariantCulture)}: {gap.FirstDetail})."));
            return false;
        }

        if (skipped > 0)
        {
            error.WriteLine($"note: '{file.Name}': {skipped} of {report.RowsRead} rows skipped: {skippedText}; analysed the other {kept.Samples.Length}.");
        }

        if (report.Find(ReadIssue.ClockJump) is { } jump)
        {
            error.WriteLine($"note: '{file.Name}': the time went back {Times(jump.Count)} (first at line {jump.FirstLineNumbers[0].ToString(CultureInfo.InvariantCulture)}), "
                + $"as when a clock is reset; the rows after it continue after a {RecordingReadOptions.Default.ClockJumpInsertedGapSeconds.ToString(CultureInfo.InvariantCulture)} s gap.");
        }

        if (report.Find(ReadIssue.Gap) is { } gaps)
        {
            error.WriteLine($"note: '{file.Name}': {gaps.Count.ToString(CultureInfo.InvariantCulture)} gap{(gaps.Count == 1 ? "" : "s")} in time longer than {RecordingReadOptions.Default.MaxGapSeconds.ToString(CultureInfo.InvariantCulture)} s (first at line {gaps.FirstLineNumbers[0].ToString(CultureInfo.InvariantCulture)}: {gaps.FirstDetail}).");
        }

        recording = kept;
        return true;
    }

    /// <summary>
    /// Walking is measured from a foot, a shank, the lower back, or a phone in a pocket or the hand. A recording placed
    /// anywhere else (a thigh strap, the trunk, under the foot, …) is refused by the library
    /// (<see cref="GaitAnalyzer.PlacementProblem"/>: <see cref="GaitAnalyzer.Analyze"/> throws
    /// <see cref="UnmeasuredPlacementException"/>) unless <c>--placement</c> says which of the measured placements it is;
    /// this is that refusal with the CLI's hint, for a command that checks each file as it reads it (<c>walktest</c>).
    /// <c>gait</c> relies on the library's exception. Null when the placement (or its override) is one walking is measured from.
    /// </summary>
    public static string? PlacementProblem(SensorRecording recording, string? placementOverride)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return GaitAnalyzer.PlacementProblem(placementOverride ?? recording.Metadata.Placement) is { } problem ? $"{problem}; {PlacementHint}" : null;
    }

    /// <summary>What to do about a recording placed where walking is not measured.</summary>
    public const string PlacementHint = "if the sensor was worn in one of those places, say which with --placement.";

    private static string Multiple(double factor) => factor == 2 ? "twice" : factor.ToString(CultureInfo.InvariantCulture) + " times";

    private static string Times(int n) => n == 1 ? "once" : n.ToString(CultureInfo.InvariantCulture) + " times";

    /// <summary>Why rows were skipped, in words: "12 with NaN or infinite values (first at line 9); …".</summary>
    private static string Skipped(RecordingReadReport report)
    {
        var parts = new List<string>();
        foreach (var entry in report.Issues)
        {
            var what = entry.Issue switch
            {
                ReadIssue.WrongColumnCount => "with the wrong number of columns",
                ReadIssue.UnparsableValue => "with a field that is not a number",
                ReadIssue.NonFiniteTime => "with a time that is NaN or infinite",
                ReadIssue.NonFiniteValue => "with NaN or infinite values",
                ReadIssue.DuplicateTimestamp => "repeating the time of the row before",
                ReadIssue.OutOfOrderTimestamp => "with a time before the row before",
                ReadIssue.TruncatedLastLine => "cut short at the end of the file",
                ReadIssue.AllZeroReading => "with an all-zero reading",
                _ => null, // kept rows (gaps, clock resets, saturation) and comments are not skipped samples
            };
            if (entry.Issue == ReadIssue.ImplausibleValue)
            {
                parts.Add($"{entry.Count.ToString(CultureInfo.InvariantCulture)} with a value beyond {Multiple(RecordingReadOptions.Default.ImplausibleRangeFactor)} the sensor's range");
            }
            else if (what is not null)
            {
                parts.Add($"{entry.Count.ToString(CultureInfo.InvariantCulture)} {what} (first at line {entry.FirstLineNumbers[0].ToString(CultureInfo.InvariantCulture)})");
            }
        }

        return string.Join("; ", parts);
    }
}

/// <summary>The stable JSON of a gait analysis: absent values are omitted, never written as zero.</summary>
internal static class GaitJson
{
    public static string Write(GaitAnalysis analysis)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("placement", analysis.Placement);
            w.WriteStartArray("steps");
            foreach (var c in analysis.Steps)
            {
                w.WriteStartObject();
                Number(w, "initial_contact_s", c.TimeSeconds);
                Side(w, c.Side);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("strides");
            foreach (var s in analysis.Strides)
            {
                w.WriteStartObject();
                Number(w, "start_s", s.StartSeconds);
                Number(w, "end_s", s.EndSeconds);
                Side(w, s.Side);
                Number(w, "stride_time_s", s.StrideTimeSeconds);
                Number(w, "stance_s", s.StanceSeconds);
                Number(w, "swing_s", s.SwingSeconds);
                Number(w, "stride_length_m", s.StrideLengthMeters);
                if (s.EndsInStandstill)
                {
                    w.WriteBoolean("ends_in_standstill", true);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("walking_bouts");
            foreach (var b in analysis.WalkingBouts)
            {
                w.WriteStartObject();
                Number(w, "start_s", b.StartSeconds);
                Number(w, "end_s", b.EndSeconds);
                w.WriteNumber("steps", b.Steps);
                Number(w, "cadence_spm", b.CadenceStepsPerMinute);
                Number(w, "distance_m", b.DistanceMeters);
                Number(w, "gait_speed_mps", b.GaitSpeedMetersPerSecond);
                BoutDetails(w, b);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var m = analysis.Summary;
            w.WriteStartObject("summary");
            w.WriteNumber("steps", m.Steps);
            Number(w, "cadence_spm", m.CadenceStepsPerMinute);
            Number(w, "stride_time_s", m.StrideTimeSeconds);
            Number(w, "step_time_asymmetry", m.StepTimeAsymmetryRatio);
            Number(w, "gait_speed_mps", m.GaitSpeedMetersPerSecond);
            Number(w, "distance_m", m.DistanceMeters);
            if (m.DistanceModel != DistanceModel.None)
            {
                w.WriteString("distance_model", KebabCase(m.DistanceModel.ToString()));
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A bout's own timing, turns and pauses; each key only where the placement and the bout give it.</summary>
    private static void BoutDetails(Utf8JsonWriter w, WalkingBout b)
    {
        var t = b.Timing;
        Number(w, "stride_time_s", t.StrideTimeSeconds);
        Number(w, "stride_time_cv_percent", t.StrideTimeVariabilityPercent);
        Number(w, "step_time_left_s", t.StepTimeLeftSeconds);
        Number(w, "step_time_right_s", t.StepTimeRightSeconds);
        Number(w, "step_time_asymmetry", t.StepTimeAsymmetryRatio);
        Number(w, "swing_time_asymmetry", t.SwingTimeAsymmetryRatio);
        Number(w, "stance_s", t.StanceSeconds);
        Number(w, "swing_s", t.SwingSeconds);
        if (b.Turns is { } turns)
        {
            w.WriteNumber("turn_count", turns.Count);
            w.WriteStartArray("turns");
            foreach (var turn in turns)
            {
                w.WriteStartObject();
                Number(w, "start_s", turn.StartSeconds);
                Number(w, "end_s", turn.EndSeconds);
                Number(w, "angle_deg", turn.AngleDegrees);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (b.Pauses is { } pauses)
        {
            w.WriteStartArray("pauses");
            foreach (var pause in pauses)
            {
                w.WriteStartObject();
                Number(w, "start_s", pause.StartSeconds);
                Number(w, "end_s", pause.EndSeconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, CliJson.Round(v));
        }
    }

    private static void Side(Utf8JsonWriter w, BodySide side)
    {
        if (side != BodySide.Unknown)
        {
            w.WriteString("side", side == BodySide.Left ? "left" : "right");
        }
    }

    internal static string KebabCase(string pascal)
    {
        var sb = new StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && sb.Length > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}

/// <summary>
/// Human-readable gait summary, for a therapist: every label carries its unit, and numbers are shown no finer than the
/// sensor measures them (cadence in whole steps/min, times to 0.01 s, distance to 0.1 m, speed to 0.01 m/s; the JSON keeps
/// three decimals for programs). A value the placement cannot give is "n/a", never 0.
/// </summary>
internal static class GaitTable
{
    public static void Render(GaitAnalysis analysis, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var m = analysis.Summary;
        var intoStandstill = analysis.Strides.Count(s => s.EndsInStandstill);
        console.WriteLine($"Gait ({analysis.Placement}): {Count(m.Steps, "step")}, {Count(analysis.Strides.Count, "stride")}, {Count(analysis.WalkingBouts.Count, "walking bout")}."
            + (intoStandstill > 0 ? $" {Count(intoStandstill, "stride")} into standstill count in steps and distance but not in the timing statistics." : ""));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("measure", "value");
        var missing = false;
        void Row(string name, double? value, string format)
        {
            missing |= value is null;
            table.AddRow(name, value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a");
        }

        Row("cadence (steps/min)", m.CadenceStepsPerMinute, "F0");
        Row("stride time (s)", m.StrideTimeSeconds, "F2");
        Row("stride-time variability (CV, %)", m.StrideTimeVariabilityPercent, "F1");
        Row("step time left (s)", m.StepTimeLeftSeconds, "F2");
        Row("step time right (s)", m.StepTimeRightSeconds, "F2");
        Row("step-time asymmetry (longer/shorter, 1 = even)", m.StepTimeAsymmetryRatio, "F2");
        Row("swing-time asymmetry (longer/shorter, 1 = even)", m.SwingTimeAsymmetryRatio, "F2");
        Row("stance (s)", m.StanceSeconds, "F2");
        Row("swing (s)", m.SwingSeconds, "F2");
        Row("distance (m)", m.DistanceMeters, "F1");
        Row("gait speed (m/s)", m.GaitSpeedMetersPerSecond, "F2");
        console.Write(table);
        if (missing)
        {
            console.WriteLine("n/a: not measured from this placement (left and right step times need the lower back or a sensor on each foot or shank; stance and swing a foot or shank sensor; distance a model) or not found in this recording.");
        }

        console.WriteLine(m.DistanceModel == DistanceModel.None
            ? "Distance: not available for this placement or without --leg-length-m (lower back) or --step-constant / --height-m (phone)."
            : $"Distance model: {GaitJson.KebabCase(m.DistanceModel.ToString())}.");
        for (var k = 0; k < analysis.WalkingBouts.Count; k++)
        {
            // Written straight to the output, one line a bout, so a long line is not wrapped like the table's notes.
            writer.WriteLine(BoutLine(k + 1, analysis.WalkingBouts[k]));
        }

        if (analysis.WalkingBouts.Any(b => b.Turns is null))
        {
            console.WriteLine("Turns: not measured (the recording has no gyroscope).");
        }

        console.WriteLine("Measurements for tracking walking, not a diagnosis.");
    }

    /// <summary>
    /// One bout in a line, only the figures it has: "Bout 1, 2.0–18.5 s: 29 steps, 109 steps/min, stride 1.10 s (CV 2.1 %),
    /// step left/right 0.55/0.56 s (asymmetry 1.02), swing asymmetry 1.03, stance/swing 0.70/0.40 s, 5.4 m, 1.05 m/s,
    /// 2 turns (+182° at 6.1–8.0 s, −175° at 14.0–16.2 s), 1 pause (8.2–10.9 s)."
    /// </summary>
    internal static string BoutLine(int number, WalkingBout b)
    {
        static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        var t = b.Timing;
        var parts = new List<string> { Count(b.Steps, "step") };
        if (double.IsFinite(b.CadenceStepsPerMinute))
        {
            parts.Add($"{F(b.CadenceStepsPerMinute, "F0")} steps/min");
        }

        if (t.StrideTimeSeconds is { } stride)
        {
            parts.Add($"stride {F(stride, "F2")} s" + (t.StrideTimeVariabilityPercent is { } cv ? $" (CV {F(cv, "F1")} %)" : ""));
        }

        if (t.StepTimeLeftSeconds is { } left && t.StepTimeRightSeconds is { } right)
        {
            parts.Add($"step left/right {F(left, "F2")}/{F(right, "F2")} s" + (t.StepTimeAsymmetryRatio is { } ratio ? $" (asymmetry {F(ratio, "F2")})" : ""));
        }

        if (t.SwingTimeAsymmetryRatio is { } swingRatio)
        {
            parts.Add($"swing asymmetry {F(swingRatio, "F2")}");
        }

        if (t.StanceSeconds is { } stance && t.SwingSeconds is { } swing)
        {
            parts.Add($"stance/swing {F(stance, "F2")}/{F(swing, "F2")} s");
        }

        if (b.DistanceMeters is { } distance)
        {
            parts.Add($"{F(distance, "F1")} m");
        }

        if (b.GaitSpeedMetersPerSecond is { } speed)
        {
            parts.Add($"{F(speed, "F2")} m/s");
        }

        if (b.Turns is { } turns)
        {
            parts.Add(Count(turns.Count, "turn") + (turns.Count == 0 ? ""
                : " (" + string.Join(", ", turns.Select(u => $"{(u.AngleDegrees >= 0 ? "+" : "−")}{F(Math.Abs(u.AngleDegrees), "F0")}° at {F(u.StartSeconds, "F1")}–{F(u.EndSeconds, "F1")} s")) + ")"));
        }

        if (b.Pauses is { Count: > 0 } pauses)
        {
            parts.Add(Count(pauses.Count, "pause") + " (" + string.Join(", ", pauses.Select(p => $"{F(p.StartSeconds, "F1")}–{F(p.EndSeconds, "F1")} s")) + ")");
        }

        return $"Bout {number.ToString(CultureInfo.InvariantCulture)}, {F(b.StartSeconds, "F1")}–{F(b.EndSeconds, "F1")} s: {string.Join(", ", parts)}.";
    }

    /// <summary>"1 step", "3 steps".</summary>
    internal static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");
}
