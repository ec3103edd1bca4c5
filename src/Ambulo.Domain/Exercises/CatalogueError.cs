namespace Ambulo.Domain.Exercises;

/// <summary>One problem found while loading the catalogue: which file, which field (a JSON path such as
/// <c>modes.active.steps[1]</c>, or <c>(file)</c> for the whole file) and what is wrong.</summary>
public sealed record CatalogueError(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

/// <summary>Thrown when one or more catalogue files are invalid; lists every problem, not just the first.</summary>
public sealed class CatalogueValidationException : Exception
{
    public CatalogueValidationException()
        : this([])
    {
    }

    public CatalogueValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public CatalogueValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public CatalogueValidationException(IReadOnlyList<CatalogueError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<CatalogueError> Errors { get; }

    private static string Describe(IReadOnlyList<CatalogueError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"The exercise catalogue has {errors.Count} {noun}:" + Environment.NewLine
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}

/// <summary>One catalogue file to load: its file name (e.g. <c>seated-marching.json</c>) and its JSON text.</summary>
public sealed record CatalogueFile(string Name, string Text);
