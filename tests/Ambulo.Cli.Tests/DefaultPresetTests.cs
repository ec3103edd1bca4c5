using System.Text.Json;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Cli.Tests;

/// <summary>
/// The one rule for presets: every walking command (gait, gait-calibrate, walktest) defaults to slow-or-impaired, since
/// Ambulo's users walk slowly. Checked as real processes on a slow walk (40 steps/min) that the healthy preset misses.
/// </summary>
public sealed class DefaultPresetTests : IDisposable
{
    private const int Steps = 24;
    private const double StepSeconds = 1.5;
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-preset-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>SYNTHETIC phone in the front pocket, 50 Hz: 24 steps 1.5 s apart, each a soft 1.5 m/s² vertical bounce.</summary>
    private string WriteSlowWalk()
    {
        var steps = SyntheticPhoneWalk.EvenSteps(Steps, 2, StepSeconds);
        return SyntheticPhoneWalk.Write(Path.Combine(_dir, "slow.csv"), steps, bounceMps2: 1.5, widthSeconds: 0.1, durationSeconds: steps[^1] + 3);
    }

    private static async Task<int> GaitStepsAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(["gait", .. args, "--json"]);
        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("summary").GetProperty("steps").GetInt32();
    }

    [Fact]
    public async Task Gait_NoPreset_CountsASlowWalkLikeSlowOrImpairedWhichHealthyMisses()
    {
        var path = WriteSlowWalk();

        var byDefault = await GaitStepsAsync(path);
        var slow = await GaitStepsAsync(path, "--preset", "slow-or-impaired");
        var healthy = await GaitStepsAsync(path, "--preset", "healthy");

        byDefault.ShouldBe(Steps);
        slow.ShouldBe(byDefault);
        healthy.ShouldBeLessThan(Steps / 2);
    }

    [Fact]
    public async Task WalkTestDaily_NoPreset_CountsTheSameStepsAsGait()
    {
        var path = WriteSlowWalk();

        var daily = await CliRunner.RunAsync("walktest", "daily", path, "--json");
        var healthy = await CliRunner.RunAsync("walktest", "daily", path, "--preset", "healthy", "--json");

        daily.ExitCode.ShouldBe(0, daily.StandardError);
        using var d = JsonDocument.Parse(daily.StandardOutput);
        using var h = JsonDocument.Parse(healthy.StandardOutput);
        d.RootElement.GetProperty("steps").GetInt32().ShouldBe(await GaitStepsAsync(path));
        h.RootElement.GetProperty("steps").GetInt32().ShouldBeLessThan(Steps / 2);
    }

    [Fact]
    public async Task GaitCalibrate_NoPreset_FitsOnTheSlowWalk_HealthyFindsTooFewSteps()
    {
        var path = WriteSlowWalk();
        var distance = ((Steps - 1) * 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var byDefault = await CliRunner.RunAsync("gait-calibrate", path, "--distance-m", distance, "--json");
        var healthy = await CliRunner.RunAsync("gait-calibrate", path, "--distance-m", distance, "--preset", "healthy", "--json");

        byDefault.ExitCode.ShouldBe(0, byDefault.StandardError);
        using var json = JsonDocument.Parse(byDefault.StandardOutput);
        json.RootElement.GetProperty("steps_used").GetInt32().ShouldBeGreaterThan(Steps / 2);
        healthy.ExitCode.ShouldBe(1, healthy.StandardOutput);
    }

    [Theory]
    [InlineData("gait")]
    [InlineData("gait-calibrate")]
    [InlineData("walktest")]
    public async Task Help_OfEveryWalkingCommand_NamesSlowOrImpairedAsTheDefault(string command)
    {
        var result = await CliRunner.RunAsync(command, "--help");

        result.ExitCode.ShouldBe(0);
        result.StandardOutput.ShouldContain("slow-or-impaired (default");
    }

    [Fact]
    public async Task GaitAnalyzer_NoOptions_CountsTheSlowWalkLikeTheCliDefault()
    {
        // The library's default preset is the CLI's: GaitAnalysisOptions defaults to SlowOrImpaired, so a caller that gives
        // no options counts what 'gait' counts; a healthy walker's presets must be asked for.
        var path = WriteSlowWalk();
        var recording = RecordingCsv.ReadFile(path).Recording;

        var byDefault = GaitAnalyzer.Analyze([recording]);
        var healthy = GaitAnalyzer.Analyze([recording], new GaitAnalysisOptions(GaitPopulation.Healthy));

        new GaitAnalysisOptions().Population.ShouldBe(GaitPopulation.SlowOrImpaired);
        byDefault.Summary.Steps.ShouldBe(await GaitStepsAsync(path));
        byDefault.Summary.Steps.ShouldBe(Steps);
        healthy.Summary.Steps.ShouldBeLessThan(Steps / 2);
    }
}
