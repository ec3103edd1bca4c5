using System.Globalization;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Cli.Commands.Validate;

/// <summary>
/// The lower-back step-length calibration checked on the data it was chosen on: refitted on all INDIP strides at the
/// reference contacts (it should reproduce the shipped <see cref="LowerBackGaitOptions.StepLengthScale"/> and
/// <see cref="LowerBackGaitOptions.StepLengthSpeedOffsetMetersPerSecond"/>), and, for each participant in turn, fitted on the other participants' strides and scored on the held-out one's bouts — so
/// the leave-one-participant-out figures in docs/accuracy.md come from this command, not from a one-off script.
/// </summary>
internal static class LowerBackCalibrationCheck
{
    /// <summary>One trial as <see cref="GaitDatasetValidation.LowerBack"/> loaded it: the check reuses the recording rather than importing it again.</summary>
    /// <param name="Detection">The trial's detection with the shipped options and its sensor height: the contacts do not depend on the
    /// step-length calibration, so each fit recomputes only the step lengths (<see cref="LowerBackGaitDetector.WithStepLengths"/>).</param>
    internal sealed record Trial(string Participant, SensorRecording Recording, IReadOnlyList<InitialContact> Contacts, IReadOnlyList<ReferenceBout> Bouts,
        IReadOnlyList<ReferenceStrideLength> Strides, double SensorHeightMeters, LowerBackGaitResult Detection)
    {
        /// <summary>The trial with its INDIP strides (the reference of the scored rows; the Stereophoto-only trial is scored, not fitted on).</summary>
        public static Trial Of(MobgapReferenceSet reference, MobgapTrial trial, SensorRecording recording, IReadOnlyList<InitialContact> contacts,
            IReadOnlyList<ReferenceBout> bouts, double sensorHeightMeters, LowerBackGaitResult detection) =>
            new($"{trial.Cohort}/{trial.Participant}", recording, contacts, bouts,
                [.. reference.StridesOf(trial, MobgapReferenceSystem.Indip).Where(s => s.LengthMeters is not null)
                    .Select(s => new ReferenceStrideLength(s.StartSeconds, s.EndSeconds, s.LengthMeters!.Value))],
                sensorHeightMeters, detection);
    }

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    public static IEnumerable<GaitMetricRow> Rows(IReadOnlyList<Trial> trials, LowerBackGaitOptions options)
    {
        var terms = trials.ToDictionary(t => t, t => StepLengthCalibration.StridePairs(t.Recording, t.Contacts, t.Bouts, t.Strides, t.SensorHeightMeters, options));
        if (StepLengthCalibration.Fit([.. terms.Values.SelectMany(p => p)]) is not { } all)
        {
            yield break;
        }

        yield return new("lower back", $"all INDIP strides ({all.Strides}) at reference contacts",
            $"step-length calibration refitted (shipped: a {F(options.StepLengthScale, "F3")}, c {F(options.StepLengthSpeedOffsetMetersPerSecond, "F3")} m/s)",
            $"a {F(all.Scale, "F3")}, c {F(all.SpeedOffsetMetersPerSecond, "F3")} m/s");

        var speedErrors = new List<double>();
        var modelErrors = new List<double>();
        foreach (var heldOut in trials.Select(t => t.Participant).Distinct().Order(StringComparer.Ordinal))
        {
            if (StepLengthCalibration.Fit([.. terms.Where(p => p.Key.Participant != heldOut).SelectMany(p => p.Value)]) is not { } line)
            {
                continue;
            }

            var calibrated = options with { StepLengthScale = line.Scale, StepLengthSpeedOffsetMetersPerSecond = line.SpeedOffsetMetersPerSecond };
            var speed = new List<double>();
            var model = new List<double>();
            foreach (var t in trials.Where(t => t.Participant == heldOut))
            {
                var withHeight = calibrated with { SensorHeightMeters = t.SensorHeightMeters };
                var detection = LowerBackGaitDetector.WithStepLengths(t.Detection, t.Recording.Samples, t.Recording.Metadata.SamplingRateHz, withHeight);
                var v = GaitValidation.ValidateLowerBack(t.Recording, t.Contacts, t.Bouts, 0.25, withHeight, detection: detection);
                speed.AddRange(v.Bouts.Where(b => b.Speed is not null && b.Reference.WalkingSpeedMetersPerSecond is not null)
                    .Select(b => Math.Abs(b.Speed!.Value - b.Reference.WalkingSpeedMetersPerSecond!.Value)));
                var atReference = GaitValidation.LowerBackSpeedAtReferenceContacts(t.Recording, t.Contacts, t.Bouts, withHeight);
                for (var b = 0; b < t.Bouts.Count; b++)
                {
                    if (atReference[b] is { } s && t.Bouts[b].WalkingSpeedMetersPerSecond is { } r)
                    {
                        model.Add(Math.Abs(s - r));
                    }
                }
            }

            speedErrors.AddRange(speed);
            modelErrors.AddRange(model);
            yield return new("lower back", $"held out {heldOut} (a {F(line.Scale, "F3")}, c {F(line.SpeedOffsetMetersPerSecond, "F3")} m/s from {line.Strides} other strides)",
                "gait speed MAE per bout / model at reference contacts (m/s)",
                $"{(speed.Count == 0 ? "-" : F(speed.Average(), "F3"))} / {(model.Count == 0 ? "-" : F(model.Average(), "F3"))}");
        }

        if (speedErrors.Count > 0)
        {
            yield return new("lower back", $"leave-one-participant-out ({speedErrors.Count} bouts)", "gait speed MAE per bout, calibration refitted without the participant", F(speedErrors.Average(), "F3"));
        }

        if (modelErrors.Count > 0)
        {
            yield return new("lower back", $"leave-one-participant-out ({modelErrors.Count} bouts)", "model speed MAE at reference contacts, calibration refitted without the participant", F(modelErrors.Average(), "F3"));
        }
    }
}
