using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary><see cref="GaitAnalyzer.Analyze"/> refuses a placement walking is not measured from, instead of counting steps there.</summary>
public class GaitAnalyzerPlacementTests
{
    /// <summary>SYNTHETIC trunk walk: 30 steps of 0.55 s, one bounce each, the yaw alternating, worn at <paramref name="placement"/>.</summary>
    private static SensorRecording Walk(string placement)
    {
        var steps = Enumerable.Range(0, 30).Select(k => 2 + (0.55 * k)).ToList();
        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 2);
        return new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Imu,
            Placement = placement,
            SamplingRateHz = 100,
            Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
        }, samples);
    }

    [Theory]
    [InlineData("thigh-left")]
    [InlineData("trunk")]
    [InlineData("under-foot")]
    [InlineData("wrist")]
    [InlineData("")]
    public void Analyze_PlacementWalkingIsNotMeasuredFrom_ThrowsNamingItAndEveryAcceptedPlacement(string placement)
    {
        var ex = Should.Throw<UnmeasuredPlacementException>(() => GaitAnalyzer.Analyze([Walk(placement)]));

        ex.Placement.ShouldBe(placement);
        ex.Message.ShouldContain($"'{placement}'");
        foreach (var name in GaitAnalyzer.PlacementNames)
        {
            ex.Message.ShouldContain(name);
        }
    }

    public static TheoryData<string> Accepted => [.. GaitAnalyzer.PlacementNames, "L5", "belt", " Lower-Back "];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Analyze_EveryAcceptedPlacement_IsAnalysed(string placement)
    {
        GaitAnalyzer.PlacementProblem(placement).ShouldBeNull();

        var analysis = GaitAnalyzer.Analyze([Walk(placement)]);

        analysis.Placement.ShouldBe(placement);
    }

    [Fact]
    public void Analyze_ThighRecordingSaidToBeInThePocket_IsCountedAsAPhone()
    {
        var analysis = GaitAnalyzer.Analyze([Walk("thigh-left")], placementOverride: "front-pocket-left");

        analysis.Steps.Count.ShouldBeInRange(28, 30);
    }

    [Fact]
    public void Analyze_PocketRecordingOverriddenWithAnUnmeasuredPlacement_Throws()
    {
        Should.Throw<UnmeasuredPlacementException>(() => GaitAnalyzer.Analyze([Walk("front-pocket")], placementOverride: "thigh-left"))
            .Placement.ShouldBe("thigh-left");
    }

    [Fact]
    public void Analyze_SecondRecordingOnTheThigh_ThrowsNamingIt()
    {
        Should.Throw<UnmeasuredPlacementException>(() => GaitAnalyzer.Analyze([Walk("foot-left"), Walk("thigh-right")]))
            .Placement.ShouldBe("thigh-right");
    }
}
