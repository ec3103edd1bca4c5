using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Gait;

/// <summary>Where the sensor was worn, as far as gait analysis cares.</summary>
public enum GaitPlacement { Foot, Shank, LowerBack, Pocket, Hand, Other }

/// <summary>Options of <see cref="GaitAnalyzer"/>: one preset family for every detector, plus what is known of the person.</summary>
/// <param name="Population">Which presets to use. Default <see cref="GaitPopulation.SlowOrImpaired"/>, as in the CLI's
/// <c>gait</c> and <c>walktest</c>: Ambulo's users are stroke survivors who mostly walk slowly; give
/// <see cref="GaitPopulation.Healthy"/> explicitly for a fast, healthy walker.</param>
/// <param name="LegLengthMeters">Leg length or sensor height above ground; enables the inverted-pendulum distance on the lower back.</param>
/// <param name="MaximumBoutGapSeconds">Contacts further apart than this start a new bout (foot, shank and phone placements; a single foot or shank, whose contacts are a stride apart, breaks only at the longer of this and its detector's longest stride).</param>
/// <param name="PhoneStepLength">Step-length model of a phone in a pocket or the hand (personal Weinberg constant or body height); none = no phone distance.</param>
public sealed record GaitAnalysisOptions(GaitPopulation Population = GaitPopulation.SlowOrImpaired, double? LegLengthMeters = null, double MaximumBoutGapSeconds = 2.5,
    PhoneStepLengthOptions? PhoneStepLength = null)
{
    // A value outside the enum (a cast integer) gets the conservative presets, as the default does.
    public FootStrideOptions Foot => Population switch
    {
        GaitPopulation.Healthy => FootStrideOptions.Healthy,
        GaitPopulation.Hemiparetic => FootStrideOptions.Hemiparetic,
        _ => FootStrideOptions.SlowOrImpaired,
    };

    public LowerBackGaitOptions LowerBack => (Population switch
    {
        GaitPopulation.Healthy => LowerBackGaitOptions.Healthy,
        GaitPopulation.Hemiparetic => LowerBackGaitOptions.Hemiparetic,
        _ => LowerBackGaitOptions.SlowOrImpaired,
    }) with { SensorHeightMeters = LegLengthMeters };

    public StepCounterOptions Steps => Population switch
    {
        GaitPopulation.Healthy => StepCounterOptions.Healthy,
        GaitPopulation.Hemiparetic => StepCounterOptions.Hemiparetic,
        _ => StepCounterOptions.SlowOrImpaired,
    };
}

/// <summary>
/// The people a preset is tuned for. <see cref="SlowOrImpaired"/> is the zero value, so an uninitialised field or
/// <c>default(GaitPopulation)</c> means the same as the library's default options (the conservative presets for Ambulo's
/// users), never <see cref="Healthy"/>. The numbers changed on 2026-11-28 (Healthy was 0, SlowOrImpaired 1); nothing in
/// Ambulo stores or prints them (the CLI and the web app use the names), so store the name, not the number.
/// </summary>
public enum GaitPopulation
{
    SlowOrImpaired = 0,
    Healthy = 1,
    Hemiparetic = 2,
}

/// <summary>
/// Runs the right detector for where the sensor was worn and summarises the result: foot (strides, contacts, stance,
/// swing, strapdown distance), shank (strides and contacts, no distance), lower back (contacts with sides, bouts,
/// pendulum distance), pocket or hand (steps).
/// </summary>
public static class GaitAnalyzer
{
    /// <summary>
    /// The placements gait analysis knows by name, as a person states them (the CLI's <c>--placement</c> accepts exactly
    /// these): foot and shank with their side (a sensor on each side gives left/right), the lower back (L5), and a phone in
    /// the front or back trouser pocket or the hand, with or without a side. <see cref="ParsePlacement"/> also reads the
    /// other spellings <see cref="RecordingPlacements"/> accepts (<c>l5</c>, <c>belt</c>).
    /// </summary>
    public static IReadOnlyList<string> PlacementNames { get; } =
    [
        "foot-left", "foot-right", "shank-left", "shank-right", "lower-back",
        "front-pocket", "front-pocket-left", "front-pocket-right", "back-pocket", "back-pocket-left", "back-pocket-right",
        "hand", "hand-left", "hand-right",
    ];

    /// <summary>
    /// How walking is measured from <paramref name="placement"/>. The spelling is read by
    /// <see cref="RecordingPlacements.TryParse"/> (case, blanks and the other names of the lower back), the one list of
    /// placements a recording may name; a placement not on it, or one walking is not measured from, is <see cref="GaitPlacement.Other"/>.
    /// </summary>
    public static GaitPlacement ParsePlacement(string placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (!RecordingPlacements.TryParse(placement, out var p))
        {
            return GaitPlacement.Other;
        }

        return p switch
        {
            _ when p.StartsWith("foot", StringComparison.Ordinal) => GaitPlacement.Foot,
            _ when p.StartsWith("shank", StringComparison.Ordinal) => GaitPlacement.Shank,
            "lower-back" => GaitPlacement.LowerBack,
            _ when p.Contains("pocket", StringComparison.Ordinal) => GaitPlacement.Pocket,
            _ when p.StartsWith("hand", StringComparison.Ordinal) => GaitPlacement.Hand,
            _ => GaitPlacement.Other,
        };
    }

    /// <summary>
    /// Null when walking is measured from <paramref name="placement"/> (<see cref="ParsePlacement"/> knows it and it is not
    /// <see cref="GaitPlacement.Other"/>); otherwise why not, naming the placement and every accepted one. A recording
    /// worn elsewhere (a thigh strap, the trunk, under the foot) once went to the phone step counter without a word and got
    /// plausible-looking numbers from a method never checked there.
    /// </summary>
    public static string? PlacementProblem(string placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return ParsePlacement(placement) != GaitPlacement.Other
            ? null
            : $"the recording is placed '{placement}', and walking is measured only from {string.Join(", ", PlacementNames)}";
    }

    public static BodySide SideOf(string placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return placement.EndsWith("left", StringComparison.OrdinalIgnoreCase) ? BodySide.Left
            : placement.EndsWith("right", StringComparison.OrdinalIgnoreCase) ? BodySide.Right : BodySide.Unknown;
    }

    /// <summary>Analyses one or more simultaneous recordings of the same walk (e.g. a foot IMU on each side).</summary>
    /// <param name="recordings">The recordings; each one's placement must be one walking is measured from, unless
    /// <paramref name="placementOverride"/> says where they were worn.</param>
    /// <param name="options">Presets and what is known of the person; null for the defaults.</param>
    /// <param name="placementOverride">Where the sensor was worn, instead of the placement in the recording.</param>
    /// <exception cref="UnmeasuredPlacementException">The placement (the override, or else any recording's) is not one walking
    /// is measured from (<see cref="PlacementProblem"/>); the message names it and the accepted ones.</exception>
    public static GaitAnalysis Analyze(IReadOnlyList<SensorRecording> recordings, GaitAnalysisOptions? options = null, string? placementOverride = null)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        if (recordings.Count == 0)
        {
            throw new ArgumentException("no recording to analyse", nameof(recordings));
        }

        options ??= new GaitAnalysisOptions();
        foreach (var given in placementOverride is null ? recordings.Select(r => r.Metadata.Placement) : [placementOverride])
        {
            if (ParsePlacement(given) == GaitPlacement.Other)
            {
                throw UnmeasuredPlacementException.For(given);
            }
        }

        var placementName = placementOverride ?? recordings[0].Metadata.Placement;
        var placement = ParsePlacement(placementName);
        var contacts = new List<InitialContact>();
        var strides = new List<Stride>();
        IReadOnlyList<WalkingBout> bouts;
        var model = DistanceModel.None;
        var otherFootInferred = false;
        IReadOnlyList<double?>? stepLengths = null;
        LowerBackGaitResult? lowerBack = null;
        switch (placement)
        {
            case GaitPlacement.Shank:
                // Shank gyroscope events (ShankGaitDetector): strides with stance and swing, no distance.
                var shank = ShankGaitOptions.For(options.Population);
                foreach (var r in recordings)
                {
                    var side = SideOf(placementOverride is null || recordings.Count > 1 ? r.Metadata.Placement : placementOverride);
                    var result = ShankGaitDetector.Detect(r.Samples, r.Metadata.SamplingRateHz, side, shank);
                    contacts.AddRange(result.InitialContacts);
                    strides.AddRange(result.Strides);
                }

                contacts.Sort((a, b) => a.TimeSeconds.CompareTo(b.TimeSeconds));
                strides.Sort((a, b) => a.StartSeconds.CompareTo(b.StartSeconds));
                otherFootInferred = recordings.Count == 1;
                bouts = BoutsFromContacts(contacts, strides, BoutGapSeconds(options.MaximumBoutGapSeconds, shank.MaximumStrideSeconds, recordings.Count), model, recordings.Count, otherFootInferred);
                break;
            case GaitPlacement.Foot:
                foreach (var r in recordings)
                {
                    var side = SideOf(placementOverride is null || recordings.Count > 1 ? r.Metadata.Placement : placementOverride);
                    var result = FootStrideDetector.Detect(r.Samples, r.Metadata.SamplingRateHz, side, options.Foot);
                    contacts.AddRange(result.InitialContacts);
                    strides.AddRange(result.Strides);
                }

                model = DistanceModel.FootStrapdownZeroVelocity;
                contacts.Sort((a, b) => a.TimeSeconds.CompareTo(b.TimeSeconds));
                strides.Sort((a, b) => a.StartSeconds.CompareTo(b.StartSeconds));
                otherFootInferred = recordings.Count == 1;
                bouts = BoutsFromContacts(contacts, strides, BoutGapSeconds(options.MaximumBoutGapSeconds, options.Foot.MaximumStrideSeconds, recordings.Count), model, recordings.Count, otherFootInferred);
                break;
            case GaitPlacement.LowerBack:
            {
                var r = recordings[0];
                var height = options.LegLengthMeters ?? LabelMeters(r, "sensor_height_m") ?? LabelMeters(r, "leg_length_m");
                var result = LowerBackGaitDetector.Detect(r.Samples, r.Metadata.SamplingRateHz, options.LowerBack with { SensorHeightMeters = height });
                contacts.AddRange(result.InitialContacts);
                strides.AddRange(result.Strides);
                bouts = result.WalkingBouts;
                model = result.DistanceModel;
                lowerBack = result;
                break;
            }

            default:
            {
                var result = StepCounter.Detect(recordings[0].Samples, options.Steps);
                contacts.AddRange(result.StepTimesSeconds.Select(t => new InitialContact(t, BodySide.Unknown)));
                bouts = BoutsFromContacts(contacts, strides, options.MaximumBoutGapSeconds, model, 1);
                if (placement is GaitPlacement.Pocket or GaitPlacement.Hand && options.PhoneStepLength is { } phone)
                {
                    (bouts, model, stepLengths) = WithPhoneDistance(recordings[0], result.StepTimesSeconds, bouts, phone);
                }

                break;
            }
        }

        if (lowerBack is not null)
        {
            // Before the timing: a pause is no step, so the step times leave it out.
            bouts = WithPauses(bouts, lowerBack, recordings[0]);
        }

        bouts = GaitSummaries.WithTiming(contacts, strides, bouts);

        if (recordings.FirstOrDefault(r => r.Metadata.Channels.HasFlag(SensorChannels.Gyroscope)) is { } turning)
        {
            bouts = WithTurns(bouts, turning);
        }

        var summary = GaitSummaries.Summarize(contacts, strides, bouts, model);
        if (otherFootInferred)
        {
            summary = summary with { Steps = contacts.Count + strides.Count };
        }

        return new GaitAnalysis(placementName, contacts, strides, bouts, summary, otherFootInferred, stepLengths);
    }

    /// <summary>
    /// The one bout-gap rule of foot and shank sensors: the longest interval between consecutive contacts that keeps a bout.
    /// One leg's sensor sees its own contacts only, a whole stride apart (3 s at 40 steps/min), so its bout breaks only beyond
    /// the longer of <paramref name="boutGapSeconds"/> and its detector's <paramref name="longestStrideSeconds"/>. With a
    /// sensor on each leg the legs' contacts interleave: consecutive contacts are a step apart, and the bout breaks beyond
    /// <paramref name="boutGapSeconds"/>, as for a phone (before 2026-11-28 the shank kept the stride allowance with two sensors,
    /// so a 3.5 s stop between two walks made one bout on two shanks and two on two feet).
    /// </summary>
    internal static double BoutGapSeconds(double boutGapSeconds, double longestStrideSeconds, int legSensors) =>
        legSensors == 1 ? Math.Max(boutGapSeconds, longestStrideSeconds) : boutGapSeconds;

    /// <summary>
    /// Recording around each bout given to <see cref="TurnDetector"/> on either side, in seconds. Its filters (gravity at
    /// 0.25 Hz, yaw rate at 1 Hz, both zero-phase) have settled well within this, so a bout's turns come out as from the
    /// whole recording, while only the walking and its surroundings are processed: a day or a week on the lower back is
    /// mostly sitting, standing and lying.
    /// </summary>
    private const double TurnMarginSeconds = 10;

    /// <summary>
    /// Each bout with the turns whose middle lies within it (<see cref="WalkingBout.Turns"/>). Bouts whose margins overlap
    /// are searched as one stretch, so a turn between them is found once and goes to the bout holding its middle, if any.
    /// </summary>
    private static List<WalkingBout> WithTurns(IReadOnlyList<WalkingBout> bouts, SensorRecording recording)
    {
        var samples = recording.Samples;
        var result = new List<WalkingBout>(bouts.Count);
        var first = 0;
        while (first < bouts.Count)
        {
            var last = first;
            var end = bouts[first].EndSeconds;
            while (last + 1 < bouts.Count && bouts[last + 1].StartSeconds - TurnMarginSeconds <= end + TurnMarginSeconds)
            {
                last++;
                end = Math.Max(end, bouts[last].EndSeconds);
            }

            var from = FirstSampleAtOrAfter(samples, bouts[first].StartSeconds - TurnMarginSeconds);
            var to = FirstSampleAtOrAfter(samples, end + TurnMarginSeconds);
            var turns = TurnDetector.Detect(samples.AsSpan(from, to - from), recording.Metadata.SamplingRateHz);
            for (var k = first; k <= last; k++)
            {
                var bout = bouts[k];
                var own = turns.Where(t => Middle(t) >= bout.StartSeconds && Middle(t) <= bout.EndSeconds).ToList();
                result.Add(bout with { Turns = own });
            }

            first = last + 1;
        }

        return result;
    }

    private static double Middle(Turn turn) => (turn.StartSeconds + turn.EndSeconds) / 2;

    private static int FirstSampleAtOrAfter(ImuSample[] samples, double seconds)
    {
        int lo = 0, hi = samples.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (samples[mid].TimeSeconds < seconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Each lower-back bout with its pauses (<see cref="WalkingBout.Pauses"/>): the intervals between its consecutive
    /// contacts over <see cref="LowerBackGaitOptions.MaximumStepSeconds"/>, by the detector's own rule (counted in samples,
    /// as it counts them): such an interval is no step and holds no stride, only a standstill the pause rule bridged.
    /// </summary>
    private static List<WalkingBout> WithPauses(IReadOnlyList<WalkingBout> bouts, LowerBackGaitResult detected, SensorRecording recording)
    {
        var maxStep = detected.Options.MaximumStepSeconds * recording.Metadata.SamplingRateHz;
        var result = new List<WalkingBout>(bouts.Count);
        for (var b = 0; b < bouts.Count; b++)
        {
            var ics = detected.BoutContactSamples[b];
            var pauses = new List<GaitPause>();
            for (var k = 0; k + 1 < ics.Length; k++)
            {
                if (ics[k + 1] - ics[k] > maxStep)
                {
                    pauses.Add(new GaitPause(recording.Samples[ics[k]].TimeSeconds, recording.Samples[ics[k + 1]].TimeSeconds));
                }
            }

            result.Add(bouts[b] with { Pauses = pauses });
        }

        return result;
    }

    /// <summary>Bout distance = sum of the phone step lengths from the bout's first to its last contact; speed as <see cref="WalkingSpeed"/>.</summary>
    private static (IReadOnlyList<WalkingBout> Bouts, DistanceModel Model, IReadOnlyList<double?>? StepLengths) WithPhoneDistance(SensorRecording recording,
        IReadOnlyList<double> stepTimes, IReadOnlyList<WalkingBout> bouts, PhoneStepLengthOptions phone)
    {
        var lengths = PhoneStepLength.Estimate(recording.Samples, stepTimes, phone);
        if (lengths.Model == DistanceModel.None)
        {
            return (bouts, DistanceModel.None, null);
        }

        var withDistance = bouts.Select(b =>
        {
            var d = lengths.DistanceMeters(stepTimes, b.StartSeconds, b.EndSeconds);
            var pauses = b.Pauses ?? [];
            var speed = WalkingSpeed(d, b.Steps, pauses.Count, b.DurationSeconds, pauses.Sum(p => p.DurationSeconds));
            return b with { DistanceMeters = d, GaitSpeedMetersPerSecond = speed is { } v && double.IsFinite(v) ? v : null };
        }).ToList();
        return (withDistance, lengths.Model, lengths.StepLengthsMeters);
    }

    private static double? LabelMeters(SensorRecording recording, string key) =>
        recording.Metadata.Labels.TryGetValue(key, out var text)
        && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    /// <summary>
    /// Pauses inside a foot, shank or phone bout: an interval between consecutive contacts over this many times the bout's
    /// median stride is a standstill the bout runs across, not a step. With a sensor on each leg (or a phone, which sees both
    /// legs' steps) the median stride is that of two consecutive intervals, so no step of an uneven walk comes near it (a
    /// hemiparetic walk's long step is under one stride at any asymmetry) and neither does a single missed contact (one stride):
    /// in an even walk the interval must exceed three steps, i.e. the stop last over about two steps. With one leg the contacts are a stride apart, and a stride of over
    /// 1.5 times the median holds a stop of over half a stride (one step); a missed swing of that leg (two strides) reads as
    /// a pause too, which keeps its double-length interval out of the stride times as well. This project's choice, not a cited
    /// value: the lower back's absolute limits (<see cref="LowerBackGaitOptions.MaximumStepSeconds"/>) cannot be used here, where
    /// one leg's strides at 40 steps/min (3 s) are longer than a stop between two strides at 100 steps/min.
    /// </summary>
    internal const double PauseStrideRatio = 1.5;

    /// <summary>
    /// Groups time-sorted contacts into bouts; with one sensor per foot, bout distance is the mean of the two feet's stride
    /// sums. With <paramref name="otherFootInferred"/> (one foot recorded) every stride of it adds the other foot's step.
    /// Each bout carries its pauses (<see cref="PauseStrideRatio"/>), and its cadence and speed are those of its walking:
    /// steps ÷ time and mean step length × that cadence (<see cref="WalkingSpeed"/>), each pause's interval (its time and the
    /// steps that end it: the contact, and with one leg the other leg's step inside the stride that spans it) left out.
    /// </summary>
    internal static List<WalkingBout> BoutsFromContacts(IReadOnlyList<InitialContact> contacts, IReadOnlyList<Stride> strides, double maxGapSeconds, DistanceModel model, int feet,
        bool otherFootInferred = false)
    {
        var bouts = new List<WalkingBout>();
        var start = 0;
        for (var i = 1; i <= contacts.Count; i++)
        {
            if (i < contacts.Count && contacts[i].TimeSeconds - contacts[i - 1].TimeSeconds <= maxGapSeconds)
            {
                continue;
            }

            var count = i - start;
            if (count >= 3)
            {
                var t0 = contacts[start].TimeSeconds;
                var t1 = contacts[i - 1].TimeSeconds;
                double? distance = null;
                if (model != DistanceModel.None)
                {
                    var inBout = strides.Where(s => s.StartSeconds >= t0 - 1e-9 && s.EndSeconds <= t1 + 1e-9 && s.StrideLengthMeters is not null).ToList();
                    distance = inBout.Sum(s => s.StrideLengthMeters!.Value) / Math.Max(1, feet);
                }

                if (otherFootInferred)
                {
                    count += strides.Count(s => s.StartSeconds >= t0 - 1e-9 && s.EndSeconds <= t1 + 1e-9);
                }

                var pauses = PausesBetween(contacts, start, i - 1, oneLeg: otherFootInferred);
                double pauseSeconds = 0;
                var pauseSteps = 0;
                foreach (var p in pauses)
                {
                    pauseSeconds += p.DurationSeconds;
                    pauseSteps += 1 + (otherFootInferred ? strides.Count(s => s.StartSeconds <= p.StartSeconds + 1e-9 && s.EndSeconds >= p.EndSeconds - 1e-9) : 0);
                }

                var cadence = 60.0 * (count - 1 - pauseSteps) / (t1 - t0 - pauseSeconds);
                bouts.Add(new WalkingBout(t0, t1, count, cadence, distance, WalkingSpeed(distance, count, pauseSteps, t1 - t0, pauseSeconds)) { Pauses = pauses });
            }

            start = i;
        }

        return bouts;
    }

    /// <summary>
    /// Speed of a foot, shank or phone bout: its mean step length (distance over its <paramref name="steps"/> − 1 step
    /// intervals) times its walking cadence (the intervals that are no pause over the time that is no pause), i.e. distance ÷
    /// duration when the bout has no pause. Left out with a pause are its time and its steps (<paramref name="pauseSteps"/>),
    /// not their length: the step that ends a stop moves the walker as far as any other, but the interval it ends is mostly
    /// standing, so distance ÷ walking time would credit a whole step to no time.
    /// </summary>
    internal static double? WalkingSpeed(double? distance, int steps, int pauseSteps, double durationSeconds, double pauseSeconds)
    {
        if (distance is not { } d)
        {
            return null;
        }

        if (pauseSteps == 0 && pauseSeconds == 0)
        {
            return d / durationSeconds;
        }

        return d / (steps - 1) * (steps - 1 - pauseSteps) / (durationSeconds - pauseSeconds);
    }

    /// <summary>
    /// The pauses among <paramref name="contacts"/> from index <paramref name="first"/> to <paramref name="last"/> (one bout):
    /// the intervals over <see cref="PauseStrideRatio"/> times the median stride, that of one interval with
    /// <paramref name="oneLeg"/> and of two consecutive intervals otherwise. A bout too short for a median stride that one
    /// pause cannot move (at least three strides of one leg, five of two consecutive intervals) has none.
    /// </summary>
    internal static List<GaitPause> PausesBetween(IReadOnlyList<InitialContact> contacts, int first, int last, bool oneLeg)
    {
        var pauses = new List<GaitPause>();
        var perStride = oneLeg ? 1 : 2;
        var strideCount = last - first - perStride + 1;
        if (strideCount <= 2 * perStride)
        {
            // A pause is in one stride (one leg) or two (consecutive intervals): fewer than twice that many strides leave no
            // median free of it.
            return pauses;
        }

        var strideSeconds = new double[strideCount];
        for (var k = 0; k < strideCount; k++)
        {
            strideSeconds[k] = contacts[first + k + perStride].TimeSeconds - contacts[first + k].TimeSeconds;
        }

        Array.Sort(strideSeconds);
        var median = strideCount % 2 == 1 ? strideSeconds[strideCount / 2] : (strideSeconds[(strideCount / 2) - 1] + strideSeconds[strideCount / 2]) / 2;
        for (var k = first; k < last; k++)
        {
            if (contacts[k + 1].TimeSeconds - contacts[k].TimeSeconds > PauseStrideRatio * median)
            {
                pauses.Add(new GaitPause(contacts[k].TimeSeconds, contacts[k + 1].TimeSeconds));
            }
        }

        return pauses;
    }
}
