using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait.WalkTests;

public class TimedUpAndGoTestTests
{
    [Fact]
    public void Estimate_StandWalkTurnWalkTurnSit_FindsTotalAndPhases()
    {
        var result = TimedUpAndGoTest.Estimate(Recording("lower-back"));

        result.Measured.ShouldBeTrue(result.Problem);
        result.StartSeconds!.Value.ShouldBe(2, 0.3);
        result.TotalSeconds!.Value.ShouldBe(12.1, 0.8);
        result.SitToStandSeconds!.Value.ShouldBe(1.2, 0.3);
        result.TurnSeconds!.Value.ShouldBe(1.5, 0.5);
        // Walk out: first step 3.2 s to the turn at 7 s; walk back: end of that turn 8.5 s to the turn-to-sit at 12.6 s;
        // turn-to-sit: 12.6 s to the end of movement at 14.1 s. The turn borders are where the smoothed yaw rate crosses
        // its threshold, a few tenths inside the true half-sine.
        result.WalkOutSeconds!.Value.ShouldBe(3.8, 0.4);
        result.WalkBackSeconds!.Value.ShouldBe(4.1, 0.6);
        result.TurnToSitSeconds!.Value.ShouldBe(1.5, 0.6);
        result.Problem.ShouldBeNull();
        result.Note.ShouldBeNull();
        // A lower-back sensor without leg length has no distance model.
        result.WalkedDistanceMeters.ShouldBeNull();
        result.DistanceModel.ShouldBe(DistanceModel.None);
    }

    [Fact]
    public void Estimate_PhoneWithHeight_MeasuresTheWalkedPartAndNamesTheModel()
    {
        var options = new TimedUpAndGoOptions { Gait = new(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(BodyHeightMeters: 1.7)) };

        var result = TimedUpAndGoTest.Estimate(Recording("front-pocket"), options);

        result.Measured.ShouldBeTrue(result.Problem);
        result.DistanceModel.ShouldBe(DistanceModel.HeightRatio);
        // From the first step to the start of the turn-to-sit: the 6 steps out, the step through the turn and the 6 back.
        result.WalkedDistanceMeters!.Value.ShouldBe(13 * 0.414 * 1.7, 0.414 * 1.7);
    }

    [Fact]
    public void Estimate_PhoneWithoutAGyroscope_TimesTheTestAndSaysTurnsWereNotMeasured()
    {
        var result = TimedUpAndGoTest.Estimate(Recording("front-pocket", gyroscope: false));

        // Its total is checked below (the sit is found on the accelerometer); here the phases a gyroscope would give.
        result.Measured.ShouldBeTrue(result.Problem);
        result.WalkOutSeconds.ShouldBeNull();
        result.TurnSeconds.ShouldBeNull();
        result.Note.ShouldBe("turns not measured (the recording has no gyroscope): phases after sit-to-stand are unknown");
    }

    [Fact]
    public void Estimate_RecordingThatStartsStanding_IsNotMeasuredAndSaysItDidNotBeginSeated()
    {
        var result = TimedUpAndGoTest.Estimate(Recording("lower-back", seatedStart: false));

        result.Measured.ShouldBeFalse();
        result.TotalSeconds.ShouldBeNull();
        result.SitToStandSeconds.ShouldBeNull();
        result.Problem!.ShouldContain("does not begin seated");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Estimate_SeatedStartWithOrWithoutAGyroscope_IsMeasured(bool gyroscope)
    {
        var result = TimedUpAndGoTest.Estimate(Recording("lower-back", gyroscope: gyroscope));

        result.Measured.ShouldBeTrue(result.Problem);
        result.SitToStandSeconds.ShouldNotBeNull();
    }

    [Fact]
    public void Estimate_NoGyroscopeAndTurnToSitOfPureRotation_EndsAtTheSitFoundOnTheAccelerometer()
    {
        // The turn-to-sit (12.6–14.1 s) turns the body without jolting it: only the sit (13.4–14.1 s) tilts the sensor. The
        // end of movement by acceleration alone comes at the last step (about 10.4 s total); the sit ends it at 14.1 s.
        var result = TimedUpAndGoTest.Estimate(Recording("front-pocket", gyroscope: false));

        result.Measured.ShouldBeTrue(result.Problem);
        result.TotalSeconds!.Value.ShouldBe(12.1, 0.5);
        result.EndSeconds!.Value.ShouldBe(14.1, 0.4);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Estimate_RecordingThatEndsWithoutSittingDown_SaysTheEndWasNotFoundInsteadOfAShortTotal(bool gyroscope)
    {
        var result = TimedUpAndGoTest.Estimate(Recording("front-pocket", gyroscope: gyroscope, seatedEnd: false));

        result.Measured.ShouldBeFalse();
        result.TotalSeconds.ShouldBeNull();
        result.Problem!.ShouldContain("sit-down at the end was not found");
    }

    [Fact]
    public void Estimate_RecordingThatStartsMoving_SaysItDoesNotBeginAtRest()
    {
        var recording = Recording("lower-back");
        var cut = recording with { Samples = recording.Samples.Where(s => s.TimeSeconds >= 1.8).Select(s => s with { TimeSeconds = s.TimeSeconds - 1.8 }).ToArray() };

        var result = TimedUpAndGoTest.Estimate(cut);

        result.Measured.ShouldBeFalse();
        result.Problem!.ShouldContain("does not begin at rest");
    }

    /// <summary>
    /// SYNTHETIC trunk or pocket sensor: sitting 2 s, tilted back 20° about the medio-lateral x axis (a pelvis against
    /// the chair back); standing up 2–3 s (a jolt, the trunk leaning 30° forward and coming upright, pitch rate on the
    /// gyroscope); steps every 0.6 s from 3.2 to 6.8 s; 180° turn 7–8.5 s; steps 8.8–12.4 s; turn to sit 12.6–14.1 s,
    /// sitting down in its last 0.7 s (leaning forward and settling 20° back); still until 17 s. With
    /// <paramref name="seatedStart"/> false the recording starts standing upright (no sit-to-stand: the walk starts from
    /// standing still); with <paramref name="seatedEnd"/> false the walker stops and stays standing (no turn to sit).
    /// </summary>
    private static SensorRecording Recording(string placement, bool gyroscope = true, bool seatedStart = true, bool seatedEnd = true)
    {
        const double fs = 100;
        var steps = Enumerable.Range(0, 7).Select(k => 3.2 + 0.6 * k).Concat(Enumerable.Range(0, 7).Select(k => 8.8 + 0.6 * k)).ToList();
        static double Smooth(double u) => u <= 0 ? 0 : u >= 1 ? 1 : u * u * (3 - 2 * u);
        var samples = Enumerable.Range(0, (int)(17 * fs)).Select(i =>
        {
            var t = i / fs;
            var vertical = seatedStart && t is >= 2 and < 3 ? 1.5 * Math.Sin(Math.PI * (t - 2)) : 0;
            foreach (var s in steps)
            {
                vertical += 2.5 * Math.Exp(-(t - s) * (t - s) / (2 * 0.06 * 0.06));
            }

            double yaw = 0;
            foreach (var start in seatedEnd ? new[] { 7.0, 12.6 } : [7.0])
            {
                if (t >= start && t < start + 1.5)
                {
                    yaw += Math.PI * Math.PI / 3 * Math.Sin(Math.PI * (t - start) / 1.5);
                }
            }

            // Tilt in degrees: seated −20°, standing 0°, leaning forward while rising and while sitting down.
            double tilt = 0;
            if (seatedStart)
            {
                var u = (t - 2) / 1.0;
                tilt += -20 * (1 - Smooth(u)) + (u is > 0 and < 1 ? 30 * Math.Sin(Math.PI * u) : 0);
            }

            if (seatedEnd)
            {
                var u = (t - 13.4) / 0.7;
                tilt += -20 * Smooth(u) + (u is > 0 and < 1 ? 25 * Math.Sin(Math.PI * u) : 0);
            }

            // Standing up: the trunk pitches forward and back (about the medio-lateral x axis) while rising.
            var pitch = seatedStart && t is >= 2 and < 3 ? 1.2 * Math.Sin(2 * Math.PI * (t - 2)) : 0;
            var rate = gyroscope ? new Vector3((float)pitch, 0, (float)yaw) : Vector3.Zero;
            var a = tilt * Math.PI / 180;
            var g = 9.80665 + vertical;
            return new ImuSample(t, new Vector3(0, (float)(g * Math.Sin(a)), (float)(g * Math.Cos(a))), rate);
        }).ToArray();
        return new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = placement,
            SamplingRateHz = fs,
            Channels = gyroscope ? SensorChannels.Accelerometer | SensorChannels.Gyroscope : SensorChannels.Accelerometer,
        }, samples);
    }
}
