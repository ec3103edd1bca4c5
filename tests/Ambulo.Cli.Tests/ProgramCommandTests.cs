using System.Text.Json;
using Ambulo.Cli.Commands;
using Ambulo.Domain.Patients;

namespace Ambulo.Cli.Tests;

public class ProgramCommandTests
{
    private static string ExampleProfile(string name) => Path.Combine(CliRunner.RepositoryRoot(), "examples", "profiles", name);

    private static async Task<JsonElement[]> ProgramItemsAsync(string profileName)
    {
        var result = await CliRunner.RunAsync("program", "--profile", ExampleProfile(profileName), "--json");
        result.ExitCode.ShouldBe(0, result.StandardError);
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public async Task Program_HemiplegiaEarly_OnlyPassiveLyingOrSupportedSeatedWithHelper()
    {
        var items = await ProgramItemsAsync("hemiplegia-early.json");

        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("mode").GetString() == "passive");
        items.ShouldAllBe(i => i.GetProperty("position").GetString() == "lying" || i.GetProperty("position").GetString() == "seated");
        items.ShouldAllBe(i => i.GetProperty("helper_required").GetBoolean());
        items.ShouldAllBe(i => i.GetProperty("category").GetString() != "walking");
    }

    [Fact]
    public async Task Program_CommunityWalker_GetsResistedLegWorkAndWalkingPractice()
    {
        var items = await ProgramItemsAsync("community-walker.json");

        items.ShouldContain(i => i.GetProperty("category").GetString() == "leg" && i.GetProperty("mode").GetString() == "resisted");
        items.ShouldContain(i => i.GetProperty("category").GetString() == "walking" && i.GetProperty("position").GetString() == "walking");
    }

    [Fact]
    public async Task Program_HemiparesisSeated_NoStandingOrWalking()
    {
        var items = await ProgramItemsAsync("hemiparesis-seated.json");

        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("position").GetString() == "lying" || i.GetProperty("position").GetString() == "seated");
    }

    [Fact]
    public async Task Program_HouseholdWalkerWithCane_SupervisedWalkingWithScreeningAndDizzinessWarnings()
    {
        var items = await ProgramItemsAsync("household-walker-cane.json");

        var upright = items.Where(i => i.GetProperty("position").GetString() is "standing" or "walking").ToArray();
        upright.ShouldNotBeEmpty();
        upright.ShouldAllBe(i => i.GetProperty("helper_required").GetBoolean());
        upright.ShouldAllBe(i => i.GetProperty("warnings").EnumerateArray().Any(w => w.GetString()!.Contains("§6.5", StringComparison.Ordinal)));
        upright.ShouldAllBe(i => i.GetProperty("warnings").EnumerateArray().Any(w => w.GetString()!.Contains("dizzy", StringComparison.Ordinal)));
        items.ShouldContain(i => i.GetProperty("category").GetString() == "walking");
    }

    [Theory]
    [InlineData("hemiplegia-early.json")]
    [InlineData("hemiparesis-seated.json")]
    [InlineData("household-walker-cane.json")]
    [InlineData("community-walker.json")]
    public async Task Program_EveryExampleProfile_JsonHasExactlyTheDocumentedFields(string profileName)
    {
        var result = await CliRunner.RunAsync("program", "--profile", ExampleProfile(profileName), "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var document = JsonDocument.Parse(result.StandardOutput);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["items", "total_minutes"]);
        root.GetProperty("total_minutes").GetInt32().ShouldBeGreaterThan(0);
        foreach (var item in root.GetProperty("items").EnumerateArray())
        {
            item.EnumerateObject().Select(p => p.Name).ShouldBe(
                ["exercise_id", "category", "position", "mode", "sets", "reps", "helper_required", "reasons", "warnings"]);
            item.GetProperty("reasons").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Program_Table_ShowsReasonsAndWarnings()
    {
        var result = await CliRunner.RunAsync("program", "--profile", ExampleProfile("household-walker-cane.json"));

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("exercise");
        result.StandardOutput.ShouldContain("why:");
        result.StandardOutput.ShouldContain("WARNING:");
    }

    [Fact]
    public async Task Program_Demo_PrintsAProgram()
    {
        var result = await CliRunner.RunAsync("program", "--demo", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var document = JsonDocument.Parse(result.StandardOutput);
        document.RootElement.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void DemoProfile_IsTheCommunityWalkerExample()
    {
        var fromFile = AbilityProfileJson.Read(File.ReadAllText(ExampleProfile("community-walker.json")));

        fromFile.Errors.ShouldBeEmpty();
        fromFile.Profile.ShouldBe(ProgramDemo.Profile);
    }

    [Theory]
    [InlineData("\"fac\": 5", "\"fac\": 9", "fac")]
    [InlineData("\"knee_extension\": 5", "\"knee_extension\": \"strong\"", "motor_grades.knee_extension")]
    [InlineData("\"walking_aid\": \"none\"", "\"walking_aid\": \"crutches\"", "walking_aid")]
    [InlineData("\"aphasia\": false,", "", "flags.aphasia")]
    [InlineData("\"fac\": 5,", "\"fac\": 5,,", "(document)")]
    public async Task Program_BrokenProfile_ExitsTwoNamingTheField(string find, string replace, string field)
    {
        var good = await File.ReadAllTextAsync(ExampleProfile("community-walker.json"));
        var broken = good.Replace(find, replace, StringComparison.Ordinal);
        broken.ShouldNotBe(good);
        var path = Path.Combine(Path.GetTempPath(), $"ambulo-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, broken);
        try
        {
            var result = await CliRunner.RunAsync("program", "--profile", path);

            result.ExitCode.ShouldBe(2);
            result.StandardError.ShouldContain(field + ":");
            result.StandardOutput.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Program_MissingFile_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("program", "--profile", Path.Combine(Path.GetTempPath(), "no-such-profile-" + Guid.NewGuid().ToString("N") + ".json"));

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("not found");
    }

    [Fact]
    public async Task Program_DirectoryAsProfile_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("program", "--profile", Path.GetTempPath());

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("directory");
    }

    [Fact]
    public async Task Program_NoProfileNoDemo_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("program");

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("--profile");
    }
}
