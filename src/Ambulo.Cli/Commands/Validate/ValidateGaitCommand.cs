using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Spectre.Console;

namespace Ambulo.Cli.Commands.Validate;

/// <summary>
/// <c>ambulo validate gait DATASET</c>: runs the gait algorithms on a public data set (a folder such as
/// <c>testdata/gaitmap-foot-mocap</c>, or the name of one under <c>testdata/</c>, or <c>all</c>) and prints the
/// issue-5 accuracy table against the data set's own reference annotations. Exit codes: 0 printed, 2 bad input.
/// </summary>
internal static class ValidateGaitCommand
{
    public static readonly string[] DatasetNames = ["gaitmap-foot-mocap", "mobgap-lowerback", "oxford-phone-steps"];

    public static Command Create()
    {
        var dataset = new Argument<string>("DATASET") { Description = "Data set folder, or gaitmap-foot-mocap, mobgap-lowerback, oxford-phone-steps or all (under testdata/)." };
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON." };
        var misses = new Option<bool>("--misses") { Description = "Lower back: list every missed and extra initial contact per file (diagnostic).", Hidden = true };
        var command = new Command("gait", "Accuracy of step, stride and speed estimates against the public data sets' references.");
        command.Arguments.Add(dataset);
        command.Options.Add(json);
        command.Options.Add(misses);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var folders = Resolve(parseResult.GetValue(dataset) ?? "", error);
            if (folders is null)
            {
                return 2;
            }

            if (parseResult.GetValue(misses))
            {
                foreach (var folder in folders.Where(f => Kind(f) == "mobgap-lowerback"))
                {
                    ValidateGaitMisses.LowerBack(folder, output);
                }

                return 0;
            }

            var rows = new List<GaitMetricRow>();
            foreach (var folder in folders)
            {
                try
                {
                    var kind = Kind(folder);
                    rows.AddRange(kind switch
                    {
                        "gaitmap-foot-mocap" => GaitDatasetValidation.Foot(folder),
                        "mobgap-lowerback" => GaitDatasetValidation.LowerBack(folder),
                        "oxford-phone-steps" => GaitDatasetValidation.Phone(folder),
                        _ => throw new InvalidDataException($"'{folder}' is not one of the gait data sets ({string.Join(", ", DatasetNames)})"),
                    });
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or JsonException)
                {
                    error.WriteLine($"error: cannot validate on '{folder}': {ex.Message}");
                    return 2;
                }
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
            }
            else
            {
                Render(rows, output);
            }

            return 0;
        });
        return command;
    }

    private static List<string>? Resolve(string name, TextWriter error)
    {
        if (Directory.Exists(name))
        {
            return [Path.GetFullPath(name)];
        }

        var root = FindTestData();
        if (root is null)
        {
            error.WriteLine($"error: '{name}' is not a folder and no testdata/ folder was found above the current directory.");
            return null;
        }

        if (name == "all")
        {
            return DatasetNames.Select(n => Path.Combine(root, n)).ToList();
        }

        if (DatasetNames.Contains(name) && Directory.Exists(Path.Combine(root, name)))
        {
            return [Path.Combine(root, name)];
        }

        error.WriteLine($"error: unknown data set '{name}': give a folder or one of {string.Join(", ", DatasetNames)}, all.");
        return null;
    }

    private static string? FindTestData()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "testdata");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Kind(string folder)
    {
        if (File.Exists(Path.Combine(folder, "data", "imu_sample.csv")))
        {
            return "gaitmap-foot-mocap";
        }

        if (Directory.Exists(Path.Combine(folder, "data_csv")))
        {
            return "mobgap-lowerback";
        }

        return Directory.Exists(Path.Combine(folder, "validation")) ? "oxford-phone-steps" : "unknown";
    }

    private static readonly (string Header, int Width)[] Columns =
        [("placement", 10), ("data", 71), ("metric", 70), ("value", 21), ("target", 6), ("met", 3)];

    private static void Render(List<GaitMetricRow> rows, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        var table = new Table().Border(TableBorder.Markdown);
        // Fixed widths (those the full "all" table settles on), so one data set's rows print exactly as they do in the
        // full table and docs/accuracy.md can quote either.
        foreach (var (header, width) in Columns)
        {
            table.AddColumn(new TableColumn(header).Width(width));
        }

        foreach (var r in rows)
        {
            table.AddRow(Markup.Escape(r.Placement), Markup.Escape(r.Data), Markup.Escape(r.Metric), Markup.Escape(r.Value), Markup.Escape(r.Target ?? ""), r.Met is null ? "" : r.Met.Value ? "yes" : "NO");
        }

        console.Write(table);
    }
}

/// <summary>One line of the accuracy table.</summary>
internal sealed record GaitMetricRow(string Placement, string Data, string Metric, string Value, string? Target = null, bool? Met = null);

/// <summary>
/// Reads the three public gait data sets through the shared importers (<c>src/Ambulo.Motion/Recordings/Importers</c>)
/// and reference readers (<c>src/Ambulo.Motion/Evaluation/References</c>) and scores the algorithms with
/// <see cref="GaitValidation"/>.
/// </summary>
internal static class GaitDatasetValidation
{
    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    // ---------------- foot IMUs (gaitmap) ----------------
    public static IEnumerable<GaitMetricRow> Foot(string folder)
    {
        var data = Path.Combine(folder, "data");
        const double fs = 204.8;
        var feet = ReadGaitmapFeet(Path.Combine(data, "imu_sample.csv"), fs);
        // Reference: mocap stride events (pre_ic -> ic) and the stride length at each stride's last heel position.
        // Its strides are complete gait cycles (mid-stance to mid-stance, closed by the next toe-off), so our last
        // stride of each foot into standstill is not scored (counted in the data column).
        var events = GaitmapReference.ReadStrideEvents(Path.Combine(data, "stride_events_sample.csv"), fs);
        var lengths = GaitmapReference.ReadStrideLengths(Path.Combine(data, "position_sample.csv"))
            .ToDictionary(l => (l.Foot, l.StrideId), l => l.LengthMeters);
        var reference = events
            .Select(e => new ReferenceStride(e.Foot, e.PreviousInitialContactSeconds, e.InitialContactSeconds,
                lengths.TryGetValue((e.Foot, e.StrideId), out var length) ? length : null))
            .ToList();

        // The preset of each data set is named here, not taken from a default: the gaitmap and Oxford walkers are
        // healthy (Healthy presets); the mobgap lower-back files include slow and MS walking (SlowOrImpaired). The
        // CLI's walking commands default to slow-or-impaired, which does not change this table.
        var preset = FootStrideOptions.Healthy;
        var v = GaitValidation.ValidateFoot(feet, reference, 0.1, preset, completeCyclesOnly: true);
        var data1 = $"imu_sample ({reference.Count} mocap strides)";
        var dataNote = $"imu_sample ({reference.Count} mocap; {v.StandstillStridesNotScored} bout ends unscored)";
        yield return new("foot IMU", dataNote, "stride precision / recall @±0.1 s", $"{F(v.Strides.Precision, "F3")} / {F(v.Strides.Recall, "F3")}");
        yield return new("foot IMU", data1, "stride F1 @±0.1 s, mocap list as published", F(v.Strides.F1, "F3"), "≥ 0.99", v.Strides.F1 >= 0.99);
        yield return new("foot IMU", data1, "stride time MAE (ms)", F(v.StrideTimeMaeSeconds * 1000, "F1"), "≤ 10", v.StrideTimeMaeSeconds <= 0.010);
        yield return new("foot IMU", data1, $"stride length MAE (cm, {v.StrideLengthPairs} strides)", F((v.StrideLengthMaeMeters ?? double.NaN) * 100, "F2"), "≤ 3", v.StrideLengthMaeMeters <= 0.03);

        var linear = GaitValidation.ValidateFoot(feet, reference, 0.1, preset with { VelocityDrift = VelocityDriftModel.Linear }, completeCyclesOnly: true);
        yield return new("foot IMU", data1, "stride length MAE (cm), linear drift model", F((linear.StrideLengthMaeMeters ?? double.NaN) * 100, "F2"));

        // The same list checked against its own heel trajectories: a stride whose heel moves, rests and moves again
        // missed a contact and is split at the rest (one rule for every stride; see GaitmapHeelRests).
        var positionsPath = Path.Combine(data, "position_sample.csv");
        var check = GaitmapHeelRests.Check(events, GaitmapReference.ReadStridePositions(positionsPath));
        var vc = GaitValidation.ValidateFoot(feet, check.Strides, 0.1, preset, completeCyclesOnly: true);
        var splitNames = string.Join(", ", check.SplitStrides.Select(x => $"{(x.Foot == BodySide.Left ? "L" : "R")}{x.StrideId}"));
        var dataChecked = $"imu_sample ({check.Strides.Count}: split {splitNames})";
        yield return new("foot IMU", dataChecked, "stride F1 @±0.1 s, list checked on its heel paths", F(vc.Strides.F1, "F3"), "≥ 0.99", vc.Strides.F1 >= 0.99);
        yield return new("foot IMU", dataChecked, "stride time MAE (ms)", F(vc.StrideTimeMaeSeconds * 1000, "F1"), "≤ 10", vc.StrideTimeMaeSeconds <= 0.010);
        yield return new("foot IMU", dataChecked, $"stride length MAE (cm, {vc.StrideLengthPairs} strides)", F((vc.StrideLengthMaeMeters ?? double.NaN) * 100, "F2"), "≤ 3", vc.StrideLengthMaeMeters <= 0.03);

        // Per bout (information; the issue sets no foot target for these): bouts are runs of mocap strides with no gap
        // between them (BoutAccuracy.BoutsFromStrides); steps and cadence from the initial contacts of both feet in a bout's
        // span ±0.1 s, speed from the mean stride length ÷ stride time. Scored against both lists: the published one lacks
        // the contact inside L13, which its count and cadence miss.
        foreach (var (label, list) in new[] { (data1, reference), (dataChecked, check.Strides) })
        {
            var b = GaitValidation.ValidateFootBouts(feet, list, 0.1, preset);
            var cadence = b.Bouts.Where(x => x.CadenceStepsPerMinute is not null && x.Reference.CadenceStepsPerMinute is not null)
                .Select(x => Math.Abs(x.CadenceStepsPerMinute!.Value - x.Reference.CadenceStepsPerMinute!.Value)).ToList();
            var speed = b.Bouts.Where(x => x.GaitSpeedMetersPerSecond is not null && x.Reference.GaitSpeedMetersPerSecond is not null)
                .Select(x => Math.Abs(x.GaitSpeedMetersPerSecond!.Value - x.Reference.GaitSpeedMetersPerSecond!.Value)).ToList();
            var boutWord = b.Bouts.Count == 1 ? "bout" : "bouts";
            yield return new("foot IMU", label, $"steps {b.DetectedStepsInBouts} vs {b.ReferenceSteps} in {b.Bouts.Count} mocap {boutWord} ±0.1 s ({b.DetectedStepsInRecording} in recording): count error (information)", F(b.StepCountErrorPercent, "+0.0;-0.0;0.0") + " %");
            yield return new("foot IMU", label, $"cadence MAE per bout (steps/min, {cadence.Count} of {b.Bouts.Count} {boutWord}; information)", cadence.Count == 0 ? "-" : F(cadence.Average(), "F2"));
            yield return new("foot IMU", label, $"gait speed MAE per bout (m/s, {speed.Count} of {b.Bouts.Count} {boutWord}; information)", speed.Count == 0 ? "-" : F(speed.Average(), "F3"));
        }

        // Left and right: one IMU per foot, and the file names each sensor's foot (its left_sensor and right_sensor columns);
        // nothing is estimated, so an accuracy would be 100 % by construction and is not printed.
        yield return new("foot IMU", "imu_sample (left_sensor, right_sensor)", "left/right assignment: one sensor per foot, its side named in the file (information)", "n/a (given)");

        // Second recording: tilted sensors at 102.4 Hz; only some strides are labelled, so recall is the measure.
        var second = Path.Combine(data, "imu_sample_ic_stride.csv");
        if (File.Exists(second))
        {
            const double fs2 = 102.4;
            var feet2 = ReadGaitmapFeet(second, fs2);
            var ref2 = GaitmapReference.ReadStrideBorders(Path.Combine(data, "stride_borders_sample_ic_stride.csv"), fs2)
                .Select(b => new ReferenceStride(b.Foot, b.StartSeconds, b.EndSeconds, null)).ToList();
            var v2 = GaitValidation.ValidateFoot(feet2, ref2, 0.1, preset);
            const string data2 = "imu_sample_ic_stride (14 labelled)";
            yield return new("foot IMU", data2, "stride recall @±0.1 s (labels partial)", F(v2.Strides.Recall, "F3"));
            yield return new("foot IMU", data2, "stride time MAE (ms)", F(v2.StrideTimeMaeSeconds * 1000, "F1"));
            yield return new("foot IMU", data2, "stride start mean signed error (ms)", F(v2.Strides.MeanSignedErrorSeconds * 1000, "F0"));
        }
    }

    /// <summary>Both feet of a gaitmap IMU file, through the shared importer (units, axes, sanitising).</summary>
    private static List<SensorRecording> ReadGaitmapFeet(string path, double fs) =>
        [GaitmapImporter.Import(path, BodySide.Left, fs).Recording, GaitmapImporter.Import(path, BodySide.Right, fs).Recording];

    // ---------------- lower back (mobgap) ----------------
    public static IEnumerable<GaitMetricRow> LowerBack(string folder)
    {
        var reference = MobgapReference.ReadDerived(Path.Combine(folder, "derived"));
        var options = LowerBackGaitOptions.SlowOrImpaired;
        var all = GaitEventScore.Empty;
        var ms = GaitEventScore.Empty;
        var withStereophoto = GaitEventScore.Empty;
        var insideBouts = GaitEventScore.Empty;
        var extras = new Dictionary<ExtraContactKind, int>();
        var missed = new Dictionary<MissedContactKind, int>();
        var floorPercent = new List<double>();
        int sideOk = 0, sideN = 0;
        var cadenceErrors = new List<double>();
        var cadencePercent = new List<double>();
        var speedErrors = new List<double>();
        var modelSpeedErrors = new List<double>();
        var skipped = new List<string>();
        var stereophotoOnly = new List<string>();
        var trials = 0;
        var boutsMissed = 0;
        var speedMissed = 0;
        var boutsTotal = 0;
        var calibrationTrials = new List<LowerBackCalibrationCheck.Trial>();
        var strides = StrideComparison.Empty;
        var boutStepErrors = new List<double>();
        int boutStepsDetected = 0, boutStepsReference = 0, recordingStepsDetected = 0, recordingStepsReference = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "data_csv"), "TimeMeasure1_*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var trial = MobgapTrial.FromPath(file);
            var (refs, bouts) = LowerBackReference(reference, trial);
            if (refs.Count == 0)
            {
                skipped.Add($"{trial.Cohort}/{trial.Participant} {trial.Test} {trial.Trial}");
                continue;
            }

            trials++;
            if (!reference.Events.Any(e => e.Trial == trial && e.System == MobgapReferenceSystem.Indip))
            {
                stereophotoOnly.Add($"{trial.Cohort}/{trial.Participant} {trial.Test} {trial.Trial}");
            }

            var recording = MobgapImporter.Import(file).Recording;
            var height = SensorHeight(recording, trial);
            // Detected once per trial: the rows below and the calibration check all score this detection.
            var detection = LowerBackGaitDetector.Detect(recording.Samples, recording.Metadata.SamplingRateHz, options with { SensorHeightMeters = height });
            calibrationTrials.Add(LowerBackCalibrationCheck.Trial.Of(reference, trial, recording, refs, bouts, height, detection));
            var v = GaitValidation.ValidateLowerBack(recording, refs, bouts, 0.25, options with { SensorHeightMeters = height }, OtherSystemBouts(reference, trial), detection);
            all += v.InitialContacts;
            insideBouts += v.InsideReferenceBouts;
            foreach (var kind in Enum.GetValues<ExtraContactKind>())
            {
                extras[kind] = extras.GetValueOrDefault(kind) + v.Errors.ExtraCount(kind);
            }

            foreach (var kind in Enum.GetValues<MissedContactKind>())
            {
                missed[kind] = missed.GetValueOrDefault(kind) + v.Errors.MissedCount(kind);
            }

            withStereophoto += GaitValidation.ValidateLowerBack(recording, WithStereophotoOnlyWalks(reference, trial, refs), bouts, 0.25, options with { SensorHeightMeters = height }, detection: detection).InitialContacts;
            if (trial.Cohort == "MS")
            {
                ms += v.InitialContacts;
            }

            sideOk += v.SideCorrect;
            sideN += v.SideCompared;
            strides += StrideAccuracy.Compare(detection.Strides, LowerBackReferenceStrides(reference, trial), 0.25);
            recordingStepsDetected += v.InitialContacts.TruePositives + v.InitialContacts.FalsePositives;
            recordingStepsReference += v.InitialContacts.TruePositives + v.InitialContacts.FalseNegatives;
            foreach (var count in BoutAccuracy.StepCounts([.. detection.InitialContacts.Select(c => c.TimeSeconds)], [.. refs.Select(c => c.TimeSeconds)],
                [.. bouts.Select(b => (b.StartSeconds, b.EndSeconds))], 0.25))
            {
                boutStepsDetected += count.Detected;
                boutStepsReference += count.Reference;
                if (count.Reference > 0)
                {
                    boutStepErrors.Add(Math.Abs(count.ErrorPercent));
                }
            }

            var modelSpeeds = GaitValidation.LowerBackSpeedAtReferenceContacts(recording, refs, bouts, options with { SensorHeightMeters = height });
            for (var b = 0; b < bouts.Count; b++)
            {
                if (modelSpeeds[b] is { } s && bouts[b].WalkingSpeedMetersPerSecond is { } r)
                {
                    modelSpeedErrors.Add(Math.Abs(s - r));
                }
            }

            for (var b = 0; b < bouts.Count; b++)
            {
                if (v.ReferenceContactCadences[b] is { } floor)
                {
                    floorPercent.Add(100 * Math.Abs(floor - bouts[b].CadenceStepsPerMinute) / bouts[b].CadenceStepsPerMinute);
                }
            }

            foreach (var (bout, cadence, speed) in v.Bouts)
            {
                boutsTotal++;
                if (cadence is { } c)
                {
                    cadenceErrors.Add(Math.Abs(c - bout.CadenceStepsPerMinute));
                    cadencePercent.Add(100 * Math.Abs(c - bout.CadenceStepsPerMinute) / bout.CadenceStepsPerMinute);
                }
                else
                {
                    boutsMissed++;
                }

                if (speed is { } s && bout.WalkingSpeedMetersPerSecond is { } r)
                {
                    speedErrors.Add(Math.Abs(s - r));
                }
                else if (bout.WalkingSpeedMetersPerSecond is not null)
                {
                    speedMissed++;
                }
            }
        }

        // The reference is INDIP where that system annotated the trial and Stereophoto where it did not (one trial), so
        // the label names both; HA/002 Test5 Trial1 has no reference contacts at all and is listed as skipped below.
        var data = stereophotoOnly.Count == 0
            ? $"2 healthy + 1 MS, {trials} trials, INDIP ref."
            : $"2 healthy + 1 MS, {trials} trials, INDIP ref. (Stereophoto: {string.Join(", ", stereophotoOnly)})";
        yield return new("lower back", data, "IC precision / recall @±0.25 s, whole recordings", $"{F(all.Precision, "F3")} / {F(all.Recall, "F3")}");
        yield return new("lower back", data, "IC F1 @±0.25 s, whole recordings", F(all.F1, "F3"), "≥ 0.95", all.F1 >= 0.95);
        yield return new("lower back", "MS participant only", "IC F1 @±0.25 s", F(ms.F1, "F3"), "≥ 0.95", ms.F1 >= 0.95);
        yield return new("lower back", "INDIP + Stereophoto-only walks", "IC precision / recall @±0.25 s (information)", $"{F(withStereophoto.Precision, "F3")} / {F(withStereophoto.Recall, "F3")}");
        yield return new("lower back", "INDIP + Stereophoto-only walks", "IC F1 @±0.25 s (information)", F(withStereophoto.F1, "F3"));

        // Where the unpaired events of the whole-recording score lie (information; each kind in LowerBackErrorBreakdown).
        // A bout holds an event up to the 0.25 s tolerance beyond its ends: nearer, a detection can still pair with the
        // bout's first or last contact; farther, it cannot.
        var extraTotal = extras.Values.Sum();
        var missedTotal = missed.Values.Sum();
        yield return new("lower back", data, $"IC extra detections: in Stereophoto bouts outside every INDIP bout (information, of {extraTotal})", extras.GetValueOrDefault(ExtraContactKind.OtherSystemWalk).ToString(CultureInfo.InvariantCulture));
        yield return new("lower back", data, $"IC extra detections: outside every reference bout ±0.25 s (information, of {extraTotal})", extras.GetValueOrDefault(ExtraContactKind.OutsideReferenceBouts).ToString(CultureInfo.InvariantCulture));
        yield return new("lower back", data, $"IC extra detections: in a reference bout, over 0.25 s from its contacts (information, of {extraTotal})", extras.GetValueOrDefault(ExtraContactKind.FarFromReferenceContacts).ToString(CultureInfo.InvariantCulture));
        yield return new("lower back", data, $"IC extra detections: in a reference bout, a second one at a reference contact (information, of {extraTotal})", extras.GetValueOrDefault(ExtraContactKind.SecondAtReferenceContact).ToString(CultureInfo.InvariantCulture));
        yield return new("lower back", data, $"IC missed contacts: where we detected no bout ±0.25 s (information, of {missedTotal})", missed.GetValueOrDefault(MissedContactKind.NoDetectedBout).ToString(CultureInfo.InvariantCulture));
        yield return new("lower back", data, $"IC missed contacts: inside our bouts (information, of {missedTotal})", missed.GetValueOrDefault(MissedContactKind.InsideDetectedBout).ToString(CultureInfo.InvariantCulture));
        yield return new("lower back", "detections in reference bouts ±0.25 s only", "IC precision / recall @±0.25 s (information, not the target)", $"{F(insideBouts.Precision, "F3")} / {F(insideBouts.Recall, "F3")}");
        yield return new("lower back", "detections in reference bouts ±0.25 s only", "IC F1 @±0.25 s (information, not the target)", F(insideBouts.F1, "F3"));
        yield return new("lower back", data, "IC mean absolute time error (ms)", F(all.MeanAbsoluteErrorSeconds * 1000, "F0"));
        yield return new("lower back", data, "left/right assignment accuracy", sideN == 0 ? "-" : F(100.0 * sideOk / sideN, "F1") + " %");
        yield return new("lower back", data, $"cadence error per bout ({cadencePercent.Count} of {boutsTotal} bouts; {boutsMissed} missed, unscored)", cadencePercent.Count == 0 ? "-" : F(cadencePercent.Average(), "F1") + " %", "≤ 3 %", cadencePercent.Count > 0 && cadencePercent.Average() <= 3);
        yield return new("lower back", data, "cadence MAE per bout (steps/min)", cadenceErrors.Count == 0 ? "-" : F(cadenceErrors.Average(), "F1"));
        yield return new("lower back", $"reference contacts ({floorPercent.Count} of {boutsTotal} bouts)", "cadence error per bout, the reference's own contacts scored as ours (floor; information)",
            floorPercent.Count == 0 ? "-" : F(floorPercent.Average(), "F1") + " %");
        yield return new("lower back", data, $"gait speed MAE per bout (m/s, {speedErrors.Count} of {speedErrors.Count + speedMissed} bouts; {speedMissed} missed, unscored)", speedErrors.Count == 0 ? "-" : F(speedErrors.Average(), "F3"), "≤ 0.06", speedErrors.Count > 0 && speedErrors.Average() <= 0.06);
        yield return new("lower back", data, $"model speed MAE at reference contacts ({modelSpeedErrors.Count} of {boutsTotal} bouts)", modelSpeedErrors.Count == 0 ? "-" : F(modelSpeedErrors.Average(), "F3"));
        // Stride by stride (information; the stride-time and stride-length targets of the issue are the foot's): a detected
        // stride is scored against the reference stride whose two initial contacts both lie within ±0.25 s of its own.
        yield return new("lower back", data, $"stride time MAE (mean signed) (ms, {strides.Matched} of {strides.Reference} ref. strides matched @±0.25 s; information)",
            $"{F(strides.StrideTimeMaeSeconds * 1000, "F0")} ({F(strides.StrideTimeMeanSignedSeconds * 1000, "+0;-0;0")})");
        yield return new("lower back", data, $"stride length MAE (mean signed) (cm, {strides.LengthPairs} matched strides with a length; information)",
            $"{F(strides.StrideLengthMaeMeters * 100, "F1")} ({F(strides.StrideLengthMeanSignedMeters * 100, "+0.0;-0.0;0.0")})");
        // Step counts: per reference bout, the contacts in its span ±0.25 s (ours and the reference's); and whole recordings,
        // every detection against every reference contact (walking the reference did not annotate counts as extra steps).
        yield return new("lower back", data, $"step-count error per bout, mean |error| ({boutStepErrors.Count} bouts, {boutStepsDetected} vs {boutStepsReference} steps; information)",
            boutStepErrors.Count == 0 ? "-" : F(boutStepErrors.Average(), "F1") + " %");
        yield return new("lower back", data, $"step-count error, whole recordings ({recordingStepsDetected} vs {recordingStepsReference} steps; information)",
            F(recordingStepsReference == 0 ? double.NaN : 100.0 * (recordingStepsDetected - recordingStepsReference) / recordingStepsReference, "+0.0;-0.0;0.0") + " %");
        foreach (var row in LowerBackCalibrationCheck.Rows(calibrationTrials, options))
        {
            yield return row;
        }

        if (skipped.Count > 0)
        {
            yield return new("lower back", "skipped (no reference contacts)", string.Join("; ", skipped), "-");
        }
    }

    /// <summary>
    /// The reference contacts and walking bouts of one trial: INDIP where that system annotated the trial, else
    /// Stereophoto. INDIP repeats some contacts (a quirk documented by mobgap), so of contacts closer than 50 ms one is kept.
    /// </summary>
    internal static (List<InitialContact> Contacts, List<ReferenceBout> Bouts) LowerBackReference(MobgapReferenceSet reference, MobgapTrial trial)
    {
        var system = reference.Events.Any(e => e.Trial == trial && e.System == MobgapReferenceSystem.Indip) ? MobgapReferenceSystem.Indip : MobgapReferenceSystem.Stereophoto;
        var contacts = reference.InitialContactsOf(trial, system).Select(e => new InitialContact(e.TimeSeconds, e.Side)).OrderBy(c => c.TimeSeconds).ToList();
        for (var i = contacts.Count - 1; i > 0; i--)
        {
            if (contacts[i].TimeSeconds - contacts[i - 1].TimeSeconds < 0.05)
            {
                contacts.RemoveAt(i);
            }
        }

        var bouts = reference.BoutsOf(trial, system)
            .Select(b => new ReferenceBout(b.StartSeconds, b.EndSeconds, b.CadenceStepsPerMinute ?? double.NaN, b.WalkingSpeedMetersPerSecond)).ToList();
        return (contacts, bouts);
    }

    /// <summary>
    /// The reference strides of one trial from the same system as <see cref="LowerBackReference"/> (INDIP where it annotated
    /// the trial, else Stereophoto); strides whose start or end the source left empty are already left out by the reader.
    /// </summary>
    internal static List<ReferenceStride> LowerBackReferenceStrides(MobgapReferenceSet reference, MobgapTrial trial)
    {
        var system = reference.Events.Any(e => e.Trial == trial && e.System == MobgapReferenceSystem.Indip) ? MobgapReferenceSystem.Indip : MobgapReferenceSystem.Stereophoto;
        return [.. reference.StridesOf(trial, system).Select(s => new ReferenceStride(s.Side, s.StartSeconds, s.EndSeconds, s.LengthMeters)).OrderBy(s => s.StartSeconds)];
    }

    /// <summary>The bouts of the reference system that is not the trial's scoring reference (Stereophoto where INDIP scores; none where Stereophoto does).</summary>
    internal static List<ReferenceBout> OtherSystemBouts(MobgapReferenceSet reference, MobgapTrial trial)
    {
        if (!reference.Events.Any(e => e.Trial == trial && e.System == MobgapReferenceSystem.Indip))
        {
            return [.. reference.BoutsOf(trial, MobgapReferenceSystem.Indip).Select(b => new ReferenceBout(b.StartSeconds, b.EndSeconds, b.CadenceStepsPerMinute ?? double.NaN, b.WalkingSpeedMetersPerSecond))];
        }

        return [.. reference.BoutsOf(trial, MobgapReferenceSystem.Stereophoto).Select(b => new ReferenceBout(b.StartSeconds, b.EndSeconds, b.CadenceStepsPerMinute ?? double.NaN, b.WalkingSpeedMetersPerSecond))];
    }

    /// <summary>
    /// The trial's reference contacts plus the Stereophoto contacts of walking bouts INDIP has no bout for (more than 1 s
    /// from every INDIP bout): walking that happened but one reference system left out. Used for an extra, informative row.
    /// </summary>
    private static List<InitialContact> WithStereophotoOnlyWalks(MobgapReferenceSet reference, MobgapTrial trial, List<InitialContact> contacts)
    {
        var indip = reference.BoutsOf(trial, MobgapReferenceSystem.Indip).ToList();
        if (indip.Count == 0)
        {
            return contacts;
        }

        var extra = reference.BoutsOf(trial, MobgapReferenceSystem.Stereophoto)
            .Where(s => indip.All(b => s.EndSeconds < b.StartSeconds - 1 || s.StartSeconds > b.EndSeconds + 1))
            .SelectMany(s => reference.InitialContactsOf(trial, MobgapReferenceSystem.Stereophoto).Where(e => e.WalkingBoutId == s.WalkingBoutId))
            .Select(e => new InitialContact(e.TimeSeconds, e.Side));
        return [.. contacts.Concat(extra).OrderBy(c => c.TimeSeconds)];
    }

    internal static double SensorHeight(SensorRecording recording, MobgapTrial trial) =>
        recording.Metadata.Label("sensor_height_m") is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var height)
            ? height
            : throw new InvalidDataException($"no sensor height for {trial} in data_csv/participant_metadata.json");

    // ---------------- phone (Oxford) ----------------
    public static IEnumerable<GaitMetricRow> Phone(string folder)
    {
        var preset = StepCounterOptions.Healthy; // healthy walkers (see Foot)
        var worst = 0.0;
        var files = Directory.GetFiles(Path.Combine(folder, "validation"), "*.csv").Order(StringComparer.Ordinal).ToList();
        var timing = GaitEventScore.Empty;
        var cadenceErrors = new List<double>();
        void AddCadence(StepCountValidation v)
        {
            if (v.CadenceStepsPerMinute is { } mine && v.ReferenceCadenceStepsPerMinute is { } theirs)
            {
                cadenceErrors.Add(Math.Abs(mine - theirs));
            }
        }

        foreach (var file in files)
        {
            var (recording, steps) = ReadOxfordValidation(file);
            var v = GaitValidation.ValidateSteps(recording, steps, 0.2, preset);
            timing += v.Timing;
            AddCadence(v);
            worst = Math.Max(worst, Math.Abs(v.CountErrorPercent));
            var name = Path.GetFileNameWithoutExtension(file).Split('_');
            yield return new("phone", $"{name[0]} {name[1]}", $"steps {v.Detected} vs {v.Reference}: count error", F(v.CountErrorPercent, "+0.0;-0.0;0.0") + " %", "≤ 2 %", Math.Abs(v.CountErrorPercent) <= 2);
            yield return new("phone", $"{name[0]} {name[1]}", "step timing F1 @±0.2 s (mean signed ms)", $"{F(v.Timing.F1, "F3")} ({F(v.Timing.MeanSignedErrorSeconds * 1000, "F0")})");
        }

        foreach (var dir in Directory.Exists(Path.Combine(folder, "optimisation")) ? Directory.GetDirectories(Path.Combine(folder, "optimisation")).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var (recording, steps) = ReadOxfordOptimisation(dir);
            var v = GaitValidation.ValidateSteps(recording, steps, 0.2, preset);
            AddCadence(v);
            worst = Math.Max(worst, Math.Abs(v.CountErrorPercent));
            var name = Path.GetFileName(dir);
            yield return new("phone", name, $"steps {v.Detected} vs {v.Reference} (pad 0→1): count error", F(v.CountErrorPercent, "+0.0;-0.0;0.0") + " %", "≤ 2 %", Math.Abs(v.CountErrorPercent) <= 2);
            yield return new("phone", name, "step timing F1 @±0.2 s (10 Hz pads; mean signed ms)", $"{F(v.Timing.F1, "F3")} ({F(v.Timing.MeanSignedErrorSeconds * 1000, "F0")})");
        }

        yield return new("phone", "validation files", "step timing F1 @±0.2 s, pooled", F(timing.F1, "F3"));
        yield return new("phone", "validation files", "step precision / recall @±0.2 s, pooled (information)", $"{F(timing.Precision, "F3")} / {F(timing.Recall, "F3")}");
        // Each file is one walk, scored as one bout: cadence from the first to the last foot-switch step, ours over the same
        // span ±0.2 s (BoutAccuracy.CadenceOverWalk). The phone gives no sides, so no stride time or left/right here.
        yield return new("phone", "all files", $"cadence MAE per walk (steps/min, {cadenceErrors.Count} walks, one bout each; information)",
            cadenceErrors.Count == 0 ? "-" : F(cadenceErrors.Average(), "F2"));
        yield return new("phone", "all files", "stride time, stride length, gait speed, left/right: not measured (no sides; no distance reference)", "n/a");
        yield return new("phone", "all files", "worst step-count error", F(worst, "F1") + " %", "≤ 2 %", worst <= 2);
    }

    private static (SensorRecording Recording, IReadOnlyList<double> Steps) ReadOxfordValidation(string path) =>
        (OxfordImporter.Import(path).Recording, OxfordReference.ReadValidationSteps(path).StepTimesSeconds);

    private static (SensorRecording Recording, IReadOnlyList<double> Steps) ReadOxfordOptimisation(string dir) =>
        (OxfordImporter.Import(dir).Recording, OxfordReference.ReadPads(dir).Steps.Select(s => s.TimeSeconds).Order().ToList());
}
