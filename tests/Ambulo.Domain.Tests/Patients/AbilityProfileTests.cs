using Ambulo.Domain.Patients;

namespace Ambulo.Domain.Tests.Patients;

public class AbilityProfileTests
{
    [Fact]
    public void Validate_GoodProfile_NoErrors() =>
        ProfileGen.CommunityWalker().Validate().ShouldBeEmpty();

    [Fact]
    public void Validate_SeveralBadFields_NamesEach()
    {
        var profile = ProfileGen.CommunityWalker() with
        {
            MotorGrades = new MotorGrades(6, 4, 4, -2),
            FunctionalAmbulationCategory = -1,
            WalkingAid = (WalkingAid)42,
            MinutesAvailablePerDay = 1000,
        };

        var fields = profile.Validate().Select(e => e.Field).ToArray();

        fields.ShouldBe(
            [ProfileFields.WalkingAid, ProfileFields.HipFlexion, ProfileFields.AnkleDorsiflexion, ProfileFields.Fac, ProfileFields.MinutesPerDay],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(3, 1)]
    public void MotorGrades_Lowest_IsTheMinimum(int high, int low) =>
        new MotorGrades(high, high, low, high).Lowest.ShouldBe(low);
}
