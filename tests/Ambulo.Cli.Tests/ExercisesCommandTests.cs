using System.Text.Json;
using Ambulo.Domain.Exercises;

namespace Ambulo.Cli.Tests;

public class ExercisesCommandTests
{
    private static readonly string[] Categories = ["leg", "core-balance", "foot-ankle", "walking"];
    private static readonly string[] Positions = ["lying", "seated", "standing", "walking"];
    private static readonly string[] Modes = ["passive", "active-assisted", "active", "resisted"];

    private static async Task<JsonElement[]> ListJsonAsync(params string[] extra)
    {
        var result = await CliRunner.RunAsync(["exercises", "list", "--json", .. extra]);
        result.ExitCode.ShouldBe(0, result.StandardError);
        using var document = JsonDocument.Parse(result.StandardOutput);
        document.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public async Task ListJson_WholeCatalogue_ListsAtLeast36ValidExercisesInFourCategories()
    {
        var items = await ListJsonAsync();

        items.Length.ShouldBeGreaterThanOrEqualTo(36);
        items.Length.ShouldBe(ExerciseCatalogue.Default.Count);
        items.Select(i => i.GetProperty("id").GetString()).ShouldBeUnique();
        foreach (var item in items)
        {
            item.GetProperty("id").GetString().ShouldNotBeNullOrWhiteSpace();
            item.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
            Categories.ShouldContain(item.GetProperty("category").GetString());
            Positions.ShouldContain(item.GetProperty("position").GetString());
            var modes = item.GetProperty("modes").EnumerateArray().Select(m => m.GetString()).ToArray();
            modes.ShouldNotBeEmpty();
            modes.ShouldAllBe(m => Modes.Contains(m));
        }

        var perCategory = items.GroupBy(i => i.GetProperty("category").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        perCategory["leg"].ShouldBeGreaterThanOrEqualTo(12);
        perCategory["core-balance"].ShouldBeGreaterThanOrEqualTo(10);
        perCategory["foot-ankle"].ShouldBeGreaterThanOrEqualTo(8);
        perCategory["walking"].ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task ListJson_MandatoryIds_ArePresentWithTheirCategories()
    {
        var items = await ListJsonAsync();
        var categoryById = items.ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("category").GetString());

        categoryById["seated-marching"].ShouldBe("leg");
        categoryById["leg-rotation"].ShouldBe("core-balance");
        categoryById["ankle-dorsiflexion"].ShouldBe("foot-ankle");
    }

    [Fact]
    public async Task ListJson_Fields_AreExactlyTheDocumentedOnes()
    {
        var items = await ListJsonAsync();

        foreach (var item in items)
        {
            item.EnumerateObject().Select(p => p.Name).ShouldBe(
                ["id", "name", "summary", "category", "position", "modes", "trained_muscle", "prerequisites", "minimum_fac", "helper", "reference_item"]);
        }
    }

    [Theory]
    [InlineData("leg")]
    [InlineData("core-balance")]
    [InlineData("foot-ankle")]
    [InlineData("walking")]
    public async Task ListJson_WithCategory_ReturnsOnlyThatCategory(string category)
    {
        var all = await ListJsonAsync();
        var items = await ListJsonAsync("--category", category);

        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("category").GetString() == category);
        items.Length.ShouldBe(all.Count(i => i.GetProperty("category").GetString() == category));
    }

    [Fact]
    public async Task List_UnknownCategory_ExitsTwoAndNamesTheValidOnes()
    {
        var result = await CliRunner.RunAsync("exercises", "list", "--category", "legs");

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("legs");
        result.StandardError.ShouldContain("core-balance");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_Table_ShowsEveryIdOnItsOwnRow()
    {
        var result = await CliRunner.RunAsync("exercises", "list");

        result.ExitCode.ShouldBe(0, result.StandardError);
        foreach (var exercise in ExerciseCatalogue.Default.All)
        {
            result.StandardOutput.ShouldContain($"│ {exercise.Id} ");
        }

        result.StandardOutput.ShouldContain($"{ExerciseCatalogue.Default.Count} exercises");
    }

    [Fact]
    public async Task List_TableWithCategory_LeavesOtherCategoriesOut()
    {
        var result = await CliRunner.RunAsync("exercises", "list", "--category", "foot-ankle");

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("ankle-dorsiflexion");
        result.StandardOutput.ShouldNotContain("seated-marching");
        result.StandardOutput.ShouldNotContain("leg-rotation");
    }

    [Theory]
    [InlineData("seated-marching")]
    [InlineData("leg-rotation")]
    [InlineData("ankle-dorsiflexion")]
    [InlineData("indoor-walking")]
    public async Task Show_KnownId_PrintsAllDetails(string id)
    {
        var exercise = ExerciseCatalogue.Default.Get(id);

        var result = await CliRunner.RunAsync("exercises", "show", id);

        result.ExitCode.ShouldBe(0, result.StandardError);
        var output = result.StandardOutput;
        output.ShouldContain(exercise.Name);
        output.ShouldContain(exercise.Summary);
        foreach (var (mode, instructions) in exercise.Modes)
        {
            output.ShouldContain($"Mode {KebabCase.Of(mode)}");
            foreach (var step in instructions.Steps)
            {
                output.ShouldContain(step);
            }
        }

        output.ShouldContain(exercise.Sensor.Description);
        exercise.Sources.ShouldAllBe(s => output.Contains(s, StringComparison.Ordinal));
        exercise.Cautions.ShouldAllBe(c => output.Contains(c, StringComparison.Ordinal));
        output.ShouldContain("Default dose:");
        output.ShouldContain("Prerequisites:");
    }

    [Fact]
    public async Task Show_UnknownId_ExitsTwoWithAClearMessage()
    {
        var result = await CliRunner.RunAsync("exercises", "show", "marching");

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("no exercise with the id 'marching'");
        result.StandardError.ShouldContain("seated-marching");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task Show_WithoutId_ExitsNonZero()
    {
        var result = await CliRunner.RunAsync("exercises", "show");

        result.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task ShowJson_KnownId_IsTheCatalogueFileFormatAndLoadsBack()
    {
        var result = await CliRunner.RunAsync("exercises", "show", "ankle-dorsiflexion", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var reloaded = ExerciseCatalogue.Load([new CatalogueFile("ankle-dorsiflexion.json", result.StandardOutput)]).Get("ankle-dorsiflexion");
        reloaded.Category.ShouldBe(ExerciseCategory.FootAnkle);
        reloaded.Modes.Keys.ShouldBe(ExerciseCatalogue.Default.Get("ankle-dorsiflexion").Modes.Keys, ignoreOrder: true);
    }
}
