using System.Globalization;
using System.Text.Json;

namespace Ambulo.Cli.Tests;

/// <summary>
/// Bad recordings given to every walking command, as real processes: each ends with a clear error line (exit 2) or is
/// analysed without the bad rows and says how many it left out, never with a stack trace.
/// </summary>
public sealed class BadRecordingTests : IDisposable
{
    private const int TrueSteps = 20;
    private const string Header = "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps,gyr_y_radps,gyr_z_radps";
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Commands => new() { "gait", "gait-calibrate", "walktest 10mwt", "walktest tug", "walktest 6mwt", "walktest daily" };

    /// <summary>A phone in the front pocket walking 20 steps 0.6 s apart from 2 s on, 50 Hz, as the lines of its file.</summary>
    private List<string> WalkLines() =>
        [.. File.ReadAllLines(SyntheticPhoneWalk.Write(Path.Combine(_dir, "clean.csv"), SyntheticPhoneWalk.EvenSteps(TrueSteps, 2, 0.6), bounceMps2: 2.5, widthSeconds: 0.06, durationSeconds: 17))];

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>The lines of a walk with <paramref name="change"/> applied to every data row (index from 0, fields split).</summary>
    private string WriteChanged(string name, Func<int, string[], string[]?> change)
    {
        var lines = WalkLines();
        var header = lines.IndexOf(Header);
        header.ShouldBeGreaterThan(0);
        var rows = lines.Skip(header + 1).Select((line, k) => change(k, line.Split(','))).Where(f => f is not null).Select(f => string.Join(',', f!));
        return Write(name, lines.Take(header + 1).Concat(rows));
    }

    private static string[] Args(string command, string path) => command == "gait-calibrate"
        ? ["gait-calibrate", path, "--distance-m", "13.3"]
        : [.. command.Split(' '), path];

    private static void NoStackTrace(CliRunner.Result result)
    {
        (result.StandardOutput + result.StandardError).ShouldNotContain("   at ");
        (result.StandardOutput + result.StandardError).ShouldNotContain("Exception");
    }

    private static async Task ExitsTwoWithOneErrorLine(string command, string path, string expected)
    {
        var result = await CliRunner.RunAsync(Args(command, path));

        NoStackTrace(result);
        result.ExitCode.ShouldBe(2, result.StandardError);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.StandardError);
        lines[0].ShouldStartWith("error: ");
        lines[0].ShouldContain(expected);
        result.StandardOutput.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_EmptyFile_ExitsTwoSayingNoHeader(string command) =>
        await ExitsTwoWithOneErrorLine(command, Write("empty.csv", []), "no header");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_HeaderOnly_ExitsTwoSayingNoUsableSample(string command) =>
        await ExitsTwoWithOneErrorLine(command, WriteChanged("header.csv", (_, _) => null), "'header.csv' has no usable sample");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_EveryRowNaN_ExitsTwoCountingTheSkippedRows(string command) =>
        await ExitsTwoWithOneErrorLine(command, WriteChanged("nan.csv", (_, f) => [f[0], "NaN", .. f[2..]]), "850 of 850 rows skipped: 850 with NaN or infinite values");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_Directory_ExitsTwoSayingItIsADirectory(string command) =>
        await ExitsTwoWithOneErrorLine(command, Directory.CreateDirectory(Path.Combine(_dir, "walks.csv")).FullName, "is a directory, not a recording file");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_MissingFile_ExitsTwoSayingFileNotFound(string command) =>
        await ExitsTwoWithOneErrorLine(command, Path.Combine(_dir, "gone.csv"), "gone.csv': file not found");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_TimesSpanningYears_ExitsTwoNamingTheSpan(string command) =>
        await ExitsTwoWithOneErrorLine(command, WriteChanged("years.csv", (k, f) => k == 849 ? ["1e9", .. f[1..]] : f), "spans 11574 days");

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_SomeRowsNaNOrBackwards_AnalysesTheRestAndCountsWhatItSkipped(string command)
    {
        // Every 25th row NaN (from row 3); every 40th row's time moved 0.1 s back, before the row before it (from row 7).
        var path = WriteChanged("holes.csv", (k, f) => k % 25 == 3 ? [f[0], "NaN", .. f[2..]]
            : k % 40 == 7 ? [(double.Parse(f[0], CultureInfo.InvariantCulture) - 0.1).ToString(CultureInfo.InvariantCulture), .. f[1..]] : f);
        var nan = Enumerable.Range(0, 850).Count(k => k % 25 == 3);
        var back = Enumerable.Range(0, 850).Count(k => k % 25 != 3 && k % 40 == 7);
        var firstRowLine = WalkLines().IndexOf(Header) + 2; // 1-based line of data row 0

        var result = await CliRunner.RunAsync(Args(command, path));

        NoStackTrace(result);
        result.ExitCode.ShouldBeOneOf(0, 1); // 1: a walk test not found in a 20-step walk is a result, not bad input
        result.StandardError.ShouldContain($"note: 'holes.csv': {nan + back} of 850 rows skipped: {nan} with NaN or infinite values (first at line {firstRowLine + 3}); "
            + $"{back} with a time before the row before (first at line {firstRowLine + 7}); analysed the other {850 - nan - back}.");
        result.StandardError.ShouldNotContain("error");
        result.StandardOutput.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Gait_OneHugeValue_IsLeftOutAndCounted_TheWalkKeepsItsTrueSteps()
    {
        // 1e30 m/s² in the quiet second before the walk: no sensor reads that, and left in it rang through the filters as false steps.
        var clean = WriteChanged("clean-walk.csv", (_, f) => f);
        var spiked = WriteChanged("spike.csv", (k, f) => k == 25 ? [f[0], f[1], f[2], "1e30", .. f[4..]] : f);

        var before = await CliRunner.RunAsync("gait", clean, "--json");
        var after = await CliRunner.RunAsync("gait", spiked, "--json");

        NoStackTrace(after);
        after.ExitCode.ShouldBe(0, after.StandardError);
        after.StandardError.ShouldContain("1 of 850 rows skipped: 1 with a value beyond twice the sensor's range");
        using var b = JsonDocument.Parse(before.StandardOutput);
        using var a = JsonDocument.Parse(after.StandardOutput);
        b.RootElement.GetProperty("summary").GetProperty("steps").GetInt32().ShouldBe(TrueSteps);
        a.RootElement.GetProperty("summary").GetProperty("steps").GetInt32().ShouldBe(TrueSteps);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_UnknownPlacement_ExitsTwoNamingTheValueAndTheAcceptedOnes(string command)
    {
        // Analysed as a phone, a sensor on the wrist would give step counts that look right and are not.
        var lines = WalkLines();
        var placement = lines.FindIndex(l => l.StartsWith("# placement:", StringComparison.Ordinal));
        placement.ShouldBeGreaterThanOrEqualTo(0);
        lines[placement] = "# placement: wrist";

        await ExitsTwoWithOneErrorLine(command, Write("wrist.csv", lines), $"line {placement + 1}: unknown placement 'wrist'; expected foot, shank, thigh, hand, front-pocket, back-pocket");
    }

    [Fact]
    public async Task Reps_UnknownPlacement_ExitsTwoNamingTheValue()
    {
        var path = await SimulateAsync("seated-marching", 6, 4);
        File.WriteAllText(path, File.ReadAllText(path).Replace("# placement: thigh-left\n", "# placement: knee\n", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("reps", path, "--exercise", "seated-marching");

        NoStackTrace(result);
        result.ExitCode.ShouldBe(2, result.StandardError);
        result.StandardError.ShouldStartWith("error: ");
        result.StandardError.ShouldContain("unknown placement 'knee'; expected foot, shank, thigh");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task Reps_OneSpikeBeyondTheSensorRange_IsLeftOutAndCounted_TheCountStaysTrue()
    {
        // 1e5 rad/s on one gyroscope row during the first repetition of six: left in, it threw the orientation so far
        // that the counter found 1 repetition instead of 6 (seen before the rule moved into the reader).
        const int TrueCount = 6;
        var clean = await SimulateAsync("seated-marching", TrueCount, 4);
        var lines = File.ReadAllLines(clean);
        var header = Array.FindIndex(lines, l => l.StartsWith("t_s,", StringComparison.Ordinal));
        var columns = lines[header].Split(',');
        var gyrX = Array.IndexOf(columns, "gyr_x_radps");
        gyrX.ShouldBeGreaterThan(0);
        var row = header + 1 + 150;
        var fields = lines[row].Split(',');
        fields[gyrX] = "1e5";
        lines[row] = string.Join(',', fields);
        var spiked = Write("spiked-reps.csv", lines);

        var before = await CliRunner.RunAsync("reps", clean, "--exercise", "seated-marching", "--json");
        var after = await CliRunner.RunAsync("reps", spiked, "--exercise", "seated-marching", "--json");

        NoStackTrace(after);
        after.ExitCode.ShouldBe(0, after.StandardError);
        after.StandardError.ShouldContain($"ImplausibleValue: 1 (first at line {row + 1}: angular velocity 100000 rad/s is beyond 2");
        using var b = JsonDocument.Parse(before.StandardOutput);
        using var a = JsonDocument.Parse(after.StandardOutput);
        b.RootElement.GetProperty("count").GetInt32().ShouldBe(TrueCount);
        a.RootElement.GetProperty("count").GetInt32().ShouldBe(TrueCount);
    }

    private async Task<string> SimulateAsync(string exercise, int reps, int seed)
    {
        var path = Path.Combine(_dir, $"{exercise}-{reps}-{seed}.csv");
        var result = await CliRunner.RunAsync("simulate", "--exercise", exercise, "--reps", reps.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture), "-o", path);
        result.ExitCode.ShouldBe(0, result.StandardError);
        return path;
    }

    [Fact]
    public async Task Gait_ClockReset_SaysSoAndStillAnalyses()
    {
        // From row 500 on the time starts again from 0 (a clock reset): the reader keeps those rows after a gap.
        var path = WriteChanged("reset.csv", (k, f) => k >= 500 ? [(double.Parse(f[0], CultureInfo.InvariantCulture) - 10).ToString(CultureInfo.InvariantCulture), .. f[1..]] : f);

        var result = await CliRunner.RunAsync("gait", path, "--json");

        NoStackTrace(result);
        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardError.ShouldContain("the time went back once (first at line");
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("summary").GetProperty("steps").GetInt32().ShouldBeGreaterThan(0);
    }
}
