using Ambulo.Domain.Exercises;
using Ambulo.Motion.Orientation;
using Ambulo.Motion.Repetitions;
using Ambulo.Motion.Simulation;

namespace Ambulo.Tracking.Tests;

public class ExerciseTrackingTests
{
    private static readonly ExerciseCatalogue Catalogue = ExerciseCatalogue.Default;

    public static TheoryData<string> AllExerciseIds()
    {
        var data = new TheoryData<string>();
        foreach (var e in Catalogue.All)
        {
            data.Add(e.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllExerciseIds))]
    public void For_EveryCatalogueExercise_GivesValidDetectorAndSimulatorOptions(string id)
    {
        var plan = ExerciseTracking.For(Catalogue.Get(id));

        plan.ExerciseId.ShouldBe(id);
        Should.NotThrow(plan.Detector.Validate);
        Should.NotThrow(plan.Simulation.Validate);
        (plan.IsCountable == (plan.NotCountableReason is null)).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(AllExerciseIds))]
    public void For_EveryCountableExercise_SimulatedPlainSetIsCountedExactly(string id)
    {
        var plan = ExerciseTracking.For(Catalogue.Get(id));
        if (!plan.IsCountable)
        {
            return;
        }

        var set = RepetitionSimulator.Simulate(plan.Simulation with { Seed = id.Length });
        var result = RepetitionDetector.Detect(set.Recording, plan.Detector);

        result.Count.ShouldBe(set.TrueCount);
    }

    [Fact]
    public void For_SignatureSignal_MapsToTheSameDetectorSignal()
    {
        foreach (var exercise in Catalogue.All.Where(e => e.Sensor.Signal is SignalKind.Pitch or SignalKind.Roll or SignalKind.Yaw or SignalKind.Force))
        {
            var expected = exercise.Sensor.Signal switch
            {
                SignalKind.Pitch => MovementSignal.Pitch,
                SignalKind.Roll => MovementSignal.Roll,
                SignalKind.Yaw => MovementSignal.Yaw,
                _ => MovementSignal.Force,
            };
            var plan = ExerciseTracking.For(exercise);
            plan.Detector.Signal.ShouldBe(expected, exercise.Id);
            plan.Simulation.Signal.ShouldBe(expected, exercise.Id);
            plan.Detector.Bidirectional.ShouldBe(exercise.Sensor.Direction == SignalDirection.Both, exercise.Id);
        }
    }

    [Fact]
    public void For_ExpectedExcursion_SetsTheTargetRange()
    {
        var marching = Catalogue.Get("seated-marching");

        var plan = ExerciseTracking.For(marching);

        plan.Detector.TargetRangeOfMotionDegrees.ShouldBe(marching.Sensor.ExpectedExcursionMinDegrees!.Value);
        plan.Simulation.RangeOfMotionDegrees.ShouldBeInRange(marching.Sensor.ExpectedExcursionMinDegrees!.Value, marching.Sensor.ExpectedExcursionMaxDegrees!.Value);
    }

    [Fact]
    public void For_HoldExercise_IsNotCountableAndSaysWhy()
    {
        var hold = Catalogue.All.First(e => e.Sensor.Signal == SignalKind.HoldTime);

        var plan = ExerciseTracking.For(hold);

        plan.IsCountable.ShouldBeFalse();
        plan.NotCountableReason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void For_ExerciseWithHold_AllowsLongerRepetitionsAndStills()
    {
        var held = Catalogue.All.First(e => e.DefaultDose.HoldSeconds is > 0 && e.Sensor.Signal == SignalKind.Pitch);

        var plan = ExerciseTracking.For(held);

        plan.Detector.MaximumDurationSeconds.ShouldBeGreaterThan(2 * (held.DefaultDose.TempoSeconds + held.DefaultDose.HoldSeconds!.Value));
        plan.Detector.MaximumStillSeconds.ShouldBeGreaterThan(held.DefaultDose.HoldSeconds!.Value);
    }

    [Fact]
    public void For_Presets_StartFromTheMatchingDetectorPreset()
    {
        var exercise = Catalogue.Get("seated-marching");

        ExerciseTracking.For(exercise, DetectorPreset.Hemiparetic).Detector.MinimumRangeOfMotionDegrees.ShouldBe(RepetitionOptions.Hemiparetic.MinimumRangeOfMotionDegrees);
        ExerciseTracking.For(exercise, DetectorPreset.SlowOrImpaired).Detector.LowPassCutoffHz.ShouldBe(RepetitionOptions.SlowOrImpaired.LowPassCutoffHz);
    }

    [Fact]
    public void For_StepsExercise_CountsStrideCycles()
    {
        var walking = Catalogue.All.First(e => e.Sensor.Signal == SignalKind.Steps);

        var plan = ExerciseTracking.For(walking);

        plan.CountsStrides.ShouldBeTrue();
        plan.Detector.ShouldBe(ExerciseTracking.StrideCycleOptions());
    }
}
