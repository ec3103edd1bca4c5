namespace Ambulo.Cli;

/// <summary>
/// One rule for every option or argument that takes one of a fixed set of values (a preset, a placement, a walk test, a
/// data set format, …): the value is matched without regard to case or surrounding blanks, and an unknown value is
/// refused with one line on standard error that names the option and every allowed value; the command then exits
/// with its bad-input code (2). System.CommandLine's own <c>AcceptOnlyFromAmong</c> is not used: it prints the
/// whole help after a multi-line message and exits 1, unlike every other input check of the CLI.
/// </summary>
internal sealed class Choices
{
    private readonly string[] _values;

    public Choices(string name, params string[] values)
    {
        Name = name;
        _values = values;
    }

    /// <summary>How the option or argument is written on the command line, e.g. <c>--preset</c> or <c>TEST</c>.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Values => _values;

    /// <summary>The values joined for a help text or usage line: <c>a|b|c</c>.</summary>
    public string HelpName => string.Join('|', _values);

    /// <summary>The allowed value that <paramref name="text"/> names, or null after writing the error line.</summary>
    public string? Pick(string? text, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var key = text?.Trim();
        var found = _values.FirstOrDefault(v => string.Equals(v, key, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            error.WriteLine(UnknownMessage(text));
        }

        return found;
    }

    public string UnknownMessage(string? text) =>
        $"error: unknown {Name} '{text}'; use one of: {string.Join(", ", _values)}.";
}
