using System.Numerics;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Gait.WalkTests;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;
using Ambulo.Motion.Samples;

namespace Ambulo.Motion.Tests.Gait.WalkTests;

public class SixMinuteWalkTestTests
{
    /// <summary>
    /// SYNTHETIC 6-minute walk on a short home course, phone in a trouser pocket: one vertical bounce per step, the pelvis
    /// yaw swinging with each step, and a 180° turn (half-sine yaw rate over <paramref name="turnSeconds"/>) after every
    /// <paramref name="stepsPerLeg"/> steps, stepping on through the turn. The step time grows linearly from
    /// <paramref name="firstStepSeconds"/> to <paramref name="lastStepSeconds"/> over the walk (a slowing walker).
    /// Returns the samples (50 Hz, fixed-seed noise, sensor tilted in the pocket), the true step times and turn ends.
    /// Every step bounces the same, so a walker of this generator takes steps of one length (what the phone step-length
    /// models assume of a steady walker); a short <paramref name="walkSeconds"/> gives a calibration walk. After
    /// <paramref name="maxTurns"/> turns the walker goes straight on.
    /// </summary>
    internal static (ImuSample[] Samples, List<double> Steps, List<double> TurnEnds) PocketSixMinutes(
        double firstStepSeconds, double lastStepSeconds, int stepsPerLeg = 16, double turnSeconds = 2.4, double rateHz = 50, int seed = 7, double walkSeconds = 375, int maxTurns = int.MaxValue)
    {
        const double lead = 5;
        var steps = new List<double>();
        for (var t = lead; t < lead + walkSeconds;)
        {
            steps.Add(t);
            t += firstStepSeconds + ((lastStepSeconds - firstStepSeconds) * (t - lead) / walkSeconds);
        }

        var turns = new List<(double Start, double End)>();
        for (var k = stepsPerLeg; k + 1 < steps.Count && turns.Count < maxTurns; k += stepsPerLeg + 4)
        {
            turns.Add((steps[k], steps[k] + turnSeconds));
        }

        var random = new Random(seed);
        var mounting = Quaternion.CreateFromYawPitchRoll(0.4f, 1.3f, -0.3f);
        var n = (int)((lead + walkSeconds + 5) * rateHz);
        var samples = new ImuSample[n];
        var next = 0;
        foreach (var i in Enumerable.Range(0, n))
        {
            var t = i / rateHz;
            double vertical = 0, yaw = 0;
            while (next < steps.Count && steps[next] < t - 1)
            {
                next++;
            }

            for (var k = next; k < steps.Count && steps[k] < t + 1; k++)
            {
                var d = t - steps[k];
                vertical += 2.5 * Math.Exp(-d * d / (2 * 0.06 * 0.06));
                yaw += (k % 2 == 0 ? 0.4 : -0.4) * Math.Exp(-d * d / (2 * 0.15 * 0.15));
            }

            foreach (var (start, end) in turns)
            {
                if (t > start && t < end)
                {
                    // Half-sine rate profile integrating to π over the turn.
                    yaw += Math.PI * Math.PI / (2 * (end - start)) * Math.Sin(Math.PI * (t - start) / (end - start));
                }
            }

            var noise = (float)((random.NextDouble() - 0.5) * 0.1);
            var acc = new Vector3(noise, -noise, (float)(9.81 + vertical) + noise);
            var gyro = new Vector3(noise * 0.1f, noise * 0.1f, (float)yaw);
            samples[i] = new ImuSample(t, Vector3.Transform(acc, mounting), Vector3.Transform(gyro, mounting));
        }

        return (samples, steps, turns.Select(x => x.End).ToList());
    }

    private static SensorRecording Recording(ImuSample[] samples, string placement, double rate) => TestRecordings.Of(samples, placement, rate, sensor: SensorKind.Phone);

    [Fact]
    public void Estimate_SyntheticPocketWalkOnTenMetreCourse_CountsStepsTurnsLegsAndTheCadenceDecline()
    {
        // Step time 0.55 s -> 0.65 s over the walk: cadence falls by about 15 % from the first minute to the last.
        var (samples, steps, turnEnds) = PocketSixMinutes(0.55, 0.65);
        var options = new SixMinuteWalkOptions(CourseLengthMeters: 10);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), options);

        var start = steps[0];
        var inWindow = steps.Where(t => t <= start + 360).ToList();
        var trueTurns = turnEnds.Count(t => t <= start + 360);
        result.Steps.ShouldBeInRange((int)(inWindow.Count * 0.98), (int)Math.Ceiling(inWindow.Count * 1.02));
        result.Turns.ShouldBe(trueTurns);
        result.CompletedLegs.ShouldBe(trueTurns);
        result.CourseDistanceMeters.ShouldBe(trueTurns * 10.0);
        result.SensorDistanceMeters.ShouldBeNull();
        result.DistanceModel.ShouldBe(DistanceModel.None);
        result.Minutes.Count.ShouldBe(6);

        double Cadence(double a, double b) => steps.Count(t => t >= a && t < b) * 60.0 / (b - a);
        var trueDecline = 100 * (Cadence(start, start + 60) - Cadence(start + 300, start + 360)) / Cadence(start, start + 60);
        result.DeclineMeasure.ShouldBe("cadence");
        result.DeclinePercent!.Value.ShouldBe(trueDecline, 2.0);
        result.DeclineToMinute.ShouldBe(6);
        result.Minutes.ShouldAllBe(m => m.Complete);
        trueDecline.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Estimate_SyntheticSteadyWalk_ReportsNoDecline()
    {
        var (samples, _, _) = PocketSixMinutes(0.6, 0.6);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "back-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        result.DeclinePercent!.Value.ShouldBe(0, 2.0);
        result.Minutes.ShouldAllBe(m => Math.Abs(m.CadenceStepsPerMinute - 100) < 3);
    }

    [Fact]
    public void Estimate_RecordingWithoutAGyroscope_HasNoTurnsLegsOrCourseDistanceRatherThanZero()
    {
        // The same six minutes on a 10 m course, once as a phone that logs acceleration only (as the Oxford phones did):
        // it cannot see the turns, so it must not report 0 turns and 0 m by course.
        var (samples, steps, _) = PocketSixMinutes(0.6, 0.6);
        var withGyroscope = Recording(samples, "front-pocket", 50);
        var accelerometerOnly = new SensorRecording(withGyroscope.Metadata with { Channels = SensorChannels.Accelerometer },
            samples.Select(s => s with { AngularVelocityRadps = Vector3.Zero }).ToArray());
        var options = new SixMinuteWalkOptions(CourseLengthMeters: 10);

        var seen = SixMinuteWalkTest.Estimate(withGyroscope, options);
        var blind = SixMinuteWalkTest.Estimate(accelerometerOnly, options);

        seen.Turns!.Value.ShouldBeGreaterThan(10);
        seen.CourseDistanceMeters!.Value.ShouldBe(seen.Turns.Value * 10.0);
        blind.Turns.ShouldBeNull();
        blind.CompletedLegs.ShouldBeNull();
        blind.CourseDistanceMeters.ShouldBeNull();
        blind.PartialLegEstimateMeters.ShouldBeNull();
        blind.EstimatedTotalDistanceMeters.ShouldBeNull();
        blind.Steps.ShouldBe(seen.Steps);
        ((double)blind.Steps).ShouldBe(steps.Count(t => t <= steps[0] + 360), 0.02 * blind.Steps);
    }

    [Fact]
    public void Estimate_RecordingOfFourAndAHalfMinutes_ComparesTheFirstAndTheLastCompleteMinute()
    {
        // Step time 0.55 s -> 0.65 s over 270 s of walking; the recording ends 5 s after the walk, 275 s after the first
        // step: minutes 1–4 complete, minute 5 cut to 35 s, minute 6 not recorded. Minute 6 would read as no steps (a
        // 100 % fall); the decline must be minute 1 against minute 4.
        var (samples, steps, _) = PocketSixMinutes(0.55, 0.65, walkSeconds: 270);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        var start = steps[0];
        double Cadence(double a, double b) => steps.Count(t => t >= a && t < b) * 60.0 / (b - a);
        var trueDecline = 100 * (Cadence(start, start + 60) - Cadence(start + 180, start + 240)) / Cadence(start, start + 60);
        result.Minutes.Count.ShouldBe(5);
        result.Minutes.Select(m => m.Complete).ShouldBe([true, true, true, true, false]);
        // Minutes start at the detected first step, up to about 0.1 s after the true one.
        result.Minutes[4].RecordedSeconds.ShouldBe(samples[^1].TimeSeconds - (start + 240), 0.15);
        // The cut minute's cadence is per recorded second (the walker stands still for its last 5 s).
        result.Minutes[4].CadenceStepsPerMinute.ShouldBe(Cadence(start + 240, samples[^1].TimeSeconds), 3);
        result.DeclineMeasure.ShouldBe("cadence");
        result.DeclineToMinute.ShouldBe(4);
        result.DeclinePercent!.Value.ShouldBe(trueDecline, 2.0);
        trueDecline.ShouldBeInRange(5, 15);
    }

    [Theory]
    [InlineData(50, 0)]   // 55 s after the first step: no complete minute
    [InlineData(110, 1)]  // 115 s: one complete minute
    public void Estimate_FewerThanTwoCompleteMinutes_HasNoDecline(double walkSeconds, int completeMinutes)
    {
        var (samples, _, _) = PocketSixMinutes(0.55, 0.65, walkSeconds: walkSeconds);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        result.Minutes.Count(m => m.Complete).ShouldBe(completeMinutes);
        result.Minutes.Count.ShouldBe(completeMinutes + 1);
        result.DeclinePercent.ShouldBeNull();
        result.DeclineToMinute.ShouldBeNull();
        result.DeclineMeasure.ShouldBe("none");
    }

    [Fact]
    public void Estimate_TwoCompleteMinutes_ComparesThem()
    {
        // 125 s after the first step: minutes 1 and 2 complete, minute 3 cut to 5 s and not compared.
        var (samples, steps, _) = PocketSixMinutes(0.5, 0.7, walkSeconds: 120);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        var start = steps[0];
        double Cadence(double a, double b) => steps.Count(t => t >= a && t < b) * 60.0 / (b - a);
        result.DeclineToMinute.ShouldBe(2);
        result.DeclinePercent!.Value.ShouldBe(100 * (Cadence(start, start + 60) - Cadence(start + 60, start + 120)) / Cadence(start, start + 60), 2.0);
        result.DeclinePercent.Value.ShouldBeGreaterThan(10);
    }

    /// <summary>
    /// SYNTHETIC walker with 0.7 m steps: the phone's personal Weinberg constant is fitted on a separate 15-step walk
    /// over its known 9.8 m (14 steps × 0.7 m), then the six minutes are measured with it. Truth: 0.7 m per step inside
    /// the six minutes from the first contact (the step crossing the end counted by its share of time).
    /// </summary>
    [Fact]
    public void Estimate_PhoneWithCalibratedWeinbergConstant_MeasuresTheKnownDistanceAndNamesTheModel()
    {
        const double stepMeters = 0.7;
        var (calibrationSamples, calibrationSteps, _) = PocketSixMinutes(0.6, 0.6, stepsPerLeg: 1000, walkSeconds: 14 * 0.6 + 0.1, seed: 3);
        calibrationSteps.Count.ShouldBe(15);
        var detected = StepCounter.Detect(calibrationSamples, StepCounterOptions.SlowOrImpaired).StepTimesSeconds;
        var fit = PhoneStepLength.Calibrate(calibrationSamples, detected, 14 * stepMeters);
        var (samples, steps, _) = PocketSixMinutes(0.6, 0.6);
        var options = new SixMinuteWalkOptions(CourseLengthMeters: 10)
        {
            Gait = new(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(WeinbergConstant: fit.WeinbergConstant)),
        };

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), options);

        var truth = TrueDistance(steps, stepMeters, 360);
        result.DistanceModel.ShouldBe(DistanceModel.WeinbergAccelerationRange);
        result.SensorDistanceMeters!.Value.ShouldBe(truth, truth * 0.02);
        result.Minutes.ShouldAllBe(m => m.DistanceMeters != null && m.SpeedMetersPerSecond != null);
        result.Minutes.Sum(m => m.DistanceMeters!.Value).ShouldBe(result.SensorDistanceMeters.Value, 1e-6);
        foreach (var m in result.Minutes)
        {
            m.SpeedMetersPerSecond!.Value.ShouldBe(stepMeters / 0.6, 0.03 * stepMeters / 0.6);
        }

        // A steady walker: the decline is now measured on speed, and is about zero.
        result.DeclineMeasure.ShouldBe("speed");
        result.DeclinePercent!.Value.ShouldBe(0, 2.0);
    }

    [Fact]
    public void Estimate_PhoneWithHeightOnly_GivesTheHeightRatioDistanceOfEveryStep()
    {
        var (samples, steps, _) = PocketSixMinutes(0.55, 0.65);
        var options = new SixMinuteWalkOptions(CourseLengthMeters: 10)
        {
            Gait = new(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(BodyHeightMeters: 1.65)),
        };

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "back-pocket", 50), options);

        var truth = TrueDistance(steps, 0.414 * 1.65, 360);
        result.DistanceModel.ShouldBe(DistanceModel.HeightRatio);
        result.SensorDistanceMeters!.Value.ShouldBe(truth, truth * 0.02);
        // Same step length, longer step times: the speed falls as the cadence does.
        result.DeclineMeasure.ShouldBe("speed");
        result.DeclinePercent!.Value.ShouldBeGreaterThan(10);
    }

    /// <summary>
    /// SYNTHETIC walks with a known course position: the walker reaches the cone at the middle of each turn and walks
    /// every leg at an even pace, so at the end of the six minutes the true distance is the completed legs × course length
    /// plus the elapsed share of the time of the leg in progress (its end is the middle of the next turn, which the
    /// generator makes after the six minutes). The step times differ per case, so the six minutes end at different points
    /// of the last leg (none inside a turn: that case is the next test); the slowing walker (0.55 → 0.65 s) is among them.
    /// </summary>
    [Theory]
    [InlineData(0.55, 0.65, 16)]
    [InlineData(0.62, 0.62, 16)]
    [InlineData(0.5, 0.5, 24)]
    [InlineData(0.7, 0.75, 12)]
    public void Estimate_SyntheticWalkEndingInsideALeg_EstimatesThePartialLastLegWithinAboutOneStep(double firstStep, double lastStep, int stepsPerLeg)
    {
        const double course = 10;
        var (samples, steps, turnEnds) = PocketSixMinutes(firstStep, lastStep, stepsPerLeg);
        var end = steps[0] + 360;
        var crossings = turnEnds.Select(t => t - 1.2).ToList();
        var completed = turnEnds.Count(t => t <= end);
        var legStart = completed == 0 ? steps[0] : crossings[completed - 1];
        var legEnd = crossings.First(c => c > end);
        var truePartial = course * (end - legStart) / (legEnd - legStart);
        turnEnds.ShouldNotContain(t => t - 2.4 < end && t > end);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: course));

        result.CompletedLegs.ShouldBe(completed);
        result.PartialLegBasis.ShouldBe("steps-per-leg");
        // About one step of this walker (course / steps per leg) plus the turn's middle found a little off.
        var step = course / (stepsPerLeg + 4);
        result.PartialLegEstimateMeters!.Value.ShouldBe(truePartial, 1.5 * step);
        result.EstimatedTotalDistanceMeters!.Value.ShouldBe(result.CourseDistanceMeters!.Value + result.PartialLegEstimateMeters.Value, 1e-9);
        result.EstimatedTotalDistanceMeters.Value.ShouldBe((completed * course) + truePartial, 1.5 * step);
    }

    [Fact]
    public void Estimate_SixMinutesEndInsideATurn_CountsTheUnfinishedLegAsReachingTheCone()
    {
        // 0.6 s steps, a 16-step leg and a 2.4 s turn: the six minutes (5 s → 365 s) end just before the turn of
        // 362.6–365.0 s ends, after its middle (the cone) at 363.8 s. The turn is not a completed leg (it has not ended),
        // so the unfinished leg is the one reaching the cone: a full course length, the cap. What is lost is the ground
        // walked after the cone inside the turn (1.2 s of a 12 s leg here: about 1 m).
        var (samples, steps, turnEnds) = PocketSixMinutes(0.6, 0.6, stepsPerLeg: 16);
        var end = steps[0] + 360;
        var inTurn = turnEnds.Single(t => t - 2.4 < end && t > end);
        (inTurn - 1.2).ShouldBeLessThan(end);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        result.CompletedLegs.ShouldBe(turnEnds.Count(t => t <= end));
        result.PartialLegEstimateMeters!.Value.ShouldBe(10);
        result.EstimatedTotalDistanceMeters!.Value.ShouldBe(turnEnds.Count(t => t - 1.2 <= end) * 10.0, 1e-9);
    }

    [Fact]
    public void Estimate_WalkerGoesStraightOnAfterTheLastTurn_CapsThePartialLegAtOneCourseLength()
    {
        // Two turns, then about 500 steps straight on: far more than a leg, but an unfinished leg is less than a course length.
        var (samples, _, _) = PocketSixMinutes(0.6, 0.6, stepsPerLeg: 16, maxTurns: 2);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        result.CompletedLegs.ShouldBe(2);
        result.PartialLegEstimateMeters!.Value.ShouldBe(10);
        result.EstimatedTotalDistanceMeters!.Value.ShouldBe(30);
    }

    [Fact]
    public void Estimate_NoTurnAtAll_HasNoPartialLegEstimate()
    {
        // No completed leg: nothing says how many steps a leg takes, so no estimate (rather than a guess).
        var (samples, _, _) = PocketSixMinutes(0.6, 0.6, maxTurns: 0);

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), new SixMinuteWalkOptions(CourseLengthMeters: 10));

        result.CompletedLegs.ShouldBe(0);
        result.PartialLegEstimateMeters.ShouldBeNull();
        result.EstimatedTotalDistanceMeters.ShouldBeNull();
        result.PartialLegBasis.ShouldBeNull();
    }

    /// <summary>
    /// SYNTHETIC walker with 0.7 m steps and a turn after every 16 steps plus 4 through the turn: 20 steps, about 14 m, per
    /// leg. Given that 14 m course the two distances agree; given 28 m the course distance is about twice the sensor's and
    /// the result itself (not only the CLI text) carries the caution with both numbers and the tolerance.
    /// </summary>
    [Theory]
    [InlineData(14, false)]
    [InlineData(28, true)]
    public void Estimate_CourseLengthVersusWalkedLeg_CautionsInTheResultOnlyWhenFarApart(double course, bool caution)
    {
        const double stepMeters = 0.7;
        var (calibrationSamples, _, _) = PocketSixMinutes(0.6, 0.6, stepsPerLeg: 1000, walkSeconds: 14 * 0.6 + 0.1, seed: 3);
        var detected = StepCounter.Detect(calibrationSamples, StepCounterOptions.SlowOrImpaired).StepTimesSeconds;
        var fit = PhoneStepLength.Calibrate(calibrationSamples, detected, 14 * stepMeters);
        var (samples, _, _) = PocketSixMinutes(0.6, 0.6);
        var options = new SixMinuteWalkOptions(CourseLengthMeters: course)
        {
            Gait = new(GaitPopulation.SlowOrImpaired, PhoneStepLength: new PhoneStepLengthOptions(WeinbergConstant: fit.WeinbergConstant)),
        };

        var result = SixMinuteWalkTest.Estimate(Recording(samples, "front-pocket", 50), options);

        var byCourse = result.EstimatedTotalDistanceMeters!.Value;
        var expected = 100 * Math.Abs(result.SensorDistanceMeters!.Value - byCourse) / byCourse;
        result.CourseSensorDifferencePercent!.Value.ShouldBe(expected, 1e-9);
        if (caution)
        {
            expected.ShouldBeGreaterThan(25);
            result.DistanceCaution.ShouldNotBeNull();
            result.DistanceCaution.ShouldContain($"{byCourse:F0} m by course");
            result.DistanceCaution.ShouldContain("weinberg-acceleration-range model");
            result.DistanceCaution.ShouldContain("more than the 25 % allowed");
        }
        else
        {
            expected.ShouldBeLessThan(25);
            result.DistanceCaution.ShouldBeNull();
        }
    }

    [Theory]
    [InlineData(100, 124, 0.25, false)]
    [InlineData(100, 76, 0.25, false)]
    [InlineData(100, 126, 0.25, true)]
    [InlineData(100, 74, 0.25, true)]
    [InlineData(100, 126, 0.30, false)]
    [InlineData(100, 131, 0.30, true)]
    public void Disagreement_DifferenceAgainstTheOwnTolerance_CautionsBeyondIt(double course, double sensor, double tolerance, bool caution)
    {
        var (percent, text) = SixMinuteWalkTest.Disagreement(course, sensor, DistanceModel.InvertedPendulum, new SixMinuteWalkOptions(CourseSensorTolerance: tolerance));

        percent!.Value.ShouldBe(100 * Math.Abs(sensor - course) / course, 1e-9);
        (text is not null).ShouldBe(caution);
    }

    [Fact]
    public void Disagreement_HeightRatioModel_NamesTheModelAsTheLikelyCause()
    {
        var (_, text) = SixMinuteWalkTest.Disagreement(100, 190, DistanceModel.HeightRatio, new SixMinuteWalkOptions());

        text!.ShouldContain("height-ratio model");
        text!.ShouldContain("likely cause");
    }

    [Theory]
    [InlineData(null, 120.0)]
    [InlineData(100.0, null)]
    [InlineData(0.0, 120.0)]
    public void Disagreement_OneDistanceMissing_HasNeitherPercentNorCaution(double? course, double? sensor)
    {
        var (percent, text) = SixMinuteWalkTest.Disagreement(course, sensor, DistanceModel.InvertedPendulum, new SixMinuteWalkOptions());

        percent.ShouldBeNull();
        text.ShouldBeNull();
    }

    /// <summary>Steps of <paramref name="stepMeters"/> between consecutive true contacts, counted by their share of [first contact, first contact + seconds].</summary>
    private static double TrueDistance(List<double> steps, double stepMeters, double seconds)
    {
        var end = steps[0] + seconds;
        var sum = 0.0;
        for (var i = 1; i < steps.Count; i++)
        {
            sum += stepMeters * Math.Clamp((end - steps[i - 1]) / (steps[i] - steps[i - 1]), 0, 1);
        }

        return sum;
    }

    /// <summary>
    /// REAL foot data, stitched: the gaitmap recording (one walker, left-foot IMU) repeated end to end until six minutes
    /// are covered. Each copy is a real lap of a 20 m course: out 20 m, a 180° turn, back 20 m, and a second 180° turn
    /// at the start (the README says "one turn", but the mocap foot heading shows both: −164° → 0° at 16–19 s and
    /// 21° → −154° at 34–37 s, ending where it began). So copies join into laps with a short standing pause between.
    /// </summary>
    [Fact]
    public void Estimate_StitchedRealFootLaps_CountsTwoTurnsPerLapAndTheWalkedDistance()
    {
        var path = TestData.Path("gaitmap-foot-mocap", "data", "imu_sample.csv");
        var foot = GaitmapImporter.Import(path, BodySide.Left, GaitmapImporter.ImuSampleRateHz).Recording;
        var copy = foot.Samples;
        var copySeconds = copy.Length / GaitmapImporter.ImuSampleRateHz;
        const int copies = 10;
        var stitched = new ImuSample[copy.Length * copies];
        for (var c = 0; c < copies; c++)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                stitched[(c * copy.Length) + i] = copy[i] with { TimeSeconds = copy[i].TimeSeconds + (c * copySeconds) };
            }
        }

        var recording = foot with { Samples = stitched };
        var result = SixMinuteWalkTest.Estimate(recording, new SixMinuteWalkOptions(CourseLengthMeters: 20) { Gait = new(GaitPopulation.Healthy) });

        // Turns that end inside the six minutes from the first contact (turn ends ≈ 19.5 s and ≈ 36.7 s into each copy).
        var events = GaitmapReference.ReadStrideEvents(TestData.Path("gaitmap-foot-mocap", "data", "stride_events_sample.csv"));
        var firstContact = events.Where(e => e.Foot == BodySide.Left).Min(e => e.PreviousInitialContactSeconds);
        var end = firstContact + 360;
        var turnsInWindow = Enumerable.Range(0, copies).Sum(c => new[] { 19.5, 36.7 }.Count(t => (c * copySeconds) + t <= end));
        result.Turns.ShouldBe(turnsInWindow);
        result.CompletedLegs.ShouldBe(turnsInWindow);
        result.CourseDistanceMeters.ShouldBe(turnsInWindow * 20.0);
        result.DistanceModel.ShouldBe(DistanceModel.FootStrapdownZeroVelocity);
        // A correct course length on real laps: course and sensor agree, so there is no caution.
        result.DistanceCaution.ShouldBeNull(result.DistanceCaution);

        // Walked distance: every full copy walks at least the mocap heel path summed over this foot's reference strides;
        // on top of that come the partial last copy and, per copy, the steps the reference leaves out (the last step
        // into standstill and one of the two turning steps it merged), each shorter than 1.4 m.
        var referencePerCopy = GaitmapReference.ReadStrideLengths(TestData.Path("gaitmap-foot-mocap", "data", "position_sample.csv"))
            .Where(l => l.Foot == BodySide.Left).Sum(l => l.LengthMeters);
        var fullCopies = Enumerable.Range(0, copies).Count(c => (c + 1) * copySeconds <= end);
        result.SensorDistanceMeters!.Value.ShouldBeGreaterThan(fullCopies * referencePerCopy);
        result.SensorDistanceMeters.Value.ShouldBeLessThan((fullCopies + 1) * (referencePerCopy + 2.8));

        // The same walk repeated: the walker does not slow down.
        result.DeclineMeasure.ShouldBe("speed");
        // One foot recorded: each of its strides holds one step of the other foot, so the step count covers both feet
        // (left-foot contacts alone would give half). Truth per copy: the reference contacts of both feet plus the three
        // it does not list (the merged turning step and each foot's last step into standstill); the partial last copy
        // adds its listed contacts before the end of the six minutes.
        var contacts = events.SelectMany(e => new[] { (e.Foot, e.PreviousInitialContactSeconds), (e.Foot, e.InitialContactSeconds) }).Distinct().Select(x => x.Item2).ToList();
        var trueSteps = (fullCopies * (contacts.Count + 3)) + contacts.Count(t => (fullCopies * copySeconds) + t <= end);
        ((double)result.Steps).ShouldBe(trueSteps, trueSteps * 0.03);
        result.Minutes.Sum(m => m.DistanceMeters!.Value).ShouldBe(result.SensorDistanceMeters!.Value, 1e-6);
        result.Minutes.ShouldAllBe(m => m.SpeedMetersPerSecond > 0.9 && m.SpeedMetersPerSecond < 1.25);

        // Minute speeds include the standing pauses between copies, which fall unevenly into the minutes (speed
        // alternates ≈ 1.09 / 0.97 m/s), so the first-to-last decline of this stitched walk is not a test of the method;
        // the synthetic walks above test the decline.
        result.DeclineMeasure.ShouldBe("speed");
    }
}
