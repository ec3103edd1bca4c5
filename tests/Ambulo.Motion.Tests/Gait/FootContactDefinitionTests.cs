using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// REAL gaitmap data: why our foot strides start about 60–70 ms before the labels of <c>imu_sample_ic_stride</c>.
/// The labels sit on the peak of the heel-impact shock in the acceleration, a later event than initial contact as the
/// motion-capture reference of the other recording marks it, where our contact (end of the swing rotation) agrees.
/// </summary>
public class FootContactDefinitionTests
{
    private static string Data(string file) => TestData.Path("gaitmap-foot-mocap", "data", file);

    /// <summary>
    /// For every reference contact, the nearest detected contact (within 0.15 s) and the peak of the acceleration
    /// magnitude in the 0.12 s after it (the impact shock). Returns (reference − ours, reference − impact peak) in ms.
    /// </summary>
    private static List<(double ReferenceMinusOursMs, double ReferenceMinusImpactMs)> Offsets(string imuFile, double rateHz, BodySide foot, IEnumerable<double> referenceSeconds)
    {
        var recording = GaitmapImporter.Import(Data(imuFile), foot, rateHz).Recording;
        var samples = recording.Samples;
        var ours = FootStrideDetector.Detect(samples, rateHz, foot, FootStrideOptions.Healthy).InitialContacts.Select(c => c.TimeSeconds).ToList();
        var result = new List<(double, double)>();
        foreach (var reference in referenceSeconds.Distinct())
        {
            var nearest = ours.MinBy(t => Math.Abs(t - reference));
            if (Math.Abs(nearest - reference) > 0.15)
            {
                continue;
            }

            var from = (int)Math.Round(nearest * rateHz);
            var to = Math.Min(samples.Length - 1, from + (int)Math.Round(0.12 * rateHz));
            var peak = Enumerable.Range(from, to - from + 1).MaxBy(i => samples[i].AccelerationMps2.Length());
            result.Add(((reference - nearest) * 1000, (reference - samples[peak].TimeSeconds) * 1000));
        }

        return result;
    }

    [Fact]
    public void IcStrideLabels_SitOnTheHeelImpactPeak_SixtyMillisecondsAfterOurContact()
    {
        var borders = GaitmapReference.ReadStrideBorders(Data("stride_borders_sample_ic_stride.csv"));
        var offsets = new[] { BodySide.Left, BodySide.Right }.SelectMany(foot => Offsets("imu_sample_ic_stride.csv", GaitmapImporter.IcStrideSampleRateHz, foot,
            borders.Where(b => b.Foot == foot).SelectMany(b => new[] { b.StartSeconds, b.EndSeconds }))).ToList();

        offsets.Count.ShouldBe(22);
        // Labels: after our contact by 50–100 ms, on the impact peak within about one sample (9.8 ms at 102.4 Hz).
        offsets.ShouldAllBe(o => o.ReferenceMinusOursMs > 40 && o.ReferenceMinusOursMs < 100);
        offsets.Average(o => o.ReferenceMinusOursMs).ShouldBe(68, 10);
        offsets.Average(o => o.ReferenceMinusImpactMs).ShouldBe(0, 6);
        offsets.Average(o => Math.Abs(o.ReferenceMinusImpactMs)).ShouldBeLessThan(10);
    }

    [Fact]
    public void MocapInitialContacts_AgreeWithOurContact_AndPrecedeTheImpactPeak()
    {
        var events = GaitmapReference.ReadStrideEvents(Data("stride_events_sample.csv"));
        var offsets = new[] { BodySide.Left, BodySide.Right }.SelectMany(foot => Offsets("imu_sample.csv", GaitmapImporter.ImuSampleRateHz, foot,
            events.Where(e => e.Foot == foot).SelectMany(e => new[] { e.PreviousInitialContactSeconds, e.InitialContactSeconds }))).ToList();

        offsets.Count.ShouldBeGreaterThan(55);
        // Motion capture marks contact within 10 ms of ours on average, and 15–35 ms before the impact peak.
        offsets.Average(o => o.ReferenceMinusOursMs).ShouldBe(0, 10);
        offsets.Average(o => o.ReferenceMinusImpactMs).ShouldBeInRange(-35, -15);
    }
}
