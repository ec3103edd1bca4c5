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

        result.Measured.ShouldBeTrue();
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

    /// <summary>
    /// A walk whose distance model measured <paramref name="stepMeters"/> per step: <paramref name="contacts"/> contacts
    /// every <paramref name="stepSeconds"/> from 2 s, every step but the first (which has no previous contact) that long.
    /// </summary>
    private static GaitAnalysis MeasuredWalk(int contacts, double stepSeconds, double stepMeters, DistanceModel model = DistanceModel.WeinbergAccelerationRange)
    {
        var walk = UniformWalk(contacts, stepSeconds);
        var lengths = Enumerable.Range(0, contacts).Select(k => k == 0 ? (double?)null : stepMeters).ToList();
        var bouts = walk.WalkingBouts.Select(b => b with { DistanceMeters = (contacts - 1) * stepMeters }).ToList();
        return walk with { WalkingBouts = bouts, Summary = GaitSummaries.Summarize(walk.Steps, [], bouts, model), StepLengthsMeters = lengths };
    }

    [Fact]
    public void Estimate_FourteenMetreWalkwayStated_TimesTheMiddleTenMetres()
    {
        // 29 contacts, 28 steps of 0.5 m in 0.5 s: 14 m at 1 m/s. As a 10 m walk its 14 m are more than 25 % off and it is
        // not timed; stated as a 14 m walkway (2 m + 10 m + 2 m) the middle 10 m take 10 s.
        var walk = MeasuredWalk(29, 0.5, 0.5);

        var asTen = TenMetreWalkTest.Estimate(walk);
        var asFourteen = TenMetreWalkTest.Estimate(walk, new TenMetreWalkOptions(WalkwayMeters: 14));

        asTen.Measured.ShouldBeFalse();
        asTen.Problem!.ShouldContain("14.0 m of walking");
        asFourteen.Measured.ShouldBeTrue(asFourteen.Problem);
        asFourteen.TimedMeters.ShouldBe(10);
        asFourteen.WalkwayMeters.ShouldBe(14);
        asFourteen.MiddleTimeSeconds!.Value.ShouldBe(10, 1e-9);
        asFourteen.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Estimate_TenMetreWalkStatedAsFourteen_IsCheckedAgainstTheStatedWalkway()
    {
        // A 10 m walk (21 contacts of 0.5 m) given as a 14 m walkway: 10 m is more than 25 % short of 14 m.
        var result = TenMetreWalkTest.Estimate(MeasuredWalk(21, 0.5, 0.5), new TenMetreWalkOptions(WalkwayMeters: 14));

        result.Measured.ShouldBeFalse();
        result.Problem!.ShouldContain("from the stated 14 m walkway");
    }

    [Fact]
    public void Average_FourteenMetreWalkway_DividesTheTimedTenMetresByTheMeanTime()
    {
        var options = new TenMetreWalkOptions(WalkwayMeters: 14);
        var trials = new[] { MeasuredWalk(29, 0.5, 0.5), MeasuredWalk(29, 0.6, 0.5) }.Select(w => TenMetreWalkTest.Estimate(w, options)).ToList();

        var pace = TenMetreWalkTest.Average(WalkingPace.Comfortable, trials, options);

        pace.Measured.ShouldBeTrue(pace.Problem);
        pace.MeanMiddleTimeSeconds!.Value.ShouldBe(11, 1e-9);
        pace.GaitSpeedMetersPerSecond!.Value.ShouldBe(10 / 11.0, 1e-9);
        pace.TimedMeters.ShouldBe(10);
    }

    private static readonly TenMetreWalkOptions NoCourseCheck = new(DistanceTolerance: double.MaxValue, LongestStepMeters: double.MaxValue);

    [Fact]
    public void Estimate_SensorDistanceOfAShortWalk_IsNotTimedAndSaysWhy()
    {
        // 11 contacts, 10 steps of 0.37 m in 0.5 s: a 3.7 m walk. Stretched onto 10 m (the check switched off) it would give
        // a confident 6 m / 3 s = 2 m/s; the walker really went 0.74 m/s.
        var walk = MeasuredWalk(11, 0.5, 0.37);

        var result = TenMetreWalkTest.Estimate(walk);
        var stretched = TenMetreWalkTest.Estimate(walk, NoCourseCheck);

        stretched.Measured.ShouldBeTrue();
        stretched.GaitSpeedMetersPerSecond!.Value.ShouldBe(2.0, 1e-9);
        result.Measured.ShouldBeFalse();
        result.MiddleStartSeconds.ShouldBeNull();
        result.MiddleEndSeconds.ShouldBeNull();
        result.MiddleTimeSeconds.ShouldBeNull();
        result.GaitSpeedMetersPerSecond.ShouldBeNull();
        result.Band.ShouldBeNull();
        result.SensorDistanceMeters!.Value.ShouldBe(3.7, 1e-9);
        result.Steps.ShouldBe(11);
        result.DistanceModel.ShouldBe(DistanceModel.WeinbergAccelerationRange);
        result.Problem!.ShouldContain("3.7 m");
        result.Problem!.ShouldContain("more than 25 % from the stated 10 m walkway");
    }

    [Fact]
    public void Estimate_SensorDistanceOfTheCourse_IsTimedExactlyAsWithoutTheCheck()
    {
        // 21 contacts, 20 steps of 0.5 m in 0.5 s: 10 m at 1 m/s, the middle 6 m in 6 s.
        var walk = MeasuredWalk(21, 0.5, 0.5);

        var result = TenMetreWalkTest.Estimate(walk);
        var withoutCheck = TenMetreWalkTest.Estimate(walk, NoCourseCheck);

        result.Measured.ShouldBeTrue(result.Problem);
        result.Problem.ShouldBeNull();
        result.DistanceSource.ShouldBe("sensor-distance");
        result.SensorDistanceMeters!.Value.ShouldBe(10, 1e-9);
        result.MiddleTimeSeconds!.Value.ShouldBe(6, 1e-9);
        result.GaitSpeedMetersPerSecond!.Value.ShouldBe(1.0, 1e-9);
        result.ShouldBe(withoutCheck);
    }

    [Theory]
    [InlineData(0.37, false)] // 7.4 m: 26 % short
    [InlineData(0.38, true)]  // 7.6 m: 24 % short, e.g. a true 10 m walk without its first step, read by a model 10 % short
    [InlineData(0.62, true)]  // 12.4 m
    [InlineData(0.63, false)] // 12.6 m: a walk past the end of the course
    public void Estimate_SensorDistanceNearTheTolerance_IsTimedOnlyWithinAQuarterOfTheCourse(double stepMeters, bool timed)
    {
        var result = TenMetreWalkTest.Estimate(MeasuredWalk(21, 0.5, stepMeters));

        result.SensorDistanceMeters!.Value.ShouldBe(20 * stepMeters, 1e-9);
        result.Measured.ShouldBe(timed, result.Problem);
        (result.GaitSpeedMetersPerSecond is not null).ShouldBe(timed);
    }

    [Fact]
    public void Estimate_HeightRatioFarFromTheCourse_IsCheckedByItsStepsOnly()
    {
        // A slow walker's 10 m in 28 short steps: the height ratio gives each step 0.414 × 1.7 m = 0.70 m, 19.0 m in all.
        // That model cannot tell a long walk from short steps, so the trial is timed (by the step rule it has enough steps).
        var result = TenMetreWalkTest.Estimate(MeasuredWalk(29, 0.8, 0.414 * 1.7, DistanceModel.HeightRatio));

        result.SensorDistanceMeters!.Value.ShouldBe(28 * 0.414 * 1.7, 1e-9);
        result.Measured.ShouldBeTrue(result.Problem);
        result.MiddleTimeSeconds!.Value.ShouldBe(0.6 * 28 * 0.8, 1e-9);
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void Estimate_NoDistanceModel_IsTimedOnlyWithTheStepsTheCourseNeeds(int contacts, bool timed)
    {
        // Without a model the walk is only counted: 10 m take at least 10 steps of at most 1 m.
        var result = TenMetreWalkTest.Estimate(UniformWalk(contacts, 0.5));

        result.DistanceSource.ShouldBe("equal-steps");
        result.Measured.ShouldBe(timed, result.Problem);
        result.Steps.ShouldBe(contacts);
        if (!timed)
        {
            result.MiddleTimeSeconds.ShouldBeNull();
            result.GaitSpeedMetersPerSecond.ShouldBeNull();
            result.Band.ShouldBeNull();
            result.Problem!.ShouldContain("only 9 steps");
            result.Problem!.ShouldContain("at least 10 steps");
        }
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Estimate_NoDistanceModel_IsTimedOnlyWithoutMoreStepsThanTheCourseHolds(int contacts, bool timed)
    {
        // 10 m hold at most 100 steps of at least 0.1 m; a longer walk stretched onto the course would read far too slow.
        var result = TenMetreWalkTest.Estimate(UniformWalk(contacts, 0.5));

        result.Measured.ShouldBe(timed, result.Problem);
        (result.GaitSpeedMetersPerSecond is not null).ShouldBe(timed);
        (result.Band is not null).ShouldBe(timed);
        if (!timed)
        {
            result.Problem!.ShouldContain("101 steps");
            result.Problem!.ShouldContain("at most 100 steps of at least 0.1 m");
        }
    }

    [Fact]
    public void Estimate_HeightRatioOfAThreeMinuteWalk_IsNotTimedInsteadOfReadingAsAHouseholdSpeed()
    {
        // A healthy 3-minute walk, 325 steps of 0.55 s, read by the height ratio (0.414 × 1.75 m a step, about 235 m).
        // Stretched onto 10 m (the step ceiling switched off) its middle 6 m take 60 % of 324 steps: 107 s, 0.06 m/s,
        // "household"; with the ceiling it is not timed.
        var walk = MeasuredWalk(325, 0.55, 0.414 * 1.75, DistanceModel.HeightRatio);

        var stretched = TenMetreWalkTest.Estimate(walk, new TenMetreWalkOptions(ShortestStepMeters: 0));
        var result = TenMetreWalkTest.Estimate(walk);

        stretched.Measured.ShouldBeTrue(stretched.Problem);
        stretched.GaitSpeedMetersPerSecond!.Value.ShouldBe(6 / (0.6 * 324 * 0.55), 1e-9);
        stretched.Band!.Perry.ShouldBe("household");
        result.Measured.ShouldBeFalse();
        result.GaitSpeedMetersPerSecond.ShouldBeNull();
        result.Band.ShouldBeNull();
        result.Steps.ShouldBe(325);
        result.Problem!.ShouldContain("more than one walk of the walkway");
    }

    [Fact]
    public void Average_TimedAndRefusedTrials_AveragesTheTimedOnes()
    {
        // Trial 1: 10 m in 0.5 s steps (middle 6 s); trial 2: a 3.7 m walk (refused); trial 3: 10 m in 0.6 s steps (7.2 s).
        var trials = new[] { MeasuredWalk(21, 0.5, 0.5), MeasuredWalk(11, 0.5, 0.37), MeasuredWalk(21, 0.6, 0.5) }
            .Select(w => TenMetreWalkTest.Estimate(w)).ToList();

        var pace = TenMetreWalkTest.Average(WalkingPace.Comfortable, trials);

        trials.Select(t => t.Measured).ShouldBe([true, false, true]);
        pace.Measured.ShouldBeTrue();
        pace.Trials.ShouldBe(2);
        pace.TrialResults.Count.ShouldBe(3);
        pace.MeanMiddleTimeSeconds!.Value.ShouldBe(6.6, 1e-9);
        pace.GaitSpeedMetersPerSecond!.Value.ShouldBe(6 / 6.6, 1e-9);
        pace.Band!.Perry.ShouldBe("community");
        pace.Note!.ShouldContain("1 of 3 trials could not be timed");
    }

    [Fact]
    public void Average_EveryTrialRefused_HasNoSpeedAndNoBandAndSaysWhy()
    {
        var trials = new[] { MeasuredWalk(11, 0.5, 0.37), UniformWalk(6, 0.5) }.Select(w => TenMetreWalkTest.Estimate(w)).ToList();

        var pace = TenMetreWalkTest.Average(WalkingPace.Fast, trials);

        pace.Measured.ShouldBeFalse();
        pace.Trials.ShouldBe(0);
        pace.MeanMiddleTimeSeconds.ShouldBeNull();
        pace.GaitSpeedMetersPerSecond.ShouldBeNull();
        pace.Band.ShouldBeNull();
        pace.TrialResults.Count.ShouldBe(2);
        pace.Problem!.ShouldContain("no trial could be timed (2 given");
        pace.Problem!.ShouldContain("3.7 m");
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

        c.Measured.ShouldBeTrue();
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
        f.Note!.ShouldContain("1 of 3");
    }

    [Fact]
    public void Average_NoTimedTrial_IsNotFoundAndSaysWhy()
    {
        var empty = TenMetreWalkTest.Estimate(new GaitAnalysis("hand", [], [], [], GaitSummaries.Summarize([], [], [], DistanceModel.None)));

        var result = TenMetreWalkTest.Average(WalkingPace.Fast, [empty]);

        result.Measured.ShouldBeFalse();
        result.GaitSpeedMetersPerSecond.ShouldBeNull();
        result.Problem!.ShouldContain("no walking bout");
    }

    [Fact]
    public void Estimate_NoWalking_SaysSo()
    {
        var empty = new GaitAnalysis("hand", [], [], [], GaitSummaries.Summarize([], [], [], DistanceModel.None));

        var result = TenMetreWalkTest.Estimate(empty);

        result.Measured.ShouldBeFalse();
        result.Problem.ShouldNotBeNull();
    }
}

public class TenMetreWalkPhoneDistanceTests
{
    private static SensorRecording Pocket(ImuSample[] samples) => TestRecordings.Of(samples, "front-pocket", sensor: SensorKind.Phone);

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

        result.Measured.ShouldBeTrue(result.Problem);
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
