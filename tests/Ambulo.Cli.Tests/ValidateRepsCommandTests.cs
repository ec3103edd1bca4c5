namespace Ambulo.Cli.Tests;

public class ValidateRepsCommandTests
{
    [Fact]
    public async Task ValidateReps_Testdata_PrintsAllThreeSourcesAndMeetsTargetsOnRealAndSynthetic()
    {
        var result = await CliRunner.RunAsync("validate", "reps", Path.Combine(CliRunner.RepositoryRoot(), "testdata"));

        result.ExitCode.ShouldBe(0, result.StandardError);
        var output = result.StandardOutput;
        output.ShouldContain("gaitmap imu_sample.csv left foot");
        output.ShouldContain("gaitmap imu_sample.csv right foot");
        output.ShouldContain("seated-marching (tremor)");
        var summary = output.Split('\n').SkipWhile(l => !l.StartsWith("Summary", StringComparison.Ordinal)).ToList();
        summary.ShouldContain(l => l.TrimStart().StartsWith("real ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" met", StringComparison.Ordinal));
        summary.ShouldContain(l => l.TrimStart().StartsWith("synthetic ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" met", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateReps_MissingFolder_ExitsNonZero()
    {
        var result = await CliRunner.RunAsync("validate", "reps", "/no/such/folder");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("folder not found");
    }
}
