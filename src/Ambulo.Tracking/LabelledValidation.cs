using System.Globalization;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Repetitions;

namespace Ambulo.Tracking;

/// <summary>
/// Accuracy source 2 of issue 3: every Ambulo recording in a folder (recursively) that carries
/// <c># true_count</c> and <c># exercise</c> labels is counted with that exercise's plan and compared
/// with its label. Files that are not labelled recordings are listed as skipped with the reason.
/// </summary>
public static class LabelledValidation
{
    /// <param name="Accuracy">One outcome per labelled recording.</param>
    /// <param name="Skipped">File and reason for each <c>.csv</c> file that could not be used.</param>
    public sealed record Result(RepetitionAccuracy Accuracy, IReadOnlyList<(string File, string Reason)> Skipped);

    public static Result Run(string directory, ExerciseCatalogue catalogue, DetectorPreset preset = DetectorPreset.Default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var outcomes = new List<RepetitionSetOutcome>();
        var skipped = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(directory, path);
            if (!LooksLikeAmbuloRecording(path))
            {
                continue; // other data sets' files live in the same tree; they are not candidates
            }

            SensorRecording recording;
            try
            {
                recording = RecordingCsv.ReadFile(path).Recording;
            }
            catch (RecordingFormatException ex)
            {
                skipped.Add((name, ex.Message));
                continue;
            }

            var labels = recording.Metadata.Labels;
            if (!labels.TryGetValue("true_count", out var countText) || !int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var trueCount))
            {
                skipped.Add((name, "no integer # true_count label"));
                continue;
            }

            if (!labels.TryGetValue("exercise", out var exerciseId) || catalogue.Find(exerciseId) is not { } exercise)
            {
                skipped.Add((name, "no # exercise label naming a catalogue exercise"));
                continue;
            }

            var plan = ExerciseTracking.For(exercise, preset);
            if (!plan.IsCountable)
            {
                skipped.Add((name, $"{exerciseId}: {plan.NotCountableReason}"));
                continue;
            }

            try
            {
                var result = RepetitionDetector.Detect(recording, plan.Detector);
                outcomes.Add(new RepetitionSetOutcome(name, "labelled", trueCount, result.Count, null));
            }
            catch (ArgumentException ex)
            {
                skipped.Add((name, ex.Message));
            }
        }

        return new Result(new RepetitionAccuracy(outcomes), skipped);
    }

    private static bool LooksLikeAmbuloRecording(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        return first is not null && first.StartsWith("# " + RecordingCsv.FormatKey, StringComparison.Ordinal);
    }
}
