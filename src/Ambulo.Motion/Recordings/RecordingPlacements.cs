using System.Diagnostics.CodeAnalysis;

namespace Ambulo.Motion.Recordings;

/// <summary>
/// The placements a recording file may name (<c># placement: …</c>), in kebab-case. Analysis chooses its method by the
/// placement (a foot IMU, the lower back and a phone in a pocket are analysed in different ways), so a value Ambulo does
/// not know is an error, never guessed: analysed as a phone, a mistyped <c>shnak-left</c> would give plausible-looking
/// but wrong numbers.
/// </summary>
public static class RecordingPlacements
{
    /// <summary>Body places that may carry a side: the name alone (side not known), or with <c>-left</c> / <c>-right</c>.</summary>
    private static readonly string[] Sided = ["foot", "shank", "thigh", "hand", "front-pocket", "back-pocket"];

    /// <summary>Places on the midline or between the limbs: no side.</summary>
    private static readonly string[] Unsided = ["lower-back", "trunk", "under-foot", "between-knees", "under-hand"];

    /// <summary>Other spellings of the lower back found in recordings (the L5 vertebra, a belt clip); read as <c>lower-back</c>.</summary>
    private static readonly string[] LowerBackSpellings = ["lowerback", "l5", "belt"];

    /// <summary>Every accepted name in its canonical spelling (what the writer writes and the reader returns).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Sided.SelectMany(p => new[] { p, p + "-left", p + "-right" }), .. Unsided];

    /// <summary>The accepted names in words, for error messages.</summary>
    public static string Accepted { get; } =
        $"{string.Join(", ", Sided)} (each alone or ending in -left or -right), {string.Join(", ", Unsided)}";

    /// <summary>
    /// The canonical name of <paramref name="text"/>: case and surrounding blanks are ignored, and <c>lowerback</c>,
    /// <c>l5</c> and <c>belt</c> read as <c>lower-back</c>. False for anything else.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? name)
    {
        name = null;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.AsSpan().Trim(" \t");
        foreach (var candidate in Names)
        {
            if (trimmed.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                name = candidate;
                return true;
            }
        }

        foreach (var spelling in LowerBackSpellings)
        {
            if (trimmed.Equals(spelling, StringComparison.OrdinalIgnoreCase))
            {
                name = "lower-back";
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="name"/> is one of <see cref="Names"/> exactly (canonical spelling).</summary>
    public static bool IsCanonical(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The problem text for an unknown placement: the value found and the accepted ones.</summary>
    public static string Unknown(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shown = value.Length <= 60 ? value : value[..60] + "…";
        return value.Length == 0 ? $"placement is empty; expected {Accepted}" : $"unknown placement '{shown}'; expected {Accepted}";
    }
}
