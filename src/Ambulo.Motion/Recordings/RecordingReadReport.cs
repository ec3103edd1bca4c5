using System.Globalization;
using System.Text;

namespace Ambulo.Motion.Recordings;

/// <summary>How often one <see cref="ReadIssue"/> occurred and where it first did.</summary>
/// <param name="Issue">What was wrong.</param>
/// <param name="Count">How many rows (or, for gaps and jumps, places) had it.</param>
/// <param name="FirstLineNumbers">Up to <see cref="RecordingReadReport.MaxLinesPerIssue"/> 1-based line numbers (row numbers for importers without lines).</param>
/// <param name="FirstDetail">A short description of the first occurrence, e.g. the column and the text found.</param>
public sealed record ReadIssueCount(ReadIssue Issue, int Count, IReadOnlyList<long> FirstLineNumbers, string FirstDetail);

/// <summary>What a reader or importer found: how many rows it kept and every irregularity, counted per reason.</summary>
public sealed record RecordingReadReport
{
    public const int MaxLinesPerIssue = 5;

    /// <summary>Data rows looked at (after the header).</summary>
    public required int RowsRead { get; init; }

    /// <summary>Rows that became samples.</summary>
    public required int SamplesKept { get; init; }

    public required IReadOnlyList<ReadIssueCount> Issues { get; init; }

    public int RowsSkipped => RowsRead - SamplesKept;

    public bool IsClean => Issues.Count == 0;

    /// <summary>How often <paramref name="issue"/> occurred (0 if never).</summary>
    public int Count(ReadIssue issue)
    {
        foreach (var entry in Issues)
        {
            if (entry.Issue == issue)
            {
                return entry.Count;
            }
        }

        return 0;
    }

    /// <summary>The entry for <paramref name="issue"/>, or null if it never occurred.</summary>
    public ReadIssueCount? Find(ReadIssue issue) => Issues.FirstOrDefault(entry => entry.Issue == issue);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{SamplesKept} of {RowsRead} rows kept");
        foreach (var entry in Issues)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {entry.Issue}: {entry.Count} (first at line {string.Join(", ", entry.FirstLineNumbers)}: {entry.FirstDetail})");
        }

        return text.ToString();
    }
}
