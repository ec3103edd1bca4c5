using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

public class FootStrapdownIntegratorTests
{
    [Theory]
    [InlineData(0.0f)]
    [InlineData(1.1f)]
    public void StrideLengthMeters_KnownForwardSwing_MatchesAnalyticDistance(float tiltRadians)
    {
        // Forward acceleration A·sin(2πt/T) from rest to rest travels A·T²/(2π).
        const double fs = 200, period = 1.0, amplitude = 8.0;
        var mounting = Quaternion.CreateFromAxisAngle(Vector3.UnitX, tiltRadians);
        var sensorFromWorld = Quaternion.Inverse(mounting);
        var samples = Enumerable.Range(0, (int)(fs * period) + 1).Select(i =>
        {
            var t = i / fs;
            var world = new Vector3((float)(amplitude * Math.Sin(2 * Math.PI * t / period)), 0, 9.81f);
            return new ImuSample(t, Vector3.Transform(world, sensorFromWorld));
        }).ToArray();

        var length = FootStrapdownIntegrator.StrideLengthMeters(samples, fs, restWindowSamples: 2);

        length.ShouldBe(amplitude * period * period / (2 * Math.PI), 0.01);
    }

    [Fact]
    public void StrideLengthMeters_FootStandingStill_IsZero()
    {
        var samples = Enumerable.Range(0, 200).Select(i => new ImuSample(i / 200.0, new Vector3(0.5f, -0.3f, 9.79f))).ToArray();

        FootStrapdownIntegrator.StrideLengthMeters(samples, 200, 10).ShouldBe(0, 1e-4);
    }
}
