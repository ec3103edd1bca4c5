using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Simulation;

/// <summary>A synthetic set and what is true about it.</summary>
/// <param name="Recording">The samples a sensor would have produced, labelled <c>true_count</c> and <c>synthetic</c>.</param>
/// <param name="TrueCount">Complete repetitions in the set.</param>
/// <param name="TrueRangesOfMotionDegrees">The excursion of each complete repetition (per side when bidirectional); for force, newtons.</param>
public sealed record SimulatedSet(SensorRecording Recording, int TrueCount, IReadOnlyList<double> TrueRangesOfMotionDegrees);

/// <summary>
/// Produces SYNTHETIC recordings of an exercise set. The body segment follows minimum-jerk movements
/// (Flash &amp; Hogan 1985) about a joint, with tempo and range varying between repetitions, rests,
/// pauses, an optional partial repetition, tremor and spasm bursts; the sensor sits on the segment at
/// a lever arm, turned by a placement angle, may slip, and adds noise and bias. Gravity, the segment's
/// own acceleration and the angular velocity are computed from the pose, so accelerometer and gyroscope agree.
/// </summary>
public static class RepetitionSimulator
{
    private const double Gravity = 9.81;

    public static SimulatedSet Simulate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new Random(options.Seed);
        var script = BuildScript(options, random);
        var rate = options.SamplingRateHz;
        var count = (int)Math.Ceiling(script.TotalSeconds * rate) + 1;
        var samples = new ImuSample[count];

        var mount = QuaternionD.FromAxisAngle(RandomUnit(random), options.PlacementAngleDegrees * Math.PI / 180);
        var slipAxis = RandomUnit(random);
        var accBias = RandomUnit(random) * options.AccelerometerBiasMps2;
        var gyrBias = RandomUnit(random) * options.GyroscopeBiasRadps;
        var tremorPhase = random.NextDouble() * 2 * Math.PI;
        // Drift has its own generator, so adding drift leaves every other random draw (and old seeds' sets) unchanged.
        var driftPerSecond = options.GyroscopeBiasDriftRadpsPerMinute > 0
            ? RandomUnit(new Random(unchecked(options.Seed * 7919 + 17))) * (options.GyroscopeBiasDriftRadpsPerMinute / 60)
            : default;
        var baseRotation = QuaternionD.FromAxisAngle(new Vector3D(0, 1, 0), options.SegmentStartPitchDegrees * Math.PI / 180);
        var axis = options.Signal switch
        {
            MovementSignal.Roll => new Vector3D(1, 0, 0),
            MovementSignal.Yaw => new Vector3D(0, 0, 1),
            _ => new Vector3D(0, 1, 0),
        };
        var lever = new Vector3D(options.LeverArmMeters, 0, 0);

        QuaternionD Pose(double t)
        {
            var angle = script.Angle(t) + options.TremorAmplitudeDegrees * Math.Sin(2 * Math.PI * options.TremorFrequencyHz * t + tremorPhase);
            var slip = QuaternionD.FromAxisAngle(slipAxis, script.Slip(t) * Math.PI / 180);
            var segment = options.Signal == MovementSignal.Force
                ? baseRotation
                : QuaternionD.FromAxisAngle(axis, angle * Math.PI / 180) * baseRotation;
            return segment * slip * mount;
        }

        Vector3D Position(double t)
        {
            var angle = options.Signal == MovementSignal.Force ? 0 : script.Angle(t);
            return (QuaternionD.FromAxisAngle(axis, angle * Math.PI / 180) * baseRotation).Rotate(lever);
        }

        const double h = 1e-3;
        for (var i = 0; i < count; i++)
        {
            var t = i / rate;
            var q = Pose(t);
            var acceleration = (Position(t + h) - Position(t) * 2 + Position(t - h)) * (1 / (h * h));
            var specific = q.Conjugate().Rotate(acceleration + new Vector3D(0, 0, Gravity)) + accBias + Noise(random, options.AccelerometerNoiseMps2);
            var gyro = default(Vector3D);
            if (options.IncludeGyroscope)
            {
                var delta = q.Conjugate() * Pose(t + h);
                gyro = new Vector3D(delta.X, delta.Y, delta.Z) * (2 / h * Math.Sign(delta.W == 0 ? 1 : delta.W)) + gyrBias + driftPerSecond * t + Noise(random, options.GyroscopeNoiseRadps);
            }

            var force = 0.0;
            if (options.Signal == MovementSignal.Force)
            {
                var direction = options.ForceDecreases ? -1 : 1;
                force = options.BaselineForceNewtons + direction * script.Angle(t) + Gaussian(random) * 2;
            }

            samples[i] = new ImuSample(
                t,
                new Vector3((float)specific.X, (float)specific.Y, (float)specific.Z),
                new Vector3((float)gyro.X, (float)gyro.Y, (float)gyro.Z),
                default,
                (float)force);
        }

        var channels = SensorChannels.Accelerometer
            | (options.IncludeGyroscope ? SensorChannels.Gyroscope : SensorChannels.None)
            | (options.Signal == MovementSignal.Force ? SensorChannels.Force : SensorChannels.None);
        var labels = new Dictionary<string, string>
        {
            ["true_count"] = options.Repetitions.ToString(CultureInfo.InvariantCulture),
            ["synthetic"] = "true",
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
        };
        var metadata = new RecordingMetadata
        {
            Sensor = SensorKind.Simulated,
            Placement = options.Placement,
            SamplingRateHz = rate,
            Channels = channels,
            Labels = labels,
        };
        return new SimulatedSet(new SensorRecording(metadata, samples), options.Repetitions, script.TrueRanges);
    }

    private static Script BuildScript(SimulationOptions o, Random random)
    {
        var segments = new List<Movement>();
        var ranges = new List<double>();
        var amplitudeUnit = o.Signal == MovementSignal.Force ? o.ForceChangeNewtons : o.RangeOfMotionDegrees;
        var t = o.StillSeconds;
        var slipAt = -1.0;
        var spasmSlots = new List<double>();
        for (var r = 0; r < o.Repetitions; r++)
        {
            var amplitude = amplitudeUnit * (1 + o.RangeVariationFraction * (2 * random.NextDouble() - 1));
            var tempo = o.TempoSeconds * (1 + o.TempoVariationFraction * (2 * random.NextDouble() - 1));
            segments.Add(new Movement(t, tempo, o.HoldSeconds, amplitude, o.Bidirectional));
            ranges.Add(amplitude);
            t += tempo + o.HoldSeconds * (o.Bidirectional ? 2 : 1);
            var rest = o.RestBetweenRepetitionsSeconds * (0.5 + random.NextDouble());
            if (random.NextDouble() < o.PauseProbability)
            {
                rest += o.PauseSeconds;
            }

            if (r == o.Repetitions / 2 && o.SlipDegrees != 0)
            {
                slipAt = t + 0.3;
                rest += 2.5; // the slip and the person settling again
            }
            else if (r < o.Repetitions - 1 && spasmSlots.Count < o.SpasmBursts)
            {
                spasmSlots.Add(t + 0.4);
                rest += 1.2;
            }

            t += rest;
        }

        if (o.PartialRepetitionAtEnd)
        {
            var tempo = o.TempoSeconds * 0.6;
            segments.Add(new Movement(t, tempo, 0, amplitudeUnit * o.PartialRangeFraction, false));
            t += tempo + 0.5;
        }

        var spasms = spasmSlots.Select(s => new Movement(s, 0.25, 0, o.SpasmAmplitudeDegrees, false)).ToList();
        return new Script(segments, spasms, ranges, slipAt, o.SlipDegrees, t + o.StillSeconds);
    }

    private static Vector3D RandomUnit(Random random)
    {
        var v = new Vector3D(Gaussian(random), Gaussian(random), Gaussian(random));
        return v.Length > 1e-9 ? v.Normalized() : new Vector3D(1, 0, 0);
    }

    private static Vector3D Noise(Random random, double sigma) =>
        sigma > 0 ? new Vector3D(Gaussian(random), Gaussian(random), Gaussian(random)) * sigma : default;

    private static double Gaussian(Random random)
    {
        // Box–Muller.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private readonly record struct Movement(double Start, double Tempo, double Hold, double Amplitude, bool Bidirectional)
    {
        public double End => Start + Tempo + Hold * (Bidirectional ? 2 : 1);

        public double Value(double t)
        {
            if (t <= Start || t >= End)
            {
                return 0;
            }

            var local = t - Start;
            if (!Bidirectional)
            {
                return Amplitude * OutHoldBack(local, Tempo, Hold);
            }

            var half = Tempo / 2 + Hold;
            return local < half
                ? Amplitude * OutHoldBack(local, Tempo / 2, Hold)
                : -Amplitude * OutHoldBack(local - half, Tempo / 2, Hold);
        }

        private static double OutHoldBack(double t, double tempo, double hold)
        {
            var leg = tempo / 2;
            if (t < leg)
            {
                return MinimumJerk(t / leg);
            }

            if (t < leg + hold)
            {
                return 1;
            }

            return 1 - MinimumJerk(Math.Min(1, (t - leg - hold) / leg));
        }

        private static double MinimumJerk(double s) => s * s * s * (10 - 15 * s + 6 * s * s);
    }

    private sealed record Script(List<Movement> Movements, List<Movement> Spasms, List<double> TrueRanges, double SlipStart, double SlipDegrees, double TotalSeconds)
    {
        public double Angle(double t)
        {
            var value = 0.0;
            foreach (var m in Movements)
            {
                if (t > m.Start && t < m.End)
                {
                    value += m.Value(t);
                }
            }

            foreach (var m in Spasms)
            {
                if (t > m.Start && t < m.End)
                {
                    value += m.Value(t);
                }
            }

            return value;
        }

        public double Slip(double t)
        {
            if (SlipStart < 0 || t <= SlipStart)
            {
                return 0;
            }

            var s = Math.Min(1, (t - SlipStart) / 0.5);
            return SlipDegrees * s * s * s * (10 - 15 * s + 6 * s * s);
        }
    }
}

/// <summary>Double-precision unit quaternion for the simulator's poses.</summary>
internal readonly record struct QuaternionD(double W, double X, double Y, double Z)
{
    public static QuaternionD FromAxisAngle(Vector3D axis, double radians)
    {
        var a = axis.Normalized();
        var s = Math.Sin(radians / 2);
        return new QuaternionD(Math.Cos(radians / 2), a.X * s, a.Y * s, a.Z * s);
    }

    public QuaternionD Conjugate() => new(W, -X, -Y, -Z);

    public static QuaternionD operator *(QuaternionD a, QuaternionD b) => new(
        a.W * b.W - a.X * b.X - a.Y * b.Y - a.Z * b.Z,
        a.W * b.X + a.X * b.W + a.Y * b.Z - a.Z * b.Y,
        a.W * b.Y - a.X * b.Z + a.Y * b.W + a.Z * b.X,
        a.W * b.Z + a.X * b.Y - a.Y * b.X + a.Z * b.W);

    /// <summary>Rotates a vector from the body frame into the reference frame.</summary>
    public Vector3D Rotate(Vector3D v)
    {
        var p = this * new QuaternionD(0, v.X, v.Y, v.Z) * Conjugate();
        return new Vector3D(p.X, p.Y, p.Z);
    }
}
