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
    public void StrideLengthMeters_VelocityErrorAtHeelStrike_StepModelRemovesItWhereItArose()
    {
        // Rest 0-0.3 s, forward swing 0.3-0.7 s (A·sin over 0.4 s travels A·0.4²/(2π)), heel strike at 0.7 s with a
        // mis-sampled impact (one spurious sample of +40 m/s² forward leaves +0.2 m/s of velocity), rest to 1.1 s.
        const double fs = 200, amplitude = 8.0;
        var n = (int)(1.1 * fs) + 1;
        var contact = (int)(0.7 * fs);
        var samples = Enumerable.Range(0, n).Select(i =>
        {
            var t = i / fs;
            var forward = t is > 0.3 and < 0.7 ? amplitude * Math.Sin(2 * Math.PI * (t - 0.3) / 0.4) : 0;
            if (i == contact + 1)
            {
                forward += 40;
            }

            return new ImuSample(t, new Vector3((float)forward, 0, 9.81f));
        }).ToArray();
        var truth = amplitude * 0.4 * 0.4 / (2 * Math.PI);

        var step = FootStrapdownIntegrator.StrideLengthMeters(samples, 10, n - 11, contact, fs, 10, VelocityDriftModel.StepAtInitialContact);
        var linear = FootStrapdownIntegrator.StrideLengthMeters(samples, 10, n - 11, contact, fs, 10, VelocityDriftModel.Linear);

        step.ShouldBe(truth, 0.005);
        Math.Abs(linear - truth).ShouldBeGreaterThan(0.03);
    }

    [Fact]
    public void StrideLengthMeters_FootStandingStill_IsZero()
    {
        var samples = Enumerable.Range(0, 200).Select(i => new ImuSample(i / 200.0, new Vector3(0.5f, -0.3f, 9.79f))).ToArray();

        FootStrapdownIntegrator.StrideLengthMeters(samples, 200, 10).ShouldBe(0, 1e-4);
    }
}
