using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;
using CsCheck;

namespace Ambulo.Domain.Tests.Programs;

public class WalkingAidProgressionTests
{
    private static readonly DateOnly Today = new(2026, 4, 20);

    private static WeeklyWalkingCheck Check(int daysAgo, int fac, WalkingAid aid, double? speed, bool fall = false) => new()
    {
        Date = Today.AddDays(-daysAgo),
        Fac = fac,
        AidUsed = aid,
        ComfortableGaitSpeedMetersPerSecond = speed,
        FallOrNearFall = fall,
    };

    [Fact]
    public void Suggest_TwoGoodWeeksWithQuadCane_SuggestsSingleCaneForTherapistApproval()
    {
        var suggestion = WalkingAidProgression.Suggest(
            WalkingAid.QuadCane,
            [Check(9, 4, WalkingAid.QuadCane, 0.55), Check(2, 4, WalkingAid.QuadCane, 0.60)],
            Today);

        suggestion.Suggested.ShouldBe(WalkingAid.SinglePointCane);
        suggestion.TherapistMustApprove.ShouldBeTrue();
        suggestion.Reasons.ShouldContain(WalkingAidSuggestion.ApprovalNote);
    }

    [Fact]
    public void Suggest_OnlyOneWeekAtFac4_NoSuggestion()
    {
        var suggestion = WalkingAidProgression.Suggest(
            WalkingAid.QuadCane,
            [Check(9, 3, WalkingAid.QuadCane, 0.55), Check(2, 4, WalkingAid.QuadCane, 0.60)],
            Today);

        suggestion.Suggested.ShouldBeNull();
    }

    [Fact]
    public void Suggest_SpeedDroppedBeyondMdc_NoSuggestion()
    {
        var suggestion = WalkingAidProgression.Suggest(
            WalkingAid.FrontWheeledWalker,
            [Check(9, 4, WalkingAid.FrontWheeledWalker, 0.70), Check(2, 4, WalkingAid.FrontWheeledWalker, 0.50)],
            Today);

        suggestion.Suggested.ShouldBeNull();
    }

    [Fact]
    public void Suggest_RecentNearFall_SuggestsMoreSupportiveAid()
    {
        var suggestion = WalkingAidProgression.Suggest(
            WalkingAid.SinglePointCane,
            [Check(9, 4, WalkingAid.SinglePointCane, 0.70), Check(2, 4, WalkingAid.SinglePointCane, 0.72, fall: true)],
            Today);

        suggestion.Suggested.ShouldBe(WalkingAid.QuadCane);
        suggestion.TherapistMustApprove.ShouldBeTrue();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.5)]
    [InlineData(60.0)]
    public void Suggest_BadSpeed_NoSuggestion(double badSpeed)
    {
        var suggestion = WalkingAidProgression.Suggest(
            WalkingAid.QuadCane,
            [Check(9, 4, WalkingAid.QuadCane, 0.55), Check(2, 4, WalkingAid.QuadCane, badSpeed)],
            Today);

        suggestion.Suggested.ShouldBeNull();
        suggestion.Reasons.ShouldContain(r => r.Contains("valid", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_Wheelchair_NoSuggestion() =>
        WalkingAidProgression.Suggest(WalkingAid.Wheelchair, [Check(9, 4, WalkingAid.Wheelchair, 0.5), Check(2, 4, WalkingAid.Wheelchair, 0.5)], Today)
            .Suggested.ShouldBeNull();

    [Fact]
    public void Suggest_AnyChecks_AtMostOneRungAndAlwaysNeedsApproval()
    {
        var aids = WalkingAidProgression.Ladder.Append(WalkingAid.Wheelchair).ToArray();
        var check = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 5], Gen.Int[0, aids.Length - 1], Gen.Double[0.1, 1.5], Gen.Int[0, 5],
            (daysAgo, fac, aid, speed, fallDie) => Check(daysAgo, fac, aids[aid], speed, fallDie == 0));
        Gen.Select(Gen.Int[0, aids.Length - 1], check.Array[0, 6]).Sample((aidIndex, checks) =>
        {
            var current = aids[aidIndex];
            var suggestion = WalkingAidProgression.Suggest(current, checks, Today);
            suggestion.TherapistMustApprove.ShouldBeTrue();
            if (suggestion.Suggested is { } suggested)
            {
                var ladder = WalkingAidProgression.Ladder.ToList();
                Math.Abs(ladder.IndexOf(suggested) - ladder.IndexOf(current)).ShouldBe(1);
                suggestion.Reasons.ShouldContain(WalkingAidSuggestion.ApprovalNote);
                if (ladder.IndexOf(suggested) > ladder.IndexOf(current))
                {
                    checks.Where(c => c.Date > Today.AddDays(-28)).ShouldNotContain(c => c.FallOrNearFall);
                }
            }
        }, iter: 2_000);
    }
}
