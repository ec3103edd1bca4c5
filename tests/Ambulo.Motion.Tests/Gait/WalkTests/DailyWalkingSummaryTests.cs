using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait.WalkTests;

public class DailyWalkingSummaryTests
{
    /// <summary>
    /// SYNTHETIC phone-in-pocket recording at 50 Hz: quiet standing, and for each bout (start, steps, step time) one
    /// vertical bounce per step with the pelvis yaw swinging step by step. Fixed-seed noise; the phone sits tilted.
    /// </summary>
    private static ImuSample[] PocketBouts(double totalSeconds, params (double Start, int Steps, double StepSeconds)[] bouts)
    {
        var random = new Random(11);
        var mounting = Quaternion.CreateFromYawPitchRoll(-0.5f, 1.4f, 0.2f);
        var steps = bouts.SelectMany(b => Enumerable.Range(0, b.Steps).Select(k => b.Start + (k * b.StepSeconds))).Order().ToList();
        const double rate = 50;
        var samples = new ImuSample[(int)(totalSeconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / rate;
            double vertical = 0, yaw = 0;
            for (var k = 0; k < steps.Count; k++)
            {
                var d = t - steps[k];
                if (Math.Abs(d) < 1)
                {
                    vertical += 2.5 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
                    yaw += (k % 2 == 0 ? 0.4 : -0.4) * Math.Exp(-d * d / (2 * 0.15 * 0.15));
                }
            }

            var noise = (float)((random.NextDouble() - 0.5) * 0.1);
            samples[i] = new ImuSample(t, Vector3.Transform(new Vector3(noise, noise, (float)(9.81 + vertical)), mounting),
                Vector3.Transform(new Vector3(0, 0, (float)yaw), mounting));
        }

        return samples;
    }

    [Fact]
    public void Calculate_SyntheticRecordingAcrossMidnight_SplitsStepsBoutsAndCadenceBandsByDay()
    {
        // The recording starts at 23:58, so midnight falls 120 s in. Bout A before midnight (0.55 s steps, 109 steps/min),
        // bouts B (0.8 s, 75 steps/min) and C (0.47 s, 128 steps/min) after it.
        var samples = PocketBouts(260, (10, 40, 0.55), (140, 30, 0.8), (200, 50, 0.47));
        var recording = new SensorRecording(new RecordingMetadata
        {
            Sensor = SensorKind.Phone,
            Placement = "front-pocket",
            SamplingRateHz = 50,
            Channels = SensorChannels.Accelerometer | SensorChannels.Gyroscope,
        }, samples);
        var analysis = GaitAnalyzer.Analyze([recording]);

        var days = DailyWalkingSummary.Calculate(analysis, recordingStartSeconds: -(86400 - 120));

        days.Count.ShouldBe(2);
        var (first, second) = (days[0], days[1]);
        ((double)first.Steps).ShouldBe(40, 1);
        ((double)second.Steps).ShouldBe(80, 2);
        first.Bouts.ShouldBe(1);
        second.Bouts.ShouldBe(2);
        first.BoutsByCadenceBand["100-120"].ShouldBe(1);
        second.BoutsByCadenceBand["60-80"].ShouldBe(1);
        second.BoutsByCadenceBand[">=120"].ShouldBe(1);
        second.BoutsByCadenceBand.Values.Sum().ShouldBe(2);
        first.WalkingMinutes.ShouldBe(39 * 0.55 / 60, 0.02);
        second.WalkingMinutes.ShouldBe(((29 * 0.8) + (49 * 0.47)) / 60, 0.03);
    }

    [Fact]
    public void Calculate_DayWithoutWalking_IsReportedAsZeroNotSkipped()
    {
        var contacts = new List<InitialContact>();
        var bouts = new List<WalkingBout>();
        foreach (var (day, start) in new[] { (0, 3600.0), (2, 3600.0) })
        {
            var t0 = (day * 86400) + start;
            contacts.AddRange(Enumerable.Range(0, 10).Select(k => new InitialContact(t0 + (k * 0.5), BodySide.Unknown)));
            bouts.Add(new WalkingBout(t0, t0 + 4.5, 10, 120));
        }

        var analysis = new GaitAnalysis("hand", contacts, [], bouts, GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None));

        var days = DailyWalkingSummary.Calculate(analysis);

        days.Select(d => d.Steps).ShouldBe([10, 0, 10]);
        days.Select(d => d.Bouts).ShouldBe([1, 0, 1]);
        days[1].WalkingMinutes.ShouldBe(0);
        days[0].BoutsByCadenceBand[">=120"].ShouldBe(1);
    }

    [Fact]
    public void Calculate_OneFootRecorded_CountsTheOtherFootsStepsInTheDay()
    {
        // One foot: 10 contacts, 9 strides; each stride holds one step of the other foot -> 19 steps.
        var contacts = Enumerable.Range(0, 10).Select(k => new InitialContact(100 + (k * 1.1), BodySide.Left)).ToList();
        var strides = Enumerable.Range(0, 9).Select(k => new Stride(100 + (k * 1.1), 100 + ((k + 1) * 1.1), BodySide.Left, 1.1)).ToList();
        var bouts = GaitAnalyzer.BoutsFromContacts(contacts, strides, 2.5, DistanceModel.None, 1, otherFootInferred: true);
        var analysis = new GaitAnalysis("foot-left", contacts, strides, bouts, GaitSummaries.Summarize(contacts, strides, bouts, DistanceModel.None), OtherFootInferred: true);

        var days = DailyWalkingSummary.Calculate(analysis);

        days[0].Steps.ShouldBe(19);
        bouts[0].Steps.ShouldBe(19);
        bouts[0].CadenceStepsPerMinute.ShouldBe(60 / 0.55, 1e-6);
    }

    [Fact]
    public void Calculate_RecordingLongerThanItsWalking_ReportsTheQuietLastDayAndTheRecordedHoursOfEachDay()
    {
        // Walking only on the first day; the recording runs from 06:00 on day 1 to 12:00 on day 3 (midnight at −6 h).
        var contacts = Enumerable.Range(0, 10).Select(k => new InitialContact(3600 + (k * 0.5), BodySide.Unknown)).ToList();
        var bouts = new List<WalkingBout> { new(3600, 3604.5, 10, 120) };
        var analysis = new GaitAnalysis("hand", contacts, [], bouts, GaitSummaries.Summarize(contacts, [], bouts, DistanceModel.None));

        var days = DailyWalkingSummary.Calculate(analysis, recordingStartSeconds: -6 * 3600, recording: (0, (18 + 24 + 12) * 3600));

        days.Select(d => d.Steps).ShouldBe([10, 0, 0]);
        days.Select(d => d.RecordedHours).ShouldBe([18.0, 24.0, 12.0]);
        days.ShouldAllBe(d => d.DistanceMeters == null);
        days[0].CadenceBands!.Single(b => b.MinStepsPerMinute == 120).Bouts.ShouldBe(1);
        days[0].CadenceBands!.Sum(b => b.Bouts).ShouldBe(1);
    }
}
