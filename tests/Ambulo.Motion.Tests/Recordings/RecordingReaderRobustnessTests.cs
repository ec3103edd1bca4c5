using System.Globalization;
using System.Numerics;
using System.Text;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;
using CsCheck;

namespace Ambulo.Motion.Tests.Recordings;

/// <summary>
/// Mangled recording files (lines cut, random bytes, huge numbers, wrong field counts, byte-order marks, CRLF, empty) given
/// to every reader: each either reads the file or stops with the documented <see cref="RecordingFormatException"/>, and when
/// it reads, every data line is a sample or counted in the report (nothing lost silently), and what it returns is a
/// recording the writer accepts.
/// </summary>
public class RecordingReaderRobustnessTests
{
    private const int Iterations = 500;

    /// <summary>The issues that drop the row they are counted on (<see cref="ReadIssue.Saturated"/> only with SkipSaturated).</summary>
    private static readonly ReadIssue[] Dropping =
    [
        ReadIssue.WrongColumnCount, ReadIssue.UnparsableValue, ReadIssue.NonFiniteTime, ReadIssue.NonFiniteValue,
        ReadIssue.DuplicateTimestamp, ReadIssue.OutOfOrderTimestamp, ReadIssue.TruncatedLastLine, ReadIssue.AllZeroReading,
        ReadIssue.ImplausibleValue,
    ];

    // ------------------------------------------------------------------ generators

    /// <summary>A field: mostly an ordinary number, sometimes anything from huge to garbage.</summary>
    private static readonly Gen<string> Field = Gen.Frequency(
        (8, Gen.Double[-30, 30].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Float.Select(f => f.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf<string>("NaN", "nan", "-inf", "Infinity", "1e400", "-1e39", "1e30", "", " ", "abc", "0x10", "1e", "--1", "1.2.3",
            "99999999999999999999999999999999999999999", "-0", "5e-324", "\"3\"", "١٢")),
        (1, Gen.String[Gen.Char["0123456789.eE+- ,#\t"], 0, 25]));

    private static readonly Gen<string> Junk = Gen.String[Gen.Char["abc#:,.0123456789 \t-_éü\u00a0\uFEFF"], 0, 40];

    /// <summary>One change to a file's lines; applied with indices taken modulo the line and field counts.</summary>
    private sealed record LineEdit(int Kind, int Line, int Field, string Text);

    private static readonly Gen<LineEdit> Edit =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1000], Gen.Int[0, 20], Gen.OneOf(Field, Junk), (k, l, f, t) => new LineEdit(k, l, f, t));

    /// <summary>Byte-level damage: line ends, byte-order marks, a cut, random bytes put in or over.</summary>
    private sealed record ByteDamage(int LineEnds, int Boms, bool FinalNewline, int CutAt, byte[] Inserted, int InsertAt, byte[] Overwritten, int OverwriteAt);

    private static readonly Gen<ByteDamage> Damage =
        from lineEnds in Gen.Int[0, 3]
        from boms in Gen.Frequency((6, Gen.Const(0)), (3, Gen.Const(1)), (1, Gen.Const(2)))
        from finalNewline in Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)))
        from cutAt in Gen.Frequency((4, Gen.Const(-1)), (1, Gen.Int[0, 5000]))
        from inserted in Gen.Frequency((3, Gen.Const(Array.Empty<byte>())), (1, Gen.Byte.Array[1, 30]))
        from insertAt in Gen.Int[0, 5000]
        from overwritten in Gen.Frequency((3, Gen.Const(Array.Empty<byte>())), (1, Gen.Byte.Array[1, 10]))
        from overwriteAt in Gen.Int[0, 5000]
        select new ByteDamage(lineEnds, boms, finalNewline, cutAt, inserted, insertAt, overwritten, overwriteAt);

    private static List<string> ApplyEdits(List<string> lines, LineEdit[] edits, int protectedLines)
    {
        foreach (var e in edits)
        {
            if (lines.Count == 0)
            {
                lines.Add(e.Text);
                continue;
            }

            // Edits mostly hit the data; some hit the metadata and header lines too.
            var i = e.Kind == 8 || lines.Count <= protectedLines ? e.Line % lines.Count : protectedLines + (e.Line % (lines.Count - protectedLines));
            var fields = lines[i].Split(',');
            switch (e.Kind)
            {
                case 0: // cut the line short
                    lines[i] = lines[i][..(e.Field % (lines[i].Length + 1))];
                    break;
                case 1 or 2: // replace a field (huge numbers, garbage)
                    fields[e.Field % fields.Length] = e.Text;
                    lines[i] = string.Join(',', fields);
                    break;
                case 3: // a field more
                    lines[i] += "," + e.Text;
                    break;
                case 4: // a field less
                    lines[i] = string.Join(',', fields[..^1]);
                    break;
                case 5: // a line of junk
                    lines.Insert(i, e.Text);
                    break;
                case 6: // a line lost
                    lines.RemoveAt(i);
                    break;
                case 7: // a line repeated
                    lines.Insert(i, lines[i]);
                    break;
                default: // anywhere, the metadata and header included: replace a field
                    fields[e.Field % fields.Length] = e.Text;
                    lines[i] = string.Join(',', fields);
                    break;
            }
        }

        return lines;
    }

    private static byte[] ApplyDamage(List<string> lines, ByteDamage d)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i]);
            if (i < lines.Count - 1 || d.FinalNewline)
            {
                text.Append(d.LineEnds switch { 0 or 1 => "\n", 2 => "\r\n", _ => i % 2 == 0 ? "\r\n" : "\n" });
            }
        }

        var bytes = new List<byte>();
        for (var b = 0; b < d.Boms; b++)
        {
            bytes.AddRange("\uFEFF"u8.ToArray());
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(text.ToString()));
        if (d.Overwritten.Length > 0 && bytes.Count > 0)
        {
            for (var k = 0; k < d.Overwritten.Length; k++)
            {
                bytes[(d.OverwriteAt + k) % bytes.Count] = d.Overwritten[k];
            }
        }

        if (d.Inserted.Length > 0)
        {
            bytes.InsertRange(d.InsertAt % (bytes.Count + 1), d.Inserted);
        }

        if (d.CutAt >= 0)
        {
            bytes.RemoveRange(Math.Min(d.CutAt, bytes.Count), bytes.Count - Math.Min(d.CutAt, bytes.Count));
        }

        return [.. bytes];
    }

    /// <summary>Mangled files of one format: good lines from <paramref name="goodLines"/>, then edits, then byte damage (sometimes an empty file).</summary>
    private static Gen<byte[]> Mangled(Gen<List<string>> goodLines, int protectedLines) => Gen.Frequency(
        (1, Gen.OneOf<byte[]>([], "\n"u8.ToArray(), " \t\r\n"u8.ToArray(), "\uFEFF"u8.ToArray(), "\r"u8.ToArray())),
        (30, from lines in goodLines
             from edits in Edit.Array[0, 6]
             from damage in Damage
             select ApplyDamage(ApplyEdits(lines, edits, protectedLines), damage)));

    private static Gen<List<string>> Rows(int fieldsAfterTime, Func<int, string> time) =>
        Field.Array[fieldsAfterTime].Array[0, 40].Select(rows => rows.Select((r, i) => string.Join(',', [time(i), .. r])).ToList());

    private static string Seconds(int i) => (i * 0.01).ToString("R", CultureInfo.InvariantCulture);

    private static readonly Gen<List<string>> AmbuloFile =
        from placement in Gen.OneOf(RecordingPlacements.Names.ToArray())
        from sensor in Gen.OneOf<string>("imu", "phone", "puck", "simulated")
        from labels in Gen.OneOf<string[]>([], ["# true_count: 3"], ["# acc_range_mps2: 78.4532", "# a comment"], ["# gyr_range_radps: 8.7"])
        from channels in Gen.OneOf<string>(
            "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2",
            "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps,gyr_y_radps,gyr_z_radps",
            "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps,gyr_y_radps,gyr_z_radps,mag_x_ut,mag_y_ut,mag_z_ut,force_n",
            "acc_z_mps2,t_s,acc_x_mps2,acc_y_mps2,force_n")
        from rows in Rows(channels.Count(c => c == ','), Seconds)
        select new List<string>([
            "# ambulo-recording: 1", $"# sensor: {sensor}", $"# placement: {placement}", "# sampling_rate_hz: 100", .. labels, channels, .. rows]);

    private static readonly Gen<List<string>> OxfordFile =
        from validation in Gen.Bool
        from rows in Rows(validation ? 6 : 4, i => (1_506_422_223_341_000_000L + i * 10_000_000L).ToString(CultureInfo.InvariantCulture))
        select rows;

    private static readonly Gen<List<string>> MobgapFile =
        from rows in Rows(6, i => i.ToString(CultureInfo.InvariantCulture))
        select new List<string>(["samples,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z", .. rows]);

    private static readonly Gen<List<string>> GaitmapFile =
        from rows in Rows(12, i => i.ToString(CultureInfo.InvariantCulture))
        select new List<string>([
            ",left_sensor,left_sensor,left_sensor,left_sensor,left_sensor,left_sensor,right_sensor,right_sensor,right_sensor,right_sensor,right_sensor,right_sensor",
            ",acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z",
            .. rows]);

    // ------------------------------------------------------------------ what must hold

    /// <summary>The file's lines as the format defines them: split at \n, one \r before it dropped, one leading byte-order mark skipped.</summary>
    private static List<byte[]> Lines(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var lines = new List<byte[]>();
        while (!span.IsEmpty)
        {
            var end = span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            lines.Add(line.ToArray());
            span = end < 0 ? [] : span[(end + 1)..];
        }

        return lines;
    }

    private static bool IsBlank(byte[] line) => line.AsSpan().Trim(" \t"u8).IsEmpty;

    /// <summary>Non-blank lines after the first <paramref name="headerLines"/> lines.</summary>
    private static int DataLines(List<byte[]> lines, int headerLines) => lines.Skip(headerLines).Count(l => !IsBlank(l));

    /// <summary>What every successful read must give: valid samples, every row accounted for, and a recording the writer accepts.</summary>
    private static void ShouldBeAccountedFor(RecordingReadResult result, int dataLines, int notRows = 0)
    {
        var (recording, report) = result;
        var samples = recording.Samples;
        for (var i = 0; i < samples.Length; i++)
        {
            double.IsFinite(samples[i].TimeSeconds).ShouldBeTrue();
            if (i > 0)
            {
                samples[i].TimeSeconds.ShouldBeGreaterThan(samples[i - 1].TimeSeconds);
            }
        }

        report.SamplesKept.ShouldBe(samples.Length);
        report.RowsRead.ShouldBe(dataLines - notRows, "every data line is a row the report counts");
        report.RowsSkipped.ShouldBe(Dropping.Sum(report.Count), "every skipped row is counted under a reason: " + report);
        foreach (var issue in report.Issues)
        {
            issue.Count.ShouldBeGreaterThan(0);
            issue.FirstLineNumbers.Count.ShouldBe(Math.Min(issue.Count, RecordingReadReport.MaxLinesPerIssue));
        }

        Should.NotThrow(() => RecordingCsv.Format(recording), "a recording a reader returns is one the writer accepts");
    }

    private static string Show(byte[] bytes) =>
        string.Concat(Encoding.UTF8.GetString(bytes).Select(c => c is '\n' ? "\\n\n" : c is '\r' ? "\\r" : char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>Runs <paramref name="read"/>; a <see cref="RecordingFormatException"/> is a documented outcome, any other exception fails the test.</summary>
    private static RecordingReadResult? ReadOrFormatError(Func<RecordingReadResult> read)
    {
        try
        {
            return read();
        }
        catch (RecordingFormatException ex)
        {
            ex.Message.ShouldNotBeNullOrWhiteSpace();
            return null;
        }
    }

    // ------------------------------------------------------------------ the properties

    [Fact]
    public void RecordingCsvRead_MangledFile_ReadsOrFailsClearly_AndLosesNoLineSilently()
    {
        Mangled(AmbuloFile, 5).Sample(bytes =>
        {
            var result = ReadOrFormatError(() => RecordingCsv.Read(new MemoryStream(bytes)));
            if (result is null)
            {
                return;
            }

            // The header is the first line that is neither blank nor a # line; after it, # lines are counted as comments.
            var lines = Lines(bytes);
            var header = lines.FindIndex(l => !IsBlank(l) && l.AsSpan().Trim(" \t"u8)[0] != (byte)'#');
            header.ShouldBeGreaterThanOrEqualTo(0);
            ShouldBeAccountedFor(result, DataLines(lines, header + 1), notRows: result.Report.Count(ReadIssue.CommentAfterHeader));
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void RecordingBinaryRead_MangledFile_ReadsOrFailsClearly_AndLosesNoSampleSilently()
    {
        var gen =
            from recording in GenRecording.Recording
            from damage in Damage
            select (Recording: recording, Damage: damage);
        gen.Sample(c =>
        {
            using var written = new MemoryStream();
            RecordingBinary.Write(written, c.Recording);
            var bytes = written.ToArray().ToList();
            var d = c.Damage;
            for (var k = 0; k < d.Overwritten.Length; k++)
            {
                bytes[(d.OverwriteAt + k) % bytes.Count] = d.Overwritten[k];
            }

            bytes.InsertRange(d.InsertAt % (bytes.Count + 1), d.Inserted);
            if (d.CutAt >= 0)
            {
                bytes.RemoveRange(Math.Min(d.CutAt, bytes.Count), bytes.Count - Math.Min(d.CutAt, bytes.Count));
            }

            var result = ReadOrFormatError(() => RecordingBinary.Read(new MemoryStream([.. bytes])));
            if (result is not null)
            {
                // Rows are the samples the file declares, up to where it ends (a cut one counted as such).
                ShouldBeAccountedFor(result, result.Report.RowsRead);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void OxfordImport_MangledFile_ReadsOrFailsClearly_AndLosesNoLineSilently()
    {
        Mangled(OxfordFile, 0).Sample(bytes =>
        {
            var result = ReadOrFormatError(() => OxfordImporter.Import(new MemoryStream(bytes), "front-pocket", "test"));
            if (result is not null)
            {
                ShouldBeAccountedFor(result, DataLines(Lines(bytes), 0));
            }
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void MobgapImport_MangledFile_ReadsOrFailsClearly_AndLosesNoLineSilently()
    {
        Mangled(MobgapFile, 1).Sample(bytes =>
        {
            var result = ReadOrFormatError(() => MobgapImporter.Import(new MemoryStream(bytes)));
            if (result is not null)
            {
                ShouldBeAccountedFor(result, DataLines(Lines(bytes), 1));
            }
        }, iter: Iterations, print: Show);
    }

    [Fact]
    public void GaitmapImport_MangledFile_ReadsOrFailsClearly_AndLosesNoLineSilently()
    {
        Mangled(GaitmapFile, 2).Sample(bytes =>
        {
            var result = ReadOrFormatError(() => GaitmapImporter.Import(new MemoryStream(bytes), BodySide.Right, 100, "test"));
            if (result is not null)
            {
                ShouldBeAccountedFor(result, DataLines(Lines(bytes), 2));
            }
        }, iter: Iterations, print: Show);
    }
}
