namespace Ambulo.Cli.Tests;

public class AboutCommandTests
{
    [Fact]
    public async Task About_PrintsVersion_ExitsZero()
    {
        var result = await CliRunner.RunAsync("about");

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldStartWith("ambulo ");
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero()
    {
        var result = await CliRunner.RunAsync("no-such-command");

        result.ExitCode.ShouldNotBe(0);
    }
}
