using System.Globalization;
using System.Text;

namespace Ambulo.Motion.Recordings;

/// <summary>Span helpers shared by the importers and reference readers: split a UTF-8 CSV line, parse numbers.</summary>
internal static class CsvFields
{
    /// <summary>
    /// Splits <paramref name="line"/> at commas into <paramref name="fields"/>. Returns the number of fields,
    /// which may exceed <c>fields.Length</c> (only the first ones are stored then).
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var comma = line[start..].IndexOf((byte)',');
            var end = comma < 0 ? line.Length : start + comma;
            if (count < fields.Length)
            {
                fields[count] = new Range(start, end);
            }

            count++;
            if (comma < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }

    public static bool TryDouble(ReadOnlySpan<byte> field, out double value) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryLong(ReadOnlySpan<byte> field, out long value) =>
        long.TryParse(field, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static string Text(ReadOnlySpan<byte> field) => Encoding.UTF8.GetString(field.Trim(" \t\""u8));

    /// <summary>Reads a small header-named CSV file into rows of strings (reference tables of a few thousand rows).</summary>
    public static (string[] Header, List<(long Line, string[] Fields)> Rows) ReadTable(Stream stream)
    {
        var reader = new Utf8LineReader(stream);
        string[]? header = null;
        var rows = new List<(long, string[])>();
        while (reader.TryReadLine(out var line, out _))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var fields = Encoding.UTF8.GetString(line).Split(',');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            if (header is null)
            {
                header = fields;
            }
            else
            {
                rows.Add((reader.LineNumber, fields));
            }
        }

        return (header ?? throw new RecordingFormatException(0, null, "the file is empty (no header line)"), rows);
    }

    /// <summary>Index of each required column in <paramref name="header"/>; throws naming the missing one.</summary>
    public static int[] Require(string[] header, params string[] names)
    {
        var indices = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            indices[i] = Array.IndexOf(header, names[i]);
            if (indices[i] < 0)
            {
                throw new RecordingFormatException(1, names[i], $"missing column; the header has {string.Join(",", header)}");
            }
        }

        return indices;
    }
}
