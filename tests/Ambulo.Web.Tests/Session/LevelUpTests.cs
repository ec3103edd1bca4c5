using Ambulo.Web.Features.Session;

namespace Ambulo.Web.Tests.Session;

public sealed class LevelUpTests
{
    [Fact]
    public void Describe_MoreRepetitions_SaysHowManyNowAndBefore()
    {
        var text = LevelUp.Describe("Active", 2, 10, "Active", 2, 12);

        text.ShouldNotBeNull().ShouldStartWith("Level up!");
        text.ShouldContain("12 repetitions");
        text.ShouldContain("last time 10");
    }

    [Fact]
    public void Describe_OneMoreSetWithFewerRepetitions_IsALevelUpForTheSets()
    {
        var text = LevelUp.Describe("Active", 2, 15, "Active", 3, 10);

        text.ShouldNotBeNull().ShouldContain("3 sets");
    }

    [Fact]
    public void Describe_HarderMode_NamesTheNewModeInPlainWords()
    {
        var text = LevelUp.Describe("ActiveAssisted", 3, 15, "Active", 1, 10);

        text.ShouldNotBeNull().ShouldContain(ModeWording.For("Active"));
    }

    [Theory]
    [InlineData("Active", 2, 10, "Active", 2, 10)]
    [InlineData("Active", 2, 12, "Active", 2, 10)]
    [InlineData("Active", 2, 10, "Active", 1, 10)]
    [InlineData("Active", 1, 10, "ActiveAssisted", 3, 15)]
    [InlineData("Resisted", 2, 10, "unknown-mode", 3, 15)]
    public void Describe_SameOrEasierOrUnknown_NoLevelUp(string beforeMode, int beforeSets, int beforeReps, string mode, int sets, int reps) =>
        LevelUp.Describe(beforeMode, beforeSets, beforeReps, mode, sets, reps).ShouldBeNull();

    [Theory]
    [InlineData("Active", 2, 12, "Active", 2, 10, "10 repetitions")]
    [InlineData("Active", 3, 10, "Active", 2, 10, "2 sets")]
    [InlineData("Active", 2, 10, "Active", 1, 10, "1 set ")]
    [InlineData("Active", 1, 10, "ActiveAssisted", 1, 10, "with a little help")]
    public void DescribeEasier_OneStepDown_SaysWhatChangedWithoutBlame(string beforeMode, int beforeSets, int beforeReps, string mode, int sets, int reps, string names)
    {
        var text = LevelUp.DescribeEasier(beforeMode, beforeSets, beforeReps, mode, sets, reps);

        text.ShouldNotBeNull().ShouldStartWith("Easier today:");
        text.ShouldContain(names);
        LevelUp.Describe(beforeMode, beforeSets, beforeReps, mode, sets, reps).ShouldBeNull();
    }

    [Theory]
    [InlineData("Active", 2, 10, "Active", 2, 10)]
    [InlineData("Active", 2, 10, "Active", 2, 12)]
    [InlineData("ActiveAssisted", 1, 10, "Active", 1, 10)]
    [InlineData("Resisted", 2, 10, "unknown-mode", 1, 5)]
    public void DescribeEasier_SameHarderOrUnknown_NoLine(string beforeMode, int beforeSets, int beforeReps, string mode, int sets, int reps) =>
        LevelUp.DescribeEasier(beforeMode, beforeSets, beforeReps, mode, sets, reps).ShouldBeNull();
}
