using System.Text.Json;

namespace Ambulo.Cli.Tests;

/// <summary>Runs <c>validate gait</c> on the real public data in testdata/ (the figures of docs/accuracy.md).</summary>
public class ValidateGaitCommandTests
{
    private static string TestData(string name) => Path.Combine(CliRunner.RepositoryRoot(), "testdata", name);

    private static async Task<List<JsonElement>> RowsAsync(string dataset)
    {
        var result = await CliRunner.RunAsync("validate", "gait", TestData(dataset), "--json");
        result.ExitCode.ShouldBe(0, result.StandardError);
        return JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().ToList();
    }

    private static JsonElement Row(List<JsonElement> rows, string metricStart) =>
        rows.First(r => r.GetProperty("metric").GetString()!.StartsWith(metricStart, StringComparison.Ordinal));

    [Fact]
    public async Task ValidateGait_MobgapLowerBack_CalibrationRefitsToTheShippedLineAndIsScoredLeaveOneParticipantOut()
    {
        var rows = await RowsAsync("mobgap-lowerback");
        var inv = System.Globalization.CultureInfo.InvariantCulture;

        // The shipped StepLengthScale / StepLengthSpeedOffsetMetersPerSecond must be what the data give, not numbers typed in once.
        var line = Row(rows, "step-length calibration refitted").GetProperty("value").GetString()!.Split(' ');
        double.Parse(line[1].TrimEnd(','), inv).ShouldBe(Ambulo.Motion.Gait.LowerBackGaitOptions.SlowOrImpaired.StepLengthScale, 0.02);
        double.Parse(line[3], inv).ShouldBe(Ambulo.Motion.Gait.LowerBackGaitOptions.SlowOrImpaired.StepLengthSpeedOffsetMetersPerSecond, 0.01);

        // Each participant held out once; the pooled held-out figures stay close to what docs/accuracy.md states.
        rows.Count(r => r.GetProperty("data").GetString()!.StartsWith("held out ", StringComparison.Ordinal)).ShouldBe(3);
        var speed = double.Parse(Row(rows, "gait speed MAE per bout, calibration refitted").GetProperty("value").GetString()!, inv);
        var model = double.Parse(Row(rows, "model speed MAE at reference contacts, calibration refitted").GetProperty("value").GetString()!, inv);
        // With the earlier calibration (max(0, 1.10·L − 0.065 m) per step, no step-time term): 0.076 and 0.060.
        speed.ShouldBeLessThanOrEqualTo(0.072);
        model.ShouldBeLessThanOrEqualTo(0.054);
    }

    [Fact]
    public async Task ValidateGait_OxfordPhones_EveryFileWithinTwoPercent()
    {
        var rows = await RowsAsync("oxford-phone-steps");

        var counts = rows.Where(r => r.GetProperty("metric").GetString()!.StartsWith("steps ", StringComparison.Ordinal)).ToList();
        counts.Count.ShouldBe(8);
        counts.ShouldAllBe(r => r.GetProperty("met").GetBoolean());
        Row(rows, "worst step-count error").GetProperty("met").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ValidateGait_OxfordPhones_StepsWithinTwoTenthsOfASecondOfTheFootSwitch()
    {
        var rows = await RowsAsync("oxford-phone-steps");

        // Per file "F1 (mean signed ms)": the share of steps paired with a foot-switch step within ±0.2 s, and the mean offset.
        var timing = rows.Where(r => r.GetProperty("metric").GetString()!.StartsWith("step timing F1 @±0.2 s", StringComparison.Ordinal)
            && !r.GetProperty("data").GetString()!.Contains("validation files", StringComparison.Ordinal)).ToList();
        timing.Count.ShouldBe(8);
        foreach (var row in timing)
        {
            var parts = row.GetProperty("value").GetString()!.Split(' ');
            var f1 = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            var meanMs = double.Parse(parts[1].Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture);
            // Since steps are timed on the vertical acceleration (session 7) the worst file scores 0.964 (0.940 before), so
            // the bar rose from 0.94 to 0.96. The mean offset bar went from 50 to 80 ms: on user1's back pocket the vertical
            // removed one leg's early bias (−97 → +9 ms) and left the other leg's late one (≈ +145 ms), so the mean moved
            // from +22 to +74 ms while every step's error shrank on average (mean |error| 122 → 87 ms, docs/accuracy-history.md).
            f1.ShouldBeGreaterThanOrEqualTo(0.96, row.GetProperty("data").GetString());
            Math.Abs(meanMs).ShouldBeLessThan(80, row.GetProperty("data").GetString());
        }
    }

    [Fact]
    public async Task ValidateGait_GaitmapFeet_StrideTimeWithinTenMilliseconds()
    {
        var rows = await RowsAsync("gaitmap-foot-mocap");

        Row(rows, "stride time MAE").GetProperty("met").GetBoolean().ShouldBeTrue();
        double.Parse(Row(rows, "stride F1").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0.9);
        double.Parse(Row(rows, "stride length MAE").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(5);
    }

    [Fact]
    public async Task ValidateGait_MobgapLowerBack_PrintsEveryIssueMetric()
    {
        var rows = await RowsAsync("mobgap-lowerback");

        double.Parse(Row(rows, "IC F1").GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0.765);
        Row(rows, "left/right assignment accuracy").GetProperty("value").GetString()!.ShouldEndWith("%");
        Row(rows, "cadence error per bout").GetProperty("value").GetString()!.ShouldEndWith("%");
        Row(rows, "gait speed MAE per bout").GetProperty("value").GetString().ShouldNotBe("-");
        Row(rows, "model speed MAE at reference contacts").GetProperty("value").GetString().ShouldNotBe("-");
        var information = Row(rows, "IC F1 @±0.25 s (information)");
        information.GetProperty("data").GetString().ShouldBe("INDIP + Stereophoto-only walks");
        information.TryGetProperty("met", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task ValidateGait_MobgapLowerBack_LabelsNameTheStereophotoTrialAndTheUnscoredBouts()
    {
        var rows = await RowsAsync("mobgap-lowerback");

        // HA/002 Test5 Trial2 has no INDIP annotation; its Stereophoto contacts and bout are in the pooled rows.
        Row(rows, "IC F1 @±0.25 s, whole recordings").GetProperty("data").GetString()!.ShouldContain("Stereophoto: HA/002 Test5 Trial2");
        Row(rows, "cadence error per bout").GetProperty("metric").GetString()!.ShouldContain("20 of 20 bouts; 0 missed, unscored");
        Row(rows, "gait speed MAE per bout").GetProperty("metric").GetString()!.ShouldContain("20 of 20 bouts; 0 missed, unscored");
    }

    [Fact]
    public async Task ValidateGait_MobgapLowerBack_CadenceAndSpeedNoWorseThanLanded()
    {
        var rows = await RowsAsync("mobgap-lowerback");
        static double Value(JsonElement row) => double.Parse(row.GetProperty("value").GetString()!.TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture);

        // Guards just beyond the figures in docs/accuracy.md, so that a regression fails here. The pause rule (bouts run on
        // across standstills of up to 3 s) moved speed 0.070 -> 0.055 and cadence 3.6 -> 3.8 % (MAE 3.3 -> 3.5); the
        // trade and its cause are in docs/accuracy-history.md ("Pauses inside a bout").
        Value(Row(rows, "cadence error per bout")).ShouldBeLessThanOrEqualTo(3.8);
        Value(Row(rows, "cadence MAE per bout")).ShouldBeLessThanOrEqualTo(3.5);
        Value(Row(rows, "gait speed MAE per bout")).ShouldBeLessThanOrEqualTo(0.056);
        Value(Row(rows, "model speed MAE at reference contacts")).ShouldBeLessThanOrEqualTo(0.055);
    }

    [Fact]
    public async Task ValidateGait_MobgapMisses_ListsEveryMissAndExtraWithContext()
    {
        var result = await CliRunner.RunAsync("validate", "gait", TestData("mobgap-lowerback"), "--misses");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var lines = result.StandardOutput.Split('\n');
        lines.Count(l => l.StartsWith("== ", StringComparison.Ordinal)).ShouldBe(9);
        lines.ShouldContain(l => l.StartsWith("  miss  ref ", StringComparison.Ordinal) && l.Contains("INDIP", StringComparison.OrdinalIgnoreCase));
        lines.ShouldContain(l => l.StartsWith("  extra det ", StringComparison.Ordinal));
        var pooled = lines.Single(l => l.StartsWith("pooled over files", StringComparison.Ordinal));
        pooled.ShouldContain("F1 0.");
    }

    [Fact]
    public async Task ValidateGait_TableForm_PrintsTargetsAndVerdicts()
    {
        var result = await CliRunner.RunAsync("validate", "gait", TestData("gaitmap-foot-mocap"));

        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("| placement");
        result.StandardOutput.ShouldContain("≥ 0.99");
    }

    [Fact]
    public async Task ValidateGait_OneDataSetTable_EveryRowIsQuotedVerbatimInTheAccuracyPage()
    {
        // docs/accuracy.md quotes the "all" table. One data set's table must print the same lines (same column widths),
        // and the page must still hold each of them, so a figure that moves without the page following fails here.
        var result = await CliRunner.RunAsync("validate", "gait", TestData("gaitmap-foot-mocap"));
        result.ExitCode.ShouldBe(0, result.StandardError);
        var page = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot(), "docs", "accuracy.md")).Select(l => l.TrimEnd()).ToHashSet();

        var rows = result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith('|')).ToList();

        rows.Count.ShouldBeGreaterThan(10);
        rows.Where(r => !page.Contains(r)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ValidateGait_UnknownDataSet_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("validate", "gait", "no-such-dataset");

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("no-such-dataset");
    }
}
