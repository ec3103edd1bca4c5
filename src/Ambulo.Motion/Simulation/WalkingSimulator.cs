using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Simulation;

/// <summary>A synthetic walk and what is true about it.</summary>
/// <param name="Recording">The samples a pocket phone would have produced, labelled <c>true_count</c> and <c>synthetic</c>.</param>
/// <param name="TrueStepTimesSeconds">The heel strike of every step, in order.</param>
public sealed record SimulatedWalk(SensorRecording Recording, IReadOnlyList<double> TrueStepTimesSeconds)
{
    public int TrueSteps => TrueStepTimesSeconds.Count;
}

/// <summary>
/// Produces a SYNTHETIC walk as a trunk-worn accelerometer feels it. The vertical acceleration rises to a peak at each
/// heel strike (a sharp impact on a smooth once-per-step rise and fall of the trunk), the trunk sways sideways once per
/// stride, and the forward acceleration swings once per step. Left and right step times can differ
/// (<see cref="WalkingSimulationOptions.StepTimeAsymmetryRatio"/>) and the longer steps land softer. The walk fades in over
/// half a step before the first heel strike and out over half a step after the last, so no heel strike is cut short.
/// Only the accelerometer is simulated (many phones walk without a gyroscope reading).
/// </summary>
public static class WalkingSimulator
{
    private const double Gravity = 9.81;

    // Shares of the heel-strike peak: the smooth once-per-step trunk movement and the impact on top of it.
    private const double SmoothShare = 0.55;
    private const double ImpactShare = 0.45;
    private const double ImpactDelaySeconds = 0.02;
    private const double ImpactWidthSeconds = 0.04;

    /// <summary>The whole walk at once, with its true step times.</summary>
    public static SimulatedWalk Simulate(WalkingSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var samples = Samples(options).ToArray();
        var steps = Schedule(options).Select(s => s.HeelStrikeSeconds).ToArray();
        var metadata = new RecordingMetadata
        {
            Sensor = SensorKind.Simulated,
            Placement = options.Placement,
            SamplingRateHz = options.SamplingRateHz,
            Channels = SensorChannels.Accelerometer,
            Labels = new Dictionary<string, string>
            {
                ["true_count"] = options.Steps.ToString(CultureInfo.InvariantCulture),
                ["cadence_steps_per_minute"] = options.CadenceStepsPerMinute.ToString(CultureInfo.InvariantCulture),
                ["synthetic"] = "true",
                ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            },
        };
        return new SimulatedWalk(new SensorRecording(metadata, samples), steps);
    }

    /// <summary>
    /// The walk's samples, made one at a time as they are read (a live simulated sensor can take a walk of thousands of
    /// steps without holding it in memory). The same options always give the same samples as <see cref="Simulate"/>.
    /// </summary>
    public static IEnumerable<ImuSample> Samples(WalkingSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Generate(options);
    }

    /// <summary>The steps of the walk (heel strike, duration, peak), drawn from the seed, one at a time.</summary>
    internal static IEnumerable<SimulatedStep> Schedule(WalkingSimulationOptions o)
    {
        // Steps have their own generator and the noise another, so the two lazy sequences never disturb each other.
        var random = new Random(o.Seed);
        var stride = 2 * 60 / o.CadenceStepsPerMinute;
        var ratio = o.StepTimeAsymmetryRatio;
        var longer = stride * ratio / (1 + ratio);
        var shorter = stride / (1 + ratio);
        var t = o.StillSeconds;
        for (var k = 0; k < o.Steps; k++)
        {
            var isLonger = k % 2 == 0;
            var duration = (isLonger ? longer : shorter) * (1 + (o.StepTimeVariationFraction * ((2 * random.NextDouble()) - 1)));
            var peak = o.PeakAccelerationMps2 * (1 + (o.PeakVariationFraction * ((2 * random.NextDouble()) - 1)));
            if (isLonger && ratio > 1)
            {
                peak *= o.LongerStepPeakFraction;
            }

            yield return new SimulatedStep(t, duration, peak);
            t += duration;
        }
    }

    private static IEnumerable<ImuSample> Generate(WalkingSimulationOptions o)
    {
        var noise = new Random(unchecked((o.Seed * 7919) + 17));
        var tilt = o.TiltDegrees * Math.PI / 180;
        var (sinTilt, cosTilt) = Math.SinCos(tilt);
        using var steps = Schedule(o).GetEnumerator();

        // A window of three steps around the sample: the one before (its impact may still ring), the current, the next.
        SimulatedStep? previous = null;
        SimulatedStep? current = steps.MoveNext() ? steps.Current : null;
        SimulatedStep? next = current is not null && steps.MoveNext() ? steps.Current : null;
        var stepIndex = 0;
        var first = current;
        var endOfMotion = first is null ? o.StillSeconds : double.NaN;

        for (var i = 0L; ; i++)
        {
            var t = i / o.SamplingRateHz;

            // Advance to the step the sample falls in (the last step stays current until the walk has faded out).
            while (current is { } c && next is { } n && t >= c.HeelStrikeSeconds + c.DurationSeconds)
            {
                previous = c;
                current = n;
                next = steps.MoveNext() ? steps.Current : null;
                stepIndex++;
            }

            if (current is { } last && next is null && double.IsNaN(endOfMotion))
            {
                endOfMotion = last.HeelStrikeSeconds + (last.DurationSeconds / 2);
            }

            if (!double.IsNaN(endOfMotion) && t > endOfMotion + o.StillSeconds)
            {
                yield break;
            }

            var dynamic = default(Vector3D);
            if (current is { } step && first is { } start)
            {
                dynamic = Trunk(t, step, previous, next, start, stepIndex, endOfMotion);
            }

            // Body frame: z up. The phone is tilted about its x axis, so gravity and the movement share its y and z axes.
            var bx = dynamic.X;
            var by = dynamic.Y;
            var bz = Gravity + dynamic.Z;
            var sx = bx + Gaussian(noise, o.NoiseMps2);
            var sy = (cosTilt * by) + (sinTilt * bz) + Gaussian(noise, o.NoiseMps2);
            var sz = (-sinTilt * by) + (cosTilt * bz) + Gaussian(noise, o.NoiseMps2);
            yield return new ImuSample(t, new Vector3((float)sx, (float)sy, (float)sz));
        }
    }

    /// <summary>The trunk's acceleration (x sideways, y forward, z up; gravity not included) at time <paramref name="t"/>.</summary>
    private static Vector3D Trunk(double t, SimulatedStep step, SimulatedStep? previous, SimulatedStep? next, SimulatedStep first, int stepIndex, double endOfMotion)
    {
        // Phase within the current step (negative before the first heel strike: the walk fading in).
        var phase = (t - step.HeelStrikeSeconds) / step.DurationSeconds;
        var nextPeak = next?.PeakMps2 ?? step.PeakMps2;
        var amplitude = phase < 0 ? step.PeakMps2 : step.PeakMps2 + ((nextPeak - step.PeakMps2) * Math.Min(1, phase));

        var envelope = 1.0;
        var fadeIn = first.DurationSeconds / 2;
        if (t < first.HeelStrikeSeconds)
        {
            envelope = SmoothStep((t - (first.HeelStrikeSeconds - fadeIn)) / fadeIn);
        }

        if (!double.IsNaN(endOfMotion) && next is null && t > step.HeelStrikeSeconds)
        {
            var fadeOut = endOfMotion - step.HeelStrikeSeconds;
            envelope = Math.Min(envelope, 1 - SmoothStep((t - step.HeelStrikeSeconds) / fadeOut));
        }

        if (envelope <= 0)
        {
            return default;
        }

        var vertical = SmoothShare * amplitude * Math.Cos(2 * Math.PI * phase) * envelope;
        vertical += Impact(t, step);
        if (previous is { } before)
        {
            vertical += Impact(t, before);
        }

        if (next is { } after)
        {
            vertical += Impact(t, after);
        }

        var sideways = 0.25 * amplitude * Math.Sin(Math.PI * (stepIndex + phase)) * envelope;
        var forward = 0.3 * amplitude * Math.Sin((2 * Math.PI * phase) - 0.6) * envelope;
        return new Vector3D(sideways, forward, vertical);
    }

    private static double Impact(double t, SimulatedStep step)
    {
        var x = (t - step.HeelStrikeSeconds - ImpactDelaySeconds) / ImpactWidthSeconds;
        return x is < -4 or > 4 ? 0 : ImpactShare * step.PeakMps2 * Math.Exp(-x * x);
    }

    private static double SmoothStep(double x)
    {
        var s = Math.Clamp(x, 0, 1);
        return s * s * (3 - (2 * s));
    }

    private static double Gaussian(Random random, double sigma)
    {
        if (sigma <= 0)
        {
            return 0;
        }

        // Box–Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

/// <summary>One simulated step: its heel strike, how long until the next heel strike, and its peak acceleration.</summary>
internal readonly record struct SimulatedStep(double HeelStrikeSeconds, double DurationSeconds, double PeakMps2);
