using System.Text.Json;

namespace Ambulo.Cli.Tests;

public class RepsCommandTests
{
    private static async Task<string> SimulateAsync(string exercise, int reps, int seed, string hardCase = "plain")
    {
        var path = Path.Combine(Path.GetTempPath(), $"ambulo-{exercise}-{reps}-{seed}-{hardCase}-{Guid.NewGuid():N}.csv");
        var result = await CliRunner.RunAsync("simulate", "--exercise", exercise, "--reps", reps.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--case", hardCase, "-o", path);
        result.ExitCode.ShouldBe(0, result.StandardError);
        return path;
    }

    [Fact]
    public async Task Simulate_WritesALabelledSyntheticRecording()
    {
        var path = await SimulateAsync("seated-marching", 7, 3);
        try
        {
            var head = File.ReadLines(path).Take(12).ToList();
            head[0].ShouldBe("# ambulo-recording: 1");
            head.ShouldContain("# true_count: 7");
            head.ShouldContain("# exercise: seated-marching");
            head.ShouldContain("# synthetic: true");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Reps_Json_HasTheDocumentedShapeAndTheTrueCount()
    {
        var path = await SimulateAsync("standing-hip-abduction", 9, 5, "tremor");
        try
        {
            var result = await CliRunner.RunAsync("reps", path, "--exercise", "standing-hip-abduction", "--json");

            result.ExitCode.ShouldBe(0, result.StandardError);
            using var json = JsonDocument.Parse(result.StandardOutput);
            var root = json.RootElement;
            root.GetProperty("exercise").GetString().ShouldBe("standing-hip-abduction");
            root.GetProperty("count").GetInt32().ShouldBe(9);
            var reps = root.GetProperty("repetitions").EnumerateArray().ToList();
            reps.Count.ShouldBe(9);
            string[] fields = ["start_s", "peak_s", "end_s", "range_of_motion_deg", "duration_s", "peak_angular_velocity_dps", "sparc"];
            foreach (var rep in reps)
            {
                rep.EnumerateObject().Select(p => p.Name).ShouldBe(fields);
                rep.GetProperty("end_s").GetDouble().ShouldBeGreaterThan(rep.GetProperty("start_s").GetDouble());
                rep.GetProperty("range_of_motion_deg").GetDouble().ShouldBeGreaterThan(5);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Reps_Text_PrintsCountAndOneLinePerRepetition()
    {
        var path = await SimulateAsync("ankle-dorsiflexion", 5, 8);
        try
        {
            var result = await CliRunner.RunAsync("reps", path, "--exercise", "ankle-dorsiflexion");

            result.ExitCode.ShouldBe(0, result.StandardError);
            result.StandardOutput.ShouldStartWith("ankle-dorsiflexion: 5 repetitions");
            result.StandardOutput.Split('\n').Count(l => l.TrimStart().StartsWith("5 ", StringComparison.Ordinal)).ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("no-such-exercise", "no exercise with the id")]
    [InlineData("tandem-stance", "not counted in repetitions")]
    [InlineData("towel-scrunches", "no force channel")]
    public async Task Reps_UnusableExercise_ExitsNonZeroNamingTheProblem(string exercise, string message)
    {
        var path = await SimulateAsync("seated-marching", 2, 1);
        try
        {
            var result = await CliRunner.RunAsync("reps", path, "--exercise", exercise);

            result.ExitCode.ShouldNotBe(0);
            result.StandardError.ShouldContain(message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Reps_MissingFile_ExitsNonZeroNamingTheFile()
    {
        var result = await CliRunner.RunAsync("reps", "/no/such/recording.csv", "--exercise", "seated-marching");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("recording.csv");
    }

    [Fact]
    public async Task Reps_MalformedFile_ExitsNonZeroWithTheReadersMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ambulo-bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "this is not a recording\n");
        try
        {
            var result = await CliRunner.RunAsync("reps", path, "--exercise", "seated-marching");

            result.ExitCode.ShouldNotBe(0);
            result.StandardError.ShouldContain("error:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Simulate_UnknownCase_ExitsNonZeroListingTheCases()
    {
        var result = await CliRunner.RunAsync("simulate", "--exercise", "seated-marching", "--case", "wobbly", "-o", Path.Combine(Path.GetTempPath(), "x.csv"));

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("very-slow");
    }
}
