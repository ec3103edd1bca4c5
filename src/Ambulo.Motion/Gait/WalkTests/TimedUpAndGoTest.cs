using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Filters;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>Options of <see cref="TimedUpAndGoTest"/>.</summary>
/// <param name="ActivityThresholdMps2">Deviation of the smoothed acceleration magnitude from rest that marks movement.</param>
/// <param name="ActivityThresholdDegreesPerSecond">Angular rate that marks movement (standing up rotates the trunk).</param>
/// <param name="MinimumTurnDegrees">The turn at the cone and the turn to sit are at least this large.</param>
/// <param name="PostureChangeDegrees">
/// The TUG starts seated and ends seated. Sitting down and standing up turn the sensor's gravity direction: a phone in a
/// trouser pocket lies along the thigh (about horizontal seated, about vertical standing); a lower-back sensor tilts with
/// the pelvis, which leans forward to rise and sits tilted back against the chair. So the test is measured only when the
/// gravity direction, while rising (from the rest at the start to the first step), moves at least this far from its
/// seated direction, and after the last step moves at least this far from its walking direction. 20° is an Ambulo default,
/// not a clinical figure, chosen far below the change of a thigh going from horizontal to vertical and above the drift of
/// a low-passed (1 Hz) trunk direction while walking; it has never been checked on a real recorded TUG (none is in
/// testdata). A person who sits very upright and rises without leaning forward, with a lower-back sensor, may be refused;
/// the refusal says why instead of inventing a phase.
/// </param>
/// <param name="SettledDegrees">Sitting down has ended when the gravity direction stays within this angle (5°) of the final seated posture.</param>
/// <param name="RestSeconds">The recording must hold at least this much rest (0.5 s) before the first movement and at its end, to read the seated posture.</param>
public sealed record TimedUpAndGoOptions(double ActivityThresholdMps2 = 0.6, double ActivityThresholdDegreesPerSecond = 20, double MinimumTurnDegrees = 120,
    double PostureChangeDegrees = 20, double SettledDegrees = 5, double RestSeconds = 0.5)
{
    public GaitAnalysisOptions Gait { get; init; } = new(GaitPopulation.SlowOrImpaired);
}

/// <summary>
/// Timed Up and Go: total time and its phases (seconds); phases that could not be found are null. When
/// <see cref="Measured"/> is false there is no total and <see cref="Problem"/> says why; when it is true but some phases
/// are missing, <see cref="Note"/> says which and why.
/// <see cref="WalkedDistanceMeters"/>: ground covered from the first step to the start of the turn-to-sit (about 6 m on
/// the standard 3 m course, a check that the course was walked), by the model named in <see cref="DistanceModel"/>;
/// absent without a distance model.
/// </summary>
public sealed record TimedUpAndGoResult(
    bool Measured,
    double? StartSeconds,
    double? EndSeconds,
    double? TotalSeconds,
    double? SitToStandSeconds,
    double? WalkOutSeconds,
    double? TurnSeconds,
    double? WalkBackSeconds,
    double? TurnToSitSeconds,
    int Steps,
    string? Problem = null,
    double? WalkedDistanceMeters = null,
    DistanceModel DistanceModel = DistanceModel.None,
    string? Note = null);

/// <summary>
/// Instrumented Timed Up and Go from one trunk, pocket or lower-back sensor: the test runs from the first movement out
/// of sitting to the end of movement after sitting down. Inside, the first step ends sit-to-stand, the first large turn
/// is the turn at the 3 m mark and the last large turn starts the turn-to-sit. The seated start and the seated end are
/// checked on the accelerometer's gravity direction (<see cref="TimedUpAndGoOptions.PostureChangeDegrees"/>): a recording
/// that starts standing, or ends without sitting down, is not measured (there is no sit-to-stand to time, or no end),
/// rather than given an invented phase. The end is the later of the end of movement and the moment the seated posture
/// settles, so a turn-to-sit that only a gyroscope would see as movement still ends at the sit. Tested on synthetic
/// recordings only: no real recorded TUG is in testdata.
/// </summary>
public static class TimedUpAndGoTest
{
    public static TimedUpAndGoResult Estimate(SensorRecording recording, TimedUpAndGoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new TimedUpAndGoOptions();
        var samples = recording.Samples;
        var fs = recording.Metadata.SamplingRateHz;
        var analysis = GaitAnalyzer.Analyze([recording], options.Gait);
        var turns = TurnDetector.Detect(samples, fs).Where(t => Math.Abs(t.AngleDegrees) >= options.MinimumTurnDegrees).ToList();
        var (start, end) = ActiveSpan(recording, options);
        if (start is null || end is null)
        {
            return new TimedUpAndGoResult(false, null, null, null, null, null, null, null, null, 0, "no movement found");
        }

        var steps = analysis.Steps.Select(s => s.TimeSeconds).Where(t => t >= start && t <= end).Order().ToList();
        if (steps.Count < 2)
        {
            return new TimedUpAndGoResult(false, start, end, null, null, null, null, null, null, steps.Count, "no walking found between standing up and sitting down");
        }

        var posture = Posture.Read(recording, start.Value, end.Value, steps, options);
        if (posture.Problem is { } postureProblem)
        {
            return new TimedUpAndGoResult(false, start, null, null, null, null, null, null, null, steps.Count, postureProblem);
        }

        end = Math.Max(end.Value, posture.SeatedAtSeconds!.Value);

        // Standing up pitches the trunk forward and back; it ends when that rotation stops. The first step is the first
        // contact after it (a contact inside the rising movement is the jolt of standing, not a step).
        var standingAt = EndOfSitToStand(recording, start.Value, options) ?? steps[0];
        var firstStep = steps.FirstOrDefault(t => t >= standingAt - 0.15, steps[^1]);
        steps = steps.Where(t => t >= firstStep).ToList();
        var inside = turns.Where(t => t.StartSeconds >= firstStep && t.EndSeconds <= end + 0.5).ToList();
        var turn1 = inside.FirstOrDefault();
        var turn2 = inside.Count >= 2 ? inside[^1] : null;
        double? walkOut = turn1 is null ? null : turn1.StartSeconds - firstStep;
        double? turnTime = turn1?.DurationSeconds;
        double? walkBack = turn1 is not null && turn2 is not null ? turn2.StartSeconds - turn1.EndSeconds : null;
        double? turnToSit = turn2 is not null ? end - turn2.StartSeconds : null;
        var walked = WalkedDistance.Between(analysis, firstStep, turn2?.StartSeconds ?? end.Value);
        return new TimedUpAndGoResult(true, start, end, end - start, firstStep - start, walkOut, turnTime, walkBack, turnToSit, steps.Count, null,
            walked, walked is null ? DistanceModel.None : WalkedDistance.ModelOf(analysis),
            turn1 is null
                ? recording.Metadata.Channels.HasFlag(SensorChannels.Gyroscope)
                    ? "no turn found: phases after sit-to-stand are unknown"
                    : "turns not measured (the recording has no gyroscope): phases after sit-to-stand are unknown"
                : turn2 is null ? "no turn-to-sit found" : null);
    }

    /// <summary>
    /// The seated start and seated end of a TUG, read from the gravity direction: the low-passed (1 Hz) acceleration as a
    /// unit vector. Seated at the start: the mean direction over the rest before the first movement; walking: the mean
    /// direction at the steps; seated at the end: the mean over the last <see cref="TimedUpAndGoOptions.RestSeconds"/>.
    /// </summary>
    private sealed record Posture(string? Problem, double? SeatedAtSeconds)
    {
        public static Posture Read(SensorRecording recording, double start, double activeEnd, List<double> steps, TimedUpAndGoOptions options)
        {
            var samples = recording.Samples;
            var fs = recording.Metadata.SamplingRateHz;
            var n = samples.Length;
            double[] x = new double[n], y = new double[n], z = new double[n];
            for (var i = 0; i < n; i++)
            {
                (x[i], y[i], z[i]) = (samples[i].AccelerationMps2.X, samples[i].AccelerationMps2.Y, samples[i].AccelerationMps2.Z);
            }

            FilterDesign.LowPass(Math.Min(1.0, fs / 4), fs).FilterZeroPhase(x, y, z);
            var first = samples[0].TimeSeconds;
            var last = samples[^1].TimeSeconds;
            if (start - first < options.RestSeconds)
            {
                return new("the recording does not begin at rest before the first movement, so it cannot show a seated start: record from sitting still in the chair", null);
            }

            var seated = Mean(t => t >= first && t <= start - 0.1);
            var walking = Mean(t => steps.Any(s => Math.Abs(s - t) <= 0.5 / fs));
            var rising = MaxAngle(seated, t => t >= start && t <= steps[0] + 1);
            if (rising < options.PostureChangeDegrees)
            {
                return new(string.Create(CultureInfo.InvariantCulture,
                    $"the recording does not begin seated: the sensor's tilt changed only {rising:F0}° between the rest at the start and the first steps (standing up from a chair changes it by at least {options.PostureChangeDegrees:F0}°), so there is no sit-to-stand to time; start the recording sitting in the chair"), null);
            }

            if (last - activeEnd < options.RestSeconds)
            {
                return new("the recording does not end at rest after sitting down, so the end of the test cannot be found: keep recording until seated and still", null);
            }

            var final = Mean(t => t >= last - options.RestSeconds);
            var sittingDown = MaxAngle(walking, t => t >= steps[^1]);
            if (sittingDown < options.PostureChangeDegrees)
            {
                return new(string.Create(CultureInfo.InvariantCulture,
                    $"the sit-down at the end was not found: after the last step the sensor's tilt changed only {sittingDown:F0}° from walking (sitting down changes it by at least {options.PostureChangeDegrees:F0}°), so the end of the test, and the total, are unknown"), null);
            }

            // Seated from the last moment the direction was more than SettledDegrees away from the final posture.
            var seatedAt = steps[^1];
            for (var i = 0; i < n; i++)
            {
                if (samples[i].TimeSeconds >= steps[^1] && Angle(Direction(i), final) > options.SettledDegrees)
                {
                    seatedAt = samples[i].TimeSeconds;
                }
            }

            return new(null, seatedAt);

            Vector3 Direction(int i) => Vector3.Normalize(new Vector3((float)x[i], (float)y[i], (float)z[i]));

            Vector3 Mean(Func<double, bool> inside)
            {
                var sum = Vector3.Zero;
                for (var i = 0; i < n; i++)
                {
                    if (inside(samples[i].TimeSeconds))
                    {
                        sum += Direction(i);
                    }
                }

                return sum == Vector3.Zero ? Vector3.UnitZ : Vector3.Normalize(sum);
            }

            double MaxAngle(Vector3 from, Func<double, bool> inside)
            {
                var most = 0.0;
                for (var i = 0; i < n; i++)
                {
                    if (inside(samples[i].TimeSeconds))
                    {
                        most = Math.Max(most, Angle(Direction(i), from));
                    }
                }

                return most;
            }
        }

        private static double Angle(Vector3 a, Vector3 b) => Math.Acos(Math.Clamp(Vector3.Dot(a, b), -1f, 1f)) * 180 / Math.PI;
    }

    /// <summary>End of the first trunk-pitch movement after <paramref name="start"/> (null when there is none within 4 s).</summary>
    internal static double? EndOfSitToStand(SensorRecording recording, double start, TimedUpAndGoOptions options)
    {
        var samples = recording.Samples;
        var fs = recording.Metadata.SamplingRateHz;
        var (_, yaw) = TrunkSignals.Compute(samples, fs);
        var pitch = new double[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            var w = samples[i].AngularVelocityRadps;
            pitch[i] = Math.Sqrt(Math.Max(0, w.LengthSquared() - yaw[i] * yaw[i]));
        }

        FilterDesign.LowPass(Math.Min(2.0, fs / 4), fs).FilterZeroPhase(pitch, pitch);
        var threshold = options.ActivityThresholdDegreesPerSecond * Math.PI / 180;
        var moving = false;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = samples[i].TimeSeconds;
            if (t < start - 0.5)
            {
                continue;
            }

            if (t > start + 4)
            {
                return null;
            }

            if (pitch[i] > threshold)
            {
                moving = true;
            }
            else if (moving)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>First and last sample where the sensor moves (smoothed acceleration deviation or angular rate above threshold).</summary>
    internal static (double? Start, double? End) ActiveSpan(SensorRecording recording, TimedUpAndGoOptions options)
    {
        var samples = recording.Samples;
        var fs = recording.Metadata.SamplingRateHz;
        var n = samples.Length;
        if (n < 3)
        {
            return (null, null);
        }

        var magnitude = new double[n];
        var rate = new double[n];
        for (var i = 0; i < n; i++)
        {
            magnitude[i] = samples[i].AccelerationMps2.Length();
            rate[i] = samples[i].AngularVelocityRadps.Length();
        }

        var lp = FilterDesign.LowPass(Math.Min(2.0, fs / 4), fs);
        var deviation = new double[n];
        for (var i = 0; i < n; i++)
        {
            deviation[i] = Math.Abs(magnitude[i] - 9.80665);
        }

        lp.FilterZeroPhase(deviation, deviation);
        lp.FilterZeroPhase(rate, rate);
        var rateThreshold = options.ActivityThresholdDegreesPerSecond * Math.PI / 180;
        int first = -1, last = -1;
        for (var i = 0; i < n; i++)
        {
            if (deviation[i] > options.ActivityThresholdMps2 || rate[i] > rateThreshold)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        return first < 0 ? (null, null) : (samples[first].TimeSeconds, samples[last].TimeSeconds);
    }
}
