using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Programs;

/// <summary>The catalogues the generator's invariants are proved against.</summary>
internal static class TestCatalogues
{
    public static IReadOnlyList<string> Names { get; } = ["fixture"];

    public static IReadOnlyList<Exercise> Get(string name) => name switch
    {
        "fixture" => FixtureCatalogue.All,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown test catalogue"),
    };
}
