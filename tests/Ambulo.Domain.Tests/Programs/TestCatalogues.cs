using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Programs;

/// <summary>The catalogues the generator's invariants are proved against.</summary>
internal static class TestCatalogues
{
    public static IReadOnlyList<string> Names { get; } = ["fixture", "embedded"];

    public static IReadOnlyList<Exercise> Get(string name) => name switch
    {
        "fixture" => FixtureCatalogue.All,
        "embedded" => ExerciseCatalogue.Default.All,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown test catalogue"),
    };
}
