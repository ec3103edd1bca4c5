using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>Each walking bout's own stride and step timing (<see cref="WalkingBout.Timing"/>), made by the summary's function.</summary>
public class BoutTimingTests
{
    private static SensorRecording LowerBack(ImuSample[] samples) => TestRecordings.Of(samples, "lower-back");

    /// <summary>
    /// SYNTHETIC lower-back walk of two bouts 6 s apart (over the 3 s pause rule): the first limps (a step onto the left foot
    /// takes <paramref name="leftStep"/>, onto the right <paramref name="rightStep"/>), the second is even at 0.6 s. One
    /// trunk bounce per step, the pelvis yaw alternating with the steps.
    /// </summary>
    private static (ImuSample[] Samples, List<double> FirstBout, List<double> SecondBout) LimpThenEven(double leftStep, double rightStep)
    {
        var first = new List<double> { 2.0 };
        for (var k = 1; k < 21; k++)
        {
            first.Add(first[^1] + (k % 2 == 1 ? leftStep : rightStep));
        }

        var second = Enumerable.Range(0, 21).Select(k => first[^1] + 6 + 0.6 * k).ToList();
        var steps = first.Concat(second).ToList();
        var samples = PeriodicBoutsTests.Trunk(steps.Select(t => (t, 2.0)).ToList(), steps.Select((t, k) => (t, k % 2 == 0 ? 0.4 : -0.4)).ToList(), steps[^1] + 3, seed: 5);
        return (samples, first, second);
    }

    [Fact]
    public void Analyze_LimpingBoutThenEvenBout_EachBoutHasTheAsymmetryItWasBuiltWith()
    {
        var (samples, first, second) = LimpThenEven(leftStep: 0.72, rightStep: 0.48);

        var analysis = GaitAnalyzer.Analyze([LowerBack(samples)]);

        analysis.WalkingBouts.Count.ShouldBe(2);
        var limping = analysis.WalkingBouts[0].Timing;
        var even = analysis.WalkingBouts[1].Timing;
        limping.StepTimeAsymmetryRatio!.Value.ShouldBe(0.72 / 0.48, 0.03);
        new[] { limping.StepTimeLeftSeconds!.Value, limping.StepTimeRightSeconds!.Value }.Order().ShouldBe([0.48, 0.72], tolerance: 0.015);
        limping.StrideTimeSeconds!.Value.ShouldBe(1.2, 0.015);
        even.StepTimeAsymmetryRatio!.Value.ShouldBe(1.0, 0.03);
        even.StrideTimeSeconds!.Value.ShouldBe(1.2, 0.015);
        // The whole recording's ratio lies between the two: each bout's own is not the summary's.
        analysis.Summary.StepTimeAsymmetryRatio!.Value.ShouldBeInRange(even.StepTimeAsymmetryRatio.Value + 0.1, limping.StepTimeAsymmetryRatio.Value - 0.1);
        // Trunk: no final contacts, so no stance, swing or swing asymmetry, in a bout as in the summary.
        limping.StanceSeconds.ShouldBeNull();
        limping.SwingSeconds.ShouldBeNull();
        limping.SwingTimeAsymmetryRatio.ShouldBeNull();
        analysis.WalkingBouts[0].StartSeconds.ShouldBeLessThan(first[^1]);
        analysis.WalkingBouts[1].StartSeconds.ShouldBeGreaterThan(second[0] - 0.3);
    }

    [Fact]
    public void Analyze_LowerBackRecordingOfOneBout_BoutTimingIsTheSummarys()
    {
        var (samples, _, _) = LimpThenEven(leftStep: 0.7, rightStep: 0.55);
        var oneBout = samples.Where(s => s.TimeSeconds < 20).ToArray();

        var analysis = GaitAnalyzer.Analyze([LowerBack(oneBout)]);

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.Timing.ShouldBe(analysis.Summary.Timing);
        bout.Timing.StepTimeAsymmetryRatio.ShouldNotBeNull();
        bout.Timing.StrideTimeVariabilityPercent.ShouldNotBeNull();
    }

    /// <summary>REAL data: the gaitmap foot IMUs on both feet (one walk with two turns, mocap-checked) are one bout.</summary>
    [Fact]
    public void Analyze_GaitmapFeetOfOneBout_BoutHasTheSummarysStanceSwingAndAsymmetries()
    {
        var analysis = GaitAnalyzer.Analyze(TestRecordings.GaitmapFeet());

        var bout = analysis.WalkingBouts.ShouldHaveSingleItem();
        bout.Timing.ShouldBe(analysis.Summary.Timing);
        bout.Timing.StanceSeconds!.Value.ShouldBeInRange(0.5, 0.9);
        bout.Timing.SwingSeconds!.Value.ShouldBeInRange(0.3, 0.5);
        bout.Timing.SwingTimeAsymmetryRatio!.Value.ShouldBeInRange(1.0, 1.2);
        bout.Timing.StepTimeAsymmetryRatio!.Value.ShouldBeInRange(1.0, 1.2);
        bout.Timing.StrideTimeVariabilityPercent!.Value.ShouldBeGreaterThan(0);
    }

    /// <summary>REAL data: every lower-back bout of the mobgap MS walk has its own timing, within its own strides.</summary>
    [Fact]
    public void Analyze_MobgapLowerBack_EachBoutsStrideTimeIsTheMeanOfItsOwnStrides()
    {
        var recording = MobgapImporter.Import(TestData.Path("mobgap-lowerback", "data_csv", "MS", "001", "TimeMeasure1_Test11_Trial1.csv")).Recording;

        var analysis = GaitAnalyzer.Analyze([recording]);

        analysis.WalkingBouts.Count.ShouldBeGreaterThan(1);
        foreach (var bout in analysis.WalkingBouts)
        {
            var own = analysis.Strides.Where(s => s.StartSeconds >= bout.StartSeconds && s.EndSeconds <= bout.EndSeconds).ToList();
            if (own.Count == 0)
            {
                bout.Timing.StrideTimeSeconds.ShouldBeNull();
                continue;
            }

            bout.Timing.StrideTimeSeconds!.Value.ShouldBe(own.Average(s => s.StrideTimeSeconds), 1e-9);
            (bout.Timing.StrideTimeVariabilityPercent is null).ShouldBe(own.Count < GaitSummaries.MinimumStridesForVariability);
            bout.Timing.StanceSeconds.ShouldBeNull();
        }

        analysis.WalkingBouts.Select(b => b.Timing.StrideTimeSeconds).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void WithTiming_BoutOfTwoStrides_HasAStrideTimeButNoVariability()
    {
        var strides = new List<Stride> { new(1.0, 2.1, BodySide.Left, 1.1), new(1.5, 2.7, BodySide.Right, 1.2) };
        var contacts = new List<InitialContact> { new(1.0, BodySide.Left), new(1.5, BodySide.Right), new(2.1, BodySide.Left), new(2.7, BodySide.Right) };
        var many = Enumerable.Range(0, 6).Select(k => new Stride(10 + k, 11 + k, k % 2 == 0 ? BodySide.Left : BodySide.Right, 1.0 + (0.02 * (k % 2)))).ToList();
        var bouts = new List<WalkingBout> { new(1.0, 2.7, 4, 100), new(10, 17, 7, 100) };

        var timed = GaitSummaries.WithTiming(contacts, [.. strides, .. many], bouts);

        timed[0].Timing.StrideTimeSeconds!.Value.ShouldBe(1.15, 1e-9);
        timed[0].Timing.StrideTimeVariabilityPercent.ShouldBeNull();
        timed[1].Timing.StrideTimeSeconds!.Value.ShouldBe(1.01, 1e-9);
        timed[1].Timing.StrideTimeVariabilityPercent.ShouldNotBeNull();
        // The first bout's contacts alternate: left steps 0.6 s, right steps 0.5 and 0.6 s.
        timed[0].Timing.StepTimeLeftSeconds!.Value.ShouldBe(0.6, 1e-9);
        timed[0].Timing.StepTimeRightSeconds!.Value.ShouldBe(0.55, 1e-9);
        timed[1].Timing.StepTimeLeftSeconds.ShouldBeNull();
    }

    [Fact]
    public void WithTiming_InputOutOfOrder_GivesTheSameAsInOrder()
    {
        var strides = Enumerable.Range(0, 8).Select(k => new Stride(k, k + 1.0 + (0.05 * (k % 3)), BodySide.Left, 1.0 + (0.05 * (k % 3)))).ToList();
        var contacts = Enumerable.Range(0, 18).Select(k => new InitialContact(k * 0.5, k % 2 == 0 ? BodySide.Left : BodySide.Right)).ToList();
        var bouts = new List<WalkingBout> { new(0, 4.5, 10, 120), new(5, 8.5, 8, 120) };

        var ordered = GaitSummaries.WithTiming(contacts, strides, bouts);
        var shuffled = GaitSummaries.WithTiming([.. contacts.AsEnumerable().Reverse()], [.. strides.AsEnumerable().Reverse()], [bouts[1], bouts[0]]);

        shuffled.Select(b => b.Timing).ShouldBe([ordered[1].Timing, ordered[0].Timing]);
        ordered[0].Timing.StrideTimeSeconds.ShouldNotBe(ordered[1].Timing.StrideTimeSeconds);
    }

    /// <summary>
    /// The one-pass step times (contacts in order, bouts in order and apart) against the look-through-every-bout path that
    /// bouts out of order take: the same values on seeded random walks of limping bouts, pauses, same-side and unknown
    /// contacts and landings into standstill.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Timing_BoutsOutOfOrder_SameAsInOrder(int seed)
    {
        var random = new Random(seed);
        var contacts = new List<InitialContact>();
        var strides = new List<Stride>();
        var bouts = new List<WalkingBout>();
        var t = 1.0;
        for (var bout = 0; bout < 40; bout++)
        {
            var first = contacts.Count;
            var start = t;
            for (var k = 0; k < 6 + random.Next(20); k++)
            {
                var side = random.NextDouble() < 0.05 ? BodySide.Unknown : k % 2 == 0 || random.NextDouble() < 0.05 ? BodySide.Left : BodySide.Right;
                contacts.Add(new InitialContact(t, side));
                t += (side == BodySide.Left ? 0.7 : 0.5) + (0.1 * random.NextDouble()) + (random.NextDouble() < 0.05 ? 2.0 : 0);
            }

            var last = contacts[^1];
            strides.Add(new Stride(contacts[^3].TimeSeconds, last.TimeSeconds, last.Side, last.TimeSeconds - contacts[^3].TimeSeconds, EndsInStandstill: random.NextDouble() < 0.5));
            var pauses = Enumerable.Range(first + 1, contacts.Count - first - 1).Where(k => contacts[k].TimeSeconds - contacts[k - 1].TimeSeconds > 2)
                .Select(k => new GaitPause(contacts[k - 1].TimeSeconds, contacts[k].TimeSeconds)).ToList();
            bouts.Add(new WalkingBout(start, last.TimeSeconds, contacts.Count - first, 100) { Pauses = pauses });
            t += 3 + (5 * random.NextDouble());
        }

        var inOrder = GaitSummaries.Timing(contacts, strides, bouts);
        var outOfOrder = GaitSummaries.Timing(contacts, strides, [.. bouts.AsEnumerable().Reverse()]);

        outOfOrder.ShouldBe(inOrder);
        inOrder.StepTimeLeftSeconds.ShouldNotBeNull();
        inOrder.StepTimeAsymmetryRatio!.Value.ShouldBeGreaterThan(1.1);
    }
}
