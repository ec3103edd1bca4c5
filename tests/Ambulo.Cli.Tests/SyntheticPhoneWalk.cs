using System.Numerics;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Cli.Tests;

/// <summary>
/// SYNTHETIC recordings for the CLI's process tests: a phone in the front pocket at 50 Hz whose every step is one
/// Gaussian vertical bounce on top of gravity (no rotation). Enough for the step counter; not a model of real gait.
/// </summary>
internal static class SyntheticPhoneWalk
{
    private const double SamplingRateHz = 50;

    /// <summary>Steps evenly spaced from <paramref name="firstStepSeconds"/> on, <paramref name="stepSeconds"/> apart.</summary>
    public static double[] EvenSteps(int count, double firstStepSeconds, double stepSeconds) =>
        [.. Enumerable.Range(0, count).Select(k => firstStepSeconds + (k * stepSeconds))];

    /// <summary>
    /// Writes <paramref name="path"/>: <paramref name="durationSeconds"/> of samples with a bounce of
    /// <paramref name="bounceMps2"/> (Gaussian, standard deviation <paramref name="widthSeconds"/>) at each of
    /// <paramref name="stepSeconds"/>. Returns the path.
    /// </summary>
    public static string Write(string path, IReadOnlyList<double> stepSeconds, double bounceMps2, double widthSeconds, double durationSeconds)
    {
        var samples = new ImuSample[(int)Math.Round(durationSeconds * SamplingRateHz)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / SamplingRateHz;
            var vertical = 0.0;
            foreach (var step in stepSeconds)
            {
                var d = t - step;
                vertical += bounceMps2 * Math.Exp(-d * d / (2 * widthSeconds * widthSeconds));
            }

            samples[i] = new ImuSample(t, new Vector3(0, 0, (float)(9.81 + vertical)), Vector3.Zero);
        }

        TestRecordingFiles.Write(path, samples, SensorKind.Phone, "front-pocket", SamplingRateHz);
        return path;
    }
}
