using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;

namespace Ambulo.Motion.Tests.Gait.WalkTests;

public class TenMetreWalkTestTests
{
    private static GaitAnalysis UniformWalk(int steps, double stepSeconds)
    {
        var contacts = Enumerable.Range(0, steps).Select(k => new InitialContact(2 + k * stepSeconds, BodySide.Unknown)).ToList();
        var bouts = new List<WalkingBout> { new(contacts[0].TimeSeconds, contacts[^1].TimeSeconds, steps, 60 / stepSeconds) };
        return new GaitAnalysis("hand", contacts, [], bouts, GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None));
    }

    [Fact]
    public void Estimate_EvenStepsOverTenMetres_TimesTheMiddleSixMetres()
    {
        // 21 contacts, 20 equal steps of 0.5 m in 0.5 s: 1 m/s, the middle 6 m take 6 s.
        var result = TenMetreWalkTest.Estimate(UniformWalk(21, 0.5));

        result.Found.ShouldBeTrue();
        result.MiddleTimeSeconds!.Value.ShouldBe(6, 1e-9);
        result.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.0, 1e-9);
        result.Band!.Perry.ShouldBe("community");
        result.Band.Fulk.ShouldBe("community");
        result.DistanceSource.ShouldBe("equal-steps");
    }

    /// <summary>
    /// A pocket phone's step times alternate early/late by leg (measured on the Oxford walks). 20 contacts, 0.6 s steps,
    /// odd contacts detected 0.12 s late: the true middle 6 m take 60 % of 19 steps × 0.6 s = 6.84 s.
    /// </summary>
    [Fact]
    public void Estimate_PhoneStepsAlternatelyEarlyAndLate_TimesTheMiddleAsIfEven()
    {
        var contacts = Enumerable.Range(0, 20).Select(k => new InitialContact(2 + (k * 0.6) + (k % 2 == 1 ? 0.12 : 0), BodySide.Unknown)).ToList();
        var bouts = new List<WalkingBout> { new(contacts[0].TimeSeconds, contacts[^1].TimeSeconds, 20, 100) };
        var biased = new GaitAnalysis("back-pocket", contacts, [], bouts, GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None));
        var sided = biased with { Steps = contacts.Select((c, k) => c with { Side = k % 2 == 0 ? BodySide.Left : BodySide.Right }).ToList() };

        var phone = TenMetreWalkTest.Estimate(biased);
        var withSides = TenMetreWalkTest.Estimate(sided);

        phone.MiddleTimeSeconds!.Value.ShouldBe(6.84, 1e-9);
        // Contacts with sides are taken as measured, bias included: the 2 m mark (3.8 steps) is 0.2 × 0.12 s late, the 8 m
        // mark (15.2 steps) 0.8 × 0.12 s late.
        withSides.MiddleTimeSeconds!.Value.ShouldBe(6.84 + 0.072, 1e-9);
    }

    [Theory]
    [InlineData(0.35, "household", "home")]
    [InlineData(0.45, "limited-community", "home")]
    [InlineData(0.85, "community", "limited-community")]
    public void AmbulationBand_Of_UsesPerryAndFulkCutoffs(double speed, string perry, string fulk)
    {
        var band = AmbulationBand.Of(speed);

        band.Perry.ShouldBe(perry);
        band.Fulk.ShouldBe(fulk);
    }

    [Fact]
    public void Average_ThreeTrialsOfEachPace_SpeedIsSixMetresOverTheMeanMiddleTime()
    {
        // Comfortable trials: 20 steps of 0.6, 0.65 and 0.7 s → middle 6 m in 7.2, 7.8 and 8.4 s, mean 7.8 s.
        // Fast: 0.4 and 0.45 s → 4.8 and 5.4 s, mean 5.1 s; a third fast trial without walking is not averaged.
        var comfortable = new[] { 0.6, 0.65, 0.7 }.Select(s => TenMetreWalkTest.Estimate(UniformWalk(21, s))).ToList();
        var fast = new[] { 0.4, 0.45 }.Select(s => TenMetreWalkTest.Estimate(UniformWalk(21, s)))
            .Append(TenMetreWalkTest.Estimate(new GaitAnalysis("hand", [], [], [], GaitSummaries.Summarize([], [], [], DistanceModel.None)))).ToList();

        var c = TenMetreWalkTest.Average(WalkingPace.Comfortable, comfortable);
        var f = TenMetreWalkTest.Average(WalkingPace.Fast, fast);

        c.Found.ShouldBeTrue();
        c.Trials.ShouldBe(3);
        c.MeanMiddleTimeSeconds!.Value.ShouldBe(7.8, 1e-9);
        // 6 / mean time, which is not the mean of the trial speeds (0.7707…).
        c.GaitSpeedMetersPerSecond!.Value.ShouldBe(6 / 7.8, 1e-9);
        c.Band!.Perry.ShouldBe("limited-community");
        c.Band.Fulk.ShouldBe("limited-community");
        f.Trials.ShouldBe(2);
        f.TrialResults.Count.ShouldBe(3);
        f.GaitSpeedMetersPerSecond!.Value.ShouldBe(6 / 5.1, 1e-9);
        f.Band!.Perry.ShouldBe("community");
        f.Problem!.ShouldContain("1 of 3");
    }

    [Fact]
    public void Average_NoTimedTrial_IsNotFoundAndSaysWhy()
    {
        var empty = TenMetreWalkTest.Estimate(new GaitAnalysis("hand", [], [], [], GaitSummaries.Summarize([], [], [], DistanceModel.None)));

        var result = TenMetreWalkTest.Average(WalkingPace.Fast, [empty]);

        result.Found.ShouldBeFalse();
        result.GaitSpeedMetersPerSecond.ShouldBeNull();
        result.Problem!.ShouldContain("no walking bout");
    }

    [Fact]
    public void Estimate_NoWalking_SaysSo()
    {
        var empty = new GaitAnalysis("hand", [], [], [], GaitSummaries.Summarize([], [], [], DistanceModel.None));

        var result = TenMetreWalkTest.Estimate(empty);

        result.Found.ShouldBeFalse();
        result.Problem.ShouldNotBeNull();
    }
}

public class TenMetreWalkPhoneDistanceTests
{
    private static SensorRecording Pocket(ImuSample[] samples) => new(new RecordingMetadata
    {
        Sensor = SensorKind.Phone,
        Placement = "front-pocket",
        SamplingRateHz = 100,
        Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
    }, samples);

    /// <summary>
    /// SYNTHETIC phone walker with 0.625 m steps of 0.5 s (1.25 m/s): 17 contacts = 16 steps = 10 m. The personal
    /// Weinberg constant comes from a different walk of the same walker (21 contacts over its known 12.5 m, other noise).
    /// </summary>
    [Fact]
    public void Estimate_PhoneWithCalibratedConstant_MeasuresTheTenMetresAndTimesTheMiddleBySensorDistance()
    {
        var (calibration, _) = SyntheticSteps.Walk(21, stepSeconds: 0.5, seed: 11);
        var calibrationSteps = StepCounter.Detect(calibration, StepCounterOptions.SlowOrImpaired).StepTimesSeconds;
        calibrationSteps.Count.ShouldBe(21);
        var k = PhoneStepLength.Calibrate(calibration, calibrationSteps, 20 * 0.625).WeinbergConstant;
        var (walk, contacts) = SyntheticSteps.Walk(17, stepSeconds: 0.5, seed: 5);
        var options = new GaitAnalysisOptions(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(WeinbergConstant: k));

        var result = TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([Pocket(walk)], options));

        result.Found.ShouldBeTrue(result.Problem);
        result.DistanceSource.ShouldBe("sensor-distance");
        result.DistanceModel.ShouldBe(DistanceModel.WeinbergAccelerationRange);
        result.SensorDistanceMeters!.Value.ShouldBe(10, 0.2);
        // The middle 6 m of even steps: 9.6 steps of 0.5 s = 4.8 s, 1.25 m/s.
        result.MiddleTimeSeconds!.Value.ShouldBe(4.8, 0.1);
        result.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.25, 0.03);
        (contacts[^1] - contacts[0]).ShouldBe(8.0, 1e-9);
    }

    /// <summary>
    /// SYNTHETIC walker who starts and stops with short steps: the first and last three steps bounce with 2/5 of the
    /// acceleration of the others (Weinberg: (2/5)^¼ = 0.8 × the length). Equal steps put the 2 m and 8 m marks at
    /// 20 % and 80 % of the contacts; the sensor distance puts them further in, so the timed middle is shorter, and the
    /// height-ratio model (every step the same) must agree with equal steps.
    /// </summary>
    [Fact]
    public void Estimate_ShortStartAndStopSteps_SensorDistanceShortensTheTimedMiddle()
    {
        var weak = new HashSet<int> { 0, 1, 2, 18, 19, 20 };
        var (walk, _) = SyntheticSteps.Walk(21, stepSeconds: 0.5, amplitudeMps2: 4.0, weakSteps: weak, weakAmplitudeMps2: 1.6, seed: 4);
        var recording = Pocket(walk);

        var equal = TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([recording], new GaitAnalysisOptions(GaitPopulation.SlowOrImpaired)));
        var height = TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([recording],
            new GaitAnalysisOptions(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(BodyHeightMeters: 1.7))));
        var weinberg = TenMetreWalkTest.Estimate(GaitAnalyzer.Analyze([recording],
            new GaitAnalysisOptions(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(WeinbergConstant: 0.45))));

        equal.Steps.ShouldBe(21);
        equal.DistanceSource.ShouldBe("equal-steps");
        equal.DistanceModel.ShouldBe(DistanceModel.None);
        equal.SensorDistanceMeters.ShouldBeNull();
        height.DistanceModel.ShouldBe(DistanceModel.HeightRatio);
        height.MiddleTimeSeconds!.Value.ShouldBe(equal.MiddleTimeSeconds!.Value, 1e-6);
        height.SensorDistanceMeters!.Value.ShouldBe(20 * 0.414 * 1.7, 1e-6);
        weinberg.DistanceModel.ShouldBe(DistanceModel.WeinbergAccelerationRange);
        weinberg.MiddleTimeSeconds!.Value.ShouldBeLessThan(equal.MiddleTimeSeconds.Value - 0.2);
    }
}
