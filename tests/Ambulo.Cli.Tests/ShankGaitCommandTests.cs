using System.Numerics;
using System.Text.Json;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

/// <summary>
/// <c>gait --placement shank-left</c> as a process, on a SYNTHETIC shank recording written in the recording format: every
/// stride one forward swing lobe of the shank's medio-lateral rate (half sine from toe-off to heel strike), a backward
/// plateau through stance and a short dip at each contact, plus a little noise (a reduced form of the kinematic model in
/// tests/Ambulo.Motion.Tests/Gait/ShankSyntheticGait.cs). Not a model of any real person.
/// </summary>
public sealed class ShankGaitCommandTests : IDisposable
{
    private const double RateHz = 100;
    private const double StrideSeconds = 1.2;
    private const double StanceFraction = 0.62;
    private const int Swings = 10;
    private const double FirstContactSeconds = 3;

    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-shank-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Writes the walk to NAME.csv with <paramref name="placement"/> in its header, contacts <paramref name="offsetSeconds"/>
    /// later than <see cref="FirstContactSeconds"/> on; the sensor's y axis points the opposite way when
    /// <paramref name="turnedOver"/> (the mirrored mounting on the other leg).
    /// </summary>
    private string WriteShankWalk(string name, string placement, double offsetSeconds = 0, bool turnedOver = false)
    {
        var random = new Random(17);
        var swing = StrideSecondsSwing;
        var n = (int)((FirstContactSeconds + (Swings * StrideSeconds) + 3) * RateHz);
        var samples = new ImuSample[n];
        const double ExcursionDegrees = 60;
        var peak = Math.PI * ExcursionDegrees / (2 * swing);
        var plateau = ExcursionDegrees / (StrideSeconds * StanceFraction);
        for (var i = 0; i < n; i++)
        {
            var t = i / RateHz;
            var rate = 0.0;
            for (var k = 0; k < Swings; k++)
            {
                var ic = FirstContactSeconds + offsetSeconds + (k * StrideSeconds);
                var fc = ic - swing;
                if (t >= fc && t <= ic)
                {
                    rate += peak * Math.Sin(Math.PI * (t - fc) / swing);
                }

                if (k > 0 && t > ic - StrideSeconds && t < fc)
                {
                    rate -= plateau;
                }

                rate -= (80 * Math.Exp(-Square(t - ic) / (2 * 0.03 * 0.03))) + (60 * Math.Exp(-Square(t - fc) / (2 * 0.04 * 0.04)));
            }

            rate += 2 * (random.NextDouble() - 0.5);
            var radians = (float)(rate * Math.PI / 180);
            samples[i] = new ImuSample(t, new Vector3(0, 0, 9.81f), new Vector3(0, turnedOver ? -radians : radians, 0));
        }

        var path = Path.Combine(_dir, name + ".csv");
        TestRecordingFiles.Write(path, samples, SensorKind.Imu, placement, RateHz);
        return path;
    }

    private static double StrideSecondsSwing => StrideSeconds * (1 - StanceFraction);

    private static double Square(double x) => x * x;

    [Fact]
    public async Task Gait_ShankLeftRecording_GivesLeftStridesWithStanceAndSwingAndNoDistance()
    {
        var path = WriteShankWalk("walk", "shank"); // the side comes from --placement

        var result = await CliRunner.RunAsync("gait", path, "--placement", "shank-left", "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var strides = root.GetProperty("strides");
        strides.GetArrayLength().ShouldBe(Swings - 1);
        foreach (var stride in strides.EnumerateArray())
        {
            stride.GetProperty("side").GetString().ShouldBe("left");
            var stance = stride.GetProperty("stance_s").GetDouble();
            var swing = stride.GetProperty("swing_s").GetDouble();
            stance.ShouldBe(StrideSeconds * StanceFraction, 0.06);
            swing.ShouldBe(StrideSecondsSwing, 0.06);
            (stance + swing).ShouldBe(stride.GetProperty("stride_time_s").GetDouble(), 0.002);
            stride.TryGetProperty("stride_length_m", out _).ShouldBeFalse();
        }

        root.GetProperty("steps").EnumerateArray().ShouldAllBe(s => s.GetProperty("side").GetString() == "left");
        var summary = root.GetProperty("summary");
        summary.GetProperty("cadence_spm").GetDouble().ShouldBe(120 / StrideSeconds, 2);
        summary.TryGetProperty("distance_m", out _).ShouldBeFalse();
        summary.TryGetProperty("gait_speed_mps", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Gait_ShankOnEachLeg_StridesOfBothSidesAndBothSidesSteps()
    {
        var left = WriteShankWalk("left", "shank-left");
        var right = WriteShankWalk("right", "shank-right", offsetSeconds: StrideSeconds / 2, turnedOver: true);

        var result = await CliRunner.RunAsync("gait", left, right, "--json");

        result.ExitCode.ShouldBe(0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var sides = root.GetProperty("strides").EnumerateArray().Select(s => s.GetProperty("side").GetString()).ToList();
        sides.Count(s => s == "left").ShouldBe(Swings - 1);
        sides.Count(s => s == "right").ShouldBe(Swings - 1);
        root.GetProperty("steps").GetArrayLength().ShouldBe(2 * Swings);
        var summary = root.GetProperty("summary");
        summary.GetProperty("step_time_asymmetry").GetDouble().ShouldBe(1, 0.05);
        summary.GetProperty("stride_time_s").GetDouble().ShouldBe(StrideSeconds, 0.02);
    }
}
