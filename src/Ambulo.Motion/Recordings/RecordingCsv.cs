using System.Globalization;
using System.Numerics;
using System.Text;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings;

/// <summary>
/// The Ambulo recording file (UTF-8 CSV, version 1), specified in docs/recording-format.md.
/// The writer uses invariant culture and shortest round-trip number formatting, so
/// <c>Read(Write(r))</c> gives back exactly <c>r</c>. The reader parses bytes with spans and does not
/// allocate per field or per line.
/// </summary>
public static class RecordingCsv
{
    public const string FormatKey = "ambulo-recording";
    public const string SensorKey = "sensor";
    public const string PlacementKey = "placement";
    public const string SamplingRateKey = "sampling_rate_hz";
    public const int FormatVersion = 1;

    /// <summary>Optional labels that state the sensor's full-scale range for saturation checks.</summary>
    public const string AccelerationRangeKey = "acc_range_mps2";
    public const string AngularVelocityRangeKey = "gyr_range_radps";

    // Slots of a row: time, then the 10 sensor values in the canonical column order.
    private const int TimeSlot = 0;
    private const int SlotCount = 11;

    private static readonly string[] ColumnNames =
    [
        "t_s",
        "acc_x_mps2", "acc_y_mps2", "acc_z_mps2",
        "gyr_x_radps", "gyr_y_radps", "gyr_z_radps",
        "mag_x_ut", "mag_y_ut", "mag_z_ut",
        "force_n",
    ];

    private static readonly string[] ReservedKeys = [FormatKey, SensorKey, PlacementKey, SamplingRateKey];

    // ---------------------------------------------------------------- reading

    public static RecordingReadResult ReadFile(string path, RecordingReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, options);
    }

    public static RecordingReadResult Parse(string text, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        return Read(stream, options);
    }

    public static RecordingReadResult Read(Stream stream, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= RecordingReadOptions.Default;
        var lines = new Utf8LineReader(stream);

        var entries = new List<(string Key, string Value, long Line)>();
        ReadOnlySpan<byte> line;
        bool terminated;
        var headerFound = false;
        while (lines.TryReadLine(out line, out terminated))
        {
            var trimmed = line.Trim(" \t"u8);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (trimmed[0] == (byte)'#')
            {
                AddMetadata(trimmed[1..], lines.LineNumber, entries);
                continue;
            }

            headerFound = true;
            break;
        }

        var headerLine = lines.LineNumber;
        if (!headerFound)
        {
            throw new RecordingFormatException(headerLine, null, "no header line found (expected t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,...)");
        }

        var slots = ParseHeader(line, headerLine, out var channels);
        var metadata = BuildMetadata(entries, channels, headerLine);
        var sanitizer = new SampleSanitizer(
            options,
            channels,
            RangeLabel(metadata, AccelerationRangeKey),
            RangeLabel(metadata, AngularVelocityRangeKey));

        var samples = new List<ImuSample>(EstimateRows(stream));
        Span<double> values = stackalloc double[SlotCount];
        while (lines.TryReadLine(out line, out terminated))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var lineNumber = lines.LineNumber;
            if (line[0] == (byte)'#')
            {
                sanitizer.Note(ReadIssue.CommentAfterHeader, lineNumber, "a # line after the header is ignored");
                continue;
            }

            // Details are written only for the first row of each issue: a file with a bad row on every line (a trailing
            // comma, say) allocates no text per row.
            var parsed = TryParseRow(line, slots, values, out var problemIssue, out var badColumn);
            if (!terminated && (!parsed || !options.AcceptUnterminatedLastLine))
            {
                sanitizer.Reject(ReadIssue.TruncatedLastLine, lineNumber, !sanitizer.WantsDetail(ReadIssue.TruncatedLastLine) ? null
                    : parsed ? "the last line has no line break (file cut?)" : DescribeRow(line, slots, problemIssue, badColumn));
                continue;
            }

            if (!parsed)
            {
                sanitizer.Reject(problemIssue, lineNumber, sanitizer.WantsDetail(problemIssue) ? DescribeRow(line, slots, problemIssue, badColumn) : null);
                continue;
            }

            var sample = new ImuSample(
                values[TimeSlot],
                new Vector3((float)values[1], (float)values[2], (float)values[3]),
                new Vector3((float)values[4], (float)values[5], (float)values[6]),
                new Vector3((float)values[7], (float)values[8], (float)values[9]),
                (float)values[10]);
            if (sanitizer.Push(sample, lineNumber, out var kept))
            {
                samples.Add(kept);
            }
        }

        return new RecordingReadResult(new SensorRecording(metadata, [.. samples]), sanitizer.Report());
    }

    private static int EstimateRows(Stream stream)
    {
        try
        {
            return stream.CanSeek ? (int)Math.Clamp(stream.Length / 40, 16, 1 << 24) : 1024;
        }
        catch (NotSupportedException)
        {
            return 1024;
        }
    }

    private static void AddMetadata(ReadOnlySpan<byte> content, long lineNumber, List<(string Key, string Value, long Line)> entries)
    {
        var colon = content.IndexOf((byte)':');
        if (colon < 0 || content.TrimStart(" \t"u8).StartsWith("#"u8))
        {
            return; // a plain comment: no colon, or a line starting with ## (no key starts with #)
        }

        var key = Encoding.UTF8.GetString(content[..colon].Trim(" \t"u8));
        var value = Encoding.UTF8.GetString(content[(colon + 1)..].Trim(" \t"u8));
        if (key.Length == 0)
        {
            throw new RecordingFormatException(lineNumber, null, "metadata line has an empty key (expected '# key: value')");
        }

        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                throw new RecordingFormatException(lineNumber, null, $"metadata key '{key}' appears twice (first on line {entry.Line})");
            }
        }

        entries.Add((key, value, lineNumber));
    }

    private static RecordingMetadata BuildMetadata(List<(string Key, string Value, long Line)> entries, SensorChannels channels, long headerLine)
    {
        (string Value, long Line) Required(string key, string example)
        {
            foreach (var entry in entries)
            {
                if (entry.Key == key)
                {
                    return (entry.Value, entry.Line);
                }
            }

            throw new RecordingFormatException(headerLine, null, $"missing metadata line '# {key}: {example}' before the header");
        }

        var format = Required(FormatKey, "1");
        if (format.Value != "1")
        {
            throw new RecordingFormatException(format.Line, null, $"unsupported {FormatKey} version '{format.Value}'; this reader knows version {FormatVersion}");
        }

        var sensor = Required(SensorKey, "imu");
        if (!SensorKindNames.TryParse(sensor.Value, out var kind))
        {
            throw new RecordingFormatException(sensor.Line, null, $"unknown sensor '{sensor.Value}'; expected phone, puck, imu or simulated");
        }

        var placement = Required(PlacementKey, "shank-left");
        if (!RecordingPlacements.TryParse(placement.Value, out var placementName))
        {
            throw new RecordingFormatException(placement.Line, null, RecordingPlacements.Unknown(placement.Value));
        }

        var rate = Required(SamplingRateKey, "100");
        if (!double.TryParse(rate.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rateHz) || !double.IsFinite(rateHz) || rateHz <= 0)
        {
            throw new RecordingFormatException(rate.Line, null, $"sampling_rate_hz '{rate.Value}' is not a positive number");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Array.IndexOf(ReservedKeys, entry.Key) < 0)
            {
                if (LabelProblem(entry.Key, entry.Value) is { } problem)
                {
                    throw new RecordingFormatException(entry.Line, null, problem);
                }

                labels.Add(entry.Key, entry.Value);
            }
        }

        return new RecordingMetadata
        {
            Sensor = kind,
            Placement = placementName,
            SamplingRateHz = rateHz,
            Channels = channels,
            Labels = labels,
        };
    }

    /// <summary>The full-scale range a label states (its value was checked with the labels: <see cref="LabelProblem"/>).</summary>
    private static double? RangeLabel(RecordingMetadata metadata, string key) =>
        metadata.Label(key) is { } text ? RangeValue(text) : null;

    /// <summary>Maps each file column to its slot; checks names, duplicates and complete groups.</summary>
    private static int[] ParseHeader(ReadOnlySpan<byte> header, long lineNumber, out SensorChannels channels)
    {
        var slots = new List<int>(SlotCount);
        var seen = new bool[SlotCount];
        var rest = header;
        var column = 0;
        while (true)
        {
            column++;
            var comma = rest.IndexOf((byte)',');
            var field = (comma < 0 ? rest : rest[..comma]).Trim(" \t"u8);
            var name = Encoding.UTF8.GetString(field);
            var slot = Array.IndexOf(ColumnNames, name);
            if (slot < 0)
            {
                throw new RecordingFormatException(lineNumber, $"{column} '{name}'", $"unknown header column; expected {string.Join(",", ColumnNames)} (optional groups may be left out)");
            }

            if (seen[slot])
            {
                throw new RecordingFormatException(lineNumber, $"{column} '{name}'", "header column appears twice");
            }

            seen[slot] = true;
            slots.Add(slot);
            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        if (!seen[TimeSlot])
        {
            throw new RecordingFormatException(lineNumber, null, "header has no t_s column");
        }

        channels = SensorChannels.None;
        RequireGroup(seen, 1, 3, SensorChannels.Accelerometer, required: true, lineNumber, ref channels);
        RequireGroup(seen, 4, 3, SensorChannels.Gyroscope, required: false, lineNumber, ref channels);
        RequireGroup(seen, 7, 3, SensorChannels.Magnetometer, required: false, lineNumber, ref channels);
        RequireGroup(seen, 10, 1, SensorChannels.Force, required: false, lineNumber, ref channels);
        return [.. slots];
    }

    private static void RequireGroup(bool[] seen, int first, int count, SensorChannels channel, bool required, long lineNumber, ref SensorChannels channels)
    {
        var present = 0;
        for (var i = first; i < first + count; i++)
        {
            present += seen[i] ? 1 : 0;
        }

        if (present == count)
        {
            channels |= channel;
            return;
        }

        if (present > 0 || required)
        {
            var missing = Enumerable.Range(first, count).Where(i => !seen[i]).Select(i => ColumnNames[i]);
            throw new RecordingFormatException(lineNumber, null, $"header lacks {string.Join(",", missing)} ({channel} columns come as a whole group)");
        }
    }

    /// <summary>
    /// Parses one data row into <paramref name="values"/>. False when the row has the wrong number of fields or a field
    /// that is not a number (<paramref name="issue"/>; <paramref name="badColumn"/> is the 0-based column of that field).
    /// </summary>
    private static bool TryParseRow(ReadOnlySpan<byte> line, int[] slots, Span<double> values, out ReadIssue issue, out int badColumn)
    {
        values.Clear();
        issue = ReadIssue.WrongColumnCount;
        badColumn = -1;
        var rest = line;
        for (var column = 0; column < slots.Length; column++)
        {
            var comma = rest.IndexOf((byte)',');
            var last = column == slots.Length - 1;
            if ((comma < 0 && !last) || (comma >= 0 && last))
            {
                return false;
            }

            var field = comma < 0 ? rest : rest[..comma];
            var slot = slots[column];
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && !TryParseNonFinite(field, out value))
            {
                issue = ReadIssue.UnparsableValue;
                badColumn = column;
                return false;
            }

            values[slot] = value;
            if (!last)
            {
                rest = rest[(comma + 1)..];
            }
        }

        return true;
    }

    /// <summary>The detail of a row <see cref="TryParseRow"/> refused: the field count, or the column and the text that is not a number.</summary>
    private static string DescribeRow(ReadOnlySpan<byte> line, int[] slots, ReadIssue issue, int badColumn)
    {
        if (issue != ReadIssue.UnparsableValue)
        {
            return $"{CountFields(line)} fields, the header has {slots.Length}";
        }

        var field = line;
        for (var k = 0; k < badColumn; k++)
        {
            field = field[(field.IndexOf((byte)',') + 1)..];
        }

        var comma = field.IndexOf((byte)',');
        field = comma < 0 ? field : field[..comma];
        return $"column {badColumn + 1} '{ColumnNames[slots[badColumn]]}' is not a number: '{Encoding.UTF8.GetString(field[..Math.Min(field.Length, 40)])}'";
    }

    private static int CountFields(ReadOnlySpan<byte> line) => line.Count((byte)',') + 1;

    /// <summary>Accepts the spellings of other tools (nan, inf, -inf) so such rows are counted as non-finite, not as garbage.</summary>
    private static bool TryParseNonFinite(ReadOnlySpan<byte> field, out double value)
    {
        var text = field.Trim(" \t"u8);
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (negative || (text.Length > 0 && text[0] == (byte)'+'))
        {
            text = text[1..];
        }

        if (Ascii.EqualsIgnoreCase(text, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(text, "inf"u8) || Ascii.EqualsIgnoreCase(text, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = 0;
        return false;
    }

    // ---------------------------------------------------------------- writing

    public static void WriteFile(string path, SensorRecording recording)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, recording);
    }

    public static string Format(SensorRecording recording)
    {
        using var stream = new MemoryStream();
        Write(stream, recording);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes <paramref name="recording"/>. Throws <see cref="ArgumentException"/> for what the format cannot
    /// hold faithfully: non-finite values, times not strictly increasing, metadata with line breaks, label
    /// keys that collide with the reserved ones, a placement that is not one of <see cref="RecordingPlacements.Names"/>.
    /// </summary>
    public static void Write(Stream stream, SensorRecording recording)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(recording);
        var metadata = recording.Metadata;
        Validate(recording);

        var head = new StringBuilder();
        head.Append("# ").Append(FormatKey).Append(": ").Append(FormatVersion).Append('\n');
        head.Append("# ").Append(SensorKey).Append(": ").Append(metadata.Sensor.ToName()).Append('\n');
        head.Append("# ").Append(PlacementKey).Append(": ").Append(metadata.Placement).Append('\n');
        head.Append("# ").Append(SamplingRateKey).Append(": ").Append(metadata.SamplingRateHz.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (key, value) in metadata.Labels)
        {
            head.Append("# ").Append(key).Append(':');
            if (value.Length > 0)
            {
                head.Append(' ').Append(value);
            }

            head.Append('\n');
        }

        var slots = CanonicalSlots(metadata.Channels);
        head.AppendJoin(',', slots.Select(slot => ColumnNames[slot])).Append('\n');
        stream.Write(Encoding.UTF8.GetBytes(head.ToString()));

        var buffer = new byte[1 << 16];
        var used = 0;
        Span<float> values = stackalloc float[SlotCount];
        foreach (ref readonly var sample in recording.Samples.AsSpan())
        {
            if (buffer.Length - used < 512)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            var row = buffer.AsSpan(used);
            var n = FormatDouble(sample.TimeSeconds, row);
            values[1] = sample.AccelerationMps2.X;
            values[2] = sample.AccelerationMps2.Y;
            values[3] = sample.AccelerationMps2.Z;
            values[4] = sample.AngularVelocityRadps.X;
            values[5] = sample.AngularVelocityRadps.Y;
            values[6] = sample.AngularVelocityRadps.Z;
            values[7] = sample.MagneticFieldMicroTesla.X;
            values[8] = sample.MagneticFieldMicroTesla.Y;
            values[9] = sample.MagneticFieldMicroTesla.Z;
            values[10] = sample.ForceNewtons;
            for (var i = 1; i < slots.Length; i++)
            {
                row[n++] = (byte)',';
                n += FormatSingle(values[slots[i]], row[n..]);
            }

            row[n++] = (byte)'\n';
            used += n;
        }

        stream.Write(buffer, 0, used);
    }

    private static int[] CanonicalSlots(SensorChannels channels)
    {
        var slots = new List<int> { 0, 1, 2, 3 };
        if (channels.HasFlag(SensorChannels.Gyroscope))
        {
            slots.AddRange([4, 5, 6]);
        }

        if (channels.HasFlag(SensorChannels.Magnetometer))
        {
            slots.AddRange([7, 8, 9]);
        }

        if (channels.HasFlag(SensorChannels.Force))
        {
            slots.Add(10);
        }

        return [.. slots];
    }

    private static int FormatDouble(double value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    private static int FormatSingle(float value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    internal static void Validate(SensorRecording recording)
    {
        var metadata = recording.Metadata;
        if (!metadata.Channels.HasFlag(SensorChannels.Accelerometer))
        {
            throw new ArgumentException("a recording file always has the accelerometer columns; Channels must include Accelerometer", nameof(recording));
        }

        if (!RecordingPlacements.IsCanonical(metadata.Placement))
        {
            throw new ArgumentException(RecordingPlacements.Unknown(metadata.Placement) + " (in this spelling)", nameof(recording));
        }

        if (!double.IsFinite(metadata.SamplingRateHz) || metadata.SamplingRateHz <= 0)
        {
            throw new ArgumentException($"sampling rate {metadata.SamplingRateHz} Hz is not a positive number", nameof(recording));
        }

        foreach (var (key, value) in metadata.Labels)
        {
            if (LabelProblem(key, value) is { } problem)
            {
                throw new ArgumentException(problem, nameof(recording));
            }
        }

        var samples = recording.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            ref readonly var s = ref samples[i];
            if (!double.IsFinite(s.TimeSeconds) || (i > 0 && !(s.TimeSeconds > samples[i - 1].TimeSeconds)))
            {
                throw new ArgumentException($"sample {i}: time {s.TimeSeconds} is not finite or not after the previous sample", nameof(recording));
            }

            if (!(IsFinite(s.AccelerationMps2) && IsFinite(s.AngularVelocityRadps) && IsFinite(s.MagneticFieldMicroTesla) && float.IsFinite(s.ForceNewtons)))
            {
                throw new ArgumentException($"sample {i} (t = {s.TimeSeconds} s) has a NaN or infinite value", nameof(recording));
            }
        }
    }

    private static bool IsFinite(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);

    /// <summary>
    /// Why a label cannot be stored in a recording file (text or binary), or null. The writer refuses such a label and
    /// the readers refuse a file holding one, so whatever a reader returns can be written again.
    /// </summary>
    internal static string? LabelProblem(string key, string value)
    {
        if (TextProblem(key, "label key", allowEmpty: false) is { } keyProblem)
        {
            return keyProblem;
        }

        if (key.Contains(':', StringComparison.Ordinal) || key.StartsWith('#') || Array.IndexOf(ReservedKeys, key) >= 0)
        {
            return $"label key '{key}' is reserved or contains ':' or a leading '#'";
        }

        if ((key == AccelerationRangeKey || key == AngularVelocityRangeKey) && RangeValue(value) is null)
        {
            return $"{key} '{value}' is not a positive number";
        }

        return TextProblem(value, $"label '{key}'", allowEmpty: true);
    }

    /// <summary>A full-scale range label's value, or null when it is not a positive finite number.</summary>
    internal static double? RangeValue(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var range) && range > 0 && double.IsFinite(range) ? range : null;

    private static string? TextProblem(string text, string what, bool allowEmpty)
    {
        if ((!allowEmpty && text.Length == 0) || text.AsSpan().IndexOfAny('\r', '\n') >= 0 || text.Length != text.AsSpan().Trim(" \t").Length)
        {
            return $"{what} '{text}' must be one line without leading or trailing blanks{(allowEmpty ? "" : ", not empty")}";
        }

        return IsWellFormedUtf16(text) ? null : $"{what} is not valid Unicode text";
    }

    private static bool IsWellFormedUtf16(string text) => System.Text.Unicode.Utf8.FromUtf16(text, new byte[Encoding.UTF8.GetMaxByteCount(text.Length)], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
}
