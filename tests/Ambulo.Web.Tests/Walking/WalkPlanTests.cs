using Ambulo.Domain.Patients;
using Ambulo.Motion.Gait;
using Ambulo.Web.Features.Home;
using Ambulo.Web.Features.Walking;

namespace Ambulo.Web.Tests.Walking;

public class WalkPlanTests
{
    internal static AbilityProfile Profile(int fac, WalkingAid aid, StandingBalance standing = StandingBalance.Independent, bool clearance = true,
        int grade = 4, ProfileFlags? flags = null) => new()
    {
        AffectedSide = AffectedSide.Right,
        Presentation = Presentation.Hemiparesis,
        MotorGrades = new MotorGrades(grade, grade, grade, grade),
        SittingBalance = SittingBalance.Independent,
        StandingBalance = standing,
        FunctionalAmbulationCategory = fac,
        WalkingAid = aid,
        Flags = flags ?? new ProfileFlags(),
        FatigueLevel = 2,
        MinutesAvailablePerDay = 30,
        ClinicianClearance = clearance,
    };

    [Fact]
    public void For_DemoPatientWithFac2_DoesNotAllowWalking()
    {
        var demo = AbilityProfileJson.Read(DemoPatientSeeder.DemoProfileJson).Profile;

        WalkPlan.For(demo).Permission.ShouldBe(WalkPermission.NotAllowed);
    }

    [Fact]
    public void For_NoOrInvalidProfile_DoesNotAllowWalking()
    {
        WalkPlan.For(null).CanWalk.ShouldBeFalse();
        WalkPlan.For(Profile(fac: 9, WalkingAid.None)).CanWalk.ShouldBeFalse();
    }

    [Fact]
    public void For_Fac3WithCane_WalksWithCarerCountedAsHemiparetic()
    {
        var plan = WalkPlan.For(Profile(fac: 3, WalkingAid.SinglePointCane, StandingBalance.WithSupport));

        plan.Permission.ShouldBe(WalkPermission.WithCarer);
        plan.NeedsCarer.ShouldBeTrue();
        plan.Counter.ShouldBe(StepCounterOptions.Hemiparetic);
        plan.CounterPreset.ShouldBe(WalkPlan.HemipareticPreset);
    }

    [Fact]
    public void For_IndependentWalkerWithClearance_WalksAloneCountedAsSlowOrImpaired()
    {
        var plan = WalkPlan.For(Profile(fac: 5, WalkingAid.None));

        plan.Permission.ShouldBe(WalkPermission.Alone);
        plan.Counter.ShouldBe(StepCounterOptions.SlowOrImpaired);
    }

    [Fact]
    public void For_IndependentWalkerWithNeglectOrNoClearance_NeedsACarer()
    {
        WalkPlan.For(Profile(fac: 5, WalkingAid.None, flags: new ProfileFlags { Hemineglect = true })).Permission.ShouldBe(WalkPermission.WithCarer);
        WalkPlan.For(Profile(fac: 5, WalkingAid.None, clearance: false)).Permission.ShouldBe(WalkPermission.WithCarer);
    }

    [Fact]
    public void For_AnyProfile_NeverCountsWithTheHealthyPreset()
    {
        foreach (var fac in Enumerable.Range(0, 6))
        {
            foreach (var aid in Enum.GetValues<WalkingAid>())
            {
                foreach (var grade in new[] { 1, 3, 5 })
                {
                    var plan = WalkPlan.For(Profile(fac, aid, grade: grade));
                    plan.Counter.ShouldNotBe(StepCounterOptions.Healthy, $"FAC {fac}, {aid}, grade {grade}");
                    plan.Counter.MinimumPeakMps2.ShouldBeLessThan(StepCounterOptions.Healthy.MinimumPeakMps2);
                }
            }
        }
    }
}
