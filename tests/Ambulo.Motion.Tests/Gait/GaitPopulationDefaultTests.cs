using Ambulo.Motion.Gait;

namespace Ambulo.Motion.Tests.Gait;

/// <summary>
/// An uninitialised <see cref="GaitPopulation"/> means what the library's default options mean: the conservative
/// <see cref="GaitPopulation.SlowOrImpaired"/> presets. Before, its zero value was <see cref="GaitPopulation.Healthy"/>.
/// </summary>
public class GaitPopulationDefaultTests
{
    private sealed class Settings
    {
        public GaitPopulation Population { get; set; }
    }

    [Fact]
    public void Default_GaitPopulation_IsTheDefaultOptionsPopulation()
    {
        default(GaitPopulation).ShouldBe(new GaitAnalysisOptions().Population);
        default(GaitPopulation).ShouldBe(GaitPopulation.SlowOrImpaired);
        new Settings().Population.ShouldBe(GaitPopulation.SlowOrImpaired);
    }

    [Fact]
    public void Options_UninitialisedPopulation_GivesTheSlowPresetsOfEveryDetector()
    {
        var options = new GaitAnalysisOptions(new Settings().Population);

        options.Foot.ShouldBe(FootStrideOptions.SlowOrImpaired);
        options.LowerBack.ShouldBe(LowerBackGaitOptions.SlowOrImpaired);
        options.Steps.ShouldBe(StepCounterOptions.SlowOrImpaired);
        ShankGaitOptions.For(options.Population).ShouldBe(ShankGaitOptions.SlowOrImpaired);
    }

    [Theory]
    [InlineData(GaitPopulation.Healthy)]
    [InlineData(GaitPopulation.SlowOrImpaired)]
    [InlineData(GaitPopulation.Hemiparetic)]
    public void Options_EachNamedPopulation_GivesItsOwnPresets(GaitPopulation population)
    {
        var options = new GaitAnalysisOptions(population);

        options.Foot.ShouldBe(population switch
        {
            GaitPopulation.Healthy => FootStrideOptions.Healthy,
            GaitPopulation.Hemiparetic => FootStrideOptions.Hemiparetic,
            _ => FootStrideOptions.SlowOrImpaired,
        });
        options.Steps.ShouldBe(population switch
        {
            GaitPopulation.Healthy => StepCounterOptions.Healthy,
            GaitPopulation.Hemiparetic => StepCounterOptions.Hemiparetic,
            _ => StepCounterOptions.SlowOrImpaired,
        });
        options.LowerBack.ShouldBe(population switch
        {
            GaitPopulation.Healthy => LowerBackGaitOptions.Healthy,
            GaitPopulation.Hemiparetic => LowerBackGaitOptions.Hemiparetic,
            _ => LowerBackGaitOptions.SlowOrImpaired,
        });
    }

    [Fact]
    public void Options_PopulationOutsideTheEnum_GivesTheSlowPresets()
    {
        var options = new GaitAnalysisOptions((GaitPopulation)7);

        options.Foot.ShouldBe(FootStrideOptions.SlowOrImpaired);
        options.LowerBack.ShouldBe(LowerBackGaitOptions.SlowOrImpaired);
        options.Steps.ShouldBe(StepCounterOptions.SlowOrImpaired);
    }
}
