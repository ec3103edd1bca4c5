using System.Globalization;
using System.Text;

namespace Ambulo.Domain.Exercises;

/// <summary>
/// The spelling of enum values in the catalogue files and in every JSON output: kebab-case
/// (<c>ActiveAssisted</c> ↔ <c>active-assisted</c>, <c>CoreBalance</c> ↔ <c>core-balance</c>).
/// </summary>
public static class KebabCase
{
    /// <summary>Kebab-case name of an enum value, e.g. <c>ExerciseCategory.FootAnkle</c> → <c>foot-ankle</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => FromPascalCase(value.ToString());

    /// <summary>Parses a kebab-case name into an enum value; only the exact names from <see cref="Of{T}"/> are accepted.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>All kebab-case names of an enum, in declaration order (for error messages and help text).</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();

    /// <summary><c>WhenBalanceIsLimited</c> → <c>when-balance-is-limited</c>.</summary>
    public static string FromPascalCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
