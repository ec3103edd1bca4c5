using Ambulo.Domain.Patients;
using CsCheck;

namespace Ambulo.Domain.Tests.Patients;

public class AbilityProfileJsonTests
{
    private const string Valid = """
        {
          "affected_side": "left",
          "presentation": "hemiparesis",
          "motor_grades": { "hip_flexion": 3, "hip_extension": 3, "knee_extension": 4, "ankle_dorsiflexion": 2 },
          "sitting_balance": "independent",
          "standing_balance": "with-support",
          "fac": 3,
          "walking_aid": "single-point-cane",
          "flags": { "hemineglect": false, "visual_field_loss": true, "aphasia": false,
                     "orthostatic_hypotension": false, "fall_in_last_3_months": true, "cardiac_precautions": false },
          "fatigue_level": 3,
          "minutes_per_day": 30
        }
        """;

    [Fact]
    public void Read_ValidProfile_AllFieldsRead()
    {
        var result = AbilityProfileJson.Read(Valid);

        result.Errors.ShouldBeEmpty();
        var p = result.Profile.ShouldNotBeNull();
        p.AffectedSide.ShouldBe(AffectedSide.Left);
        p.MotorGrades.ShouldBe(new MotorGrades(3, 3, 4, 2));
        p.StandingBalance.ShouldBe(StandingBalance.WithSupport);
        p.WalkingAid.ShouldBe(WalkingAid.SinglePointCane);
        p.Flags.VisualFieldLoss.ShouldBeTrue();
        p.Flags.FallInLast3Months.ShouldBeTrue();
        p.Flags.Hemineglect.ShouldBeFalse();
        p.MinutesAvailablePerDay.ShouldBe(30);
        p.ClinicianClearance.ShouldBeFalse();
    }

    [Theory]
    [InlineData("\"fac\": 3", "\"fac\": 6", "fac")]
    [InlineData("\"fac\": 3", "\"fac\": \"three\"", "fac")]
    [InlineData("\"fac\": 3,", "", "fac")]
    [InlineData("\"hip_flexion\": 3", "\"hip_flexion\": -1", "motor_grades.hip_flexion")]
    [InlineData("\"ankle_dorsiflexion\": 2", "\"ankle_dorsiflexion\": 2.5", "motor_grades.ankle_dorsiflexion")]
    [InlineData("\"single-point-cane\"", "\"walking-stick\"", "walking_aid")]
    [InlineData("\"with-support\"", "\"WithSupport\"", "standing_balance")]
    [InlineData("\"aphasia\": false", "\"aphasia\": \"no\"", "flags.aphasia")]
    [InlineData("\"aphasia\": false,", "", "flags.aphasia")]
    [InlineData("\"minutes_per_day\": 30", "\"minutes_per_day\": 0", "minutes_per_day")]
    [InlineData("\"fatigue_level\": 3", "\"fatigue_level\": 11", "fatigue_level")]
    [InlineData("\"fatigue_level\": 3", "\"fatigue_level\": 3, \"favourite_colour\": \"red\"", "favourite_colour")]
    [InlineData("\"presentation\": \"hemiparesis\"", "\"presentation\": null", "presentation")]
    public void Read_BadField_ErrorNamesTheField(string find, string replace, string field)
    {
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);
        json.ShouldNotBe(Valid);

        var result = AbilityProfileJson.Read(json);

        result.IsValid.ShouldBeFalse();
        result.Profile.ShouldBeNull();
        result.Errors.Select(e => e.Field).ShouldContain(field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ \"fac\": ")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    public void Read_NotAProfileObject_DocumentError(string json)
    {
        var result = AbilityProfileJson.Read(json);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("(document)");
    }

    [Fact]
    public void WriteThenRead_AnyValidProfile_RoundTrips()
    {
        ProfileGen.Profile.Sample(
            profile =>
            {
                var back = AbilityProfileJson.Read(AbilityProfileJson.Write(profile));
                back.Errors.ShouldBeEmpty();
                back.Profile.ShouldBe(profile);
            },
            iter: 1_000);
    }
}
