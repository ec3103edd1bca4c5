using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Motion.Evaluation;

/// <summary>A reference stride (initial contact to initial contact) of one foot, with its length when the reference has one.</summary>
public sealed record ReferenceStride(BodySide Side, double StartSeconds, double EndSeconds, double? LengthMeters);

/// <summary>A reference walking bout with its cadence and speed.</summary>
public sealed record ReferenceBout(double StartSeconds, double EndSeconds, double CadenceStepsPerMinute, double? WalkingSpeedMetersPerSecond);

/// <summary>Foot-IMU validation of one recording (both feet).</summary>
/// <param name="StandstillStridesNotScored">Detected last strides of a bout (into standstill), left out because the reference's strides are complete gait cycles.</param>
public sealed record FootValidation(GaitEventScore Strides, double StrideTimeMaeSeconds, double? StrideLengthMaeMeters, int StrideLengthPairs, int StandstillStridesNotScored = 0);

/// <summary>One reference bout of a foot-IMU recording against what was detected in its window (the bout's span ± the tolerance).</summary>
/// <param name="Reference">The bout, made from the reference stride list (<see cref="BoutAccuracy.BoutsFromStrides"/>).</param>
/// <param name="Steps">Detected and reference initial contacts (both feet) in the window.</param>
/// <param name="CadenceStepsPerMinute">Ours: <see cref="BoutAccuracy.CadenceStepsPerMinute"/> of the detected contacts in the window.</param>
/// <param name="GaitSpeedMetersPerSecond">Ours: mean stride length ÷ stride time of the detected strides lying wholly in the window.</param>
public sealed record FootBoutComparison(StrideListBout Reference, BoutStepCount Steps, double? CadenceStepsPerMinute, double? GaitSpeedMetersPerSecond);

/// <summary>Foot-IMU per-bout validation of one recording (both feet).</summary>
/// <param name="DetectedStepsInRecording">Every detected initial contact of the recording, both feet, inside a bout or not.</param>
public sealed record FootBoutValidation(IReadOnlyList<FootBoutComparison> Bouts, int DetectedStepsInRecording)
{
    /// <summary>Detected contacts in the bouts' windows, summed over the bouts.</summary>
    public int DetectedStepsInBouts => Bouts.Sum(b => b.Steps.Detected);

    /// <summary>Reference contacts of the bouts.</summary>
    public int ReferenceSteps => Bouts.Sum(b => b.Steps.Reference);

    /// <summary>100 × (detected − reference) ÷ reference over the bouts' windows; NaN without reference contacts.</summary>
    public double StepCountErrorPercent => ReferenceSteps == 0 ? double.NaN : 100.0 * (DetectedStepsInBouts - ReferenceSteps) / ReferenceSteps;
}

/// <summary>Lower-back validation of one recording.</summary>
/// <param name="InitialContacts">Every detected contact of the recording against the reference contacts.</param>
/// <param name="Bouts">Per reference bout: our cadence from the detected contacts in it and our speed from the detected bouts overlapping it.</param>
/// <param name="Errors">Where the extra detections and the missed reference contacts of <paramref name="InitialContacts"/> lie.</param>
/// <param name="InsideReferenceBouts">The contacts scored with only the detections a reference bout holds (up to the
/// tolerance beyond its ends, see <see cref="LowerBackErrorBreakdown"/>): walking the reference did not annotate left out.
/// Information only; the target is scored over the whole recording.</param>
/// <param name="ReferenceContactCadences">Per reference bout (as <paramref name="Bouts"/>): the reference's own contacts put
/// through the same per-bout cadence scoring as ours, the floor that scoring leaves against the reference's cadence.</param>
public sealed record LowerBackValidation(
    GaitEventScore InitialContacts,
    int SideCorrect,
    int SideCompared,
    IReadOnlyList<(ReferenceBout Reference, double? Cadence, double? Speed)> Bouts,
    LowerBackErrorBreakdown Errors,
    GaitEventScore InsideReferenceBouts,
    IReadOnlyList<double?> ReferenceContactCadences);

/// <summary>Phone step-count validation of one recording.</summary>
/// <param name="CadenceStepsPerMinute">Ours over the walk (<see cref="BoutAccuracy.CadenceOverWalk"/>); null without the contacts for one.</param>
/// <param name="ReferenceCadenceStepsPerMinute">The reference's over the walk.</param>
public sealed record StepCountValidation(int Detected, int Reference, GaitEventScore Timing, double? CadenceStepsPerMinute = null, double? ReferenceCadenceStepsPerMinute = null)
{
    public double CountErrorPercent => Reference == 0 ? double.NaN : 100.0 * (Detected - Reference) / Reference;
}

/// <summary>
/// Runs the gait algorithms on recordings with reference annotations and scores them the way the issue asks:
/// strides and contacts matched one-to-one within a tolerance, errors of matched pairs, per-bout cadence and speed.
/// </summary>
public static class GaitValidation
{
    /// <summary>
    /// Foot IMUs: strides matched on both borders within <paramref name="toleranceSeconds"/>; stride-time and stride-length
    /// errors of matched strides. With <paramref name="completeCyclesOnly"/> (gaitmap's definition: a stride runs mid-stance to
    /// mid-stance and a toe-off closes its last stance), detected strides into standstill are not scored, only counted.
    /// </summary>
    public static FootValidation ValidateFoot(IReadOnlyList<SensorRecording> feet, IReadOnlyList<ReferenceStride> reference, double toleranceSeconds, FootStrideOptions? options = null, bool completeCyclesOnly = false)
    {
        ArgumentNullException.ThrowIfNull(feet);
        ArgumentNullException.ThrowIfNull(reference);
        var score = GaitEventScore.Empty;
        double timeError = 0, lengthError = 0;
        int timePairs = 0, lengthPairs = 0, standstill = 0;
        foreach (var foot in feet)
        {
            var side = GaitAnalyzer.SideOf(foot.Metadata.Placement);
            var all = FootStrideDetector.Detect(foot.Samples, foot.Metadata.SamplingRateHz, side, options).Strides;
            var detected = completeCyclesOnly ? all.Where(s => !s.EndsInStandstill).ToList() : all;
            standstill += all.Count - detected.Count;
            var refs = reference.Where(r => r.Side == side).ToList();
            var det = detected.Select(s => (s.StartSeconds, s.EndSeconds)).ToList();
            var rs = refs.Select(r => (r.StartSeconds, r.EndSeconds)).ToList();
            score += GaitEventMatching.MatchStrides(det, rs, toleranceSeconds);
            foreach (var (d, r) in GaitEventMatching.StridePairs(det, rs, toleranceSeconds))
            {
                timeError += Math.Abs(detected[d].StrideTimeSeconds - (refs[r].EndSeconds - refs[r].StartSeconds));
                timePairs++;
                if (refs[r].LengthMeters is { } length && detected[d].StrideLengthMeters is { } mine)
                {
                    lengthError += Math.Abs(mine - length);
                    lengthPairs++;
                }
            }
        }

        return new FootValidation(score, timePairs == 0 ? double.NaN : timeError / timePairs, lengthPairs == 0 ? null : lengthError / lengthPairs, lengthPairs, standstill);
    }

    /// <summary>
    /// Foot IMUs per bout: the bouts of the reference stride list (strides following each other with at most
    /// <paramref name="gapSeconds"/> between them, see <see cref="BoutAccuracy.BoutsFromStrides"/>); in each bout's window
    /// (its span ± <paramref name="toleranceSeconds"/>) our initial contacts of both feet are counted and made into a cadence,
    /// and our strides lying wholly in it give the mean stride speed. The reference's contacts are its strides' starts and
    /// ends, so a contact the list left out is missing from its count and cadence too.
    /// </summary>
    public static FootBoutValidation ValidateFootBouts(IReadOnlyList<SensorRecording> feet, IReadOnlyList<ReferenceStride> reference, double toleranceSeconds,
        FootStrideOptions? options = null, double gapSeconds = 0.05)
    {
        ArgumentNullException.ThrowIfNull(feet);
        ArgumentNullException.ThrowIfNull(reference);
        var contacts = new List<double>();
        var strides = new List<Stride>();
        foreach (var foot in feet)
        {
            var result = FootStrideDetector.Detect(foot.Samples, foot.Metadata.SamplingRateHz, GaitAnalyzer.SideOf(foot.Metadata.Placement), options);
            contacts.AddRange(result.InitialContacts.Select(c => c.TimeSeconds));
            strides.AddRange(result.Strides);
        }

        contacts.Sort();
        return CompareBouts(contacts, strides, reference, toleranceSeconds, gapSeconds);
    }

    /// <summary>The scoring of <see cref="ValidateFootBouts"/> on given detections: sorted contact times of both feet and their strides.</summary>
    public static FootBoutValidation CompareBouts(IReadOnlyList<double> detectedContactSeconds, IReadOnlyList<Stride> detectedStrides, IReadOnlyList<ReferenceStride> reference,
        double toleranceSeconds, double gapSeconds)
    {
        ArgumentNullException.ThrowIfNull(detectedContactSeconds);
        ArgumentNullException.ThrowIfNull(detectedStrides);
        ArgumentNullException.ThrowIfNull(reference);
        var bouts = new List<FootBoutComparison>();
        foreach (var bout in BoutAccuracy.BoutsFromStrides(reference, gapSeconds))
        {
            var steps = BoutAccuracy.StepCounts(detectedContactSeconds, bout.ContactSeconds, [(bout.StartSeconds, bout.EndSeconds)], toleranceSeconds)[0];
            var inside = detectedContactSeconds.Where(t => BoutAccuracy.InWindow(t, bout.StartSeconds, bout.EndSeconds, toleranceSeconds)).Order().ToList();
            var speed = BoutAccuracy.MeanStrideSpeed(detectedStrides
                .Where(s => BoutAccuracy.InWindow(s.StartSeconds, bout.StartSeconds, bout.EndSeconds, toleranceSeconds) && BoutAccuracy.InWindow(s.EndSeconds, bout.StartSeconds, bout.EndSeconds, toleranceSeconds))
                .Select(s => (s.StrideTimeSeconds, s.StrideLengthMeters)));
            bouts.Add(new FootBoutComparison(bout, steps, BoutAccuracy.CadenceStepsPerMinute(inside), speed));
        }

        return new FootBoutValidation(bouts, detectedContactSeconds.Count);
    }

    /// <summary>
    /// Lower back: every detected contact of the whole recording is scored against the reference contacts (so walking
    /// the reference missed counts against us); side accuracy over matched contacts; cadence from the detected contacts
    /// inside each reference bout, by the reference's own definition (mean of the stride cadences, strides across a pause
    /// left out: <see cref="LowerBackGaitDetector.CadenceStepsPerMinute"/>), speed from the detected bouts overlapping it
    /// (weighted by overlap). The extra and missed contacts are split by where they lie (<see cref="LowerBackErrorBreakdown"/>;
    /// <paramref name="otherSystemBouts"/> are the bouts of the data set's other reference system, if any).
    /// <paramref name="detection"/> is a detection of this recording with <paramref name="options"/> (for instance from
    /// <see cref="LowerBackGaitDetector.WithStepLengths"/>); null runs the detector.
    /// </summary>
    public static LowerBackValidation ValidateLowerBack(SensorRecording recording, IReadOnlyList<InitialContact> reference, IReadOnlyList<ReferenceBout> bouts,
        double toleranceSeconds, LowerBackGaitOptions options, IReadOnlyList<ReferenceBout>? otherSystemBouts = null, LowerBackGaitResult? detection = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(bouts);
        var result = detection ?? LowerBackGaitDetector.Detect(recording.Samples, recording.Metadata.SamplingRateHz, options);
        var detected = result.InitialContacts.Select(c => c.TimeSeconds).ToList();
        var refTimes = reference.Select(c => c.TimeSeconds).ToList();
        var score = GaitEventMatching.Match(detected, refTimes, toleranceSeconds);
        var referenceSpans = bouts.Select(b => (b.StartSeconds, b.EndSeconds)).ToList();
        var errors = LowerBackErrorBreakdown.Classify(detected, refTimes, GaitEventMatching.Pairs(detected, refTimes, toleranceSeconds), referenceSpans,
            [.. (otherSystemBouts ?? []).Select(b => (b.StartSeconds, b.EndSeconds))], [.. result.WalkingBouts.Select(b => (b.StartSeconds, b.EndSeconds))], toleranceSeconds);
        var insideBouts = GaitEventMatching.Match([.. detected.Where(t => LowerBackErrorBreakdown.Holds(referenceSpans, t, toleranceSeconds))], refTimes, toleranceSeconds);
        int correct = 0, compared = 0;
        foreach (var (d, r) in GaitEventMatching.Pairs(detected, refTimes, toleranceSeconds))
        {
            if (reference[r].Side == BodySide.Unknown)
            {
                continue;
            }

            compared++;
            if (result.InitialContacts[d].Side == reference[r].Side)
            {
                correct++;
            }
        }

        var perBout = new List<(ReferenceBout, double?, double?)>();
        var referenceCadences = new List<double?>();
        foreach (var bout in bouts)
        {
            var cadence = CadenceInBout(detected, bout, toleranceSeconds, options.MaximumStepSeconds);
            referenceCadences.Add(CadenceInBout(refTimes, bout, toleranceSeconds, options.MaximumStepSeconds));
            double weighted = 0, overlapTotal = 0;
            foreach (var b in result.WalkingBouts)
            {
                var overlap = Math.Min(b.EndSeconds, bout.EndSeconds) - Math.Max(b.StartSeconds, bout.StartSeconds);
                if (overlap > 0 && b.GaitSpeedMetersPerSecond is { } v)
                {
                    weighted += v * overlap;
                    overlapTotal += overlap;
                }
            }

            perBout.Add((bout, cadence, overlapTotal > 0 ? weighted / overlapTotal : null));
        }

        return new LowerBackValidation(score, correct, compared, perBout, errors, insideBouts, referenceCadences);
    }

    /// <summary>
    /// The per-bout cadence scoring: the contacts (sorted, seconds) up to the tolerance beyond the bout's ends, as a mean of
    /// stride cadences (<see cref="LowerBackGaitDetector.CadenceStepsPerMinute"/>); null with fewer than three contacts there.
    /// </summary>
    internal static double? CadenceInBout(IReadOnlyList<double> contactSeconds, ReferenceBout bout, double toleranceSeconds, double maximumStepSeconds)
    {
        var inside = contactSeconds.Where(t => t >= bout.StartSeconds - toleranceSeconds && t <= bout.EndSeconds + toleranceSeconds).ToArray();
        return inside.Length >= 3 ? LowerBackGaitDetector.CadenceStepsPerMinute(inside, maximumStepSeconds) : null;
    }

    /// <summary>
    /// The lower-back step-length model alone, detection taken out: per reference bout, our step lengths between the
    /// reference's own consecutive contacts inside it, made into the bout speed the way the reference defines it (the mean
    /// over strides, contact k to k + 2, of stride length ÷ stride time; a stride holding an interval longer than the
    /// preset's longest step spans a pause and is left out). Null for a bout with no such stride or without a sensor
    /// height in <paramref name="options"/>.
    /// </summary>
    public static IReadOnlyList<double?> LowerBackSpeedAtReferenceContacts(SensorRecording recording, IReadOnlyList<InitialContact> reference,
        IReadOnlyList<ReferenceBout> bouts, LowerBackGaitOptions options)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(bouts);
        ArgumentNullException.ThrowIfNull(options);
        var fs = recording.Metadata.SamplingRateHz;
        if (options.SensorHeightMeters is not { } height || height <= 0)
        {
            return [.. bouts.Select(_ => (double?)null)];
        }

        var (vertical, yaw) = TrunkSignals.Compute(recording.Samples, fs);
        var speeds = new List<double?>();
        foreach (var bout in bouts)
        {
            var contacts = ReferenceContactsInBout(reference, bout, fs, vertical.Length);
            if (contacts.Count < 3)
            {
                speeds.Add(null);
                continue;
            }

            var lengths = LowerBackStepLength.StepLengthsMeters(vertical, yaw, contacts, fs, height, options.PendulumCorrectionFactor, options.StepLengthScale, options.StepLengthSpeedOffsetMetersPerSecond);
            var times = contacts.Select(c => c / fs).ToArray();
            speeds.Add(LowerBackGaitDetector.BoutSpeedMetersPerSecond([.. lengths.Select(l => (double?)l)], times, options.MaximumStepSeconds));
        }

        return speeds;
    }

    /// <summary>The reference contacts inside a reference bout (±10 ms), as sample indices of a recording of <paramref name="sampleCount"/> samples.</summary>
    internal static List<int> ReferenceContactsInBout(IReadOnlyList<InitialContact> reference, ReferenceBout bout, double fs, int sampleCount) =>
        reference.Where(c => c.TimeSeconds >= bout.StartSeconds - 0.01 && c.TimeSeconds <= bout.EndSeconds + 0.01)
            .Select(c => (int)Math.Round(c.TimeSeconds * fs)).Where(i => i >= 0 && i < sampleCount).Distinct().Order().ToList();

    /// <summary>Phone: step count, step timing and the walk's cadence against foot-switch step times (each file one walk).</summary>
    public static StepCountValidation ValidateSteps(SensorRecording recording, IReadOnlyList<double> referenceStepSeconds, double toleranceSeconds, StepCounterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(referenceStepSeconds);
        var result = StepCounter.Detect(recording.Samples, options);
        var (cadence, referenceCadence) = BoutAccuracy.CadenceOverWalk(result.StepTimesSeconds, referenceStepSeconds, toleranceSeconds);
        return new StepCountValidation(result.Steps, referenceStepSeconds.Count, GaitEventMatching.Match(result.StepTimesSeconds, referenceStepSeconds, toleranceSeconds),
            cadence, referenceCadence);
    }
}
