using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Tests.Evaluation.References;

public class OxfordReferenceTests
{
    [Fact]
    public void ReadValidationSteps_User1FrontPocket_CountsAndFirstStepTime()
    {
        // steps_groundtruth first becomes 1 on line 80 (timestamp 1246699983657; the first row has 1245907240064);
        // last row: 327 ground truth, 338 by the authors' algorithm, 0 by the (unlogged) hardware counter.
        var steps = OxfordReference.ReadValidationSteps(TestData.Path("oxford-phone-steps", "validation", "user1_frontpocket_1506422223341.csv"));

        steps.GroundTruthStepCount.ShouldBe(327);
        steps.StepTimesSeconds.Count.ShouldBe(327);
        steps.StepTimesSeconds[0].ShouldBe(0.792743593, 1e-12);
        steps.AuthorsAlgorithmStepCount.ShouldBe(338);
        steps.PhoneHardwareStepCount.ShouldBe(0);
        steps.TimeOriginNanoseconds.ShouldBe(1245907240064);
        steps.StepTimesSeconds.Zip(steps.StepTimesSeconds.Skip(1)).ShouldAllBe(p => p.Second >= p.First);
    }

    [Fact]
    public void ReadValidationSteps_SameTimeBaseAsImporter()
    {
        var path = TestData.Path("oxford-phone-steps", "validation", "user2_frontpocket_1506422217391.csv");

        var steps = OxfordReference.ReadValidationSteps(path);
        var recording = OxfordImporter.Import(path).Recording;

        steps.GroundTruthStepCount.ShouldBe(343);
        steps.PhoneHardwareStepCount.ShouldBe(339);
        recording.Metadata.Label(OxfordImporter.TimeOriginLabel).ShouldBe(steps.TimeOriginNanoseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        steps.StepTimesSeconds[^1].ShouldBeLessThanOrEqualTo(recording.Samples[^1].TimeSeconds);
    }

    [Fact]
    public void ReadPads_BackPocketWalk_StepsAreZeroToOneTransitions()
    {
        // Counted by hand with awk: 157 rises of pad A and 157 of pad B; the first rise of A at
        // 199304523581833 ns and of B at 199305207050334 ns; accelerometer.csv starts at 199298775112789 ns.
        var pads = OxfordReference.ReadPads(TestData.Path("oxford-phone-steps", "optimisation", "Samsung_Carmelo_Hard_BackPocket_1"));

        pads.Steps.Count(s => s.Pad == OxfordPad.A).ShouldBe(157);
        pads.Steps.Count(s => s.Pad == OxfordPad.B).ShouldBe(157);
        pads.Steps.First(s => s.Pad == OxfordPad.A).TimeSeconds.ShouldBe(5.748469044, 1e-12);
        pads.Steps.First(s => s.Pad == OxfordPad.B).TimeSeconds.ShouldBe(6.431937545, 1e-12);
        pads.States[0].ShouldBe(new OxfordPadState((199298867834414 - 199298775112789) / 1e9, true, true));
        pads.TimeOriginNanoseconds.ShouldBe(199298775112789);
    }

    [Fact]
    public void ReadPads_FrontPocketWalk_CountsPerPad()
    {
        var pads = OxfordReference.ReadPads(TestData.Path("oxford-phone-steps", "optimisation", "Samsung_Carmelo_Hard_FrontPocket_2"));

        pads.Steps.Count(s => s.Pad == OxfordPad.A).ShouldBe(169);
        pads.Steps.Count(s => s.Pad == OxfordPad.B).ShouldBe(166);
    }

    [Fact]
    public void ReadValidationSteps_MalformedRow_ThrowsNamingLine()
    {
        using var stream = new MemoryStream("1,0,0,9.8,0,0,0\n2,0,0,9.8,0,x,0\n"u8.ToArray());

        Should.Throw<RecordingFormatException>(() => OxfordReference.ReadValidationSteps(stream)).LineNumber.ShouldBe(2);
    }
}
