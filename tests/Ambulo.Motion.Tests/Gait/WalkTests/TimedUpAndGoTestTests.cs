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

        // The total is not checked here: this synthetic turn-to-sit is a pure rotation, which only a gyroscope sees.
        result.Measured.ShouldBeTrue(result.Problem);
        result.WalkOutSeconds.ShouldBeNull();
        result.TurnSeconds.ShouldBeNull();
        result.Note.ShouldBe("turns not measured (the recording has no gyroscope): phases after sit-to-stand are unknown");
    }

    /// <summary>
    /// SYNTHETIC trunk or pocket sensor, upright: sitting 2 s; stand-up jolt with trunk pitch 2–3 s; steps every 0.6 s
    /// from 3.2 to 6.8 s; 180° turn 7–8.5 s; steps 8.8–12.4 s; turn to sit 12.6–14.1 s; still until 17 s.
    /// </summary>
    private static SensorRecording Recording(string placement, bool gyroscope = true)
    {
        const double fs = 100;
        var steps = Enumerable.Range(0, 7).Select(k => 3.2 + 0.6 * k).Concat(Enumerable.Range(0, 7).Select(k => 8.8 + 0.6 * k)).ToList();
        var samples = Enumerable.Range(0, (int)(17 * fs)).Select(i =>
        {
            var t = i / fs;
            var vertical = t is >= 2 and < 3 ? 1.5 * Math.Sin(Math.PI * (t - 2)) : 0;
            foreach (var s in steps)
            {
                vertical += 2.5 * Math.Exp(-(t - s) * (t - s) / (2 * 0.06 * 0.06));
            }

            double yaw = 0;
            foreach (var start in new[] { 7.0, 12.6 })
            {
                if (t >= start && t < start + 1.5)
                {
                    yaw += Math.PI * Math.PI / 3 * Math.Sin(Math.PI * (t - start) / 1.5);
                }
            }

            // Standing up: the trunk pitches forward and back (about the medio-lateral x axis) while rising.
            var pitch = t is >= 2 and < 3 ? 1.2 * Math.Sin(2 * Math.PI * (t - 2)) : 0;
            var rate = gyroscope ? new Vector3((float)pitch, 0, (float)yaw) : Vector3.Zero;
            return new ImuSample(t, new Vector3(0, 0, (float)(9.80665 + vertical)), rate);
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
