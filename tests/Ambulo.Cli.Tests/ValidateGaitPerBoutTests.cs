using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ambulo.Cli.Tests;

/// <summary>
/// The information rows of <c>validate gait</c> that complete the issue's list per placement: foot step count, cadence and
/// speed per mocap bout and how its sides are known; lower-back stride time and length and step counts. Counts are checked
/// against the reference files read here independently of the CLI's readers.
/// </summary>
public partial class ValidateGaitPerBoutTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string TestData(params string[] parts) => Path.Combine([CliRunner.RepositoryRoot(), "testdata", .. parts]);

    private static async Task<List<JsonElement>> RowsAsync(string dataset)
    {
        var result = await CliRunner.RunAsync("validate", "gait", TestData(dataset), "--json");
        result.ExitCode.ShouldBe(0, result.StandardError);
        return JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().ToList();
    }

    private static string Metric(JsonElement row) => row.GetProperty("metric").GetString()!;

    private static string Value(JsonElement row) => row.GetProperty("value").GetString()!;

    private static double Number(string text) => double.Parse(text.TrimEnd('%', ' '), NumberStyles.Float, Inv);

    [GeneratedRegex(@"^steps (\d+) vs (\d+) in (\d+) mocap bouts? ±0\.1 s \((\d+) in recording\)")]
    private static partial Regex FootSteps();

    [GeneratedRegex(@"(\d+) vs (\d+) steps; information\)")]
    private static partial Regex StepsVs();

    [GeneratedRegex(@"\(ms, (\d+) of (\d+) ref\. strides matched @±0\.25 s")]
    private static partial Regex StridesMatched();

    [GeneratedRegex(@"TP (\d+) FP (\d+) FN (\d+)")]
    private static partial Regex PooledLine();

    /// <summary>The mocap list's initial contacts: every stride's pre_ic and ic, each once per foot.</summary>
    private static int GaitmapReferenceContacts()
    {
        var lines = File.ReadAllLines(TestData("gaitmap-foot-mocap", "data", "stride_events_sample.csv"));
        var header = lines[0].Split(',');
        int foot = Array.IndexOf(header, "foot"), ic = Array.IndexOf(header, "ic"), preIc = Array.IndexOf(header, "pre_ic");
        return lines.Skip(1).Select(l => l.Split(',')).SelectMany(f => new[] { (f[foot], f[ic]), (f[foot], f[preIc]) }).Distinct().Count();
    }

    [Fact]
    public async Task ValidateGait_GaitmapFeet_StepCountCadenceAndSpeedPerMocapBout()
    {
        var rows = await RowsAsync("gaitmap-foot-mocap");
        var contacts = GaitmapReferenceContacts();

        var steps = rows.Where(r => FootSteps().IsMatch(Metric(r))).ToList();
        steps.Count.ShouldBe(2); // the list as published, and checked on its heel paths
        var published = FootSteps().Match(Metric(steps[0]));
        var checkedList = FootSteps().Match(Metric(steps[1]));
        int.Parse(published.Groups[2].Value, Inv).ShouldBe(contacts);
        // The check splits one stride (L13) at a missed contact: one contact more, the same walk.
        int.Parse(checkedList.Groups[2].Value, Inv).ShouldBe(contacts + 1);
        published.Groups[3].Value.ShouldBe("1"); // the mocap strides follow each other without a gap from start to end
        foreach (var (row, m) in new[] { (steps[0], published), (steps[1], checkedList) })
        {
            double detected = int.Parse(m.Groups[1].Value, Inv), reference = int.Parse(m.Groups[2].Value, Inv);
            Number(Value(row)).ShouldBe(100 * (detected - reference) / reference, 0.05);
            Math.Abs(detected - reference).ShouldBeLessThanOrEqualTo(2);
            int.Parse(m.Groups[4].Value, Inv).ShouldBeGreaterThanOrEqualTo((int)detected);
            row.TryGetProperty("met", out _).ShouldBeFalse();
        }

        var cadence = rows.Where(r => Metric(r).StartsWith("cadence MAE per bout (steps/min, 1 of 1 bout", StringComparison.Ordinal)).Select(r => Number(Value(r))).ToList();
        var speed = rows.Where(r => Metric(r).StartsWith("gait speed MAE per bout (m/s, 1 of 1 bout", StringComparison.Ordinal)).Select(r => Number(Value(r))).ToList();
        cadence.Count.ShouldBe(2);
        speed.Count.ShouldBe(2);
        // Against the published list the missing contact lowers the reference cadence by about one step in 59 (~1.8 steps/min
        // at 109 steps/min); against the checked list only timing differences remain.
        cadence[0].ShouldBeLessThan(3);
        cadence[1].ShouldBeLessThan(cadence[0]);
        speed.ShouldAllBe(v => v < 0.06);

        var sides = rows.Single(r => Metric(r).StartsWith("left/right assignment", StringComparison.Ordinal));
        Value(sides).ShouldNotContain("%");
        Metric(sides).ShouldContain("named in the file");
    }

    [Fact]
    public async Task ValidateGait_OxfordPhones_PrecisionRecallAndCadencePerWalk()
    {
        var rows = await RowsAsync("oxford-phone-steps");

        var pr = Value(rows.Single(r => Metric(r).StartsWith("step precision / recall @±0.2 s, pooled", StringComparison.Ordinal))).Split(" / ");
        double precision = Number(pr[0]), recall = Number(pr[1]);
        var f1 = Number(Value(rows.Single(r => Metric(r) == "step timing F1 @±0.2 s, pooled")));
        (2 * precision * recall / (precision + recall)).ShouldBe(f1, 0.0015);

        var files = Directory.GetFiles(TestData("oxford-phone-steps", "validation"), "*.csv").Length
            + Directory.GetDirectories(TestData("oxford-phone-steps", "optimisation")).Length;
        var cadence = rows.Single(r => Metric(r).StartsWith("cadence MAE per walk", StringComparison.Ordinal));
        Metric(cadence).ShouldContain($"{files} walks");
        // Every count is within 2 % over a walk of about 100 steps/min, so the cadence cannot be off by much more.
        Number(Value(cadence)).ShouldBeInRange(0, 3);
        cadence.TryGetProperty("met", out _).ShouldBeFalse();

        // What the phone cannot give is said, not left out silently.
        var notMeasured = rows.Single(r => Metric(r).Contains("left/right: not measured", StringComparison.Ordinal));
        Value(notMeasured).ShouldBe("n/a");
        notMeasured.TryGetProperty("target", out _).ShouldBeFalse();
    }

    /// <summary>Reference strides the lower-back rows score: INDIP where a trial has INDIP strides, else Stereophoto; rows with an empty or NaN contact left out.</summary>
    private static int MobgapReferenceStrides()
    {
        var lines = File.ReadAllLines(TestData("mobgap-lowerback", "derived", "reference_strides.csv"));
        var header = lines[0].Split(',');
        int system = Array.IndexOf(header, "system"), start = Array.IndexOf(header, "start_ic_s"), end = Array.IndexOf(header, "end_ic_s");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        static string TrialOf(string[] f) => string.Join('/', f.Take(4));
        var withIndip = rows.Where(f => f[system] == "INDIP").Select(TrialOf).ToHashSet();
        static bool Valid(string s) => s.Length > 0 && !s.Equals("nan", StringComparison.OrdinalIgnoreCase);
        return rows.Count(f => f[system] == (withIndip.Contains(TrialOf(f)) ? "INDIP" : "Stereophoto") && Valid(f[start]) && Valid(f[end]));
    }

    [Fact]
    public async Task ValidateGait_MobgapLowerBack_StrideTimeLengthAndStepCountRows()
    {
        var rows = await RowsAsync("mobgap-lowerback");

        var time = rows.Single(r => Metric(r).StartsWith("stride time MAE (mean signed) (ms, ", StringComparison.Ordinal));
        var matched = StridesMatched().Match(Metric(time));
        matched.Success.ShouldBeTrue(Metric(time));
        int.Parse(matched.Groups[2].Value, Inv).ShouldBe(MobgapReferenceStrides());
        var pairs = int.Parse(matched.Groups[1].Value, Inv);
        pairs.ShouldBeGreaterThan(int.Parse(matched.Groups[2].Value, Inv) / 2);
        var timeParts = Value(time).Split(' ');
        var timeMae = Number(timeParts[0]);
        timeMae.ShouldBeInRange(1, 150); // steps are 0.5–0.8 s; the contacts themselves are 59 ms off on average
        Math.Abs(Number(timeParts[1].Trim('(', ')'))).ShouldBeLessThanOrEqualTo(timeMae);
        time.TryGetProperty("met", out _).ShouldBeFalse();

        var length = rows.Single(r => Metric(r).StartsWith("stride length MAE (mean signed) (cm, ", StringComparison.Ordinal));
        // A matched stride is scored for length when both have one (a few reference strides have none).
        var lengthPairs = int.Parse(Regex.Match(Metric(length), @"\(cm, (\d+) matched strides with a length").Groups[1].Value, Inv);
        lengthPairs.ShouldBeInRange(pairs * 9 / 10, pairs);
        Number(Value(length).Split(' ')[0]).ShouldBeInRange(1, 40);

        // Whole recordings: detections and reference contacts are the pooled TP + FP and TP + FN of the --misses listing.
        var misses = await CliRunner.RunAsync("validate", "gait", TestData("mobgap-lowerback"), "--misses");
        misses.ExitCode.ShouldBe(0, misses.StandardError);
        var pooled = PooledLine().Match(misses.StandardOutput.Split('\n').Single(l => l.StartsWith("pooled", StringComparison.Ordinal)));
        int tp = int.Parse(pooled.Groups[1].Value, Inv), fp = int.Parse(pooled.Groups[2].Value, Inv), fn = int.Parse(pooled.Groups[3].Value, Inv);
        var whole = rows.Single(r => Metric(r).StartsWith("step-count error, whole recordings", StringComparison.Ordinal));
        Metric(whole).ShouldContain($"({tp + fp} vs {tp + fn} steps;");
        Number(Value(whole)).ShouldBe(100.0 * (fp - fn) / (tp + fn), 0.05);

        var perBout = rows.Single(r => Metric(r).StartsWith("step-count error per bout, mean |error| (20 bouts", StringComparison.Ordinal));
        var counts = StepsVs().Match(Metric(perBout));
        // Inside the bouts the reference contacts are all the reference has; ours are fewer than in the whole recordings.
        int.Parse(counts.Groups[2].Value, Inv).ShouldBe(tp + fn);
        int.Parse(counts.Groups[1].Value, Inv).ShouldBeLessThan(tp + fp);
        Number(Value(perBout)).ShouldBeInRange(0.1, 25);

        // The listing prints the stride errors under every reference bout.
        var lines = misses.StandardOutput.Split('\n');
        var boutLines = lines.Count(l => l.StartsWith("  ref bout ", StringComparison.Ordinal));
        boutLines.ShouldBe(20);
        var strideLines = lines.Where(l => l.StartsWith("    steps ", StringComparison.Ordinal) && l.Contains("strides matched", StringComparison.Ordinal)).ToList();
        strideLines.Count.ShouldBe(boutLines);
        // The bouts' step counts add up to the table's per-bout row.
        var listed = strideLines.Select(l => Regex.Match(l, @"^    steps (\d+) vs (\d+) ")).ToList();
        listed.Sum(m => int.Parse(m.Groups[1].Value, Inv)).ShouldBe(int.Parse(counts.Groups[1].Value, Inv));
        listed.Sum(m => int.Parse(m.Groups[2].Value, Inv)).ShouldBe(int.Parse(counts.Groups[2].Value, Inv));
    }
}
