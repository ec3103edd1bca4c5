using System.Numerics;
using System.Text.Json;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

/// <summary><c>gait</c>'s per-bout figures (timing, turns, pauses) in its JSON and its text, as real processes.</summary>
public sealed class GaitBoutOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-bouts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// SYNTHETIC lower-back walk: four steps of 0.6 s from 2 s, a 2.6 s standstill, then 24 steps of 0.6 s, with a 180°
    /// turn (90 °/s for 2 s) from 12 s. One trunk bounce per step, the pelvis yaw alternating with the steps.
    /// </summary>
    private string WriteWalkWithPauseAndTurn(out List<double> steps)
    {
        steps = [.. Enumerable.Range(0, 4).Select(k => 2.0 + (0.6 * k))];
        var resume = steps[^1] + 2.6;
        steps.AddRange(Enumerable.Range(0, 24).Select(k => resume + (0.6 * k)));
        var samples = new ImuSample[(int)((steps[^1] + 3) * 100)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 100.0;
            double vertical = 0, yaw = t is >= 12 and < 14 ? Math.PI / 2 : 0;
            for (var k = 0; k < steps.Count; k++)
            {
                var d = t - steps[k];
                vertical += 2.0 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
                yaw += (k % 2 == 0 ? 0.4 : -0.4) * Math.Exp(-d * d / (2 * 0.15 * 0.15));
            }

            samples[i] = new ImuSample(t, new Vector3(0, 0, (float)(9.81 + vertical)), new Vector3(0, 0, (float)yaw));
        }

        var path = Path.Combine(_dir, "back.csv");
        TestRecordingFiles.Write(path, samples, SensorKind.Imu, "lower-back", 100);
        return path;
    }

    [Fact]
    public async Task Gait_LowerBackWalkWithPauseAndTurn_JsonBoutHoldsThemAndItsTiming()
    {
        var path = WriteWalkWithPauseAndTurn(out var steps);

        var result = await CliRunner.RunAsync("gait", path, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var bout = json.RootElement.GetProperty("walking_bouts").EnumerateArray().ShouldHaveSingleItem();
        var pause = bout.GetProperty("pauses").EnumerateArray().ShouldHaveSingleItem();
        pause.GetProperty("start_s").GetDouble().ShouldBe(steps[3], 0.15);
        pause.GetProperty("end_s").GetDouble().ShouldBe(steps[4], 0.15);
        bout.GetProperty("turn_count").GetInt32().ShouldBe(1);
        var turn = bout.GetProperty("turns").EnumerateArray().ShouldHaveSingleItem();
        turn.GetProperty("angle_deg").GetDouble().ShouldBe(180, 15);
        turn.GetProperty("start_s").GetDouble().ShouldBe(12, 0.5);
        bout.GetProperty("stride_time_s").GetDouble().ShouldBe(1.2, 0.02);
        bout.GetProperty("step_time_asymmetry").GetDouble().ShouldBe(1.0, 0.05);
        bout.GetProperty("stride_time_cv_percent").GetDouble().ShouldBeInRange(0, 5);
        bout.TryGetProperty("stance_s", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Gait_LowerBackWalkWithPauseAndTurn_TextShowsOneLinePerBout()
    {
        var path = WriteWalkWithPauseAndTurn(out _);

        var result = await CliRunner.RunAsync("gait", path);

        result.ExitCode.ShouldBe(0, result.StandardError);
        var line = result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("Bout 1, ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        line.ShouldContain("stride 1.20 s (CV ");
        line.ShouldMatch(@"1 turn \(\+1[6-9]\d° at 1[12]\.\d–1[34]\.\d s\)");
        line.ShouldMatch(@"1 pause \(3\.\d–6\.\d s\)");
        line.ShouldNotContain("stance");
        result.StandardOutput.ShouldNotContain("Bout 2");
        result.StandardOutput.ShouldNotContain("not measured (the recording has no gyroscope)");
    }

    /// <summary>REAL data: the gaitmap foot IMUs, one per foot, walk one bout; its JSON figures are the summary's and the library's.</summary>
    [Fact]
    public async Task Gait_GaitmapFeetOfOneBout_BoutFiguresAreTheSummarysAndTheLibrarys()
    {
        var imu = Path.Combine(CliRunner.RepositoryRoot(), "testdata", "gaitmap-foot-mocap", "data", "imu_sample.csv");
        var left = Path.Combine(_dir, "left.csv");
        var right = Path.Combine(_dir, "right.csv");
        (await CliRunner.RunAsync("import", "gaitmap", imu, "--foot", "left", "-o", left)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("import", "gaitmap", imu, "--foot", "right", "-o", right)).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync("gait", left, right, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var bout = json.RootElement.GetProperty("walking_bouts").EnumerateArray().ShouldHaveSingleItem();
        var summary = json.RootElement.GetProperty("summary");
        bout.GetProperty("stride_time_s").GetDouble().ShouldBe(summary.GetProperty("stride_time_s").GetDouble());
        bout.GetProperty("step_time_asymmetry").GetDouble().ShouldBe(summary.GetProperty("step_time_asymmetry").GetDouble());

        var analysis = GaitAnalyzer.Analyze([RecordingCsv.ReadFile(left).Recording, RecordingCsv.ReadFile(right).Recording]);
        var expected = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.GetProperty("stance_s").GetDouble().ShouldBe(Math.Round(expected.Timing.StanceSeconds!.Value, 3));
        bout.GetProperty("swing_s").GetDouble().ShouldBe(Math.Round(expected.Timing.SwingSeconds!.Value, 3));
        bout.GetProperty("swing_time_asymmetry").GetDouble().ShouldBe(Math.Round(expected.Timing.SwingTimeAsymmetryRatio!.Value, 3));
        bout.GetProperty("stride_time_cv_percent").GetDouble().ShouldBe(Math.Round(expected.Timing.StrideTimeVariabilityPercent!.Value, 3));
        bout.GetProperty("step_time_left_s").GetDouble().ShouldBe(Math.Round(expected.Timing.StepTimeLeftSeconds!.Value, 3));
        bout.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("angle_deg").GetDouble())
            .ShouldBe(expected.Turns!.Select(t => Math.Round(t.AngleDegrees, 3)));
        bout.GetProperty("pauses").GetArrayLength().ShouldBe(expected.Pauses!.Count);
        bout.GetProperty("turn_count").GetInt32().ShouldBe(expected.Turns!.Count);
    }

    /// <summary>REAL data: an Oxford phone recorded acceleration only, so its bouts' turns are "not measured", never "0 turns".</summary>
    [Fact]
    public async Task Gait_PhoneWithoutGyroscope_TextSaysTurnsWereNotMeasured()
    {
        var source = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot(), "testdata", "oxford-phone-steps", "validation"), "*.csv")
            .Order(StringComparer.Ordinal).First(f => f.Contains("Hand", StringComparison.OrdinalIgnoreCase));
        var phone = Path.Combine(_dir, "hand.csv");
        (await CliRunner.RunAsync("import", "oxford", source, "-o", phone)).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync("gait", phone);

        result.ExitCode.ShouldBe(0, result.StandardError);
        var lines = result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).ToList();
        var bout = lines.Where(l => l.StartsWith("Bout 1, ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        bout.ShouldNotContain("turn");
        bout.ShouldNotContain("stride");
        lines.ShouldContain("Turns: not measured (the recording has no gyroscope).");
    }
}
