using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;
using CsCheck;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>Step timing on the vertical acceleration (<see cref="StepCounterOptions.TimeOnVerticalAcceleration"/>).</summary>
public class StepCounterTimingTests
{
    public static TheoryData<HemipareticPlacement, double, double> AsymmetricWalks()
    {
        var data = new TheoryData<HemipareticPlacement, double, double>();
        foreach (var placement in new[] { HemipareticPlacement.PocketPareticSide, HemipareticPlacement.PocketSoundSide, HemipareticPlacement.Hand })
        {
            foreach (var cadence in new[] { 40.0, 60, 90 })
            {
                foreach (var ratio in new[] { 1.5, 2.0 })
                {
                    data.Add(placement, cadence, ratio);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// A real limp survives: on SYNTHETIC hemiparetic walks whose true step times alternate long/short (step-time ratio
    /// 1.5 and 2.0, 40–90 steps/min, phone in the pocket on either leg or in the hand, three seeds each) the detected
    /// step-time ratio (larger ÷ smaller) is within 15 % of the true one and the detected step times are off by under
    /// 60 ms on average; and timing on the vertical loses no asymmetry against timing on the magnitude peak (its ratio
    /// error at most 0.02 larger). For scale: the rejected ¼-½-¼ smoothing moves every contact by a quarter of the
    /// long–short difference, so each step time by half of it (at ratio 1.5 and 90 steps/min 0.13 s; the ratio goes to 1).
    /// </summary>
    [Theory]
    [MemberData(nameof(AsymmetricWalks))]
    public void Detect_AlternatingStepTimes_KeepsTheStepTimeRatio(HemipareticPlacement placement, double cadence, double ratio)
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            var recording = SyntheticHemipareticGait.Generate(new HemipareticWalk(cadence, ratio, 0.6, WalkingAid.None, Seed: seed), placement);
            var vertical = StepCounter.Detect(recording.Samples, StepCounterOptions.Hemiparetic).StepTimesSeconds;
            var magnitude = StepCounter.Detect(recording.Samples, StepCounterOptions.Hemiparetic with { TimeOnVerticalAcceleration = false }).StepTimesSeconds;

            var (trueRatio, found, meanError) = Asymmetry(recording, vertical);
            var (_, foundOnMagnitude, _) = Asymmetry(recording, magnitude);

            trueRatio.ShouldBeGreaterThan(ratio - 0.1);
            Math.Abs(found / trueRatio - 1).ShouldBeLessThan(0.15, $"seed {seed}: ratio {found:0.000} vs true {trueRatio:0.000}");
            meanError.ShouldBeLessThan(0.06, $"seed {seed}");
            Math.Abs(found - trueRatio).ShouldBeLessThanOrEqualTo(Math.Abs(foundOnMagnitude - trueRatio) + 0.02, $"seed {seed}");
        }
    }

    /// <summary>
    /// The real walk the change was made for (user1's back pocket, Oxford data): the same steps are counted with and
    /// without vertical timing, and the vertical timing puts more of them within 0.2 s of the foot switch.
    /// </summary>
    [Fact]
    public void Detect_BackPocketWalk_SameCountAndMoreStepsOnTime()
    {
        var file = TestData.Path("oxford-phone-steps", "validation", "user1_backpocket_1506422470497.csv");
        var samples = OxfordImporter.Import(file).Recording.Samples;
        var reference = OxfordReference.ReadValidationSteps(file).StepTimesSeconds;

        var vertical = StepCounter.Detect(samples, StepCounterOptions.Healthy).StepTimesSeconds;
        var magnitude = StepCounter.Detect(samples, StepCounterOptions.Healthy with { TimeOnVerticalAcceleration = false }).StepTimesSeconds;

        vertical.Count.ShouldBe(magnitude.Count);
        GaitEventMatching.Match(vertical, reference, 0.2).F1.ShouldBeGreaterThan(GaitEventMatching.Match(magnitude, reference, 0.2).F1);
        vertical.Zip(vertical.Skip(1), (a, b) => b - a).ShouldAllBe(d => d > 0);
    }

    /// <summary>
    /// Property: a phone that pitches with the thigh (the synthetic pocket), any cadence, asymmetry and seed, any preset and
    /// any chunking: the live counter reports exactly the offline step times; after <see cref="OnlineStepCounter.Reset"/>
    /// the same instance reports them again.
    /// </summary>
    [Fact]
    public void Push_TiltingPocketAnyChunking_GivesExactlyTheOfflineStepTimes()
    {
        var presets = new[] { StepCounterOptions.Healthy, StepCounterOptions.SlowOrImpaired, StepCounterOptions.Hemiparetic };
        var walks = Gen.Select(Gen.Double[40, 100], Gen.Double[1.0, 2.0], Gen.Int[1, 1000], Gen.Int[0, 2], Gen.Int[1, 300].Array[1, 20]);

        walks.Sample((cadence, ratio, seed, preset, chunkSizes) =>
        {
            var placement = seed % 2 == 0 ? HemipareticPlacement.PocketPareticSide : HemipareticPlacement.PocketSoundSide;
            var samples = SyntheticHemipareticGait.Generate(new HemipareticWalk(cadence, ratio, Seed: seed, Bouts: 2), placement).Samples;
            var options = presets[preset];
            var offline = StepCounter.Detect(samples, options).StepTimesSeconds;
            var online = new OnlineStepCounter(options);
            for (var pass = 0; pass < 2; pass++)
            {
                var found = StepCounterTests.PushInChunks(online, samples, chunkSizes);
                found.ShouldBe(offline);
                online.Reset();
            }
        }, iter: 25);
    }

    /// <summary>
    /// Step-time asymmetry of a synthetic walk, true and as detected: consecutive true contacts of one bout whose detected
    /// matches (±0.25 s) both exist give one step time each; the ratio is the larger of the mean step time ending on a
    /// paretic contact and the mean ending on a sound one over the smaller. Also the mean |detected − true| step time.
    /// </summary>
    private static (double TrueRatio, double DetectedRatio, double MeanErrorSeconds) Asymmetry(SyntheticHemipareticRecording recording, IReadOnlyList<double> detected)
    {
        var truth = recording.Steps;
        var match = GaitEventMatching.Pairs(detected, truth.Select(s => s.ContactSeconds).ToList(), 0.25).ToDictionary(p => p.Reference, p => p.Detected);
        double trueParetic = 0, trueSound = 0, foundParetic = 0, foundSound = 0, error = 0;
        int paretic = 0, sound = 0;
        for (var k = 1; k < truth.Count; k++)
        {
            if (truth[k].Bout != truth[k - 1].Bout || !match.TryGetValue(k, out var d1) || !match.TryGetValue(k - 1, out var d0))
            {
                continue;
            }

            var t = truth[k].ContactSeconds - truth[k - 1].ContactSeconds;
            var f = detected[d1] - detected[d0];
            error += Math.Abs(f - t);
            if (truth[k].Paretic)
            {
                (trueParetic, foundParetic, paretic) = (trueParetic + t, foundParetic + f, paretic + 1);
            }
            else
            {
                (trueSound, foundSound, sound) = (trueSound + t, foundSound + f, sound + 1);
            }
        }

        var trueRatio = trueParetic / paretic / (trueSound / sound);
        var found = foundParetic / paretic / (foundSound / sound);
        // Larger over smaller, with the larger side taken from the truth, so a reversed asymmetry reads below 1.
        return trueRatio >= 1 ? (trueRatio, found, error / (paretic + sound)) : (1 / trueRatio, 1 / found, error / (paretic + sound));
    }
}
