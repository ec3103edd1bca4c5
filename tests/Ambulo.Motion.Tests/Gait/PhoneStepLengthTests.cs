using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class PhoneStepLengthTests
{
    /// <summary>
    /// SYNTHETIC phone at 100 Hz in a tilted, fixed orientation: gravity plus a bounce along gravity of
    /// <paramref name="amplitudeMps2"/> × cos(2π t / step), so the magnitude is 9.81 + A cos(…), with a contact at every
    /// crest. Between two contacts the magnitude spans exactly one period: range 2A before smoothing.
    /// </summary>
    private static (ImuSample[] Samples, List<double> Contacts) CosineWalk(int contacts, double stepSeconds, double amplitudeMps2, double leadSeconds = 3)
    {
        var up = Vector3.Normalize(new Vector3(0.3f, -0.8f, 0.5f));
        var total = 2 * leadSeconds + (contacts - 1) * stepSeconds;
        var samples = new List<ImuSample>();
        for (var i = 0; i * 0.01 <= total; i++)
        {
            var t = i * 0.01;
            var walking = t >= leadSeconds && t <= leadSeconds + (contacts - 1) * stepSeconds;
            var bounce = walking ? amplitudeMps2 * Math.Cos(2 * Math.PI * (t - leadSeconds) / stepSeconds) : 0;
            samples.Add(new ImuSample(t, up * (float)(9.81 + bounce)));
        }

        var times = Enumerable.Range(0, contacts).Select(k => leadSeconds + k * stepSeconds).ToList();
        return (samples.ToArray(), times);
    }

    [Fact]
    public void Estimate_OnePeriodPerStep_GivesWeinbergLengthOfTheSmoothedRange()
    {
        // 1 s steps; the zero-phase 2nd-order Butterworth at 3 Hz passes 1 Hz with gain 1 / (1 + (1/3)^4) = 0.98780.
        var (samples, contacts) = CosineWalk(12, 1.0, 2.0);

        var result = PhoneStepLength.Estimate(samples, contacts, new PhoneStepLengthOptions(WeinbergConstant: 0.5));

        result.Model.ShouldBe(DistanceModel.WeinbergAccelerationRange);
        result.StepLengthsMeters[0].ShouldBeNull();
        var expected = 0.5 * Math.Pow(2 * 2.0 * (1 / (1 + Math.Pow(1.0 / 3, 4))), 0.25);
        foreach (var l in result.StepLengthsMeters.Skip(2).Take(8))
        {
            l!.Value.ShouldBe(expected, expected * 0.005);
        }
    }

    [Fact]
    public void Estimate_SixteenTimesTheBounce_DoublesEveryStepLength()
    {
        var (soft, contacts) = CosineWalk(10, 0.6, 0.5);
        var (hard, _) = CosineWalk(10, 0.6, 8.0);
        var options = new PhoneStepLengthOptions(WeinbergConstant: 0.4);

        var a = PhoneStepLength.Estimate(soft, contacts, options).StepLengthsMeters;
        var b = PhoneStepLength.Estimate(hard, contacts, options).StepLengthsMeters;

        for (var i = 1; i < contacts.Count; i++)
        {
            (b[i]!.Value / a[i]!.Value).ShouldBe(2.0, 1e-6);
        }
    }

    [Fact]
    public void Calibrate_OnOneWalk_ReproducesItsDistanceAndPredictsAnotherWalk()
    {
        var (calibrationWalk, contacts) = CosineWalk(15, 0.6, 0.5);
        var (strongerWalk, strongerContacts) = CosineWalk(15, 0.6, 8.0);

        var calibration = PhoneStepLength.Calibrate(calibrationWalk, contacts, 10.0);
        var options = new PhoneStepLengthOptions(WeinbergConstant: calibration.WeinbergConstant);
        var same = PhoneStepLength.Estimate(calibrationWalk, contacts, options);
        var other = PhoneStepLength.Estimate(strongerWalk, strongerContacts, options);

        calibration.StepsUsed.ShouldBe(14);
        calibration.MeanStepLengthMeters.ShouldBe(10.0 / 14, 1e-12);
        same.DistanceMeters(contacts, contacts[0], contacts[^1]).ShouldBe(10.0, 1e-9);
        // Same steps, 16 × the bounce: (16)^¼ = 2 × the distance.
        other.DistanceMeters(strongerContacts, strongerContacts[0], strongerContacts[^1]).ShouldBe(20.0, 1e-4);
    }

    [Fact]
    public void Estimate_HeightOnly_GivesTheHeightRatioForEveryStepAndNoneAcrossAPause()
    {
        var contacts = new List<double> { 1, 1.5, 2, 2.5, 10, 10.5, 11 };

        var result = PhoneStepLength.Estimate([], contacts, new PhoneStepLengthOptions(BodyHeightMeters: 1.70));

        result.Model.ShouldBe(DistanceModel.HeightRatio);
        result.StepLengthsMeters.ShouldBe([null, 0.7038, 0.7038, 0.7038, null, 0.7038, 0.7038], new NullableLengthComparer());
        result.DistanceMeters(contacts, 1, 11).ShouldBe(5 * 0.414 * 1.70, 1e-12);
    }

    [Fact]
    public void Estimate_BothKnown_PrefersTheCalibratedWeinbergModel_AndNeitherGivesNoLengths()
    {
        var (samples, contacts) = CosineWalk(6, 0.6, 1.0);

        PhoneStepLength.Estimate(samples, contacts, new PhoneStepLengthOptions(0.45, 1.8)).Model.ShouldBe(DistanceModel.WeinbergAccelerationRange);
        var none = PhoneStepLength.Estimate(samples, contacts, new PhoneStepLengthOptions());
        none.Model.ShouldBe(DistanceModel.None);
        none.StepLengthsMeters.ShouldAllBe(l => l == null);
    }

    [Fact]
    public void Estimate_NaNAndOutOfOrderSamples_AreSkipped()
    {
        var (samples, contacts) = CosineWalk(10, 0.6, 1.0);
        var damaged = samples.ToList();
        damaged.Insert(300, new ImuSample(damaged[299].TimeSeconds + 0.001, new Vector3(float.NaN, 0, 0)));
        damaged.Insert(500, damaged[100]);
        var options = new PhoneStepLengthOptions(WeinbergConstant: 0.4);

        var clean = PhoneStepLength.Estimate(samples, contacts, options).StepLengthsMeters;
        var dirty = PhoneStepLength.Estimate(damaged.ToArray(), contacts, options).StepLengthsMeters;

        for (var i = 1; i < contacts.Count; i++)
        {
            dirty[i]!.Value.ShouldBe(clean[i]!.Value, 0.01);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    public void Calibrate_DistanceNotPositive_ThrowsNamingTheDistance(double distance)
    {
        var (samples, contacts) = CosineWalk(10, 0.6, 1.0);

        Should.Throw<ArgumentOutOfRangeException>(() => PhoneStepLength.Calibrate(samples, contacts, distance)).ParamName.ShouldBe("knownDistanceMeters");
    }

    [Fact]
    public void Calibrate_OneStep_ThrowsSayingSo()
    {
        var (samples, contacts) = CosineWalk(2, 0.6, 1.0);

        Should.Throw<ArgumentException>(() => PhoneStepLength.Calibrate(samples, contacts, 10)).Message.ShouldContain("at least 2");
    }

    /// <summary>A 40-step synthetic walk (100 Hz, accelerometer and gyroscope) worn at <paramref name="placement"/>.</summary>
    private static SensorRecording SyntheticWalkRecording(string placement) => TestRecordings.Of(SyntheticSteps.Walk(40).Samples, placement);

    [Fact]
    public void Analyze_PocketWithHeight_GivesBoutDistanceSpeedAndNamesTheModel()
    {
        var recording = SyntheticWalkRecording("front-pocket");

        var without = GaitAnalyzer.Analyze([recording]);
        var with = GaitAnalyzer.Analyze([recording], new GaitAnalysisOptions(PhoneStepLength: new PhoneStepLengthOptions(BodyHeightMeters: 1.70)));

        without.Summary.DistanceModel.ShouldBe(DistanceModel.None);
        without.Summary.DistanceMeters.ShouldBeNull();
        with.Summary.DistanceModel.ShouldBe(DistanceModel.HeightRatio);
        var bout = with.WalkingBouts.ShouldHaveSingleItem();
        bout.DistanceMeters!.Value.ShouldBe((bout.Steps - 1) * 0.414 * 1.70, 1e-9);
        bout.GaitSpeedMetersPerSecond!.Value.ShouldBe(bout.DistanceMeters.Value / bout.DurationSeconds, 1e-12);
        with.Summary.DistanceMeters!.Value.ShouldBe(bout.DistanceMeters.Value, 1e-9);
    }

    [Fact]
    public void Analyze_LowerBackWithPhoneOptions_DoesNotUseThePhoneModel()
    {
        var recording = SyntheticWalkRecording("lower-back");

        var result = GaitAnalyzer.Analyze([recording], new GaitAnalysisOptions(PhoneStepLength: new PhoneStepLengthOptions(BodyHeightMeters: 1.70)));

        result.Summary.DistanceModel.ShouldNotBe(DistanceModel.HeightRatio);
    }

    private sealed class NullableLengthComparer : IEqualityComparer<double?>
    {
        public bool Equals(double? x, double? y) => x is null ? y is null : y is not null && Math.Abs(x.Value - y.Value) < 1e-9;

        public int GetHashCode(double? obj) => 0;
    }
}
