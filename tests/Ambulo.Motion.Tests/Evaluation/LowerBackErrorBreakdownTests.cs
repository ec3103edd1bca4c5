using System.Globalization;
using Ambulo.Motion.Evaluation;
using Ambulo.Motion.Evaluation.References;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings.Importers;
using CsCheck;

namespace Ambulo.Motion.Tests.Evaluation;

public class LowerBackErrorBreakdownTests
{
    private const double Tolerance = 0.25;

    private static LowerBackErrorBreakdown Classify(double[] detected, double[] reference, (double, double)[] referenceBouts, (double, double)[] otherBouts, (double, double)[] detectedBouts) =>
        LowerBackErrorBreakdown.Classify(detected, reference, GaitEventMatching.Pairs(detected, reference, Tolerance), referenceBouts, otherBouts, detectedBouts, Tolerance);

    [Fact]
    public void Classify_ConstructedWalk_EachUnpairedEventGetsTheKindOfWhereItLies()
    {
        // Reference bouts 10–14 s (contacts every second) and 40–43 s; the other reference system also walked at 20–23 s.
        double[] reference = [10, 11, 12, 13, 14, 40, 41, 42, 43];
        double[] detected = [9.70, 10.05, 11.0, 11.2, 12.55, 13.0, 14.2, 21.0, 30.0];
        (double, double)[] referenceBouts = [(10, 14), (40, 43)];
        (double, double)[] otherBouts = [(20, 23)];
        (double, double)[] detectedBouts = [(9.70, 14.2), (21.0, 30.0)];

        var errors = Classify(detected, reference, referenceBouts, otherBouts, detectedBouts);

        errors.Extras.ShouldBe([
            (0, ExtraContactKind.OutsideReferenceBouts), // 0.30 s before the bout: beyond the margin, even though a contact is 0.30 s away
            (3, ExtraContactKind.SecondAtReferenceContact), // 11.2: within 0.25 s of 11, which 11.0 took
            (4, ExtraContactKind.FarFromReferenceContacts), // 12.55: 0.45 s from 13, 0.55 s from 12
            (7, ExtraContactKind.OtherSystemWalk),
            (8, ExtraContactKind.OutsideReferenceBouts),
        ]);
        errors.Missed.ShouldBe([
            (2, MissedContactKind.InsideDetectedBout),
            (5, MissedContactKind.NoDetectedBout),
            (6, MissedContactKind.NoDetectedBout),
            (7, MissedContactKind.NoDetectedBout),
            (8, MissedContactKind.NoDetectedBout),
        ]);
    }

    [Fact]
    public void Classify_RandomEventsAndBouts_KindsAddUpToTheScoreAndInsideBoutsLeavesOnlyTheInBoutExtras()
    {
        var times = Gen.Double[0, 60].Array[0, 40];
        var spans = Gen.Select(Gen.Double[0, 60], Gen.Double[0, 8]).Select((s, d) => (s, s + d)).Array[0, 5];
        Gen.Select(times, times, spans, spans).Sample((detected, contacts, otherBouts, detectedBouts) =>
        {
            Array.Sort(contacts);
            // Reference bouts made the way the reference makes them: contacts no more than 2 s apart form one bout.
            var referenceBouts = new List<(double, double)>();
            for (var k = 0; k < contacts.Length; k++)
            {
                if (k == 0 || contacts[k] - contacts[k - 1] > 2)
                {
                    referenceBouts.Add((contacts[k], contacts[k]));
                }

                referenceBouts[^1] = (referenceBouts[^1].Item1, contacts[k]);
            }

            var score = GaitEventMatching.Match(detected, contacts, Tolerance);
            var errors = Classify(detected, contacts, [.. referenceBouts], otherBouts, detectedBouts);
            var inside = GaitEventMatching.Match([.. detected.Where(t => LowerBackErrorBreakdown.Holds(referenceBouts, t, Tolerance))], contacts, Tolerance);

            errors.Extras.Count.ShouldBe(score.FalsePositives);
            errors.Missed.Count.ShouldBe(score.FalseNegatives);
            Enum.GetValues<ExtraContactKind>().Sum(errors.ExtraCount).ShouldBe(score.FalsePositives);
            Enum.GetValues<MissedContactKind>().Sum(errors.MissedCount).ShouldBe(score.FalseNegatives);
            inside.TruePositives.ShouldBe(score.TruePositives);
            inside.FalsePositives.ShouldBe(errors.ExtraCount(ExtraContactKind.FarFromReferenceContacts) + errors.ExtraCount(ExtraContactKind.SecondAtReferenceContact));
        });
    }

    [Fact]
    public void ValidateLowerBack_MobgapDailyActivities_SplitAddsUpToTheWholeRecordingScore()
    {
        var trial = new MobgapTrial("MS", "001", "Test11", "Trial1");
        var set = MobgapReference.ReadDerived(TestData.Path("mobgap-lowerback", "derived"));
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;
        var contacts = set.InitialContactsOf(trial, MobgapReferenceSystem.Indip).Select(e => new InitialContact(e.TimeSeconds, e.Side)).OrderBy(c => c.TimeSeconds).ToList();
        var bouts = set.BoutsOf(trial, MobgapReferenceSystem.Indip).Select(b => new ReferenceBout(b.StartSeconds, b.EndSeconds, b.CadenceStepsPerMinute!.Value, b.WalkingSpeedMetersPerSecond)).ToList();
        var other = set.BoutsOf(trial, MobgapReferenceSystem.Stereophoto).Select(b => new ReferenceBout(b.StartSeconds, b.EndSeconds, b.CadenceStepsPerMinute ?? double.NaN, null)).ToList();

        var v = GaitValidation.ValidateLowerBack(recording, contacts, bouts, Tolerance, LowerBackGaitOptions.SlowOrImpaired, other);

        v.InitialContacts.FalsePositives.ShouldBeGreaterThan(0);
        v.InitialContacts.FalseNegatives.ShouldBeGreaterThan(0);
        Enum.GetValues<ExtraContactKind>().Sum(v.Errors.ExtraCount).ShouldBe(v.InitialContacts.FalsePositives);
        Enum.GetValues<MissedContactKind>().Sum(v.Errors.MissedCount).ShouldBe(v.InitialContacts.FalseNegatives);
        v.InsideReferenceBouts.TruePositives.ShouldBe(v.InitialContacts.TruePositives);
        v.InsideReferenceBouts.FalsePositives.ShouldBe(v.Errors.ExtraCount(ExtraContactKind.FarFromReferenceContacts) + v.Errors.ExtraCount(ExtraContactKind.SecondAtReferenceContact));
        v.ReferenceContactCadences.Count.ShouldBe(bouts.Count);
    }

    [Fact]
    public void ValidateLowerBack_StraightWalkReferenceContacts_ScoreTheReferenceCadenceExactly()
    {
        // A straight walk's INDIP bout holds only complete strides, and its cadence is the mean of their 120 / stride time:
        // the reference's own contacts through our per-bout scoring must give it back (the cadence floor is zero there).
        var trial = new MobgapTrial("HA", "001", "Test5", "Trial1");
        var set = MobgapReference.ReadDerived(TestData.Path("mobgap-lowerback", "derived"));
        var recording = MobgapImporter.Import(trial.CsvPath(TestData.Path("mobgap-lowerback", "data_csv"))).Recording;
        var contacts = set.InitialContactsOf(trial, MobgapReferenceSystem.Indip).Select(e => new InitialContact(e.TimeSeconds, e.Side)).OrderBy(c => c.TimeSeconds).ToList();
        var bout = set.BoutsOf(trial, MobgapReferenceSystem.Indip).Single();
        var reference = new ReferenceBout(bout.StartSeconds, bout.EndSeconds, bout.CadenceStepsPerMinute!.Value, bout.WalkingSpeedMetersPerSecond);
        var height = double.Parse(recording.Metadata.Label("sensor_height_m")!, CultureInfo.InvariantCulture);

        var v = GaitValidation.ValidateLowerBack(recording, contacts, [reference], Tolerance, LowerBackGaitOptions.SlowOrImpaired with { SensorHeightMeters = height });

        v.ReferenceContactCadences.Single()!.Value.ShouldBe(reference.CadenceStepsPerMinute, 0.01);
        v.Errors.Extras.ShouldBeEmpty();
    }

    [Fact]
    public void CadenceInBout_ContactsBeyondTheMarginOrAcrossAPause_AreNotCounted()
    {
        var bout = new ReferenceBout(10, 14, double.NaN, null);

        // 9.6 and 14.6 lie more than 0.25 s outside the bout; 11.0 → 13.5 is a 2.5 s pause (longer than the 2 s longest step).
        var cadence = GaitValidation.CadenceInBout([9.6, 10.0, 10.5, 11.0, 13.5, 14.2, 14.6], bout, Tolerance, maximumStepSeconds: 2.0);

        // Only the stride 10.0 → 11.0 remains: 120 / 1.0 s. Counting 9.6 would add 133.3, 14.6 would add 109.1, the pause 40.
        cadence.ShouldBe(120.0);
    }
}
