using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ambulo.Cli.Tests;

/// <summary>
/// The information rows of <c>validate gait mobgap-lowerback</c> that say where the extra and missed initial contacts lie
/// (docs/accuracy.md quotes them): each split must add up to the score it splits, and the hidden <c>--misses</c> listing must
/// give every event the kind the table counts.
/// </summary>
public partial class ValidateGaitSplitTests
{
    private static string MobgapFolder => Path.Combine(CliRunner.RepositoryRoot(), "testdata", "mobgap-lowerback");

    private static async Task<List<JsonElement>> RowsAsync()
    {
        var result = await CliRunner.RunAsync("validate", "gait", MobgapFolder, "--json");
        result.ExitCode.ShouldBe(0, result.StandardError);
        return JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().ToList();
    }

    private static string Metric(JsonElement row) => row.GetProperty("metric").GetString()!;

    private static int Count(JsonElement row) => int.Parse(row.GetProperty("value").GetString()!, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"TP (\d+) FP (\d+) FN (\d+)")]
    private static partial Regex PooledLine();

    [Fact]
    public async Task ValidateGait_MobgapLowerBackSplitRows_AddUpToTheExtrasAndMissesOfTheMissesListing()
    {
        var rows = await RowsAsync();
        var misses = await CliRunner.RunAsync("validate", "gait", MobgapFolder, "--misses");
        misses.ExitCode.ShouldBe(0, misses.StandardError);
        var pooled = PooledLine().Match(misses.StandardOutput.Split('\n').Single(l => l.StartsWith("pooled", StringComparison.Ordinal)));
        var fp = int.Parse(pooled.Groups[2].Value, CultureInfo.InvariantCulture);
        var fn = int.Parse(pooled.Groups[3].Value, CultureInfo.InvariantCulture);

        var extras = rows.Where(r => Metric(r).StartsWith("IC extra detections:", StringComparison.Ordinal)).ToList();
        var missed = rows.Where(r => Metric(r).StartsWith("IC missed contacts:", StringComparison.Ordinal)).ToList();
        extras.Count.ShouldBe(4);
        missed.Count.ShouldBe(2);
        extras.Sum(Count).ShouldBe(fp);
        missed.Sum(Count).ShouldBe(fn);
        extras.ShouldAllBe(r => Metric(r).Contains($"of {fp})", StringComparison.Ordinal));
        extras.Concat(missed).Count(r => r.TryGetProperty("target", out var _)).ShouldBe(0);
        missed.ShouldAllBe(r => Metric(r).Contains($"of {fn})", StringComparison.Ordinal));

        // The listing tags each event of the files with reference contacts; per kind the tags match the table.
        var listed = misses.StandardOutput.Split('\n');
        var scored = new List<string>();
        var inScoredFile = false;
        foreach (var line in listed)
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                inScoredFile = !line.Contains("reference 0,", StringComparison.Ordinal);
            }
            else if (inScoredFile && (line.StartsWith("  extra det", StringComparison.Ordinal) || line.StartsWith("  miss  ref", StringComparison.Ordinal)))
            {
                scored.Add(line);
            }
        }

        scored.Count(l => l.Contains("[outside reference bouts]", StringComparison.Ordinal)).ShouldBe(Count(extras.Single(r => Metric(r).Contains("outside every reference bout", StringComparison.Ordinal))));
        scored.Count(l => l.Contains("[in bout, far from contacts]", StringComparison.Ordinal)).ShouldBe(Count(extras.Single(r => Metric(r).Contains("over 0.25 s from its contacts", StringComparison.Ordinal))));
        scored.Count(l => l.Contains("[other system's walk]", StringComparison.Ordinal)).ShouldBe(Count(extras.Single(r => Metric(r).Contains("Stereophoto bouts", StringComparison.Ordinal))));
        scored.Count(l => l.Contains("[no detected bout]", StringComparison.Ordinal)).ShouldBe(Count(missed.Single(r => Metric(r).Contains("no bout", StringComparison.Ordinal))));
        scored.Count(l => l.Contains("[inside our bout]", StringComparison.Ordinal)).ShouldBe(Count(missed.Single(r => Metric(r).Contains("inside our bouts", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task ValidateGait_MobgapLowerBackInsideBoutsScore_SameRecallAndNoWorsePrecisionThanWholeRecordings()
    {
        var rows = await RowsAsync();
        static (double Precision, double Recall) Pr(JsonElement row)
        {
            var parts = row.GetProperty("value").GetString()!.Split(" / ");
            return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        var whole = Pr(rows.First(r => Metric(r) == "IC precision / recall @±0.25 s, whole recordings"));
        var insideRow = rows.First(r => Metric(r).StartsWith("IC precision / recall", StringComparison.Ordinal) && Metric(r).Contains("not the target", StringComparison.Ordinal));
        var inside = Pr(insideRow);

        // Only detections outside every reference bout are left out, and none of those can pair with a contact in a bout.
        inside.Recall.ShouldBe(whole.Recall);
        inside.Precision.ShouldBeGreaterThanOrEqualTo(whole.Precision);
        insideRow.TryGetProperty("target", out _).ShouldBeFalse();
        rows.Single(r => Metric(r).StartsWith("cadence error per bout, the reference's own contacts", StringComparison.Ordinal))
            .GetProperty("value").GetString()!.ShouldEndWith(" %");
    }
}
