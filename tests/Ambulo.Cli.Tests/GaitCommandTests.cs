using System.Numerics;
using System.Text.Json;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

public sealed class GaitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-gait-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A trunk or pocket sensor walking 30 steps at 0.55 s: one vertical bounce per step, yaw alternating with the steps.</summary>
    private string WriteWalk(string placement, string name)
    {
        var samples = new List<ImuSample>();
        var peaks = Enumerable.Range(0, 30).Select(k => 2 + k * 0.55).ToList();
        for (var i = 0; i < 100 * 21; i++)
        {
            var t = i / 100.0;
            double vertical = 0, yaw = 0;
            for (var k = 0; k < peaks.Count; k++)
            {
                var d = t - peaks[k];
                vertical += 2.5 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
                yaw += (k % 2 == 0 ? 0.4 : -0.4) * Math.Exp(-d * d / (2 * 0.15 * 0.15));
            }

            samples.Add(new ImuSample(t, new Vector3(0, (float)(9.81 + vertical), 0), new Vector3(0, (float)yaw, 0)));
        }

        var recording = new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = placement,
            SamplingRateHz = 100,
            Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
        }, samples.ToArray());
        var path = Path.Combine(_dir, name);
        RecordingCsv.WriteFile(path, recording);
        return path;
    }

    [Fact]
    public async Task Gait_LowerBackWithoutLegLength_OmitsDistanceKeys()
    {
        var path = WriteWalk("lower-back", "back.csv");

        var result = await CliRunner.RunAsync("gait", path, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("steps").GetArrayLength().ShouldBe(29); // 30 bounces; the closing one starts no stride
        root.GetProperty("steps")[0].TryGetProperty("side", out _).ShouldBeTrue();
        root.GetProperty("walking_bouts")[0].TryGetProperty("distance_m", out _).ShouldBeFalse();
        var summary = root.GetProperty("summary");
        summary.GetProperty("cadence_spm").GetDouble().ShouldBe(60 / 0.55, 1.5);
        summary.TryGetProperty("gait_speed_mps", out _).ShouldBeFalse();
        summary.TryGetProperty("distance_model", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Gait_LowerBackWithLegLength_StatesTheInvertedPendulumModel()
    {
        var path = WriteWalk("lower-back", "back.csv");

        var result = await CliRunner.RunAsync("gait", path, "--leg-length-m", "0.95", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("distance_model").GetString().ShouldBe("inverted-pendulum");
        summary.GetProperty("gait_speed_mps").GetDouble().ShouldBeGreaterThan(0);
        json.RootElement.GetProperty("strides")[0].GetProperty("stride_length_m").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Gait_PhoneInPocket_CountsStepsWithoutSidesOrStrides()
    {
        var path = WriteWalk("front-pocket-right", "phone.csv");

        var result = await CliRunner.RunAsync("gait", path, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        root.GetProperty("summary").GetProperty("steps").GetInt32().ShouldBe(30);
        root.GetProperty("steps")[0].TryGetProperty("side", out _).ShouldBeFalse();
        root.GetProperty("strides").GetArrayLength().ShouldBe(0);
        root.GetProperty("summary").TryGetProperty("stride_time_s", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Gait_TableOutput_SaysItIsNotADiagnosis()
    {
        var path = WriteWalk("hand", "hand.csv");

        var result = await CliRunner.RunAsync("gait", path);

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("30 steps");
        result.StandardOutput.ShouldContain("not a diagnosis");
    }

    [Theory]
    [InlineData("front-pocket", "hand")]          // two phones: the second used to be left out without a word
    [InlineData("foot-left", "foot-left")]         // the same foot twice: every step used to be counted twice
    [InlineData("foot-left", "lower-back")]        // a foot and the lower back: the trunk file was run through the foot detector
    [InlineData("foot-left", "shank-right")]       // different sensor kinds on the two legs
    public async Task Gait_TwoRecordingsThatAreNotOneFootOrShankPerLeg_ExitsTwoNamingThePlacements(string first, string second)
    {
        var a = WriteWalk(first, "a.csv");
        var b = WriteWalk(second, "b.csv");

        var result = await CliRunner.RunAsync("gait", a, b, "--json");

        result.ExitCode.ShouldBe(2);
        result.StandardOutput.ShouldBeEmpty();
        result.StandardError.ShouldContain($"error: 2 recordings with the placements {first}, {second}: give one recording, or two for a foot or shank sensor on each leg");
    }

    [Fact]
    public async Task Gait_OneFootRecordingPerLeg_IsAnalysedTogether()
    {
        var left = WriteWalk("foot-left", "left.csv");
        var right = WriteWalk("foot-right", "right.csv");

        var result = await CliRunner.RunAsync("gait", left, right, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("placement").GetString().ShouldBe("foot-left");
    }

    [Fact]
    public async Task Gait_MissingFile_ExitsTwoNamingTheFile()
    {
        var result = await CliRunner.RunAsync("gait", Path.Combine(_dir, "nope.csv"));

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("nope.csv");
    }

    [Theory]
    [InlineData("gait")]
    [InlineData("walktest", "6mwt")]
    [InlineData("walktest", "daily")]
    public async Task WalkingCommand_RecordingPlacedOnTheThigh_ExitsTwoAskingForThePlacement(params string[] command)
    {
        var path = WriteWalk("thigh-left", "thigh.csv");

        var result = await CliRunner.RunAsync([.. command, path]);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("thigh.csv");
        result.StandardError.ShouldContain("'thigh-left'");
        result.StandardError.ShouldContain("--placement");
        result.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public async Task Gait_RecordingPlacedOnTheThigh_ErrorIsTheLibrarysRefusalWithTheHint()
    {
        var path = WriteWalk("thigh-left", "thigh.csv");

        var result = await CliRunner.RunAsync("gait", path, "--json");

        result.ExitCode.ShouldBe(2);
        result.StandardError.Trim().ShouldBe($"error: 'thigh.csv': {Ambulo.Motion.Gait.GaitAnalyzer.PlacementProblem("thigh-left")}; if the sensor was worn in one of those places, say which with --placement.");
    }

    [Fact]
    public async Task Gait_ThighRecordingWithPlacementGiven_IsAnalysedAsThatPlacement()
    {
        var path = WriteWalk("thigh-left", "thigh.csv");

        var result = await CliRunner.RunAsync("gait", path, "--placement", "front-pocket-left", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.GetProperty("steps").GetArrayLength().ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Gait_MalformedRecording_ExitsTwoWithAClearError()
    {
        var path = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(path, "t_s,acc_x_mps2\n0,abc\n");

        var result = await CliRunner.RunAsync("gait", path);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("not a valid recording");
    }

    [Fact]
    public async Task Gait_UnknownPreset_ExitsTwo()
    {
        var path = WriteWalk("hand", "hand.csv");

        var result = await CliRunner.RunAsync("gait", path, "--preset", "athletic");

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("--preset");
    }

    [Fact]
    public async Task Gait_Table_EveryMeasureNamesItsUnitAndNoValueIsFinerThanMeasured()
    {
        var path = WriteWalk("lower-back", "back.csv");

        var result = await CliRunner.RunAsync("gait", path, "--leg-length-m", "0.95");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var rows = result.StandardOutput.Split('\n').Where(l => l.StartsWith('│')).Select(l => l.Split('│', StringSplitOptions.TrimEntries)).Select(c => (Label: c[1], Value: c[2])).Skip(1).ToList();
        rows.Count.ShouldBe(11);
        foreach (var (label, value) in rows)
        {
            label.ShouldMatch(@"\((steps/min|s|m|m/s|CV, %|longer/shorter, 1 = even)\)$");
            value.ShouldMatch(@"^(n/a|\d+(\.\d{1,2})?)$"); // never three decimals
        }

        rows.Single(r => r.Label.StartsWith("cadence", StringComparison.Ordinal)).Value.ShouldMatch(@"^\d+$");
        rows.Single(r => r.Label.StartsWith("stance", StringComparison.Ordinal)).Value.ShouldBe("n/a"); // no stance from the lower back
        result.StandardOutput.ShouldContain("1 walking bout.");
    }
}

