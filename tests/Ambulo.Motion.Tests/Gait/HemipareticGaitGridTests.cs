using System.Globalization;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;
using Xunit.Abstractions;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// Step recall and precision of every gait detector on the SYNTHETIC hemiparetic walker of
/// <see cref="SyntheticHemipareticGait"/>, over a grid of cadence × step-time asymmetry × paretic bounce × walking aid,
/// per placement and preset. Print the grid: <c>dotnet test tests/Ambulo.Motion.Tests --filter HemipareticGaitGrid
/// --logger "console;verbosity=detailed"</c>.
/// </summary>
public class HemipareticGaitGridTests(ITestOutputHelper output)
{
    private static readonly double[] Cadences = [40, 60, 90];
    private static readonly double[] Ratios = [1.1, 1.5, 2.0];
    private static readonly double[] Fractions = [0.25, 0.4, 0.6];
    private static readonly WalkingAid[] Aids = [WalkingAid.None, WalkingAid.Cane, WalkingAid.StepToWithCane];

    /// <summary>Every condition of the grid once, each with its own seed (so the paretic side, which leg takes the longer step, the first leg and the mounting vary).</summary>
    internal static IEnumerable<HemipareticWalk> Grid()
    {
        var seed = 1;
        foreach (var cadence in Cadences)
        {
            foreach (var ratio in Ratios)
            {
                foreach (var fraction in Fractions)
                {
                    foreach (var aid in Aids)
                    {
                        yield return new HemipareticWalk(cadence, ratio, fraction, aid, Seed: seed++);
                    }
                }
            }
        }
    }

    /// <summary>Detected vs true steps of one walk at one placement with one preset family.</summary>
    internal static GaitEventScore Score(HemipareticWalk walk, HemipareticPlacement placement, GaitPopulation population)
    {
        var recording = SyntheticHemipareticGait.Generate(walk, placement);
        var options = new GaitAnalysisOptions(population);
        switch (placement)
        {
            case HemipareticPlacement.LowerBack:
            {
                // The detector leaves out each bout's closing step (it starts no stride), as the Mobilise-D reference does.
                var result = LowerBackGaitDetector.Detect(recording.Samples, recording.SamplingRateHz, options.LowerBack);
                return GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), recording.Contacts(includeClosing: false), 0.25);
            }

            case HemipareticPlacement.FootParetic or HemipareticPlacement.FootSound:
            {
                var paretic = placement == HemipareticPlacement.FootParetic;
                var result = FootStrideDetector.Detect(recording.Samples, recording.SamplingRateHz, BodySide.Left, options.Foot);
                return GaitEventMatching.Match(result.InitialContacts.Select(c => c.TimeSeconds).ToList(), recording.Contacts(paretic), 0.1);
            }

            default:
            {
                var result = StepCounter.Detect(recording.Samples, options.Steps);
                return GaitEventMatching.Match(result.StepTimesSeconds, recording.Contacts(), 0.25);
            }
        }
    }

    /// <summary>
    /// Regression guard: pooled recall and precision over the 81 conditions, and the worst single condition, must not fall
    /// below what was measured when the grid was built (docs/accuracy.md, "Synthetic hemiparetic gait"). The bars are the
    /// measured figures rounded down to the next 0.01, not targets: where they are under 0.95 the detector misses steps of
    /// this SYNTHETIC walker, and the doc says which and why. Lower back with SlowOrImpaired: the 3 s pause allowance
    /// (<see cref="LowerBackGaitOptions.MaximumPauseSeconds"/>) joins the stretches of 40-spm step-to walks whose long steps
    /// exceed 2 s, raising pooled recall 0.841 → 0.855 and the worst condition's 0.172 → 0.224 (seed 21), where one joined
    /// bounce more is a false step (that condition's precision 0.91 → 0.87, the worst 0.879 → 0.867).
    /// </summary>
    [Theory]
    [InlineData(HemipareticPlacement.LowerBack, GaitPopulation.Hemiparetic, 0.94, 0.97, 0.57, 0.85)]
    [InlineData(HemipareticPlacement.LowerBack, GaitPopulation.SlowOrImpaired, 0.85, 0.99, 0.22, 0.86)]
    [InlineData(HemipareticPlacement.PocketPareticSide, GaitPopulation.Hemiparetic, 0.98, 0.98, 0.90, 0.94)]
    [InlineData(HemipareticPlacement.PocketSoundSide, GaitPopulation.Hemiparetic, 0.97, 0.98, 0.82, 0.87)]
    [InlineData(HemipareticPlacement.Hand, GaitPopulation.Hemiparetic, 0.88, 0.84, 0.68, 0.67)]
    [InlineData(HemipareticPlacement.FootParetic, GaitPopulation.Hemiparetic, 0.99, 0.99, 0.93, 0.99)]
    [InlineData(HemipareticPlacement.FootSound, GaitPopulation.Hemiparetic, 0.99, 0.99, 0.99, 0.99)]
    [InlineData(HemipareticPlacement.FootSound, GaitPopulation.SlowOrImpaired, 0.98, 0.99, 0.85, 0.99)]
    public void Detect_HemipareticGrid_RecallAndPrecisionHoldTheirMeasuredBars(HemipareticPlacement placement, GaitPopulation population,
        double pooledRecall, double pooledPrecision, double worstRecall, double worstPrecision)
    {
        var (pooled, worstR, worstP, lines) = Run(placement, population);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{placement} {population}: recall {pooled.Recall:0.000} precision {pooled.Precision:0.000} ({pooled.TruePositives + pooled.FalseNegatives} steps); worst condition recall {worstR:0.000} precision {worstP:0.000}"));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        pooled.Recall.ShouldBeGreaterThanOrEqualTo(pooledRecall);
        pooled.Precision.ShouldBeGreaterThanOrEqualTo(pooledPrecision);
        worstR.ShouldBeGreaterThanOrEqualTo(worstRecall);
        worstP.ShouldBeGreaterThanOrEqualTo(worstPrecision);
    }

    /// <summary>The grid at one placement with one preset family: pooled score, worst recall and precision, and the conditions under 0.95.</summary>
    internal static (GaitEventScore Pooled, double WorstRecall, double WorstPrecision, List<string> Below) Run(HemipareticPlacement placement, GaitPopulation population)
    {
        var pooled = GaitEventScore.Empty;
        double worstRecall = 1, worstPrecision = 1;
        var below = new List<string>();
        foreach (var walk in Grid())
        {
            var s = Score(walk, placement, population);
            pooled += s;
            worstRecall = Math.Min(worstRecall, s.Recall);
            worstPrecision = Math.Min(worstPrecision, s.Precision);
            if (s.Recall < 0.95 || s.Precision < 0.95)
            {
                below.Add(string.Create(CultureInfo.InvariantCulture, $"    {walk}: recall {s.Recall:0.00} precision {s.Precision:0.00}"));
            }
        }

        return (pooled, worstRecall, worstPrecision, below);
    }
}
