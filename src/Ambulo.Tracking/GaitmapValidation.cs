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
    /// <summary>A recording and its reference: IMU file, sampling rate, stride file, mocap orientation file (or null).</summary>
    private static readonly (string Imu, double RateHz, string Strides, string? Orientations)[] Files =
    [
        ("imu_sample.csv", 204.8, "stride_events_sample.csv", "orientation_sample.csv"),
        ("imu_sample_ic_stride.csv", 102.4, "stride_borders_sample_ic_stride.csv", null),
    ];

    /// <summary>Outcomes per file and foot, plus repetitions counted outside the reference span.</summary>
    public sealed record Result(RepetitionAccuracy Accuracy, IReadOnlyDictionary<string, int> CountedOutsideReference);

    /// <summary>
    /// Runs over <c>DIR/data/*</c> of a gaitmap-foot-mocap folder; null when the folder holds none of the files.
    /// Where the mocap foot orientation exists, each counted repetition is paired with the reference stride that
    /// holds its peak and its range of motion compared with that stride's foot pitch range
    /// (<see cref="GaitmapStrideOrientation.PitchRangeDegrees"/>); a stride holding more than one repetition is
    /// not paired (which one is the stride would be guesswork).
    /// </summary>
    public static Result? Run(string datasetDirectory, DetectorPreset preset = DetectorPreset.Default)
    {
        var outcomes = new List<RepetitionSetOutcome>();
        var outside = new Dictionary<string, int>();
        var options = ExerciseTracking.StrideCycleOptions(preset);
        foreach (var (imu, rate, strides, orientations) in Files)
        {
            var imuPath = Path.Combine(datasetDirectory, "data", imu);
            var stridePath = Path.Combine(datasetDirectory, "data", strides);
            if (!File.Exists(imuPath) || !File.Exists(stridePath))
            {
                continue;
            }

            var reference = ReadStrides(stridePath, rate);
            var orientationPath = orientations is null ? null : Path.Combine(datasetDirectory, "data", orientations);
            var ranges = orientationPath is not null && File.Exists(orientationPath)
                ? GaitmapReference.ReadStrideOrientations(orientationPath).ToDictionary(o => (o.Foot, o.StrideId), o => o.PitchRangeDegrees)
                : null;
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
                var (error, bias, pairs) = ranges is null ? (null, null, 0) : CompareRanges(result.Repetitions, footStrides, foot, ranges);
                outcomes.Add(new RepetitionSetOutcome(name, "real", footStrides.Count, inside, error, bias, pairs));
                outside[name] = result.Count - inside;
            }
        }

        return outcomes.Count == 0 ? null : new Result(new RepetitionAccuracy(outcomes), outside);
    }

    /// <summary>
    /// Pairs of (counted range, reference foot pitch range) for every reference stride holding exactly one
    /// counted peak and having a mocap orientation.
    /// </summary>
    public static IReadOnlyList<(Repetition Repetition, int StrideId, double ReferenceDegrees)> PairRanges(
        IReadOnlyList<Repetition> repetitions,
        IReadOnlyList<(BodySide Foot, int StrideId, double StartSeconds, double EndSeconds)> strides,
        BodySide foot,
        IReadOnlyDictionary<(BodySide Foot, int StrideId), double> referenceRanges)
    {
        ArgumentNullException.ThrowIfNull(repetitions);
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(referenceRanges);
        var pairs = new List<(Repetition, int, double)>();
        foreach (var stride in strides.Where(s => s.Foot == foot))
        {
            var inStride = repetitions.Where(r => r.PeakSeconds >= stride.StartSeconds && r.PeakSeconds < stride.EndSeconds).ToList();
            if (inStride.Count == 1 && referenceRanges.TryGetValue((foot, stride.StrideId), out var degrees))
            {
                pairs.Add((inStride[0], stride.StrideId, degrees));
            }
        }

        return pairs;
    }

    private static (double? Error, double? Bias, int Pairs) CompareRanges(
        IReadOnlyList<Repetition> repetitions,
        IReadOnlyList<(BodySide Foot, int StrideId, double StartSeconds, double EndSeconds)> strides,
        BodySide foot,
        IReadOnlyDictionary<(BodySide Foot, int StrideId), double> referenceRanges)
    {
        var pairs = PairRanges(repetitions, strides, foot, referenceRanges);
        if (pairs.Count == 0)
        {
            return (null, null, 0);
        }

        return (pairs.Average(p => Math.Abs(p.Repetition.RangeOfMotionDegrees - p.ReferenceDegrees)),
            pairs.Average(p => p.Repetition.RangeOfMotionDegrees - p.ReferenceDegrees),
            pairs.Count);
    }

    /// <summary>Reference strides of either file as (foot, id, start s, end s), read by the shared reference readers.</summary>
    private static List<(BodySide Foot, int StrideId, double StartSeconds, double EndSeconds)> ReadStrides(string path, double rateHz) =>
        Path.GetFileName(path).StartsWith("stride_events", StringComparison.Ordinal)
            ? GaitmapReference.ReadStrideEvents(path, rateHz).Select(e => (e.Foot, e.StrideId, e.StartSeconds, e.EndSeconds)).ToList()
            : GaitmapReference.ReadStrideBorders(path, rateHz).Select(b => (b.Foot, b.StrideId, b.StartSeconds, b.EndSeconds)).ToList();
}
