using System.Text.Json;

namespace Ambulo.Cli.Tests;

/// <summary>
/// The JSON of <c>gait</c> against the key list of issue 5 ("Walking measured", CLI section), as real processes on real
/// recordings: a placement that can give a value writes it under exactly the issue's key; one that cannot omits the key.
/// Besides the issue's keys only the documented extras (docs/cli-json.md) may appear.
/// </summary>
public sealed class GaitJsonKeysTests : IDisposable
{
    // Copied from the issue: steps [{"initial_contact_s","side"}]; strides start_s, end_s, side, stride_time_s, stance_s,
    // swing_s, stride_length_m; walking_bouts start_s, end_s, steps, distance_m, gait_speed_mps; summary steps, cadence_spm,
    // stride_time_s, step_time_asymmetry, gait_speed_mps, distance_m.
    private static readonly string[] StepKeys = ["initial_contact_s", "side"];
    private static readonly string[] StrideKeys = ["start_s", "end_s", "side", "stride_time_s", "stance_s", "swing_s", "stride_length_m"];
    private static readonly string[] BoutKeys = ["start_s", "end_s", "steps", "distance_m", "gait_speed_mps"];

    // Beyond the issue's list: each bout's own cadence, stride and step timing, turns and pauses (the issue asks for these
    // per bout: "Per stride and per bout: stride time, step time per side, stance and swing time, cadence, step-time and
    // swing-time asymmetry ratios, stride-time variability"; "Walking-bout detection (start, end, pauses, turns)").
    private static readonly string[] BoutExtras =
    [
        "cadence_spm", "stride_time_s", "stride_time_cv_percent", "step_time_left_s", "step_time_right_s", "step_time_asymmetry",
        "swing_time_asymmetry", "stance_s", "swing_s", "turn_count", "turns", "pauses",
    ];

    private static readonly string[] TurnKeys = ["start_s", "end_s", "angle_deg"];
    private static readonly string[] PauseKeys = ["start_s", "end_s"];
    private static readonly string[] SummaryKeys = ["steps", "cadence_spm", "stride_time_s", "step_time_asymmetry", "gait_speed_mps", "distance_m"];

    // Documented extras: the placement analysed, the stride into standstill flag, and the name of the distance model.
    private static readonly string[] RootKeys = ["placement", "steps", "strides", "walking_bouts", "summary"];
    private static readonly string[] StrideExtras = ["ends_in_standstill"];
    private static readonly string[] SummaryExtras = ["distance_model"];

    private readonly string _dir = Directory.CreateTempSubdirectory("ambulo-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Data(params string[] parts) => Path.Combine([CliRunner.RepositoryRoot(), "testdata", .. parts]);

    private async Task<string> ImportAsync(string name, params string[] args)
    {
        var output = Path.Combine(_dir, name);
        var import = await CliRunner.RunAsync(["import", .. args, "-o", output]);
        import.ExitCode.ShouldBe(0, import.StandardError);
        return output;
    }

    private static async Task<JsonDocument> GaitAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync(["gait", .. args, "--json"]);
        result.ExitCode.ShouldBe(0, result.StandardError);
        return JsonDocument.Parse(result.StandardOutput);
    }

    private static List<string> Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    /// <summary>Every object's keys lie within the issue's keys plus the extras; returns the union of the keys seen.</summary>
    private static HashSet<string> KeysWithin(JsonElement array, string[] issue, string[] extras)
    {
        var seen = new HashSet<string>();
        array.GetArrayLength().ShouldBeGreaterThan(0);
        foreach (var item in array.EnumerateArray())
        {
            Keys(item).ShouldBeSubsetOf(issue.Concat(extras));
            seen.UnionWith(Keys(item));
        }

        return seen;
    }

    [Fact]
    public async Task Gait_FootImuOnEachFoot_WritesEveryKeyOfTheIssue()
    {
        var imu = Data("gaitmap-foot-mocap", "data", "imu_sample.csv");
        var left = await ImportAsync("left.csv", "gaitmap", imu, "--foot", "left");
        var right = await ImportAsync("right.csv", "gaitmap", imu, "--foot", "right");

        using var json = await GaitAsync(left, right);

        var root = json.RootElement;
        Keys(root).ShouldBe(RootKeys, ignoreOrder: true);
        KeysWithin(root.GetProperty("steps"), StepKeys, []).ShouldBe(StepKeys, ignoreOrder: true);
        StrideKeys.ShouldBeSubsetOf(KeysWithin(root.GetProperty("strides"), StrideKeys, StrideExtras));
        // Feet give every per-bout figure, the turns (gyroscope) and the pause list (empty: the walk has no stop).
        KeysWithin(root.GetProperty("walking_bouts"), BoutKeys, BoutExtras).ShouldBe([.. BoutKeys, .. BoutExtras], ignoreOrder: true);
        TurnAndPauseKeys(root.GetProperty("walking_bouts"), requireTurn: true);
        Keys(root.GetProperty("summary")).ShouldBe([.. SummaryKeys, .. SummaryExtras], ignoreOrder: true);
    }

    /// <summary>Every turn and pause object has exactly its keys; at least one turn is seen when <paramref name="requireTurn"/>.</summary>
    private static void TurnAndPauseKeys(JsonElement bouts, bool requireTurn)
    {
        var turns = 0;
        foreach (var bout in bouts.EnumerateArray())
        {
            if (bout.TryGetProperty("turns", out var list))
            {
                bout.GetProperty("turn_count").GetInt32().ShouldBe(list.GetArrayLength());
                foreach (var turn in list.EnumerateArray())
                {
                    Keys(turn).ShouldBe(TurnKeys, ignoreOrder: true);
                    turns++;
                }
            }

            if (bout.TryGetProperty("pauses", out var pauses))
            {
                foreach (var pause in pauses.EnumerateArray())
                {
                    Keys(pause).ShouldBe(PauseKeys, ignoreOrder: true);
                }
            }
        }

        if (requireTurn)
        {
            turns.ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Gait_LowerBack_WritesEveryKeyOfTheIssueButStanceAndSwing()
    {
        // The imported mobgap file states its sensor height (label sensor_height_m), so the pendulum model gives distance.
        var back = await ImportAsync("back.csv", "mobgap", Data("mobgap-lowerback", "data_csv", "MS", "001", "TimeMeasure1_Test5_Trial1.csv"));

        using var json = await GaitAsync(back);

        var root = json.RootElement;
        Keys(root).ShouldBe(RootKeys, ignoreOrder: true);
        KeysWithin(root.GetProperty("steps"), StepKeys, []).ShouldBe(StepKeys, ignoreOrder: true);
        KeysWithin(root.GetProperty("strides"), StrideKeys, StrideExtras).ShouldBe(["start_s", "end_s", "side", "stride_time_s", "stride_length_m"], ignoreOrder: true);
        // The trunk sees no toe-off: no stance, swing or swing asymmetry per bout either.
        KeysWithin(root.GetProperty("walking_bouts"), BoutKeys, BoutExtras)
            .ShouldBe([.. BoutKeys, .. BoutExtras.Except(["stance_s", "swing_s", "swing_time_asymmetry"])], ignoreOrder: true);
        // This short straight walk's one bout holds no turn of 45° or more, so only the shape of the keys is checked.
        TurnAndPauseKeys(root.GetProperty("walking_bouts"), requireTurn: false);
        Keys(root.GetProperty("summary")).ShouldBe([.. SummaryKeys, .. SummaryExtras], ignoreOrder: true);
    }

    [Fact]
    public async Task Gait_PhoneInTheHand_HasNoSideNoStrideAndNoDistanceKeys()
    {
        var phone = await ImportAsync("hand.csv", "oxford", Directory.GetFiles(Data("oxford-phone-steps", "validation"), "*.csv").Order(StringComparer.Ordinal).First(f => f.Contains("Hand", StringComparison.OrdinalIgnoreCase)));

        using var json = await GaitAsync(phone);

        var root = json.RootElement;
        KeysWithin(root.GetProperty("steps"), StepKeys, []).ShouldBe(["initial_contact_s"]);
        root.GetProperty("strides").GetArrayLength().ShouldBe(0);
        // No sides, no strides, no gyroscope (the Oxford phones recorded acceleration only): no timing and no turn keys; the
        // pause list, as for every placement.
        KeysWithin(root.GetProperty("walking_bouts"), BoutKeys, BoutExtras).ShouldBe(["start_s", "end_s", "steps", "cadence_spm", "pauses"], ignoreOrder: true);
        TurnAndPauseKeys(root.GetProperty("walking_bouts"), requireTurn: false);
        Keys(root.GetProperty("summary")).ShouldBe(["steps", "cadence_spm"], ignoreOrder: true);

        // One bout: its cadence is the summary's (the summary is the step-weighted mean of the bouts').
        var bout = root.GetProperty("walking_bouts").EnumerateArray().Single();
        bout.GetProperty("cadence_spm").GetDouble().ShouldBe(root.GetProperty("summary").GetProperty("cadence_spm").GetDouble(), 0.001);
        bout.GetProperty("cadence_spm").GetDouble().ShouldBeInRange(60, 150);
    }
}
