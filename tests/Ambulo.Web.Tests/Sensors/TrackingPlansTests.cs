using Ambulo.Domain.Exercises;
using Ambulo.Motion.Online;
using Ambulo.Motion.Simulation;
using Ambulo.Web.Features.Sensors;

namespace Ambulo.Web.Tests.Sensors;

public sealed class TrackingPlansTests
{
    [Theory]
    [InlineData("seated-marching", 1)]
    [InlineData("seated-marching", 7)]
    [InlineData("ankle-dorsiflexion", 3)]
    public void For_SimulatedSetOfExercise_DetectorCountsEverySimulatedRepetition(string exerciseId, int seed)
    {
        var plan = new TrackingPlans(ExerciseCatalogue.Default).For(exerciseId);
        plan.IsCountable.ShouldBeTrue();
        var simulated = RepetitionSimulator.Simulate(plan.Simulation with { Repetitions = 8, Seed = seed, TempoVariationFraction = 0.25 });

        var counter = new RepetitionCounter(plan.Detector, simulated.Recording.Metadata.SamplingRateHz, simulated.Recording.Metadata.Channels);
        var repetitions = counter.Push(simulated.Recording.Samples);

        repetitions.Count.ShouldBe(simulated.TrueCount);
        repetitions.ShouldAllBe(r => r.RangeOfMotionDegrees > 0);
    }

    [Fact]
    public void For_UnknownExercise_IsNotCountableWithReason()
    {
        var plan = new TrackingPlans(ExerciseCatalogue.Default).For("no-such-exercise");

        plan.IsCountable.ShouldBeFalse();
        plan.ExerciseId.ShouldBe("no-such-exercise");
        plan.NotCountableReason.ShouldNotBeNullOrWhiteSpace();
    }
}
