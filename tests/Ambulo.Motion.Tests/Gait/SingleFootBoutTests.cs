using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// One foot sensor sees its own contacts a whole stride apart. At 40 steps/min (3 s strides, slow hemiparetic walking) that
/// is longer than the 2.5 s bout gap between steps, so the bout rule must allow the foot detector's longest stride.
/// </summary>
public class SingleFootBoutTests
{
    private static SensorRecording Foot(ImuSample[] samples, string placement) => TestRecordings.Of(samples, placement);

    /// <summary>SYNTHETIC: one foot, 8 strides of 3 s. Before the fix every bout broke between two strides and none was kept.</summary>
    [Fact]
    public void Analyze_OneFootAtFortyStepsPerMinute_FindsOneBoutOfAllItsSteps()
    {
        var (samples, contacts) = SyntheticGait.Foot(100, strides: 8, strideSeconds: 3.0);

        var analysis = GaitAnalyzer.Analyze([Foot(samples, "foot-left")]);

        analysis.Strides.Count.ShouldBeGreaterThanOrEqualTo(contacts.Count - 2);
        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.StartSeconds.ShouldBeLessThanOrEqualTo(contacts[1] + 0.1);
        bout.EndSeconds.ShouldBeGreaterThanOrEqualTo(contacts[^2] - 0.1);
        bout.CadenceStepsPerMinute.ShouldBeInRange(36, 44);
    }

    /// <summary>SYNTHETIC: the same foot walking two runs 6 s apart (longer than its longest stride, 4 s) gives two bouts.</summary>
    [Fact]
    public void Analyze_OneFootWithAPauseLongerThanItsLongestStride_SplitsTheBout()
    {
        var (first, _) = SyntheticGait.Foot(100, strides: 6, strideSeconds: 3.0);
        var (second, _) = SyntheticGait.Foot(100, strides: 6, strideSeconds: 3.0);
        var offset = first[^1].TimeSeconds + 1 / 100.0 + 3.0;
        var joined = first.Concat(second.Select(s => s with { TimeSeconds = s.TimeSeconds + offset })).ToArray();

        var analysis = GaitAnalyzer.Analyze([Foot(joined, "foot-right")]);

        analysis.WalkingBouts.Count.ShouldBe(2);
    }
}
