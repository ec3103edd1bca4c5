using System.Globalization;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Cli.Commands.Validate;

/// <summary>
/// Diagnostic behind the hidden <c>validate gait mobgap-lowerback --misses</c> option: every reference initial contact
/// the lower-back detector misses and every detection without a reference contact, per file, with context (the
/// reference bout around it with its speed, the nearest event of the other list, the trunk's low-passed vertical
/// acceleration there, the turn it lies in if the trunk was turning); under each reference bout, its reference strides matched to ours and
/// their stride time and length errors. Each event carries the kind the table's split rows
/// count it under (<see cref="LowerBackErrorBreakdown"/>, from the same scoring), and the last lines count the kinds, all
/// and in turns. It reads the reference only to print; the detector never sees it.
/// </summary>
internal static class ValidateGaitMisses
{
    private static string F(double v, string format = "F2") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    public static void LowerBack(string folder, TextWriter output)
    {
        var reference = MobgapReference.ReadDerived(Path.Combine(folder, "derived"));
        var options = LowerBackGaitOptions.SlowOrImpaired;
        var pooled = GaitEventScore.Empty;
        var extraKinds = new Dictionary<ExtraContactKind, int>();
        var missedKinds = new Dictionary<MissedContactKind, int>();
        var extraInTurns = new Dictionary<ExtraContactKind, int>();
        var missedInTurns = new Dictionary<MissedContactKind, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "data_csv"), "TimeMeasure1_*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var trial = MobgapTrial.FromPath(file);
            var (refs, refBouts) = GaitDatasetValidation.LowerBackReference(reference, trial);
            var refStrides = GaitDatasetValidation.LowerBackReferenceStrides(reference, trial);
            var recording = MobgapImporter.Import(file).Recording;
            var fs = recording.Metadata.SamplingRateHz;
            var height = double.Parse(recording.Metadata.Label("sensor_height_m") ?? "1", CultureInfo.InvariantCulture);
            var result = LowerBackGaitDetector.Detect(recording.Samples, fs, options with { SensorHeightMeters = height });
            var detected = result.InitialContacts.Select(c => c.TimeSeconds).ToList();
            var refTimes = refs.Select(c => c.TimeSeconds).ToList();
            var pairs = GaitEventMatching.Pairs(detected, refTimes, 0.25);
            // The same scoring as the table's rows, so the kinds listed here add up to its split.
            var validation = GaitValidation.ValidateLowerBack(recording, refs, refBouts, 0.25, options with { SensorHeightMeters = height },
                GaitDatasetValidation.OtherSystemBouts(reference, trial), result);
            var score = validation.InitialContacts;
            var turns = TurnDetector.Detect(recording.Samples, fs);
            Turn? TurnAt(double t) => turns.FirstOrDefault(x => t >= x.StartSeconds && t <= x.EndSeconds);
            string Turn(double t) => TurnAt(t) is { } turn ? $" turn {F(turn.AngleDegrees, "F0")}°" : "";
            var (vertical, _) = TrunkSignals.Compute(recording.Samples, fs);
            FilterDesign.LowPass(3.0, fs).FilterZeroPhase(vertical, vertical);
            double Peak(double t)
            {
                var from = Math.Max(0, (int)((t - 0.1) * fs));
                var to = Math.Min(vertical.Length - 1, (int)((t + 0.3) * fs));
                var max = double.NegativeInfinity;
                for (var i = from; i <= to; i++)
                {
                    max = Math.Max(max, vertical[i]);
                }

                return max;
            }

            string Bout(double t)
            {
                var parts = new List<string>();
                foreach (var system in new[] { MobgapReferenceSystem.Indip, MobgapReferenceSystem.Stereophoto })
                {
                    foreach (var b in reference.BoutsOf(trial, system).Where(b => t >= b.StartSeconds - 0.5 && t <= b.EndSeconds + 0.5))
                    {
                        parts.Add($"{system} wb{b.WalkingBoutId} {F(b.StartSeconds, "F1")}-{F(b.EndSeconds, "F1")} {F(b.WalkingSpeedMetersPerSecond ?? double.NaN)} m/s");
                    }
                }

                var mine = result.WalkingBouts.FirstOrDefault(b => t >= b.StartSeconds - 0.3 && t <= b.EndSeconds + 0.3);
                parts.Add(mine is null ? "no detected bout" : $"detected bout {F(mine.StartSeconds, "F1")}-{F(mine.EndSeconds, "F1")}");
                return string.Join("; ", parts);
            }

            static double Nearest(List<double> list, double t) => list.Count == 0 ? double.NaN : list.MinBy(x => Math.Abs(x - t)) - t;

            if (refs.Count > 0)
            {
                pooled += score;
                foreach (var (d, kind) in validation.Errors.Extras)
                {
                    extraKinds[kind] = extraKinds.GetValueOrDefault(kind) + 1;
                    extraInTurns[kind] = extraInTurns.GetValueOrDefault(kind) + (TurnAt(detected[d]) is null ? 0 : 1);
                }

                foreach (var (r, kind) in validation.Errors.Missed)
                {
                    missedKinds[kind] = missedKinds.GetValueOrDefault(kind) + 1;
                    missedInTurns[kind] = missedInTurns.GetValueOrDefault(kind) + (TurnAt(refTimes[r]) is null ? 0 : 1);
                }
            }

            output.WriteLine($"== {trial}: reference {refs.Count}, detected {detected.Count}, TP {score.TruePositives} FP {score.FalsePositives} FN {score.FalseNegatives}, F1 {F(score.F1, "F3")}");
            foreach (var b in result.WalkingBouts)
            {
                var matched = pairs.Count(p => detected[p.Detected] >= b.StartSeconds - 0.01 && detected[p.Detected] <= b.EndSeconds + 0.01);
                var refIn = reference.BoutsOf(trial, MobgapReferenceSystem.Indip).Concat(reference.BoutsOf(trial, MobgapReferenceSystem.Stereophoto))
                    .Where(r => r.EndSeconds > b.StartSeconds && r.StartSeconds < b.EndSeconds).Select(r => $"{r.System} wb{r.WalkingBoutId}");
                output.WriteLine($"  bout {F(b.StartSeconds, "F1")}-{F(b.EndSeconds, "F1")} steps {b.Steps} matched {matched} cadence {F(b.CadenceStepsPerMinute, "F0")} speed {F(b.GaitSpeedMetersPerSecond ?? double.NaN)} step {F((b.DistanceMeters ?? double.NaN) / Math.Max(1, b.Steps - 1))} m | {string.Join(", ", refIn)}");
            }

            if (refs.Count > 0)
            {
                for (var b = 0; b < validation.Bouts.Count; b++)
                {
                    var (rb, cadence, speed) = validation.Bouts[b];
                    output.WriteLine($"  ref bout {F(rb.StartSeconds, "F1")}-{F(rb.EndSeconds, "F1")} cadence {F(rb.CadenceStepsPerMinute, "F1")} vs {F(cadence ?? double.NaN, "F1")} (reference contacts scored as ours {F(validation.ReferenceContactCadences[b] ?? double.NaN, "F1")}), speed {F(rb.WalkingSpeedMetersPerSecond ?? double.NaN)} vs {F(speed ?? double.NaN)}");
                    // The bout's reference strides (both contacts in its span) scored as the table's stride rows score them.
                    var boutStrides = StrideAccuracy.Compare(result.Strides, [.. refStrides.Where(s => s.StartSeconds >= rb.StartSeconds - 0.01 && s.EndSeconds <= rb.EndSeconds + 0.01)], 0.25);
                    var boutSteps = BoutAccuracy.StepCounts(detected, refTimes, [(rb.StartSeconds, rb.EndSeconds)], 0.25)[0];
                    output.WriteLine($"    steps {boutSteps.Detected} vs {boutSteps.Reference} in bout ±0.25 s; strides matched {boutStrides.Matched} of {boutStrides.Reference} @±0.25 s: stride time MAE {F(boutStrides.StrideTimeMaeSeconds * 1000, "F0")} ms (mean signed {F(boutStrides.StrideTimeMeanSignedSeconds * 1000, "+0;-0;0")}), stride length MAE {F(boutStrides.StrideLengthMaeMeters * 100, "F1")} cm (mean signed {F(boutStrides.StrideLengthMeanSignedMeters * 100, "+0.0;-0.0;0.0")}, {boutStrides.LengthPairs} with a length)");
                }
            }

            foreach (var (r, kind) in validation.Errors.Missed)
            {
                output.WriteLine($"  miss  ref {F(refTimes[r])} s {refs[r].Side,-5} [{Name(kind)}]{Turn(refTimes[r])} nearest detection {F(Nearest(detected, refTimes[r]), "+0.00;-0.00")} s, peak {F(Peak(refTimes[r]))} m/s2 | {Bout(refTimes[r])}");
            }

            foreach (var (d, kind) in validation.Errors.Extras)
            {
                output.WriteLine($"  extra det {F(detected[d])} s [{Name(kind)}]{Turn(detected[d])} nearest reference {F(Nearest(refTimes, detected[d]), "+0.00;-0.00")} s, peak {F(Peak(detected[d]))} m/s2 | {Bout(detected[d])}");
            }
        }

        output.WriteLine($"pooled over files with reference contacts: TP {pooled.TruePositives} FP {pooled.FalsePositives} FN {pooled.FalseNegatives}, precision {F(pooled.Precision, "F3")}, recall {F(pooled.Recall, "F3")}, F1 {F(pooled.F1, "F3")}");
        output.WriteLine($"  extra by kind: {string.Join(", ", Enum.GetValues<ExtraContactKind>().Select(k => $"{Name(k)} {extraKinds.GetValueOrDefault(k)}"))}");
        output.WriteLine($"  missed by kind: {string.Join(", ", Enum.GetValues<MissedContactKind>().Select(k => $"{Name(k)} {missedKinds.GetValueOrDefault(k)}"))}");
        output.WriteLine($"  of these, in a turn (TurnDetector defaults: over 15°/s, at least 45°): extra {string.Join(", ", Enum.GetValues<ExtraContactKind>().Select(k => $"{Name(k)} {extraInTurns.GetValueOrDefault(k)}"))}; missed {string.Join(", ", Enum.GetValues<MissedContactKind>().Select(k => $"{Name(k)} {missedInTurns.GetValueOrDefault(k)}"))}");
    }

    /// <summary>Short names of the kinds, as the table's split rows call them.</summary>
    private static string Name(ExtraContactKind kind) => kind switch
    {
        ExtraContactKind.OtherSystemWalk => "other system's walk",
        ExtraContactKind.OutsideReferenceBouts => "outside reference bouts",
        ExtraContactKind.FarFromReferenceContacts => "in bout, far from contacts",
        ExtraContactKind.SecondAtReferenceContact => "in bout, second at a contact",
        _ => kind.ToString(),
    };

    private static string Name(MissedContactKind kind) => kind == MissedContactKind.NoDetectedBout ? "no detected bout" : "inside our bout";
}
