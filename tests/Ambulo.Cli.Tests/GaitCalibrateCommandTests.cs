using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

/// <summary>Phone distance in the CLI: <c>gait-calibrate</c> and <c>gait --height-m / --step-constant</c>.</summary>
public sealed class GaitCalibrateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-gaitcal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>SYNTHETIC phone in a pocket: 30 steps at 0.55 s, one vertical bounce of <paramref name="bounceMps2"/> per step; <paramref name="steps"/> = 0 stands still.</summary>
    private string WriteWalk(string name, double bounceMps2 = 2.5, int steps = 30)
    {
        var samples = new List<ImuSample>();
        var peaks = Enumerable.Range(0, steps).Select(k => 2 + k * 0.55).ToList();
        for (var i = 0; i < 100 * 21; i++)
        {
            var t = i / 100.0;
            var vertical = peaks.Sum(p => bounceMps2 * Math.Exp(-(t - p) * (t - p) / (2 * 0.06 * 0.06)));
            samples.Add(new ImuSample(t, new Vector3(0, (float)(9.81 + vertical), 0)));
        }

        var recording = new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = "front-pocket",
            SamplingRateHz = 100,
            Channels = SensorChannels.Accelerometer,
        }, samples.ToArray());
        var path = Path.Combine(_dir, name);
        RecordingCsv.WriteFile(path, recording);
        return path;
    }

    [Fact]
    public async Task Gait_PocketWithHeight_GivesHeightRatioDistanceAndSpeed()
    {
        var path = WriteWalk("walk.csv");

        var result = await CliRunner.RunAsync("gait", path, "--height-m", "1.70", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("distance_model").GetString().ShouldBe("height-ratio");
        // 30 contacts, 29 steps between the first and the last, 0.414 × 1.70 m each.
        summary.GetProperty("distance_m").GetDouble().ShouldBe(29 * 0.414 * 1.70, 0.002);
        var bout = json.RootElement.GetProperty("walking_bouts")[0];
        bout.GetProperty("gait_speed_mps").GetDouble().ShouldBe(0.414 * 1.70 / 0.55, 0.02);
    }

    [Fact]
    public async Task GaitCalibrate_ThenGaitWithTheConstant_ReproducesTheDistanceAndNamesWeinberg()
    {
        var path = WriteWalk("walk.csv");

        var fit = await CliRunner.RunAsync("gait-calibrate", path, "--distance-m", "12", "--json");
        fit.ExitCode.ShouldBe(0, fit.StandardError);
        using var fitJson = JsonDocument.Parse(fit.StandardOutput);
        var k = fitJson.RootElement.GetProperty("step_constant").GetDouble();
        fitJson.RootElement.GetProperty("steps_used").GetInt32().ShouldBe(29);

        var result = await CliRunner.RunAsync("gait", path, "--step-constant", k.ToString(CultureInfo.InvariantCulture), "--height-m", "1.7", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("distance_model").GetString().ShouldBe("weinberg-acceleration-range");
        summary.GetProperty("distance_m").GetDouble().ShouldBe(12, 0.01);
    }

    [Fact]
    public async Task GaitCalibrate_StandingStill_ExitsOneSayingTooFewSteps()
    {
        var path = WriteWalk("still.csv", steps: 0);

        var result = await CliRunner.RunAsync("gait-calibrate", path, "--distance-m", "10");

        result.ExitCode.ShouldBe(1);
        result.StandardError.ShouldContain("at least 2");
    }

    [Theory]
    [InlineData("gait-calibrate", "--distance-m", "-4")]
    [InlineData("gait", "--height-m", "5")]
    [InlineData("gait", "--step-constant", "0")]
    public async Task PhoneDistanceOptions_Implausible_ExitTwoNamingTheOption(string command, string option, string value)
    {
        var path = WriteWalk("walk.csv");

        var result = await CliRunner.RunAsync(command, path, option, value);

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain(option);
    }
}
