using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ambulo.Cli;

/// <summary>
/// The one set of JSON settings for every command that serialises result records: snake_case keys, enums as
/// kebab-case strings, and null values left out (a key a placement or test cannot give is omitted, not zero).
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Decimals of a measured number in CLI JSON (gait's and the walk tests'): a millisecond, a millimetre.</summary>
    public const int Decimals = 3;

    /// <summary>A measured number as CLI JSON writes it, rounded to <see cref="Decimals"/>.</summary>
    public static double Round(double value) => Math.Round(value, Decimals);
}
