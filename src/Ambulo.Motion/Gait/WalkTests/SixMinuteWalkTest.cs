using System.Globalization;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait.WalkTests;

/// <summary>Options of <see cref="SixMinuteWalkTest"/>.</summary>
/// <param name="CourseLengthMeters">Length of one leg of the course between the two turning points (30 m in the ATS guideline; home courses are shorter).</param>
/// <param name="DurationSeconds">Test duration (360 s).</param>
/// <param name="MinimumTurnDegrees">Turns at the course ends are about 180°; smaller heading changes are ignored.</param>
/// <param name="CompleteMinuteSeconds">
/// A minute counts as complete, and may be compared for the decline, when the recording covers at least this much of it
/// (55 s, an Ambulo allowance): minutes run from the first step, which comes a few seconds after the recording starts, so
/// a recording of exactly six minutes covers its last minute a few seconds short; a minute cut shorter than this is not
/// compared (its steps and speed are still listed, over the seconds recorded).
/// </param>
/// <param name="CourseSensorTolerance">
/// The result carries a <see cref="SixMinuteWalkResult.DistanceCaution"/> when the distance by course (completed legs, plus
/// the estimated unfinished leg when there is one) and the sensor distance differ by more than this fraction of the course
/// distance (0.25, an Ambulo choice, not a clinical figure). Two measures of one walk that far apart mean a wrong course
/// length, missed or extra turns, or a distance model that does not fit this walker, and the therapist should know before
/// reading either as the 6-minute walk distance. Why 0.25: a correct test must not be cautioned, and its two distances
/// can honestly differ by (a) the distance model's error, as documented in docs/accuracy.md: foot strapdown stride length
/// about 1 %, lower-back pendulum gait speed about 10 % for slow walkers (0.055–0.09 m/s at 0.8–1 m/s), a phone's personal
/// Weinberg constant about ±8 % by Weinberg's own figure (not validated by us); (b) the partial-leg estimate, off by about
/// a step, and the walker's path, which rounds the cones instead of touching them; and (c) the first leg, which starts at
/// the first step and not at the cone. (a) + (b) + (c) stay under a quarter on a 10 m or longer course. The height-ratio
/// model overestimates the short steps of slow walkers by up to about twice, so with it the caution fires on many correct
/// tests; the caution then names that model as the likely cause. Never checked on a real recorded 6-minute walk (none is
/// in testdata): the 25 % is a reasoned allowance, not a measured one.
/// </param>
public sealed record SixMinuteWalkOptions(double CourseLengthMeters = 30, double DurationSeconds = 360, double MinimumTurnDegrees = 135, double CompleteMinuteSeconds = 55,
    double CourseSensorTolerance = 0.25)
{
    public GaitAnalysisOptions Gait { get; init; } = new(GaitPopulation.SlowOrImpaired);
}

/// <summary>
/// One minute of a 6-minute walk, from the first step. <see cref="RecordedSeconds"/> is how much of it the recording
/// covers (60 unless the recording ends inside it); cadence and speed are per recorded second. <see cref="Complete"/>:
/// covered for at least <see cref="SixMinuteWalkOptions.CompleteMinuteSeconds"/>, so it may be compared for the decline.
/// Minutes after the end of the recording are not listed.
/// </summary>
public sealed record MinuteSplit(int Minute, int Steps, double CadenceStepsPerMinute, double? DistanceMeters, double? SpeedMetersPerSecond,
    double RecordedSeconds = 60, bool Complete = true);

/// <summary>
/// Result of a 6-minute walk. <see cref="CourseDistanceMeters"/> = completed legs × course length, a leg being completed
/// by the turn at its end (turns detected inside the six minutes). Turns are seen by the gyroscope: a recording without
/// one (many phones log acceleration only) has no <see cref="Turns"/>, <see cref="CompletedLegs"/> or course distance
/// (null, not 0: the walker may have done many legs). The clinical test adds the part of the last,
/// unfinished leg (measured with a tape from the last cone); the sensor cannot see the cones, so
/// <see cref="PartialLegEstimateMeters"/> ESTIMATES it: the steps taken since the middle of the last turn (the walker at
/// the cone) times the course length per step of this walker's last one or two completed legs, capped at one course
/// length (<see cref="PartialLegBasis"/> = <c>steps-per-leg</c>). It is an estimate, off by up to about one step plus the
/// error of the turn's middle; without a completed leg (no turn) there is nothing to scale the steps by and it is null.
/// <see cref="EstimatedTotalDistanceMeters"/> = course distance + that estimate: the figure to compare with a clinical
/// 6MWT distance. <see cref="SensorDistanceMeters"/> comes from the distance model, if any.
/// <see cref="DeclinePercent"/> compares the last complete minute (<see cref="DeclineToMinute"/>, 6 on a full recording)
/// with the first (speed when measured, else cadence: <see cref="DeclineMeasure"/>); with fewer than two complete minutes
/// there is no decline (null, and <see cref="DeclineMeasure"/> <c>none</c>), since minutes the recording does not hold
/// would read as a 100 % fall.
/// <see cref="DistanceModel"/> names the model of the sensor distance and the minute speeds (<see cref="WalkedDistance"/>):
/// foot strapdown, lower-back pendulum, or for a phone the personal Weinberg constant or the height ratio
/// (<see cref="GaitAnalysisOptions.PhoneStepLength"/>); <see cref="DistanceModel.None"/> and no sensor distance without one.
/// <see cref="DistanceCaution"/> says why the course and sensor distances should not be trusted when they are further apart
/// than <see cref="SixMinuteWalkOptions.CourseSensorTolerance"/> (null when they agree, or when one of them is missing);
/// <see cref="CourseSensorDifferencePercent"/> is how far apart they are, in % of the course distance, whenever both exist.
/// <see cref="Measured"/> is false when no step was found in the recording (<see cref="Problem"/> says so); every other
/// value is then empty or zero.
/// </summary>
public sealed record SixMinuteWalkResult(
    int Steps,
    double? CadenceStepsPerMinute,
    int? Turns,
    int? CompletedLegs,
    double? CourseDistanceMeters,
    double? SensorDistanceMeters,
    DistanceModel DistanceModel,
    IReadOnlyList<MinuteSplit> Minutes,
    double? DeclinePercent,
    string DeclineMeasure,
    double? PartialLegEstimateMeters = null,
    double? EstimatedTotalDistanceMeters = null,
    string? PartialLegBasis = null,
    int? DeclineToMinute = null,
    double? CourseSensorDifferencePercent = null,
    string? DistanceCaution = null,
    bool Measured = true,
    string? Problem = null);

/// <summary>Instrumented 6-minute walk: steps, cadence, laps from turns × course length, sensor distance, minute-by-minute decline.</summary>
public static class SixMinuteWalkTest
{
    public static SixMinuteWalkResult Estimate(SensorRecording recording, SixMinuteWalkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        options ??= new SixMinuteWalkOptions();
        var analysis = GaitAnalyzer.Analyze([recording], options.Gait);
        var start = analysis.Steps.Count > 0 ? analysis.Steps[0].TimeSeconds : 0;
        var end = start + options.DurationSeconds;
        var steps = analysis.Steps.Where(s => s.TimeSeconds >= start && s.TimeSeconds <= end).ToList();
        var stepCount = analysis.StepCount(start, end + 1e-9);
        var seesTurns = recording.Metadata.Channels.HasFlag(SensorChannels.Gyroscope);
        var turns = seesTurns
            ? TurnDetector.Detect(recording.Samples, recording.Metadata.SamplingRateHz)
                .Where(t => Math.Abs(t.AngleDegrees) >= options.MinimumTurnDegrees && t.StartSeconds >= start && t.EndSeconds <= end).ToList()
            : [];

        // Minutes end where the recording does: a minute it does not reach is not listed, one it cuts short is not complete.
        var recordedEnd = Math.Min(end, recording.Samples.Length > 0 ? recording.Samples[^1].TimeSeconds : start);
        var minutes = new List<MinuteSplit>();
        for (var m = 0; m < (int)Math.Ceiling(options.DurationSeconds / 60) && start + (m * 60) < recordedEnd; m++)
        {
            double a = start + m * 60, b = Math.Min(recordedEnd, a + 60);
            var count = analysis.StepCount(a, b >= end ? b + 1e-9 : b);
            var distance = WalkedDistance.Between(analysis, a, b);
            minutes.Add(new MinuteSplit(m + 1, count, count * 60.0 / (b - a), distance, distance / (b - a), b - a,
                b - a >= Math.Min(options.CompleteMinuteSeconds, Math.Min(60, end - a)) - 1e-9));
        }

        // The decline compares the first and the last complete minute (complete minutes come first: only the recording's
        // end cuts a minute short).
        var complete = minutes.TakeWhile(m => m.Complete).ToList();
        double? decline = null;
        int? declineTo = null;
        var measure = "none";
        if (complete.Count >= 2)
        {
            var (first, last) = (complete[0], complete[^1]);
            if (first.SpeedMetersPerSecond is { } v0 and > 0 && last.SpeedMetersPerSecond is { } v1)
            {
                decline = 100 * (v0 - v1) / v0;
                measure = "speed";
            }
            else if (first.CadenceStepsPerMinute > 0)
            {
                decline = 100 * (first.CadenceStepsPerMinute - last.CadenceStepsPerMinute) / first.CadenceStepsPerMinute;
                measure = "cadence";
            }

            declineTo = decline is null ? null : last.Minute;
        }

        var partial = PartialLeg(analysis, start, end, turns, options.CourseLengthMeters);
        var model = WalkedDistance.ModelOf(analysis);
        double? sensorDistance = model != DistanceModel.None ? minutes.Sum(m => m.DistanceMeters ?? 0) : null;
        var duration = steps.Count >= 2 ? steps[^1].TimeSeconds - steps[0].TimeSeconds : 0;
        int? legs = seesTurns ? turns.Count : null;
        var courseDistance = legs * options.CourseLengthMeters;
        var estimatedTotal = partial is { } p ? (turns.Count * options.CourseLengthMeters) + p : (double?)null;
        var (difference, caution) = Disagreement(estimatedTotal ?? courseDistance, sensorDistance, model, options);
        return new SixMinuteWalkResult(stepCount, duration > 0 ? 60 * (stepCount - 1) / duration : null, legs, legs,
            courseDistance, sensorDistance, model,
            minutes, decline, measure, partial, estimatedTotal, partial is null ? null : "steps-per-leg", declineTo, difference, caution,
            stepCount > 0, stepCount > 0 ? null : "no steps found in the recording");
    }

    /// <summary>
    /// How far apart (in % of the course distance) the distance by course and the sensor distance are, and the caution when
    /// that is more than <see cref="SixMinuteWalkOptions.CourseSensorTolerance"/>; nothing without both distances.
    /// </summary>
    internal static (double? Percent, string? Caution) Disagreement(double? courseDistance, double? sensorDistance, DistanceModel model, SixMinuteWalkOptions options)
    {
        if (courseDistance is not { } course || course <= 0 || sensorDistance is not { } sensor)
        {
            return (null, null);
        }

        var fraction = Math.Abs(sensor - course) / course;
        if (fraction <= options.CourseSensorTolerance)
        {
            return (100 * fraction, null);
        }

        var likely = model == DistanceModel.HeightRatio
            ? "the height-ratio model, which gives every step the same length and overestimates the short steps of slow walkers, is the likely cause"
            : "the course length may be wrong, a turn may have been missed or counted twice, or the distance model may not fit this walker";
        return (100 * fraction, string.Create(CultureInfo.InvariantCulture,
            $"the course and the sensor disagree: {course:F0} m by course, {sensor:F0} m by sensor ({KebabCase(model)} model), {100 * fraction:F0} % apart, more than the {100 * options.CourseSensorTolerance:F0} % allowed; {likely}"));
    }

    private static string KebabCase(DistanceModel model) => string.Concat(model.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>
    /// The estimated metres of the unfinished last leg. Leg boundaries are the middles of the turns (the walker at the
    /// cone); the first leg starts at the first step. The walker's course length per step comes from the last one or two
    /// completed legs (the legs nearest in time, so a walker whose steps shorten with fatigue is scaled by their late steps).
    /// Steps, not time: a pause on the last leg adds no distance.
    /// </summary>
    private static double? PartialLeg(GaitAnalysis analysis, double start, double end, List<Turn> turns, double courseLengthMeters)
    {
        if (turns.Count == 0)
        {
            return null;
        }

        var boundaries = new List<double> { start - 1e-9 };
        boundaries.AddRange(turns.Select(t => (t.StartSeconds + t.EndSeconds) / 2));
        var legSteps = new List<int>();
        for (var k = 1; k < boundaries.Count; k++)
        {
            legSteps.Add(analysis.StepCount(boundaries[k - 1], boundaries[k]));
        }

        var recent = legSteps.TakeLast(2).Where(n => n > 0).ToList();
        if (recent.Count == 0)
        {
            return null;
        }

        var metersPerStep = courseLengthMeters * recent.Count / recent.Sum();
        var stepsIntoLastLeg = analysis.StepCount(boundaries[^1], end + 1e-9);
        return Math.Min(courseLengthMeters, stepsIntoLastLeg * metersPerStep);
    }
}
