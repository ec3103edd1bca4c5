using Ambulo.Domain.Exercises;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Simulation;

namespace Ambulo.Tracking;

/// <summary>Which detector preset to start from; chosen by whoever knows the person (therapist, ability profile).</summary>
public enum DetectorPreset
{
    /// <summary><see cref="RepetitionOptions.Default"/>.</summary>
    Default,
    /// <summary><see cref="RepetitionOptions.Hemiparetic"/>: smaller ranges and slower repetitions are still counted.</summary>
    Hemiparetic,
    /// <summary><see cref="RepetitionOptions.SlowOrImpaired"/>: very slow, passive or assisted repetitions.</summary>
    SlowOrImpaired,
}

/// <summary>
/// How one catalogue exercise is tracked by a body-worn sensor.
/// </summary>
/// <param name="ExerciseId">The catalogue id.</param>
/// <param name="IsCountable">False for exercises the repetition detector does not count (timed holds, whole turns); see <paramref name="NotCountableReason"/>.</param>
/// <param name="NotCountableReason">Plain reason when not countable, else null.</param>
/// <param name="Detector">Detector options for this exercise (valid even when not countable, so the stream can still be shown).</param>
/// <param name="Simulation">Simulator options producing a synthetic set of this exercise (seed, count and hard cases are set by the caller with <c>with</c>).</param>
/// <param name="CountsStrides">True when one counted repetition is one stride (two steps) of the instrumented leg.</param>
public sealed record TrackingPlan(
    string ExerciseId,
    bool IsCountable,
    string? NotCountableReason,
    RepetitionOptions Detector,
    SimulationOptions Simulation,
    bool CountsStrides);

/// <summary>
/// The one place where a catalogue exercise's <see cref="SensorSignature"/> becomes repetition-detector
/// and simulator options. Rules:
/// <list type="bullet">
/// <item>pitch, roll, yaw → that angle; force → the puck's force (an unloading signature counts falls);</item>
/// <item>direction <c>both</c> → bidirectional (a repetition is one swing to each side); the catalogue
/// excursion is then read as peak to peak, so the target per side is half its lower bound;</item>
/// <item>target range = the lower expected excursion (20° when the catalogue gives none);</item>
/// <item>durations: at least the preset's window, stretched to 2.5 × (tempo + holds) for slow or held exercises; a still spell away from the start longer than 1.5 × hold + 1.5 s (at least 2.5 s) is a slip or re-positioning;</item>
/// <item>steps → pitch cycles of the instrumented leg, one per stride (0.4–2.5 s);</item>
/// <item>hold time and whole-body turns are not counted as repetitions (timed or measured elsewhere).</item>
/// </list>
/// </summary>
public static class ExerciseTracking
{
    private const double FallbackTargetDegrees = 20;

    public static TrackingPlan For(Exercise exercise, DetectorPreset preset = DetectorPreset.Default)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var signature = exercise.Sensor;
        var basis = preset switch
        {
            DetectorPreset.Hemiparetic => RepetitionOptions.Hemiparetic,
            DetectorPreset.SlowOrImpaired => RepetitionOptions.SlowOrImpaired,
            _ => RepetitionOptions.Default,
        };
        var dose = exercise.DefaultDose;
        var hold = dose.HoldSeconds ?? 0;
        var both = signature.Direction == SignalDirection.Both;
        var minimum = signature.ExpectedExcursionMinDegrees;
        var maximum = signature.ExpectedExcursionMaxDegrees ?? minimum;
        var target = minimum ?? FallbackTargetDegrees;
        var typical = minimum is null ? 25 : (minimum.Value + maximum!.Value) / 2;
        if (both)
        {
            target /= 2;
            typical /= 2;
        }

        var simulation = new SimulationOptions
        {
            Placement = PlacementName(signature.Placement),
            SegmentStartPitchDegrees = StartPitch(signature.Placement, exercise.Position),
            Bidirectional = both,
            RangeOfMotionDegrees = Math.Min(typical, 170),
            TempoSeconds = Math.Max(dose.TempoSeconds, 1),
            HoldSeconds = signature.Signal is SignalKind.Steps or SignalKind.HoldTime ? 0 : Math.Min(hold, 10),
            Repetitions = dose.Repetitions,
        };

        string? notCountable = null;
        var countsStrides = false;
        RepetitionOptions detector;
        switch (signature.Signal)
        {
            case SignalKind.Force:
                detector = RepetitionOptions.Press with
                {
                    Bidirectional = both,
                    ForceDecreases = signature.Direction == SignalDirection.Decrease,
                    MinimumDurationSeconds = RepetitionOptions.Press.MinimumDurationSeconds,
                    MaximumDurationSeconds = Math.Max(RepetitionOptions.Press.MaximumDurationSeconds, 2.5 * (dose.TempoSeconds + hold) + 2),
                    MaximumStillSeconds = Math.Max(RepetitionOptions.Press.MaximumStillSeconds, 1.5 * hold + 1.5),
                };
                simulation = simulation with
                {
                    Signal = MovementSignal.Force,
                    ForceDecreases = detector.ForceDecreases,
                    Placement = "under-foot",
                    PlacementAngleDegrees = 0,
                };
                break;
            case SignalKind.Steps:
                countsStrides = true;
                detector = StrideCycleOptions(preset);
                simulation = simulation with
                {
                    Signal = MovementSignal.Pitch,
                    RangeOfMotionDegrees = 40,
                    TempoSeconds = 1.1,
                    RestBetweenRepetitionsSeconds = 0.1,
                    Repetitions = Math.Max(dose.Repetitions, 10),
                };
                break;
            default:
                var signal = signature.Signal switch
                {
                    SignalKind.Roll => MovementSignal.Roll,
                    SignalKind.Yaw => MovementSignal.Yaw,
                    _ => MovementSignal.Pitch,
                };
                var cycle = dose.TempoSeconds + hold * (both ? 2 : 1);
                detector = basis with
                {
                    Signal = signal,
                    Bidirectional = both,
                    TargetRangeOfMotionDegrees = Math.Min(target, 360),
                    MinimumDurationSeconds = Math.Min(basis.MinimumDurationSeconds, 0.4 * Math.Max(dose.TempoSeconds, 0.5)),
                    MaximumDurationSeconds = Math.Max(basis.MaximumDurationSeconds, 2.5 * cycle + 2),
                    MaximumStillSeconds = Math.Max(basis.MaximumStillSeconds, 1.5 * hold + 1.5),
                };
                simulation = simulation with { Signal = signal };
                if (signature.Signal == SignalKind.HoldTime)
                {
                    notCountable = "a hold is timed, not counted as repetitions";
                    simulation = simulation with { RangeOfMotionDegrees = 10 };
                }
                else if (signal == MovementSignal.Yaw && target >= 90)
                {
                    notCountable = "whole-body turns do not come back to the start heading; they are measured as turns, not counted as repetitions";
                    simulation = simulation with { RangeOfMotionDegrees = 60 };
                }

                break;
        }

        return new TrackingPlan(exercise.Id, notCountable is null, notCountable, detector, simulation, countsStrides);
    }

    /// <summary>
    /// Detector options that count pitch cycles of a leg segment while walking, one per stride:
    /// 0.4–3 s (6 s with the slow preset), at least 8°, low-pass 4 Hz.
    /// </summary>
    public static RepetitionOptions StrideCycleOptions(DetectorPreset preset = DetectorPreset.Default)
    {
        var basis = preset switch
        {
            DetectorPreset.Hemiparetic => RepetitionOptions.Hemiparetic,
            DetectorPreset.SlowOrImpaired => RepetitionOptions.SlowOrImpaired,
            _ => RepetitionOptions.Default,
        };
        return basis with
        {
            Signal = MovementSignal.Pitch,
            TargetRangeOfMotionDegrees = 30,
            MinimumRangeOfMotionDegrees = 8,
            MinimumDurationSeconds = 0.4,
            MaximumDurationSeconds = preset == DetectorPreset.SlowOrImpaired ? 6 : 3,
            LowPassCutoffHz = 4,
        };
    }

    /// <summary>Plans for every exercise of a catalogue, in catalogue order.</summary>
    public static IReadOnlyList<TrackingPlan> ForAll(ExerciseCatalogue catalogue, DetectorPreset preset = DetectorPreset.Default)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.All.Select(e => For(e, preset)).ToArray();
    }

    /// <summary>The recording format's kebab-case placement name (the affected side is written as left).</summary>
    public static string PlacementName(SensorPlacement placement) => placement switch
    {
        SensorPlacement.Thigh => "thigh-left",
        SensorPlacement.Shank => "shank-left",
        SensorPlacement.Foot => "foot-left",
        SensorPlacement.Trunk => "trunk",
        SensorPlacement.Pelvis => "lower-back",
        SensorPlacement.UnderFoot => "under-foot",
        SensorPlacement.BetweenKnees => "between-knees",
        SensorPlacement.UnderHand => "under-hand",
        SensorPlacement.Pocket => "front-pocket-left",
        SensorPlacement.Hand => "hand",
        _ => "unknown",
    };

    /// <summary>Inclination of the segment in the start pose: vertical shanks and upright trunks stand at 90°.</summary>
    private static double StartPitch(SensorPlacement placement, StartingPosition position) => (placement, position) switch
    {
        (SensorPlacement.Thigh or SensorPlacement.Pocket, StartingPosition.Standing or StartingPosition.Walking) => 90,
        (SensorPlacement.Shank, not StartingPosition.Lying) => 90,
        (SensorPlacement.Trunk or SensorPlacement.Pelvis, not StartingPosition.Lying) => 90,
        _ => 0,
    };
}
