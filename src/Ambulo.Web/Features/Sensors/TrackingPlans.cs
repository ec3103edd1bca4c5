using Ambulo.Domain.Exercises;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Simulation;

namespace Ambulo.Web.Features.Sensors;

/// <summary>How the motion pipeline tracks one exercise: detector and simulator options.</summary>
internal sealed record ExerciseTrackingOptions(bool IsCountable, RepetitionOptions Detector, SimulationOptions Simulation);

/// <summary>
/// Maps a catalogue exercise to motion options. STAND-IN until Ambulo.Tracking
/// (ExerciseTracking.For: the one place that turns a catalogue signature into detector and simulator
/// options) lands on main; then this class only calls it. Until then it uses the detector's defaults
/// with the catalogue's target range and tempo, and counts only angle signals.
/// </summary>
internal sealed class TrackingPlans(ExerciseCatalogue catalogue)
{
    public ExerciseTrackingOptions For(string exerciseId, double? targetRangeOfMotionDegrees, double tempoSeconds)
    {
        var exercise = catalogue.Find(exerciseId);
        var signal = exercise?.Sensor.Signal;
        var countable = signal is SignalKind.Pitch or SignalKind.Roll;
        var target = Math.Clamp(targetRangeOfMotionDegrees ?? 20, 5, 90);
        var detector = RepetitionOptions.Default with { TargetRangeOfMotionDegrees = target };
        var simulation = new SimulationOptions
        {
            Signal = signal == SignalKind.Roll ? Motion.Orientation.MovementSignal.Roll : Motion.Orientation.MovementSignal.Pitch,
            RangeOfMotionDegrees = target * 1.3,
            TempoSeconds = Math.Clamp(tempoSeconds, 1, 10),
        };
        return new ExerciseTrackingOptions(countable, detector, simulation);
    }
}
