using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Recordings;

/// <summary>
/// The compact binary form of an Ambulo recording (version 1), for storage; specified in
/// docs/recording-format.md ("Binary form"). Little-endian: a header with the same metadata as the CSV form,
/// then per sample the time as a 64-bit float and each present channel as 32-bit floats — 20 bytes per
/// accelerometer-only sample instead of about 40 characters of text. Round-trips exactly, like the CSV form.
/// </summary>
public static class RecordingBinary
{
    /// <summary>The first four bytes of every file: "AMBR".</summary>
    public static ReadOnlySpan<byte> Magic => "AMBR"u8;

    public const ushort FormatVersion = 1;

    /// <summary>Most labels a file may hold, and longest text, so a hostile header cannot demand huge allocations.</summary>
    public const int MaxLabels = 1024;
    public const int MaxTextBytes = 65535;

    public static int BytesPerSample(SensorChannels channels) =>
        8 + (4 * ((channels.HasFlag(SensorChannels.Accelerometer) ? 3 : 0)
            + (channels.HasFlag(SensorChannels.Gyroscope) ? 3 : 0)
            + (channels.HasFlag(SensorChannels.Magnetometer) ? 3 : 0)
            + (channels.HasFlag(SensorChannels.Force) ? 1 : 0)));

    public static void WriteFile(string path, SensorRecording recording)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, recording);
    }

    public static RecordingReadResult ReadFile(string path, RecordingReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, options);
    }

    /// <summary>Writes <paramref name="recording"/>; refuses the same things as <see cref="RecordingCsv.Write"/>.</summary>
    public static void Write(Stream stream, SensorRecording recording)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(recording);
        RecordingCsv.Validate(recording);
        var metadata = recording.Metadata;
        if (metadata.Labels.Count > MaxLabels)
        {
            throw new ArgumentException($"at most {MaxLabels} labels fit the binary form", nameof(recording));
        }

        using var head = new MemoryStream();
        head.Write(Magic);
        WriteUInt16(head, FormatVersion);
        WriteUInt16(head, (ushort)metadata.Channels);
        head.WriteByte((byte)metadata.Sensor);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(number, metadata.SamplingRateHz);
        head.Write(number);
        WriteText(head, metadata.Placement);
        WriteUInt16(head, (ushort)metadata.Labels.Count);
        foreach (var (key, value) in metadata.Labels)
        {
            WriteText(head, key);
            WriteText(head, value);
        }

        BinaryPrimitives.WriteInt64LittleEndian(number, recording.Samples.Length);
        head.Write(number);
        stream.Write(head.GetBuffer(), 0, (int)head.Length);

        var channels = metadata.Channels;
        var size = BytesPerSample(channels);
        var buffer = new byte[size * 1024];
        var used = 0;
        foreach (ref readonly var sample in recording.Samples.AsSpan())
        {
            if (used + size > buffer.Length)
            {
                stream.Write(buffer, 0, used);
                used = 0;
            }

            var span = buffer.AsSpan(used, size);
            BinaryPrimitives.WriteDoubleLittleEndian(span, sample.TimeSeconds);
            var at = 8;
            WriteVector(span, ref at, sample.AccelerationMps2);
            if (channels.HasFlag(SensorChannels.Gyroscope))
            {
                WriteVector(span, ref at, sample.AngularVelocityRadps);
            }

            if (channels.HasFlag(SensorChannels.Magnetometer))
            {
                WriteVector(span, ref at, sample.MagneticFieldMicroTesla);
            }

            if (channels.HasFlag(SensorChannels.Force))
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], sample.ForceNewtons);
            }

            used += size;
        }

        stream.Write(buffer, 0, used);
    }

    /// <summary>
    /// Reads a binary recording. A bad header is a <see cref="RecordingFormatException"/> (its "line" is the byte
    /// offset); samples go through the same <see cref="SampleSanitizer"/> rules as the CSV form; a file cut short
    /// keeps its complete samples and counts <see cref="ReadIssue.TruncatedLastLine"/>.
    /// </summary>
    public static RecordingReadResult Read(Stream stream, RecordingReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= RecordingReadOptions.Default;
        var reader = new HeaderReader(stream);
        Span<byte> magic = stackalloc byte[4];
        reader.Fill(magic, "magic");
        if (!magic.SequenceEqual(Magic))
        {
            throw RecordingFormatException.AtByte(0, "not an Ambulo binary recording (the file does not start with AMBR)");
        }

        var version = reader.UInt16("version");
        if (version != FormatVersion)
        {
            throw RecordingFormatException.AtByte(reader.Offset - 2, $"unsupported binary version {version}; this reader knows version {FormatVersion}");
        }

        var channelBits = reader.UInt16("channels");
        const int known = (int)(SensorChannels.Accelerometer | SensorChannels.Gyroscope | SensorChannels.Magnetometer | SensorChannels.Force);
        if ((channelBits & ~known) != 0 || (channelBits & (int)SensorChannels.Accelerometer) == 0)
        {
            throw RecordingFormatException.AtByte(reader.Offset - 2, $"channel flags {channelBits} are unknown or lack the accelerometer");
        }

        var channels = (SensorChannels)channelBits;
        var sensorByte = reader.Byte("sensor");
        if (!Enum.IsDefined((SensorKind)sensorByte))
        {
            throw RecordingFormatException.AtByte(reader.Offset - 1, $"unknown sensor kind {sensorByte}");
        }

        var rate = reader.Double("sampling rate");
        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw RecordingFormatException.AtByte(reader.Offset - 8, $"sampling rate {rate} is not a positive number");
        }

        var placementOffset = reader.Offset;
        var placementText = reader.Text("placement");
        if (!RecordingPlacements.TryParse(placementText, out var placement))
        {
            throw RecordingFormatException.AtByte(placementOffset, RecordingPlacements.Unknown(placementText));
        }

        var labelCount = reader.UInt16("label count");
        if (labelCount > MaxLabels)
        {
            throw RecordingFormatException.AtByte(reader.Offset - 2, $"{labelCount} labels; at most {MaxLabels} are allowed");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < labelCount; i++)
        {
            var keyOffset = reader.Offset;
            var key = reader.Text("label key");
            var value = reader.Text("label value");
            if (RecordingCsv.LabelProblem(key, value) is { } problem)
            {
                throw RecordingFormatException.AtByte(keyOffset, problem);
            }

            if (!labels.TryAdd(key, value))
            {
                throw RecordingFormatException.AtByte(keyOffset, $"label '{key}' appears twice");
            }
        }

        var declared = reader.Int64("sample count");
        if (declared < 0)
        {
            throw RecordingFormatException.AtByte(reader.Offset - 8, $"sample count {declared} is negative");
        }

        var metadata = new RecordingMetadata { Sensor = (SensorKind)sensorByte, Placement = placement, SamplingRateHz = rate, Channels = channels, Labels = labels };
        var sanitizer = new SampleSanitizer(options, channels, RangeLabel(labels, RecordingCsv.AccelerationRangeKey), RangeLabel(labels, RecordingCsv.AngularVelocityRangeKey));
        var size = BytesPerSample(channels);
        var samples = new List<ImuSample>((int)Math.Min(declared, stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) / size : 4096));
        var buffer = new byte[size * 1024];
        long index = 0;
        var pending = 0;
        while (index < declared)
        {
            var read = stream.Read(buffer, pending, buffer.Length - pending);
            pending += read;
            var whole = pending / size;
            for (var k = 0; k < whole && index < declared; k++, index++)
            {
                var sample = Decode(buffer.AsSpan(k * size, size), channels);
                if (sanitizer.Push(sample, index + 1, out var kept))
                {
                    samples.Add(kept);
                }
            }

            var consumed = whole * size;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, pending - consumed);
            pending -= consumed;
            if (read == 0)
            {
                break;
            }
        }

        if (index < declared)
        {
            sanitizer.Reject(ReadIssue.TruncatedLastLine, index + 1, $"the file ends after {index} of {declared} samples");
        }

        return new RecordingReadResult(new SensorRecording(metadata, [.. samples]), sanitizer.Report());
    }

    private static ImuSample Decode(ReadOnlySpan<byte> span, SensorChannels channels)
    {
        var time = BinaryPrimitives.ReadDoubleLittleEndian(span);
        var at = 8;
        var acc = ReadVector(span, ref at);
        var gyr = channels.HasFlag(SensorChannels.Gyroscope) ? ReadVector(span, ref at) : Vector3.Zero;
        var mag = channels.HasFlag(SensorChannels.Magnetometer) ? ReadVector(span, ref at) : Vector3.Zero;
        var force = channels.HasFlag(SensorChannels.Force) ? BinaryPrimitives.ReadSingleLittleEndian(span[at..]) : 0f;
        return new ImuSample(time, acc, gyr, mag, force);
    }

    private static Vector3 ReadVector(ReadOnlySpan<byte> span, ref int at)
    {
        var v = new Vector3(
            BinaryPrimitives.ReadSingleLittleEndian(span[at..]),
            BinaryPrimitives.ReadSingleLittleEndian(span[(at + 4)..]),
            BinaryPrimitives.ReadSingleLittleEndian(span[(at + 8)..]));
        at += 12;
        return v;
    }

    private static void WriteVector(Span<byte> span, ref int at, Vector3 v)
    {
        BinaryPrimitives.WriteSingleLittleEndian(span[at..], v.X);
        BinaryPrimitives.WriteSingleLittleEndian(span[(at + 4)..], v.Y);
        BinaryPrimitives.WriteSingleLittleEndian(span[(at + 8)..], v.Z);
        at += 12;
    }

    /// <summary>The full-scale range a label states (its value was checked with the labels: <see cref="RecordingCsv.LabelProblem"/>).</summary>
    private static double? RangeLabel(Dictionary<string, string> labels, string key) =>
        labels.TryGetValue(key, out var text) ? RecordingCsv.RangeValue(text) : null;

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteText(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > MaxTextBytes)
        {
            throw new ArgumentException($"text of {bytes.Length} bytes is longer than the {MaxTextBytes} the binary form allows", nameof(text));
        }

        WriteUInt16(stream, (ushort)bytes.Length);
        stream.Write(bytes);
    }

    /// <summary>Reads header fields, tracking the byte offset for error messages.</summary>
    private sealed class HeaderReader(Stream stream)
    {
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public long Offset { get; private set; }

        public void Fill(Span<byte> destination, string field)
        {
            var filled = 0;
            while (filled < destination.Length)
            {
                var read = stream.Read(destination[filled..]);
                if (read == 0)
                {
                    throw RecordingFormatException.AtByte(Offset + filled, $"the file ends inside the header ({field})");
                }

                filled += read;
            }

            Offset += destination.Length;
        }

        public byte Byte(string field)
        {
            Span<byte> b = stackalloc byte[1];
            Fill(b, field);
            return b[0];
        }

        public ushort UInt16(string field)
        {
            Span<byte> b = stackalloc byte[2];
            Fill(b, field);
            return BinaryPrimitives.ReadUInt16LittleEndian(b);
        }

        public long Int64(string field)
        {
            Span<byte> b = stackalloc byte[8];
            Fill(b, field);
            return BinaryPrimitives.ReadInt64LittleEndian(b);
        }

        public double Double(string field)
        {
            Span<byte> b = stackalloc byte[8];
            Fill(b, field);
            return BinaryPrimitives.ReadDoubleLittleEndian(b);
        }

        public string Text(string field)
        {
            var length = UInt16(field + " length");
            var bytes = new byte[length];
            var start = Offset;
            Fill(bytes, field);
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                throw RecordingFormatException.AtByte(start, $"{field} is not valid UTF-8");
            }
        }
    }
}
