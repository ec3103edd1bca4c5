using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings.Importers;

/// <summary>
/// Imports a lower-back recording of the mobgap example data in the authors' CSV export
/// (<c>data_csv/&lt;cohort&gt;/&lt;id&gt;/TimeMeasure1_&lt;Test&gt;_&lt;Trial&gt;.csv</c>; Mobilise-D, Apache-2.0).
/// Header <c>samples,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z</c>; 100 Hz; acc in g (converted with standard gravity
/// 9.80665 m/s² — the export itself used a slightly different g constant, a 0.034 % difference), gyr in deg/s
/// (converted to rad/s). Axes kept as recorded (mobgap convention for a correctly worn McRoberts MoveMonitor+):
/// x up (≈ +1 g standing), y medio-lateral to the subject's right, z forward. Time = samples / 100 s, the same
/// origin as the reference tables in <c>derived/</c>.
/// </summary>
public static class MobgapImporter
{
    public const double SamplingRateHz = 100;

    private static readonly string[] Columns = ["samples", "acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z"];

    public static RecordingReadResult Import(string path, RecordingReadOptions? options = null)
    {
        var labels = LabelsFromPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Import(stream, labels, options);
    }

    /// <summary>Imports from a stream; <paramref name="extraLabels"/> (e.g. cohort, participant) are added after the standard ones.</summary>
    public static RecordingReadResult Import(Stream stream, IReadOnlyDictionary<string, string>? extraLabels = null, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= RecordingReadOptions.Default;
        var reader = new Utf8LineReader(stream);
        if (!reader.TryReadLine(out var headerLine, out _))
        {
            throw new RecordingFormatException(1, null, "empty file; expected the header samples,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z");
        }

        Span<Range> fields = stackalloc Range[16];
        var headerCount = CsvFields.Split(headerLine, fields);
        var header = new string[Math.Min(headerCount, fields.Length)];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = CsvFields.Text(headerLine[fields[i]]);
        }

        var columns = CsvFields.Require(header, Columns);
        const SensorChannels channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope;
        var sanitizer = new SampleSanitizer(options, channels);
        var samples = new List<ImuSample>(16384);
        Span<double> values = stackalloc double[Columns.Length];
        const double g = RecordingReadOptions.StandardGravityMps2;
        const double degreesToRadians = Math.PI / 180;
        while (reader.TryReadLine(out var line, out var terminated))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var count = CsvFields.Split(line, fields);
            if (count != headerCount)
            {
                var issue = terminated ? ReadIssue.WrongColumnCount : ReadIssue.TruncatedLastLine;
                sanitizer.Reject(issue, reader.LineNumber, sanitizer.WantsDetail(issue) ? $"{count} fields, the header has {headerCount}" : null);
                continue;
            }

            var ok = true;
            for (var c = 0; c < Columns.Length && ok; c++)
            {
                ok = CsvFields.TryDouble(line[fields[columns[c]]], out values[c]);
            }

            if (!ok)
            {
                sanitizer.Reject(ReadIssue.UnparsableValue, reader.LineNumber, "a field is not a number");
                continue;
            }

            var sample = new ImuSample(
                values[0] / SamplingRateHz,
                new Vector3((float)(values[1] * g), (float)(values[2] * g), (float)(values[3] * g)),
                new Vector3((float)(values[4] * degreesToRadians), (float)(values[5] * degreesToRadians), (float)(values[6] * degreesToRadians)));
            if (sanitizer.Push(sample, reader.LineNumber, out var kept))
            {
                samples.Add(kept);
            }
        }

        var labels = new Dictionary<string, string>
        {
            ["source"] = "mobgap example data, data_csv (https://github.com/mobilise-d/mobgap, commit 34aa8ae)",
            ["licence"] = "Apache-2.0; Copyright 2024 - Bjoern Eskofier as head of the MaDLab FAU in the name of the Mobilise-D consortium",
            ["axes"] = "x up (inferior to superior), y medio-lateral to the right, z forward (posterior to anterior)",
            ["units_as_recorded"] = "acc g (converted with 9.80665 m/s2 per g), gyr deg/s (converted to rad/s)",
        };
        if (extraLabels is not null)
        {
            foreach (var (key, value) in extraLabels)
            {
                labels[key] = value;
            }
        }

        var metadata = new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = "lower-back",
            SamplingRateHz = SamplingRateHz,
            Channels = channels,
            Labels = labels,
        };
        return new RecordingReadResult(new SensorRecording(metadata, [.. samples]), sanitizer.Report());
    }

    /// <summary>
    /// Cohort, participant, test and trial from a <c>data_csv/&lt;cohort&gt;/&lt;id&gt;/TimeMeasure1_&lt;Test&gt;_&lt;Trial&gt;.csv</c>
    /// path, plus sensor height, body height and walking aid from <c>data_csv/participant_metadata.json</c> when present.
    /// </summary>
    public static Dictionary<string, string> LabelsFromPath(string path)
    {
        var labels = new Dictionary<string, string>();
        var full = Path.GetFullPath(path);
        var name = Path.GetFileNameWithoutExtension(full);
        var participantDir = Path.GetDirectoryName(full);
        var cohortDir = participantDir is null ? null : Path.GetDirectoryName(participantDir);
        if (participantDir is null || cohortDir is null)
        {
            return labels;
        }

        var participant = Path.GetFileName(participantDir);
        var cohort = Path.GetFileName(cohortDir);
        labels["cohort"] = cohort;
        labels["participant"] = participant;
        var parts = name.Split('_');
        if (parts.Length == 3)
        {
            labels["test"] = parts[1];
            labels["trial"] = parts[2];
        }

        var metadataPath = Path.Combine(Path.GetDirectoryName(cohortDir) ?? "", "participant_metadata.json");
        if (File.Exists(metadataPath))
        {
            AddParticipantLabels(metadataPath, cohort, participant, labels);
        }

        return labels;
    }

    private static void AddParticipantLabels(string metadataPath, string cohort, string participant, Dictionary<string, string> labels)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
            if (!document.RootElement.TryGetProperty(cohort, out var cohortElement) || !cohortElement.TryGetProperty(participant, out var person))
            {
                return;
            }

            foreach (var key in new[] { "sensor_height_m", "height_m", "weight_kg", "walking_aid_used" })
            {
                if (person.TryGetProperty(key, out var value))
                {
                    labels[key] = value.ValueKind switch
                    {
                        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => value.ToString(),
                    };
                }
            }
        }
        catch (JsonException)
        {
            // Participant metadata is a convenience; a broken file leaves the labels out rather than failing the import.
        }
    }
}
