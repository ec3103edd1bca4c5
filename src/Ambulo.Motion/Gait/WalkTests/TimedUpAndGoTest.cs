using Ambulo.Motion.Filters;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>Options of <see cref="TimedUpAndGoTest"/>.</summary>
/// <param name="ActivityThresholdMps2">Deviation of the smoothed acceleration magnitude from rest that marks movement.</param>
/// <param name="ActivityThresholdDegreesPerSecond">Angular rate that marks movement (standing up rotates the trunk).</param>
/// <param name="MinimumTurnDegrees">The turn at the cone and the turn to sit are at least this large.</param>
public sealed record TimedUpAndGoOptions(double ActivityThresholdMps2 = 0.6, double ActivityThresholdDegreesPerSecond = 20, double MinimumTurnDegrees = 120)
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
/// is the turn at the 3 m mark and the last large turn starts the turn-to-sit.
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
