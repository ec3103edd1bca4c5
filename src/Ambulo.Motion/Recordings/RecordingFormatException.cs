namespace Ambulo.Motion.Recordings;

/// <summary>
/// A recording file that cannot be read at all (bad metadata or header). The message names the line
/// and, where there is one, the column; rows with bad values are skipped and counted instead.
/// </summary>
public sealed class RecordingFormatException : FormatException
{
    public RecordingFormatException()
    {
    }

    public RecordingFormatException(string message)
        : base(message)
    {
    }

    public RecordingFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordingFormatException(long lineNumber, string? column, string problem)
        : base(Describe(lineNumber, column, problem))
    {
        LineNumber = lineNumber;
        Column = column;
        Problem = problem;
    }

    /// <summary>A problem in a binary file, at a byte offset (see <see cref="ByteOffset"/>).</summary>
    public static RecordingFormatException AtByte(long offset, string problem) =>
        new($"byte {offset}: {problem}") { ByteOffset = offset, Problem = problem };

    /// <summary>Offset of the problem in a binary file, or null for text files.</summary>
    public long? ByteOffset { get; private init; }

    /// <summary>1-based line of the problem (0 when it concerns the file as a whole).</summary>
    public long LineNumber { get; }

    /// <summary>Name or number of the column concerned, if any.</summary>
    public string? Column { get; }

    public string Problem { get; private init; } = "";

    private static string Describe(long lineNumber, string? column, string problem)
    {
        var where = lineNumber > 0 ? $"line {lineNumber}" : "file";
        if (column is not null)
        {
            where += $", column {column}";
        }

        return $"{where}: {problem}";
    }
}
