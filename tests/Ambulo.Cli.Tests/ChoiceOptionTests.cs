
namespace Ambulo.Cli.Tests;

/// <summary>
/// Every option or argument with a fixed set of values, run as a real process with an otherwise valid command line
/// (a readable recording, a countable exercise): an unknown value must stop the command with exit code 2 and exactly
/// one line on standard error naming the option, the value and every allowed value.
/// </summary>
public sealed class ChoiceOptionTests : IDisposable
{
    private const string WalkingPlacements = "foot-left,foot-right,shank-left,shank-right,lower-back,front-pocket,front-pocket-left,front-pocket-right,back-pocket,back-pocket-left,back-pocket-right,hand,hand-left,hand-right";
    private const string WalkingPresets = "slow-or-impaired,hemiparetic,healthy";
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-choices-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A phone in the front pocket walking 20 steps at 0.6 s (one vertical bounce per step), 50 Hz.</summary>
    private string WriteWalk() =>
        SyntheticPhoneWalk.Write(Path.Combine(_dir, "walk.csv"), SyntheticPhoneWalk.EvenSteps(20, 2, 0.6), bounceMps2: 2.5, widthSeconds: 0.06, durationSeconds: 16);

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // command line (REC = a valid recording, OUT = a file to write), option, bad value, allowed values
        { "gait REC --placement wrist", "--placement", "wrist", WalkingPlacements },
        { "gait REC --preset athletic", "--preset", "athletic", WalkingPresets },
        { "walktest 6mwt REC --placement foot", "--placement", "foot", WalkingPlacements },
        { "walktest 6mwt REC --preset slow", "--preset", "slow", WalkingPresets },
        { "walktest 5mwt REC", "TEST", "5mwt", "10mwt,tug,6mwt,daily" },
        { "gait-calibrate REC --distance-m 11.4 --preset fast", "--preset", "fast", WalkingPresets },
        { "reps REC --exercise seated-marching --preset fast", "--preset", "fast", "default,hemiparetic,slow" },
        { "import bogus REC -o OUT", "FORMAT", "bogus", "gaitmap,mobgap,oxford" },
        { "import gaitmap REC --foot middle -o OUT", "--foot", "middle", "left,right" },
        { "import oxford REC --placement lower-back -o OUT", "--placement", "lower-back", "front-pocket,front-pocket-left,front-pocket-right,back-pocket,back-pocket-left,back-pocket-right,hand,hand-left,hand-right" },
        { "simulate --exercise seated-marching --case wobbly -o OUT", "--case", "wobbly", "plain,very-slow,small-range,tremor,pauses,slip,partial-at-end,spasms,no-gyroscope" },
        { "exercises list --category arms", "--category", "arms", "leg,core-balance,foot-ankle,walking" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_UnknownValueOfAFixedChoice_ExitsTwoWithOneLineNamingTheAllowedValues(string commandLine, string option, string value, string allowed)
    {
        var recording = WriteWalk();
        var output = Path.Combine(_dir, "out.csv");
        var args = commandLine.Split(' ').Select(a => a switch { "REC" => recording, "OUT" => output, _ => a }).ToArray();

        var result = await CliRunner.RunAsync(args);

        result.ExitCode.ShouldBe(2, result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.StandardError);
        lines[0].ShouldStartWith($"error: unknown {option} '{value}'; use one of: ");
        lines[0].TrimEnd().ShouldEndWith(string.Join(", ", allowed.Split(',')) + ".");
        result.StandardOutput.ShouldBeEmpty();
        File.Exists(output).ShouldBeFalse();
    }

    [Theory]
    [InlineData("gait REC --placement LOWER-BACK --json")]
    [InlineData("gait REC --preset Hemiparetic --json")]
    [InlineData("walktest 6mwt REC --placement hand-right --json")]
    [InlineData("walktest TUG REC --json")]
    public async Task Command_KnownValueInAnotherCase_IsAccepted(string commandLine)
    {
        var recording = WriteWalk();
        var args = commandLine.Split(' ').Select(a => a == "REC" ? recording : a).ToArray();

        var result = await CliRunner.RunAsync(args);

        result.StandardError.ShouldNotContain("unknown");
        result.ExitCode.ShouldBeOneOf(0, 1); // 1: the walk test was not found in this short walk, which is a result
    }

    [Theory]
    [InlineData("gait REC --leg-length-m abc", "Cannot parse argument 'abc' for option '--leg-length-m' as a number.", "ambulo gait")]
    [InlineData("walktest 6mwt REC --course-length-m thirty", "Cannot parse argument 'thirty' for option '--course-length-m' as a number.", "ambulo walktest")]
    [InlineData("validate gait", "Required argument 'DATASET' missing", "ambulo validate gait")]
    public async Task Command_LineThatDoesNotParse_ExitsTwoWithAnErrorAndTheHelpCommandNotTheWholeHelp(string commandLine, string message, string command)
    {
        var recording = WriteWalk();
        var args = commandLine.Split(' ').Select(a => a == "REC" ? recording : a).ToArray();

        var result = await CliRunner.RunAsync(args);

        result.ExitCode.ShouldBe(2, result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        lines.Length.ShouldBe(2, result.StandardError);
        lines[0].ShouldStartWith("error: " + message);
        lines[1].ShouldBe($"Run '{command} --help' for usage.");
        result.StandardOutput.ShouldBeEmpty();
    }
}

