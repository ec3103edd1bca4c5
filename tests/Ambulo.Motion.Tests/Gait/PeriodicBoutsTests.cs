using System.Numerics;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class PeriodicBoutsTests
{
    private static readonly LowerBackGaitOptions PeriodicOff = LowerBackGaitOptions.SlowOrImpaired with { PeriodicBoutIntervalRatio = 0 };

    /// <summary>
    /// A slow walk of 16 steps of 0.75 s whose trunk bounce is uneven (after the 3 Hz step band 0.25–1.75 m/s², like
    /// HA/001 28.6–33.3 s of the mobgap data): never six bounces above the 0.5 m/s² threshold within the longest step
    /// (2 s) of each other, so the thresholded peaks find no bout.
    /// </summary>
    private static readonly double[] UnevenBounces = [0.7, 3.0, 2.5, 0.7, 0.7, 1.4, 0.7, 2.6, 0.7, 0.7, 2.0, 1.7, 0.7, 0.7, 2.4, 0.9];

    private static readonly List<double> SlowSteps = Enumerable.Range(0, 16).Select(k => 3.0 + 0.75 * k).ToList();

    [Fact]
    public void Detect_SlowWalkWithUnevenBounces_IsFoundByItsPeriodicity()
    {
        var samples = Trunk(SlowSteps.Select((t, k) => (t, UnevenBounces[k])).ToList(), SlowSteps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), 18, seed: 5);

        var periodic = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);
        var thresholded = LowerBackGaitDetector.Detect(samples, 100, PeriodicOff);

        thresholded.WalkingBouts.ShouldBeEmpty();
        periodic.WalkingBouts.ShouldHaveSingleItem().CadenceStepsPerMinute.ShouldBe(60 / 0.75, 3);
        GaitEventMatching.Match(periodic.InitialContacts.Select(c => c.TimeSeconds).ToList(), SlowSteps, 0.15).Recall.ShouldBeGreaterThan(0.85);
    }

    [Fact]
    public void Detect_SameBouncesWithoutYawAlternation_IsNotWalking()
    {
        var samples = Trunk(SlowSteps.Select((t, k) => (t, UnevenBounces[k])).ToList(), [], 18, seed: 5);

        LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired).WalkingBouts.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(21, 40)]
    [InlineData(41, 60)]
    public void Detect_RandomBouncesAndTwitches_PeriodicSearchAddsNoBout(int firstSeed, int lastSeed)
    {
        // Bounces of random size (0.5–1.1 m/s²) at random intervals (0.35–1.6 s) and, independently, yaw twitches of random
        // sign and size at random intervals: two minutes of movement that is not walking, per seed. (The thresholded peaks
        // alone already take some of these trains for walking; the periodicity search must not add to them.)
        for (var seed = firstSeed; seed <= lastSeed; seed++)
        {
            var random = new Random(seed);
            var bounces = RandomTrain(random, 0.5, 1.1);
            var twitches = RandomTrain(random, -0.5, 0.5);
            var samples = Trunk(bounces, twitches, 120, seed);

            var periodic = LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired);
            var thresholded = LowerBackGaitDetector.Detect(samples, 100, PeriodicOff);

            periodic.WalkingBouts.Count.ShouldBe(thresholded.WalkingBouts.Count, $"seed {seed}");
        }
    }

    [Fact]
    public void Detect_StandingSway_FindsNoBout()
    {
        // Two minutes standing: the trunk sways 2° at 0.2–0.6 Hz and bobs 0.1 m/s².
        var samples = Posture(120, t => 2 * Math.Sin(2 * Math.PI * 0.2 * t) + Math.Sin(2 * Math.PI * 0.6 * t + 1), t => 0.1 * Math.Sin(2 * Math.PI * 0.45 * t));

        LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired).WalkingBouts.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_SitToStandAndBack_FindsNoBout()
    {
        // Ten chair rises and sits every 6 s: the trunk leans 40° forward and back over 1.6 s while the body rises
        // (vertical +1.5 then −1.5 m/s²), and the reverse when sitting down.
        static double Lean(double t) => (t % 6) < 1.6 ? 40 * Math.Sin(Math.PI * (t % 6) / 1.6) : 0;
        static double Lift(double t)
        {
            var phase = t % 6;
            return phase is > 0.3 and < 1.5 ? 1.5 * Math.Sin(2 * Math.PI * (phase - 0.3) / 1.2) : 0;
        }

        var samples = Posture(60, Lean, Lift);

        LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired).WalkingBouts.ShouldBeEmpty();
    }

    [Fact]
    public void Detect_RepeatedReaching_FindsNoBout()
    {
        // Reaching forward to a shelf every 4 s: 30° of trunk flexion over 1.2 s and back, with a 0.8 m/s² jolt on grasping.
        static double Lean(double t) => (t % 4) < 2.4 ? 30 * Math.Sin(Math.PI * (t % 4) / 2.4) : 0;
        static double Jolt(double t)
        {
            var d = (t % 4) - 1.2;
            return 0.8 * Math.Exp(-d * d / (2 * 0.05 * 0.05));
        }

        var samples = Posture(80, Lean, Jolt);

        LowerBackGaitDetector.Detect(samples, 100, LowerBackGaitOptions.SlowOrImpaired).WalkingBouts.ShouldBeEmpty();
    }

    private static List<(double Time, double Amplitude)> RandomTrain(Random random, double min, double max)
    {
        var train = new List<(double, double)>();
        for (var t = 1.0 + random.NextDouble(); t < 119; t += 0.35 + 1.25 * random.NextDouble())
        {
            train.Add((t, min + (max - min) * random.NextDouble()));
        }

        return train;
    }

    /// <summary>A flat sensor at 100 Hz: Gaussian bounces (σ 60 ms) of vertical acceleration and lobes (σ 150 ms) of yaw rate.</summary>
    internal static ImuSample[] Trunk(List<(double Time, double Amplitude)> bounces, List<(double Time, double Amplitude)> yawLobes, double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new ImuSample[(int)(seconds * 100)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 100.0;
            var noise = (random.NextDouble() - 0.5) * 0.1;
            samples[i] = new ImuSample(t, new Vector3(0, 0, (float)(9.81 + Sum(bounces, t, 0.06) + noise)), new Vector3(0, 0, (float)Sum(yawLobes, t, 0.15)));
        }

        return samples;
    }

    /// <summary>A sensor on the lower back whose trunk pitches by <paramref name="leanDegrees"/> while the body accelerates vertically.</summary>
    private static ImuSample[] Posture(double seconds, Func<double, double> leanDegrees, Func<double, double> verticalMps2)
    {
        var random = new Random(11);
        var samples = new ImuSample[(int)(seconds * 100)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 100.0;
            var pitch = leanDegrees(t) * Math.PI / 180;
            var rate = (leanDegrees(t + 0.005) - leanDegrees(t - 0.005)) / 0.01 * Math.PI / 180;
            var up = 9.81 + verticalMps2(t) + (random.NextDouble() - 0.5) * 0.1;
            samples[i] = new ImuSample(t, new Vector3(0, (float)(up * Math.Sin(pitch)), (float)(up * Math.Cos(pitch))), new Vector3((float)rate, 0, 0));
        }

        return samples;
    }

    private static double Sum(List<(double Time, double Amplitude)> lobes, double t, double sigma)
    {
        var sum = 0.0;
        foreach (var (time, amplitude) in lobes)
        {
            var d = t - time;
            if (Math.Abs(d) < 5 * sigma)
            {
                sum += amplitude * Math.Exp(-d * d / (2 * sigma * sigma));
            }
        }

        return sum;
    }
}
