using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings.Importers;

/// <summary>
/// Imports a phone accelerometer walk of the Oxford step-counter data set (D. Salvi et al., University of
/// Oxford, CC BY 4.0). Two layouts, told apart by their field count, neither with a header:
/// <c>validation/*.csv</c> — <c>timestamp_ns, acc_x, acc_y, acc_z, steps_algo, steps_groundtruth, steps_hw</c>;
/// <c>optimisation/&lt;walk&gt;/accelerometer.csv</c> — <c>timestamp_ns, accuracy, acc_x, acc_y, acc_z</c>.
/// Accelerations are Android's, in m/s² with gravity, device frame: x towards the right edge of the screen,
/// y towards its top edge, z out of the screen. Timestamps are nanoseconds since phone boot at an irregular
/// ≈100 Hz (validation) or ≈215 Hz (optimisation); t_s = (timestamp − first timestamp) / 1e9, the origin the
/// reference readers use too. The nominal rate written is the mean rate of the file.
/// </summary>
public static class OxfordImporter
{
    /// <summary>Label holding the first timestamp (ns since boot) that t_s = 0 stands for.</summary>
    public const string TimeOriginLabel = "time_origin_ns";

    /// <summary>Imports a validation CSV, an optimisation <c>accelerometer.csv</c>, or an optimisation walk folder.</summary>
    public static RecordingReadResult Import(string path, string? placement = null, RecordingReadOptions? options = null)
    {
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, "accelerometer.csv");
        }

        placement ??= PlacementFromName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var source = Path.GetFileName(path) == "accelerometer.csv"
            ? $"optimisation/{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)))}/accelerometer.csv"
            : "validation/" + Path.GetFileName(path);
        return Import(stream, placement, source, options);
    }

    public static RecordingReadResult Import(Stream stream, string placement, string sourceName, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(placement);
        if (!RecordingPlacements.TryParse(placement, out var placementName))
        {
            throw new ArgumentException(RecordingPlacements.Unknown(placement), nameof(placement));
        }

        options ??= RecordingReadOptions.Default;
        var reader = new Utf8LineReader(stream);
        var sanitizer = new SampleSanitizer(options, SensorChannels.Accelerometer);
        var samples = new List<ImuSample>(32768);
        Span<Range> fields = stackalloc Range[8];
        var layoutFields = 0;
        long origin = 0;
        var haveOrigin = false;
        var groundTruthSteps = -1L;
        while (reader.TryReadLine(out var line, out var terminated))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var count = CsvFields.Split(line, fields);
            if (layoutFields == 0)
            {
                if (count is not (7 or 5))
                {
                    throw new RecordingFormatException(reader.LineNumber, null, $"{count} fields; an Oxford validation file has 7, an optimisation accelerometer.csv has 5");
                }

                layoutFields = count;
            }

            if (count != layoutFields)
            {
                var issue = terminated ? ReadIssue.WrongColumnCount : ReadIssue.TruncatedLastLine;
                sanitizer.Reject(issue, reader.LineNumber, sanitizer.WantsDetail(issue) ? $"{count} fields instead of {layoutFields}" : null);
                continue;
            }

            var accStart = layoutFields == 7 ? 1 : 2;
            if (!CsvFields.TryLong(line[fields[0]], out var nanoseconds)
                || !CsvFields.TryDouble(line[fields[accStart]], out var x)
                || !CsvFields.TryDouble(line[fields[accStart + 1]], out var y)
                || !CsvFields.TryDouble(line[fields[accStart + 2]], out var z))
            {
                sanitizer.Reject(ReadIssue.UnparsableValue, reader.LineNumber, "timestamp or acceleration is not a number");
                continue;
            }

            if (!haveOrigin)
            {
                origin = nanoseconds;
                haveOrigin = true;
            }

            if (x == 0 && y == 0 && z == 0)
            {
                // Android acceleration includes gravity, so an exact zero is the sensor not yet running (the first row
                // of user1_hand); it keeps the time origin so the reference step times stay aligned.
                sanitizer.Reject(ReadIssue.AllZeroReading, reader.LineNumber, "acceleration 0, 0, 0 with gravity included");
                continue;
            }

            var sample = new ImuSample((nanoseconds - origin) / 1e9, new Vector3((float)x, (float)y, (float)z));
            if (sanitizer.Push(sample, reader.LineNumber, out var kept))
            {
                samples.Add(kept);
            }

            if (layoutFields == 7 && CsvFields.TryLong(line[fields[5]], out var steps))
            {
                groundTruthSteps = steps;
            }
        }

        var duration = samples.Count < 2 ? 0 : samples[^1].TimeSeconds - samples[0].TimeSeconds;
        var meanRate = duration > 0 ? (samples.Count - 1) / duration : 100;
        var rate = Math.Round(meanRate, 1);
        if (!(rate > 0 && double.IsFinite(rate)))
        {
            rate = meanRate > 0 && double.IsFinite(meanRate) ? meanRate : 100; // a file whose times make no rate to one decimal
        }

        var labels = new Dictionary<string, string>
        {
            ["source"] = $"Oxford step counter data set, {sourceName} (https://github.com/Oxford-step-counter/DataSet, commit 922cc0d)",
            ["licence"] = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); D. Salvi, C. Velardo, J. Brynes, L. Tarassenko, University of Oxford; converted to the Ambulo format",
            ["axes"] = "Android device frame: x right edge of the screen, y top edge, z out of the screen",
            ["units_as_recorded"] = "acc m/s2 with gravity; timestamps ns since boot, irregular",
            [TimeOriginLabel] = origin.ToString(CultureInfo.InvariantCulture),
        };
        if (groundTruthSteps >= 0)
        {
            labels["true_step_count"] = groundTruthSteps.ToString(CultureInfo.InvariantCulture);
        }

        var metadata = new RecordingMetadata
        {
            Sensor = SensorKind.Phone,
            Placement = placementName,
            SamplingRateHz = rate,
            Channels = SensorChannels.Accelerometer,
            Labels = labels,
        };
        return new RecordingReadResult(new SensorRecording(metadata, [.. samples]), sanitizer.Report());
    }

    /// <summary>
    /// The placement named in an Oxford file or folder name: <c>front-pocket</c>, <c>back-pocket</c> or <c>hand</c>
    /// (the data set does not say which side). Throws when the name says none of them.
    /// </summary>
    public static string PlacementFromName(string path)
    {
        var full = Path.GetFullPath(path).ToUpperInvariant();
        var name = Path.GetFileName(full) == "ACCELEROMETER.CSV" ? Path.GetFileName(Path.GetDirectoryName(full) ?? "") : Path.GetFileName(full);
        if (name.Contains("FRONTPOCKET", StringComparison.Ordinal))
        {
            return "front-pocket";
        }

        if (name.Contains("BACKPOCKET", StringComparison.Ordinal))
        {
            return "back-pocket";
        }

        if (name.Contains("HAND", StringComparison.Ordinal))
        {
            return "hand";
        }

        throw new ArgumentException($"cannot tell the phone placement from '{name}'; give it explicitly", nameof(path));
    }
}
