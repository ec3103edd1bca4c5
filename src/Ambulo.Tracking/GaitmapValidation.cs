using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Recordings;
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

            var feet = ReadFootImu(imuPath, rate);
            var reference = ReadStrides(stridePath);
            foreach (var foot in new[] { "left", "right" })
            {
                if (!feet.TryGetValue(foot, out var samples) || !reference.TryGetValue(foot, out var footStrides) || footStrides.Count == 0)
                {
                    continue;
                }

                var result = RepetitionDetector.Detect(samples, options, rate, SensorChannels.Accelerometer | SensorChannels.Gyroscope);
                var inside = result.Repetitions.Count(r => footStrides.Any(s => r.PeakSeconds >= s.Start / rate && r.PeakSeconds < s.End / rate));
                var name = $"gaitmap {imu} {foot} foot";
                outcomes.Add(new RepetitionSetOutcome(name, "real", footStrides.Count, inside, null));
                outside[name] = result.Count - inside;
            }
        }

        return outcomes.Count == 0 ? null : new Result(new RepetitionAccuracy(outcomes), outside);
    }

    /// <summary>
    /// Reads gaitmap's two-header-row IMU CSV (sensor row, axis row; first column the sample index;
    /// acc in m/s², gyr in deg/s) into one sample array per foot. Columns are found by their headers.
    /// </summary>
    public static Dictionary<string, ImuSample[]> ReadFootImu(string path, double rateHz)
    {
        using var reader = new StreamReader(path);
        var sensors = (reader.ReadLine() ?? throw new FormatException($"{path}: empty file")).Split(',');
        var axes = (reader.ReadLine() ?? throw new FormatException($"{path}: line 2 (axis header) missing")).Split(',');
        var result = new Dictionary<string, List<ImuSample>>();
        var columns = new Dictionary<(string Foot, string Axis), int>();
        for (var c = 1; c < Math.Min(sensors.Length, axes.Length); c++)
        {
            var foot = sensors[c].Replace("_sensor", "", StringComparison.Ordinal);
            columns[(foot, axes[c])] = c;
        }

        string[] needed = ["acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z"];
        var feet = columns.Keys.Select(k => k.Foot).Distinct().Where(f => needed.All(a => columns.ContainsKey((f, a)))).ToList();
        foreach (var foot in feet)
        {
            result[foot] = [];
        }

        const float degToRad = MathF.PI / 180;
        string? line;
        var lineNumber = 2;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var cells = line.Split(',');
            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                throw new FormatException($"{path}: line {lineNumber}: sample index '{cells[0]}' is not an integer");
            }

            foreach (var foot in feet)
            {
                float Value(string axis)
                {
                    var cell = cells[columns[(foot, axis)]];
                    return float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                        ? v
                        : throw new FormatException($"{path}: line {lineNumber}, column {foot}_sensor {axis}: '{cell}' is not a number");
                }

                result[foot].Add(new ImuSample(
                    index / rateHz,
                    new Vector3(Value("acc_x"), Value("acc_y"), Value("acc_z")),
                    new Vector3(Value("gyr_x"), Value("gyr_y"), Value("gyr_z")) * degToRad));
            }
        }

        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    /// <summary>Reads a gaitmap stride list (<c>s_id, foot, start, end, …</c>; sample indices).</summary>
    public static Dictionary<string, List<(double Start, double End)>> ReadStrides(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var foot = Array.IndexOf(header, "foot");
        var start = Array.IndexOf(header, "start");
        var end = Array.IndexOf(header, "end");
        if (foot < 0 || start < 0 || end < 0)
        {
            throw new FormatException($"{path}: header must name the columns foot, start and end");
        }

        var result = new Dictionary<string, List<(double, double)>>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (!result.TryGetValue(cells[foot], out var list))
            {
                result[cells[foot]] = list = [];
            }

            list.Add((double.Parse(cells[start], CultureInfo.InvariantCulture), double.Parse(cells[end], CultureInfo.InvariantCulture)));
        }

        return result;
    }
}
