using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings.Importers;

/// <summary>
/// Imports one foot of the gaitmap example IMU files (<c>imu_sample.csv</c>, <c>imu_sample_ic_stride.csv</c>;
/// MaD-Lab Erlangen, MIT). The files hold both feet under a two-row header (sensor, axis); the first column is
/// the sample index. Source units: m/s² (gravity included) and deg/s, converted here to rad/s. Axes are kept
/// as recorded, the gaitmap foot sensor frame: x towards the toes, y to the left, z up (right-handed) — in
/// <c>imu_sample_ic_stride.csv</c> the sensors are tilted, so gravity shows on x and z at rest.
/// Time = index / sampling rate, which the file does not state: 204.8 Hz for <c>imu_sample.csv</c>,
/// 102.4 Hz for <c>imu_sample_ic_stride.csv</c> (gaitmap README).
/// </summary>
public static class GaitmapImporter
{
    public const double ImuSampleRateHz = 204.8;
    public const double IcStrideSampleRateHz = 102.4;

    private static readonly string[] Axes = ["acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z"];

    /// <summary>The sampling rate of a known gaitmap file name, or null.</summary>
    public static double? KnownSamplingRateHz(string path) => Path.GetFileName(path) switch
    {
        "imu_sample.csv" => ImuSampleRateHz,
        "imu_sample_ic_stride.csv" => IcStrideSampleRateHz,
        _ => null,
    };

    public static RecordingReadResult Import(string path, BodySide foot, double? samplingRateHz = null, RecordingReadOptions? options = null)
    {
        var rate = samplingRateHz ?? KnownSamplingRateHz(path)
            ?? throw new ArgumentException($"the sampling rate of '{Path.GetFileName(path)}' is not known; give it explicitly", nameof(samplingRateHz));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Import(stream, foot, rate, "gaitmap example data " + Path.GetFileName(path), options);
    }

    public static RecordingReadResult Import(Stream stream, BodySide foot, double samplingRateHz, string sourceName, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (foot is not (BodySide.Left or BodySide.Right))
        {
            throw new ArgumentException("choose the left or the right foot", nameof(foot));
        }

        if (!(samplingRateHz > 0) || !double.IsFinite(samplingRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "the sampling rate must be positive");
        }

        options ??= RecordingReadOptions.Default;
        var reader = new Utf8LineReader(stream);
        if (!reader.TryReadLine(out var sensorRow, out _))
        {
            throw new RecordingFormatException(1, null, "empty file; expected a gaitmap IMU file with two header rows (sensor, axis)");
        }

        var sensors = SplitText(sensorRow);
        if (!reader.TryReadLine(out var axisRow, out _))
        {
            throw new RecordingFormatException(2, null, "missing the second header row (axis names)");
        }

        var axes = SplitText(axisRow);
        var headerFields = CsvFields.Split(axisRow, []); // the true count, even beyond the names SplitText keeps
        var sensorName = foot == BodySide.Left ? "left_sensor" : "right_sensor";
        var columns = new int[Axes.Length];
        for (var a = 0; a < Axes.Length; a++)
        {
            columns[a] = -1;
            for (var c = 1; c < Math.Min(sensors.Length, axes.Length); c++)
            {
                if (sensors[c] == sensorName && axes[c] == Axes[a])
                {
                    columns[a] = c;
                }
            }

            if (columns[a] < 0)
            {
                throw new RecordingFormatException(2, $"{sensorName}/{Axes[a]}", "column not found in the two header rows");
            }
        }

        const SensorChannels channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope;
        var sanitizer = new SampleSanitizer(options, channels);
        var samples = new List<ImuSample>(8192);
        var fields = new Range[axes.Length]; // once per file: holds every column a sensor value can be in
        Span<double> values = stackalloc double[Axes.Length];
        const double degreesToRadians = Math.PI / 180;
        while (reader.TryReadLine(out var line, out var terminated))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var count = CsvFields.Split(line, fields);
            if (count != headerFields)
            {
                var issue = terminated ? ReadIssue.WrongColumnCount : ReadIssue.TruncatedLastLine;
                sanitizer.Reject(issue, reader.LineNumber, sanitizer.WantsDetail(issue) ? $"{count} fields, the header has {headerFields}" : null);
                continue;
            }

            if (!CsvFields.TryDouble(line[fields[0]], out var index))
            {
                sanitizer.Reject(ReadIssue.UnparsableValue, reader.LineNumber, "column 1 (sample index) is not a number");
                continue;
            }

            var ok = true;
            for (var a = 0; a < Axes.Length && ok; a++)
            {
                ok = CsvFields.TryDouble(line[fields[columns[a]]], out values[a]);
            }

            if (!ok)
            {
                sanitizer.Reject(ReadIssue.UnparsableValue, reader.LineNumber, sanitizer.WantsDetail(ReadIssue.UnparsableValue) ? $"a {sensorName} value is not a number" : null);
                continue;
            }

            var sample = new ImuSample(
                index / samplingRateHz,
                new Vector3((float)values[0], (float)values[1], (float)values[2]),
                new Vector3((float)(values[3] * degreesToRadians), (float)(values[4] * degreesToRadians), (float)(values[5] * degreesToRadians)));
            if (sanitizer.Push(sample, reader.LineNumber, out var kept))
            {
                samples.Add(kept);
            }
        }

        var side = foot == BodySide.Left ? "left" : "right";
        var metadata = new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = "foot-" + side,
            SamplingRateHz = samplingRateHz,
            Channels = channels,
            Labels = new Dictionary<string, string>
            {
                ["source"] = $"{sourceName}, {sensorName} (https://github.com/mad-lab-fau/gaitmap, commit 05ad971)",
                ["licence"] = "MIT, Copyright (c) 2020 MaD-Lab Erlangen",
                ["axes"] = "gaitmap foot sensor frame: x towards the toes, y to the left, z up",
                ["units_as_recorded"] = "acc m/s2 with gravity, gyr deg/s (converted to rad/s)",
                ["time_origin"] = "t_s = sample index / " + samplingRateHz.ToString(CultureInfo.InvariantCulture),
            },
        };
        return new RecordingReadResult(new SensorRecording(metadata, [.. samples]), sanitizer.Report());
    }

    private static string[] SplitText(ReadOnlySpan<byte> line)
    {
        Span<Range> fields = stackalloc Range[64];
        var count = Math.Min(CsvFields.Split(line, fields), fields.Length);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            texts[i] = CsvFields.Text(line[fields[i]]);
        }

        return texts;
    }
}
