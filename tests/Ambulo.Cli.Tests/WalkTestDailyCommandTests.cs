using System.Text.Json;
using Ambulo.Motion.Evaluation.References;

namespace Ambulo.Cli.Tests;

/// <summary>
/// <c>walktest daily</c> as a real process on a REAL recording: the mobgap free-living test (Test11) of the participant
/// with multiple sclerosis, lower-back IMU, imported with <c>import mobgap</c> like a user would.
/// </summary>
public sealed class WalkTestDailyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-daily-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Data(params string[] parts) => Path.Combine([CliRunner.RepositoryRoot(), "testdata", .. parts]);

    private async Task<string> ImportFreeLivingAsync()
    {
        var output = Path.Combine(_dir, "ms-test11.csv");
        var import = await CliRunner.RunAsync("import", "mobgap", Data("mobgap-lowerback", "data_csv", "MS", "001", "TimeMeasure1_Test11_Trial1.csv"), "-o", output);
        import.ExitCode.ShouldBe(0, import.StandardError);
        return output;
    }

    [Fact]
    public async Task WalkTestDaily_RecordingOfOneWalk_SaysOneWalkingBoutInTheSingular()
    {
        // A healthy adult's short straight walk (mobgap HA 001, Test5): one bout, so "1 walking bout", not "1 walking bouts".
        var output = Path.Combine(_dir, "ha-test5.csv");
        var import = await CliRunner.RunAsync("import", "mobgap", Data("mobgap-lowerback", "data_csv", "HA", "001", "TimeMeasure1_Test5_Trial1.csv"), "-o", output);
        import.ExitCode.ShouldBe(0, import.StandardError);

        var text = await CliRunner.RunAsync("walktest", "daily", output);
        var json = await CliRunner.RunAsync("walktest", "daily", output, "--json");

        text.ExitCode.ShouldBe(0, text.StandardError);
        using var d = JsonDocument.Parse(json.StandardOutput);
        d.RootElement.GetProperty("bouts").GetInt32().ShouldBe(1);
        var steps = d.RootElement.GetProperty("steps").GetInt32();
        text.StandardOutput.ShouldContain($"Daily walking (lower-back): {steps} steps in 1 walking bout over ");
    }

    [Fact]
    public async Task WalkTestDaily_RealFreeLivingRecording_AgreesWithGaitAndWithTheReferenceSteps()
    {
        var path = await ImportFreeLivingAsync();

        var daily = await CliRunner.RunAsync("walktest", "daily", path, "--json");
        var gait = await CliRunner.RunAsync("gait", path, "--preset", "slow-or-impaired", "--json");

        daily.ExitCode.ShouldBe(0, daily.StandardError);
        gait.ExitCode.ShouldBe(0, gait.StandardError);
        using var d = JsonDocument.Parse(daily.StandardOutput);
        using var g = JsonDocument.Parse(gait.StandardOutput);
        var root = d.RootElement;
        var days = root.GetProperty("days");
        days.GetArrayLength().ShouldBe(1);
        var day = days[0];

        // The same analysis as 'gait' with the same preset (walktest's default): the day holds all its steps and bouts.
        var gaitSteps = g.RootElement.GetProperty("summary").GetProperty("steps").GetInt32();
        var gaitBouts = g.RootElement.GetProperty("walking_bouts");
        day.GetProperty("steps").GetInt32().ShouldBe(gaitSteps);
        root.GetProperty("steps").GetInt32().ShouldBe(gaitSteps);
        day.GetProperty("bouts").GetInt32().ShouldBe(gaitBouts.GetArrayLength());
        var boutSeconds = gaitBouts.EnumerateArray().Sum(b => b.GetProperty("end_s").GetDouble() - b.GetProperty("start_s").GetDouble());
        day.GetProperty("walking_min").GetDouble().ShouldBe(boutSeconds / 60, 0.0005); // rounded to three decimals, as gait rounds

        // Every bout in exactly one cadence band, bands contiguous and open at both ends.
        var bands = day.GetProperty("cadence_bands").EnumerateArray().ToList();
        bands.Sum(b => b.GetProperty("bouts").GetInt32()).ShouldBe(day.GetProperty("bouts").GetInt32());
        bands[0].TryGetProperty("min_spm", out _).ShouldBeFalse();
        bands[^1].TryGetProperty("max_spm", out _).ShouldBeFalse();
        for (var k = 1; k < bands.Count; k++)
        {
            bands[k].GetProperty("min_spm").GetDouble().ShouldBe(bands[k - 1].GetProperty("max_spm").GetDouble());
        }

        // The whole recording is the one (partial) day.
        var duration = Samples(path).Last() - Samples(path).First();
        day.GetProperty("recorded_h").GetDouble().ShouldBe(duration / 3600, 0.0005); // rounded to three decimals

        // Against the INDIP reference of the data set (initial contacts inside its walking bouts): the step count of the
        // day is the one of the reference within 15 % (the accuracy table in docs/accuracy.md has the exact figures).
        var reference = MobgapReference.ReadDerived(Data("mobgap-lowerback", "derived"));
        var trial = new MobgapTrial("MS", "001", "Test11", "Trial1");
        var referenceSteps = reference.InitialContactsOf(trial, MobgapReferenceSystem.Indip).Count();
        referenceSteps.ShouldBeGreaterThan(50);
        ((double)day.GetProperty("steps").GetInt32()).ShouldBe(referenceSteps, referenceSteps * 0.15);

        // The participant's sensor height is in the file's labels, so the lower-back distance model runs and is named.
        root.GetProperty("distance_model").GetString().ShouldBe("inverted-pendulum");
        day.GetProperty("distance_m").GetDouble().ShouldBe(root.GetProperty("distance_m").GetDouble(), 1e-6);
    }

    [Fact]
    public async Task WalkTestDaily_StartTimeBeforeMidnight_SplitsTheStepsAtMidnight()
    {
        var path = await ImportFreeLivingAsync();
        var gait = await CliRunner.RunAsync("gait", path, "--preset", "slow-or-impaired", "--json");
        using var g = JsonDocument.Parse(gait.StandardOutput);
        var contacts = g.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("initial_contact_s").GetDouble()).ToList();
        var first = Samples(path).First();

        // First sample at 23:58:20, so midnight falls 100 s into the recording.
        var result = await CliRunner.RunAsync("walktest", "daily", path, "--start-time", "23:58:20", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var d = JsonDocument.Parse(result.StandardOutput);
        d.RootElement.GetProperty("days_from").GetString().ShouldBe("midnight");
        var days = d.RootElement.GetProperty("days");
        days.GetArrayLength().ShouldBe(2);
        var beforeMidnight = contacts.Count(t => t < first + 100);
        beforeMidnight.ShouldBeGreaterThan(0);
        beforeMidnight.ShouldBeLessThan(contacts.Count);
        days[0].GetProperty("steps").GetInt32().ShouldBe(beforeMidnight);
        days[1].GetProperty("steps").GetInt32().ShouldBe(contacts.Count - beforeMidnight);
        days[0].GetProperty("recorded_h").GetDouble().ShouldBe(100.0 / 3600, 0.0005); // rounded to three decimals of an hour
    }

    [Fact]
    public async Task WalkTestDaily_Text_PrintsTheDayTableAndTheCadenceDistribution()
    {
        var path = await ImportFreeLivingAsync();

        var result = await CliRunner.RunAsync("walktest", "daily", path);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("Daily walking (lower-back)");
        result.StandardOutput.ShouldContain("bouts by cadence");
        result.StandardOutput.ShouldContain("80 to 100 steps/min");
        result.StandardOutput.ShouldContain("not a diagnosis");
    }

    [Theory]
    [InlineData("--start-time", "25:00")]
    [InlineData("--start-time", "noon")]
    [InlineData("--placement", "wrist")]
    public async Task WalkTestDaily_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        var path = await ImportFreeLivingAsync();

        var result = await CliRunner.RunAsync("walktest", "daily", path, option, value);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain(option);
    }

    /// <summary>The sample times of an Ambulo recording file (the <c>t_s</c> column after the header).</summary>
    private static IEnumerable<double> Samples(string path) =>
        Ambulo.Motion.Recordings.RecordingCsv.ReadFile(path).Recording.Samples.Select(s => s.TimeSeconds);
}
