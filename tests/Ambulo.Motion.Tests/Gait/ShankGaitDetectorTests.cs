using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;
using static Ambulo.Motion.Tests.Gait.ShankSyntheticGait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// Contract tests of <see cref="ShankGaitDetector"/> on SYNTHETIC shank signals (<see cref="ShankSyntheticGait"/>): the contacts
/// the model puts in are the truth. Tolerances, for the initial and the final contact: ±20 and ±40 ms for healthy walking
/// at 100 Hz, ±40 and ±60 ms for slow walking. The low-pass before the minima moves each contact by about one sample
/// outward from the swing (the steep side of the lobe is smeared across the minimum), and the final contact's minimum is
/// broad and shallow, so noise moves it further; Catalfamo et al. (Sensors 2010;10:5683) report shank-gyroscope foot-off
/// differing from the pressure reference by up to 75 ms on average, initial contact by up to 25 ms.
/// </summary>
public sealed class ShankGaitDetectorTests
{
    private const double RateHz = 100;
    private static readonly Tolerance Healthy = new(0.02, 0.04);
    private static readonly Tolerance Slow = new(0.04, 0.06);

    private sealed record Tolerance(double InitialContactSeconds, double FinalContactSeconds);

    [Fact]
    public void Detect_HealthyWalk_RecoversEveryContactStanceAndSwing()
    {
        var truth = Regular(12, firstInitialContact: 2, StrideSecondsAt(110), stanceFraction: 0.6);
        var samples = Signal(truth, durationSeconds: 2 + (12 * StrideSecondsAt(110)) + 2);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left, ShankGaitOptions.Healthy);

        ShouldMatch(result, truth, Healthy);
        result.Strides.ShouldAllBe(s => s.Side == BodySide.Left && s.StrideLengthMeters == null);
        result.DistanceModel.ShouldBe(DistanceModel.None);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(5, 2)]
    [InlineData(8, 3)]
    public void Detect_NoisierGyroscope_StillWithinTolerance(double noiseDegreesPerSecond, int seed)
    {
        var truth = Regular(12, 2, StrideSecondsAt(100), stanceFraction: 0.6);
        var samples = Signal(truth, 2 + (12 * 1.2) + 2, noiseDegreesPerSecond: noiseDegreesPerSecond, seed: seed);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left, ShankGaitOptions.Healthy);

        ShouldMatch(result, truth, Healthy);
    }

    [Fact]
    public void Detect_SlowWalkAt40StepsPerMinute_SlowOrImpairedFindsEveryStride()
    {
        var stride = StrideSecondsAt(40); // 3 s
        var truth = Regular(8, firstInitialContact: 3, stride, stanceFraction: 0.7);
        var samples = Signal(truth, 3 + (8 * stride) + 3, leg: Leg.Slow);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Right, ShankGaitOptions.SlowOrImpaired);

        ShouldMatch(result, truth, Slow);
    }

    [Fact]
    public void Detect_SlowWalkAt40StepsPerMinute_HealthyPresetFindsNoStride()
    {
        var stride = StrideSecondsAt(40);
        var truth = Regular(8, firstInitialContact: 3, stride, stanceFraction: 0.7);
        var samples = Signal(truth, 3 + (8 * stride) + 3, leg: Leg.Slow);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Right, ShankGaitOptions.Healthy);

        result.Strides.ShouldBeEmpty(); // its swings peak near 60 °/s, under the healthy 100 °/s: why the slow preset exists
    }

    [Fact]
    public void Detect_SensorTurnedOver_SameEventsWithTheAxisReversed()
    {
        var truth = Regular(10, 2, 1.1, 0.62);
        var upright = Signal(truth, 2 + 11 + 2, seed: 4);
        var turned = Signal(truth, 2 + 11 + 2, seed: 4, mounting: Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI)); // the other leg's mirror

        var a = ShankGaitDetector.Detect(upright, RateHz, BodySide.Left);
        var b = ShankGaitDetector.Detect(turned, RateHz, BodySide.Right);

        ShouldMatch(b, truth, Healthy);
        b.Strides.Count.ShouldBe(a.Strides.Count);
        Vector3.Dot(a.MediolateralAxis, Vector3.UnitY).ShouldBeGreaterThan(0.95f);
        Vector3.Dot(b.MediolateralAxis, Vector3.UnitY).ShouldBeLessThan(-0.95f);
    }

    [Theory]
    [InlineData(0.4f, 1.1f, -0.7f)]
    [InlineData(2.5f, -0.3f, 1.9f)]
    [InlineData(-1.2f, 2.8f, 0.2f)]
    public void Detect_SensorAtAnyAngleOnTheLeg_RecoversTheContacts(float yaw, float pitch, float roll)
    {
        var truth = Regular(10, 2, 1.2, 0.6);
        var mounting = Quaternion.CreateFromYawPitchRoll(yaw, pitch, roll);
        var samples = Signal(truth, 16, seed: 7, mounting: mounting);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        ShouldMatch(result, truth, Healthy);
        var modelAxis = Vector3.Transform(Vector3.UnitY, mounting);
        Vector3.Dot(result.MediolateralAxis, modelAxis).ShouldBeGreaterThan(0.95f);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(128)]
    [InlineData(200)]
    public void Detect_OtherSamplingRates_RecoversTheContacts(double rateHz)
    {
        var truth = Regular(10, 2, 1.05, 0.6);
        var samples = Signal(truth, 16, rateHz: rateHz);

        var result = ShankGaitDetector.Detect(samples, rateHz, BodySide.Left);

        ShouldMatch(result, truth, Healthy);
    }

    [Fact]
    public void Detect_HemipareticIrregularSwings_FindsEveryStrideOfBothLegs()
    {
        // Paretic left leg: small, irregular swings, short stance (55 %); right leg: healthy shape, long stance (75 %).
        // Strides of 2.4 s ± 10 %, the right leg's contacts half a stride after the left's.
        var random = new Random(11);
        var strides = Enumerable.Range(0, 9).Select(_ => 2.4 * (0.9 + (0.2 * random.NextDouble()))).ToList();
        var ics = new List<double> { 3 };
        foreach (var s in strides)
        {
            ics.Add(ics[^1] + s);
        }

        var left = ics.Skip(1).Select((ic, k) => new SwingEvents(ic - (0.45 * strides[k]), ic)).Prepend(new SwingEvents(3 - 1.0, 3)).ToList();
        var right = ics.Take(ics.Count - 1).Select((ic, k) => new SwingEvents(ic + (0.5 * strides[k]) - (0.25 * strides[k]), ic + (0.5 * strides[k]))).ToList();
        var scale = Enumerable.Range(0, left.Count).Select(_ => 0.75 + (0.5 * random.NextDouble())).ToList();
        var duration = ics[^1] + 3;
        var leftSamples = Signal(left, duration, leg: Leg.Slow, excursionScale: scale, seed: 21);
        var rightSamples = Signal(right, duration, leg: Leg.Healthy with { SwingExcursionDegrees = 50 }, seed: 22);

        var leftResult = ShankGaitDetector.Detect(leftSamples, RateHz, BodySide.Left, ShankGaitOptions.SlowOrImpaired);
        var rightResult = ShankGaitDetector.Detect(rightSamples, RateHz, BodySide.Right, ShankGaitOptions.SlowOrImpaired);

        ShouldMatch(leftResult, left, Slow);
        ShouldMatch(rightResult, right, Slow);
    }

    [Fact]
    public void Detect_StandingStill_FindsNoStride()
    {
        var samples = Standing(60);

        ShankGaitDetector.Detect(samples, RateHz, BodySide.Left, ShankGaitOptions.Healthy).Strides.ShouldBeEmpty();
        ShankGaitDetector.Detect(samples, RateHz, BodySide.Left, ShankGaitOptions.SlowOrImpaired).Strides.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Detect_RandomLegMotion_FindsNoStride(bool sagittalOnly)
    {
        var found = new List<string>();
        for (var seed = 1; seed <= 20; seed++)
        {
            var samples = RandomMotion(60, seed, sagittalOnly: sagittalOnly);
            foreach (var (name, preset) in new[] { ("healthy", ShankGaitOptions.Healthy), ("slow", ShankGaitOptions.SlowOrImpaired) })
            {
                var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left, preset);
                if (result.Strides.Count > 0 || result.InitialContacts.Count > 0)
                {
                    found.Add($"seed {seed} {name}: {result.Strides.Count} strides");
                }
            }
        }

        found.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_NonFiniteSamples_AreSkippedAndCounted()
    {
        var truth = Regular(12, 2, 1.1, 0.6);
        var samples = Signal(truth, 17);
        var nan = new Vector3(float.NaN, 0, 0);
        foreach (var i in new[] { 505, 506, 777 })
        {
            samples[i] = samples[i] with { AngularVelocityRadps = nan };
        }

        samples[900] = samples[900] with { TimeSeconds = double.NaN };
        samples[1100] = samples[1100] with { AngularVelocityRadps = new Vector3(0, float.PositiveInfinity, 0) };

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        result.SkippedSamples.ShouldBe(5);
        result.Gaps.ShouldBe(0);
        ShouldMatch(result, truth, Healthy);
    }

    [Fact]
    public void Detect_SamplesOutOfTimeOrder_AreSkippedAndCounted()
    {
        var truth = Regular(12, 2, 1.1, 0.6);
        var samples = Signal(truth, 17);
        samples[600] = samples[600] with { TimeSeconds = samples[598].TimeSeconds };

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        result.SkippedSamples.ShouldBe(1);
        ShouldMatch(result, truth, Healthy);
    }

    [Fact]
    public void Detect_GapInTheRecording_NoStrideSpansItAndBothSidesAreFound()
    {
        var truth = Regular(20, 2, 1.1, 0.6);
        var samples = Signal(truth, 26);
        var gapFrom = 12.0;
        var gapTo = 14.0;
        var withGap = samples.Where(s => s.TimeSeconds < gapFrom || s.TimeSeconds >= gapTo).ToArray();

        var result = ShankGaitDetector.Detect(withGap, RateHz, BodySide.Left);

        result.Gaps.ShouldBe(1);
        result.Strides.ShouldNotBeEmpty();
        result.Strides.ShouldAllBe(s => s.EndSeconds <= gapFrom || s.StartSeconds >= gapTo);
        result.Strides.ShouldContain(s => s.EndSeconds <= gapFrom);
        result.Strides.ShouldContain(s => s.StartSeconds >= gapTo);
        foreach (var s in result.Strides)
        {
            truth.ShouldContain(e => Math.Abs(e.InitialContact - s.StartSeconds) <= Healthy.InitialContactSeconds);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(150)]
    public void Detect_TooFewSamples_ReturnsNothing(int count)
    {
        var samples = Signal(Regular(3, 0.5, 0.5, 0.6), count / RateHz);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        result.Strides.ShouldBeEmpty();
        result.InitialContacts.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_AllSamplesNaN_SkipsEveryOneWithoutThrowing()
    {
        var samples = Enumerable.Range(0, 500).Select(i => new ImuSample(i / RateHz, Vector3.Zero, new Vector3(float.NaN))).ToArray();

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        result.SkippedSamples.ShouldBe(500);
        result.Strides.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_WalkThenStand_FlagsOnlyTheLastStrideAsEndingInStandstill()
    {
        var truth = Regular(8, 2, 1.1, 0.6);
        var samples = Signal(truth, 2 + 9 + 5);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        result.Strides.Count.ShouldBe(7);
        result.Strides[^1].EndsInStandstill.ShouldBeTrue();
        result.Strides.Take(6).ShouldAllBe(s => !s.EndsInStandstill);
    }

    [Fact]
    public void Detect_TwoWalksApart_GiveTwoRunsWithNoStrideAcrossThePause()
    {
        var first = Regular(6, 2, 1.1, 0.6);
        var second = Regular(6, 20, 1.1, 0.6);
        var samples = Signal([.. first, .. second], 30);

        var result = ShankGaitDetector.Detect(samples, RateHz, BodySide.Left);

        result.Strides.Count.ShouldBe(10);
        result.Strides.ShouldAllBe(s => s.StrideTimeSeconds < 1.2);
        result.Strides.Count(s => s.EndsInStandstill).ShouldBe(2);
    }

    [Fact]
    public void Presets_SlowOrImpaired_IsMoreLenientThanHealthy()
    {
        var healthy = ShankGaitOptions.Healthy;
        var slow = ShankGaitOptions.SlowOrImpaired;

        slow.SwingPeakThresholdDegreesPerSecond.ShouldBeLessThan(healthy.SwingPeakThresholdDegreesPerSecond);
        slow.MaximumStrideSeconds.ShouldBeGreaterThan(healthy.MaximumStrideSeconds);
        slow.MaximumSwingSeconds.ShouldBeGreaterThan(healthy.MaximumSwingSeconds);
        ShankGaitOptions.For(GaitPopulation.Healthy).ShouldBeSameAs(healthy);
        ShankGaitOptions.For(GaitPopulation.Hemiparetic).ShouldBeSameAs(slow);
    }

    /// <summary>
    /// Every stride between consecutive true swings is found once: start and end within the initial-contact tolerance of the
    /// true initial contacts, its final contact within the final-contact tolerance, stance and swing within the sum of the
    /// two; the contacts likewise.
    /// </summary>
    private static void ShouldMatch(ShankGaitResult result, List<SwingEvents> truth, Tolerance tolerance)
    {
        var (ic, fc) = (tolerance.InitialContactSeconds, tolerance.FinalContactSeconds);
        result.Strides.Count.ShouldBe(truth.Count - 1, Describe(result));
        for (var k = 0; k + 1 < truth.Count; k++)
        {
            var (a, b) = (truth[k], truth[k + 1]);
            var s = result.Strides[k];
            s.StartSeconds.ShouldBe(a.InitialContact, ic, $"stride {k} initial contact");
            s.EndSeconds.ShouldBe(b.InitialContact, ic, $"stride {k} end");
            s.FinalContactSeconds!.Value.ShouldBe(b.FinalContact, fc, $"stride {k} final contact");
            s.StanceSeconds!.Value.ShouldBe(b.FinalContact - a.InitialContact, ic + fc, $"stride {k} stance");
            s.SwingSeconds!.Value.ShouldBe(b.InitialContact - b.FinalContact, ic + fc, $"stride {k} swing");
            (s.StanceSeconds!.Value + s.SwingSeconds!.Value).ShouldBe(s.StrideTimeSeconds, 1e-9);
        }

        result.InitialContacts.Count.ShouldBe(truth.Count);
        for (var k = 0; k < truth.Count; k++)
        {
            result.InitialContacts[k].TimeSeconds.ShouldBe(truth[k].InitialContact, ic, $"contact {k}");
        }
    }

    private static string Describe(ShankGaitResult result) =>
        string.Join("; ", result.Strides.Select(s => $"{s.StartSeconds:F2}-{s.EndSeconds:F2} fc {s.FinalContactSeconds:F2}"));
}
