using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ambulo.Cli.Commands;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

/// <summary>
/// The walk tests' JSON speaks the language of <c>gait --json</c>: unit suffixes <c>_s</c>, <c>_m</c>, <c>_mps</c>,
/// <c>_spm</c> (never spelled out), numbers rounded to <see cref="CliJson.Decimals"/>, and one vocabulary for every test:
/// <c>measured</c>, with a <c>problem</c> only when it is false.
/// </summary>
public sealed class WalkTestJsonKeysTests : IDisposable
{
    private static readonly string[] SpelledOut = ["_seconds", "_meters", "_meters_per_second", "_steps_per_minute", "_hours", "_minutes"];
    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-walktest-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("MiddleTimeSeconds", "middle_time_s")]
    [InlineData("GaitSpeedMetersPerSecond", "gait_speed_mps")]
    [InlineData("CadenceStepsPerMinute", "cadence_spm")]
    [InlineData("MinStepsPerMinute", "min_spm")]
    [InlineData("SensorDistanceMeters", "sensor_distance_m")]
    [InlineData("RecordedHours", "recorded_h")]
    [InlineData("WalkingMinutes", "walking_min")]
    [InlineData("Minutes", "minutes")]
    [InlineData("DeclinePercent", "decline_percent")]
    [InlineData("Measured", "measured")]
    public void UnitNames_PropertyName_IsSpelledLikeGait(string property, string key) =>
        new WalkTestCommand.UnitNames().ConvertName(property).ShouldBe(key);

    [Theory]
    [InlineData("10mwt", "gait_speed_mps")]
    [InlineData("tug", "total_s")]
    [InlineData("6mwt", "cadence_spm")]
    [InlineData("daily", "walking_min")]
    public async Task WalkTest_Json_UsesGaitUnitsRoundsLikeGaitAndSaysWhetherItMeasured(string test, string expectedKey)
    {
        var path = WriteWalk();

        var result = await CliRunner.RunAsync("walktest", test, path, "--height-m", "1.7", "--json");

        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var keys = new List<string>();
        var numbers = new List<(string Key, string Raw)>();
        Walk(root, "$", keys, numbers);
        keys.ShouldContain(expectedKey);
        keys.Where(k => SpelledOut.Any(k.EndsWith)).ShouldBeEmpty();
        numbers.Count.ShouldBeGreaterThan(3);
        numbers.Where(n => n.Raw.Contains('.', StringComparison.Ordinal) && n.Raw.Split('.')[1].TrimEnd('0').Length > CliJson.Decimals).ShouldBeEmpty();
        var measured = root.GetProperty("measured").GetBoolean();
        root.TryGetProperty("problem", out _).ShouldBe(!measured);
        result.ExitCode.ShouldBe(measured ? 0 : 1, result.StandardError);
    }

    private static void Walk(JsonElement e, string at, List<string> keys, List<(string, string)> numbers)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    keys.Add(p.Name);
                    if (p.Value.ValueKind == JsonValueKind.Number)
                    {
                        numbers.Add((at + "." + p.Name, p.Value.GetRawText()));
                    }

                    Walk(p.Value, at + "." + p.Name, keys, numbers);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, at + "[]", keys, numbers);
                }

                break;
        }
    }

    /// <summary>
    /// SYNTHETIC phone in a trouser pocket, 50 Hz, with a step time of 0.613 s (so times and speeds have many decimals):
    /// seated still (the thigh, and the phone, about horizontal: tilted 80°), standing up over the second before the first
    /// contact at 3 s, 22 contacts out, a 180° turn, 22 back, and sitting down again half a second after the last contact.
    /// </summary>
    private string WriteWalk()
    {
        const double rate = 50, lead = 3, step = 0.613;
        static double Smooth(double u) => u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u);
        var times = Enumerable.Range(0, 44).Select(k => lead + (k * step) + (k >= 22 ? 2.4 : 0)).ToList();
        var turn = times[21] + 0.1;
        var n = (int)((times[^1] + lead) * rate);
        var samples = new ImuSample[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / rate;
            var vertical = times.Sum(c => 2.5 * Math.Exp(-(t - c) * (t - c) / (2 * 0.06 * 0.06)));
            var yaw = t > turn && t < turn + 2.2 ? Math.PI * Math.PI / (2 * 2.2) * Math.Sin(Math.PI * (t - turn) / 2.2) : 0;
            var tilt = 80 * ((1 - Smooth(t - (lead - 1))) + Smooth(t - (times[^1] + 0.5))) * Math.PI / 180;
            var g = 9.81 + vertical;
            samples[i] = new ImuSample(t, new Vector3(0.02f * (i % 3), (float)(g * Math.Sin(tilt)), (float)(g * Math.Cos(tilt))), new Vector3(0, 0, (float)yaw));
        }

        var path = Path.Combine(_dir, string.Create(CultureInfo.InvariantCulture, $"walk-{Guid.NewGuid():N}.csv"));
        TestRecordingFiles.Write(path, samples, SensorKind.Phone, "front-pocket", rate);
        return path;
    }
}
