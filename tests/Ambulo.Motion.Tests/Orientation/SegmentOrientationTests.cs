using System.Numerics;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Orientation;

public class SegmentOrientationTests
{
    private const double Rate = 100;

    /// <summary>Still for 1.5 s, then the sensor turns about its y axis to <paramref name="degrees"/> over 1 s and stays.</summary>
    private static ImuSample[] TurnAboutY(double degrees, bool gyro, Vector3 start)
    {
        var samples = new List<ImuSample>();
        var up = Vector3.Normalize(start) * 9.81f;
        for (var i = 0; i < 500; i++)
        {
            var t = i / Rate;
            var s = Math.Clamp((t - 1.5) / 1.0, 0, 1);
            var angle = degrees * Math.PI / 180 * s;
            var rate = t is > 1.5 and < 2.5 ? degrees * Math.PI / 180 : 0;
            // Gravity seen by a sensor turned by +angle about y turns by −angle.
            var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)-angle);
            var acc = Vector3.Transform(up, q);
            samples.Add(new ImuSample(t, acc, gyro ? new Vector3(0, (float)rate, 0) : default));
        }

        return [.. samples];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Estimate_SensorTurnsThirtyDegrees_PitchFollows(bool gyro)
    {
        var result = SegmentOrientation.Estimate(TurnAboutY(30, gyro, Vector3.UnitZ), Rate, gyro);

        Math.Abs(result.PitchDegrees[^1]).ShouldBe(30, 0.5);
        result.RollDegrees[^1].ShouldBe(0, 0.5);
        result.PitchDegrees[50].ShouldBe(0);
    }

    [Fact]
    public void Estimate_PhoneStrappedAtAnAngle_CalibratesStartPoseToZero()
    {
        var tilted = new Vector3(0.5f, -0.3f, 0.8f);

        var result = SegmentOrientation.Estimate(TurnAboutY(0, true, tilted), Rate, true);

        result.PitchDegrees[^1].ShouldBe(0, 0.2);
        result.RollDegrees[^1].ShouldBe(0, 0.2);
    }

    [Fact]
    public void Estimate_WithGyroscope_TracksTheTurnWithoutTheAccelerometersLag()
    {
        var samples = TurnAboutY(40, true, Vector3.UnitZ);
        var withGyro = SegmentOrientation.Estimate(samples, Rate, true);
        var accOnly = SegmentOrientation.Estimate(samples, Rate, false);

        // Halfway through the turn (t = 2.0 s) the true angle is 20°.
        Math.Abs(withGyro.PitchDegrees[200]).ShouldBe(20, 1);
        Math.Abs(accOnly.PitchDegrees[200]).ShouldBeLessThan(Math.Abs(withGyro.PitchDegrees[200]));
    }

    [Fact]
    public void Atan2Degrees_AllQuadrants_MatchesMathAtan2()
    {
        for (var a = -179.5; a < 180; a += 0.5)
        {
            var r = a * Math.PI / 180;
            FastAngle.Atan2Degrees(Math.Sin(r) * 3, Math.Cos(r) * 3).ShouldBe(a, 0.001);
        }
    }

    [Fact]
    public void Options_NegativeCalibration_ThrowsNamingTheSetting()
    {
        var ex = Should.Throw<ArgumentException>(() => (OrientationOptions.Default with { CalibrationSeconds = -1 }).Validate());

        ex.Message.ShouldContain(nameof(OrientationOptions.CalibrationSeconds));
    }
}
