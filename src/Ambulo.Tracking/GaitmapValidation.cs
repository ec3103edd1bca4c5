using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Samples;

namespace Ambulo.Tracking;

/// <summary>
/// Accuracy source 1 of issue 3: real walking with an independent reference. The foot IMUs of the
/// gaitmap example data (MaD Lab, FAU; MIT licence) are counted as repetitions of a foot-pitch
/// movement, one per stride, and compared with the motion-capture stride list of the same walk.
/// Every reference stride holds exactly one swing, so the true count of a foot is its number of
/// reference strides; counted are the repetitions whose peak lies inside a
/// reference stride (a stride's end is the next one's start, so a peak belongs to one stride at most).
/// Repetitions outside every reference stride (the first and last step, strides the cameras did not
/// see) are reported apart.
/// </summary>
public static class GaitmapValidation
{
    /// <summary>A recording and its reference: IMU file, sampling rate, stride file.</summary>
    private static readonly (string Imu, double RateHz, string Strides)[] Files =
    [
        ("imu_sample.csv", 204.8, "stride_events_sample.csv"),
        ("imu_sample_ic_stride.csv", 102.4, "stride_borders_sample_ic_stride.csv"),
    ];

    /// <summary>Outcomes per file and foot, plus repetitions counted outside the reference span.</summary>
    public sealed record Result(RepetitionAccuracy Accuracy, IReadOnlyDictionary<string, int> CountedOutsideReference);

    /// <summary>Runs over <c>DIR/data/*</c> of a gaitmap-foot-mocap folder; null when the folder holds none of the files.</summary>
    public static Result? Run(string datasetDirectory, DetectorPreset preset = DetectorPreset.Default)
    {
        var outcomes = new List<RepetitionSetOutcome>();
        var outside = new Dictionary<string, int>();
        var options = ExerciseTracking.StrideCycleOptions(preset);
        foreach (var (imu, rate, strides) in Files)
        {
            var imuPath = Path.Combine(datasetDirectory, "data", imu);
            var stridePath = Path.Combine(datasetDirectory, "data", strides);
            if (!File.Exists(imuPath) || !File.Exists(stridePath))
            {
                continue;
            }

            var reference = ReadStrides(stridePath, rate);
            foreach (var foot in new[] { BodySide.Left, BodySide.Right })
            {
                var footStrides = reference.Where(s => s.Foot == foot).ToList();
                if (footStrides.Count == 0)
                {
                    continue;
                }

                // The shared importer converts units and axes and sanitises the samples (motion-io).
                var samples = GaitmapImporter.Import(imuPath, foot, rate).Recording.Samples;
                var result = RepetitionDetector.Detect(samples, options, rate, SensorChannels.Accelerometer | SensorChannels.Gyroscope);
                var inside = result.Repetitions.Count(r => footStrides.Any(s => r.PeakSeconds >= s.StartSeconds && r.PeakSeconds < s.EndSeconds));
                var name = $"gaitmap {imu} {foot.ToString().ToLowerInvariant()} foot";
                outcomes.Add(new RepetitionSetOutcome(name, "real", footStrides.Count, inside, null));
                outside[name] = result.Count - inside;
            }
        }

        return outcomes.Count == 0 ? null : new Result(new RepetitionAccuracy(outcomes), outside);
    }

    /// <summary>Reference strides of either file as (foot, start s, end s), read by the shared reference readers.</summary>
    private static List<(BodySide Foot, double StartSeconds, double EndSeconds)> ReadStrides(string path, double rateHz) =>
        Path.GetFileName(path).StartsWith("stride_events", StringComparison.Ordinal)
            ? GaitmapReference.ReadStrideEvents(path, rateHz).Select(e => (e.Foot, e.StartSeconds, e.EndSeconds)).ToList()
            : GaitmapReference.ReadStrideBorders(path, rateHz).Select(b => (b.Foot, b.StartSeconds, b.EndSeconds)).ToList();
}
