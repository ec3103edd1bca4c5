using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Exercises;

public class ExerciseCatalogueTests
{
    private static readonly ExerciseCatalogue Catalogue = ExerciseCatalogue.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_ShippedFiles_LoadsWithoutErrors()
    {
        var catalogue = ExerciseCatalogue.LoadEmbedded();

        catalogue.Count.ShouldBeGreaterThan(0);
        catalogue.All.Select(e => e.Id).ShouldBeUnique();
    }

    [Fact]
    public void LoadEmbedded_Counts_MeetTheCatalogueMinimums()
    {
        Catalogue.Count.ShouldBeGreaterThanOrEqualTo(36);
        Catalogue.InCategory(ExerciseCategory.Leg).Count.ShouldBeGreaterThanOrEqualTo(12);
        Catalogue.InCategory(ExerciseCategory.CoreBalance).Count.ShouldBeGreaterThanOrEqualTo(10);
        Catalogue.InCategory(ExerciseCategory.FootAnkle).Count.ShouldBeGreaterThanOrEqualTo(8);
        Catalogue.InCategory(ExerciseCategory.Walking).Count.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void All_ReferenceItems_AreUniqueAndMatchTheCategoryTable()
    {
        Catalogue.All.Select(e => e.ReferenceItem).ShouldBeUnique();
        foreach (var exercise in Catalogue.All)
        {
            var expectedLetter = exercise.Category switch
            {
                ExerciseCategory.Leg => 'L',
                ExerciseCategory.CoreBalance => 'C',
                ExerciseCategory.FootAnkle => 'F',
                _ => 'W',
            };
            exercise.ReferenceItem[0].ShouldBe(expectedLetter, exercise.Id);
        }
    }

    [Fact]
    public void All_WalkingPositionExercises_RequireTheWalkingGate()
    {
        Catalogue.All.Where(e => e.Position == StartingPosition.Walking)
            .ShouldAllBe(e => e.Prerequisites.Contains(Prerequisite.Walking));
    }

    [Fact]
    public void All_SensorDescriptions_AndTextFields_AreNotEmpty()
    {
        foreach (var exercise in Catalogue.All)
        {
            exercise.Name.ShouldNotBeNullOrWhiteSpace();
            exercise.Sensor.Description.ShouldNotBeNullOrWhiteSpace(exercise.Id);
            exercise.Movement.Joint.ShouldNotBeNullOrWhiteSpace(exercise.Id);
            exercise.DefaultDose.Sets.ShouldBeInRange(1, 10, exercise.Id);
            exercise.DefaultDose.Repetitions.ShouldBeInRange(1, 100, exercise.Id);
        }
    }

    [Theory]
    [InlineData("seated-marching", ExerciseCategory.Leg)]
    [InlineData("leg-rotation", ExerciseCategory.CoreBalance)]
    [InlineData("ankle-dorsiflexion", ExerciseCategory.FootAnkle)]
    public void Find_MandatoryId_ExistsInItsCategory(string id, ExerciseCategory category)
    {
        var exercise = Catalogue.Find(id);

        exercise.ShouldNotBeNull();
        exercise.Category.ShouldBe(category);
        Catalogue.InCategory(category).ShouldContain(exercise);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        Catalogue.Find("no-such-exercise").ShouldBeNull();
        Should.Throw<KeyNotFoundException>(() => Catalogue.Get("no-such-exercise")).Message.ShouldContain("no-such-exercise");
    }

    [Fact]
    public void InCategory_EachCategory_ReturnsOnlyThatCategoryAndCoversAll()
    {
        var total = 0;
        foreach (var category in Enum.GetValues<ExerciseCategory>())
        {
            var inCategory = Catalogue.InCategory(category);
            inCategory.ShouldAllBe(e => e.Category == category);
            total += inCategory.Count;
        }

        total.ShouldBe(Catalogue.Count);
    }

    [Fact]
    public void All_EveryExercise_HasStepsForEachModeAndASource()
    {
        foreach (var exercise in Catalogue.All)
        {
            exercise.Modes.ShouldNotBeEmpty(exercise.Id);
            foreach (var (mode, instructions) in exercise.Modes)
            {
                instructions.Steps.ShouldNotBeEmpty($"{exercise.Id} {mode}");
                instructions.Steps.ShouldAllBe(s => !string.IsNullOrWhiteSpace(s));
            }

            exercise.Sources.ShouldNotBeEmpty(exercise.Id);
            exercise.Summary.ShouldNotBeNullOrWhiteSpace(exercise.Id);
        }
    }

    [Fact]
    public void All_StandingOrWalkingExercises_RequireAStandingOrWalkingGate()
    {
        var upright = Catalogue.All.Where(e => e.Position is StartingPosition.Standing or StartingPosition.Walking);

        upright.ShouldAllBe(e => e.Prerequisites.Any(p => p == Prerequisite.StandingWithSupport || p == Prerequisite.IndependentStanding || p == Prerequisite.Walking));
    }

    [Fact]
    public void All_PassiveModes_NeedAHelperOrTheStrongerSide()
    {
        // A passive movement is made by someone or something else: the steps must say so.
        foreach (var exercise in Catalogue.All.Where(e => e.Modes.ContainsKey(ExerciseMode.Passive)))
        {
            var passive = exercise.Modes[ExerciseMode.Passive];
            var selfAssisted = passive.Steps.Any(s => s.Contains("stronger", StringComparison.OrdinalIgnoreCase) || s.Contains("strap", StringComparison.OrdinalIgnoreCase) || s.Contains("towel", StringComparison.OrdinalIgnoreCase));
            (passive.RequiresHelper || selfAssisted).ShouldBeTrue(exercise.Id);
        }
    }

    [Fact]
    public void All_Ranges_AreOrdered()
    {
        foreach (var exercise in Catalogue.All)
        {
            if (exercise.Movement.TypicalRangeMinDegrees is { } min && exercise.Movement.TypicalRangeMaxDegrees is { } max)
            {
                min.ShouldBeLessThanOrEqualTo(max, exercise.Id);
            }

            if (exercise.Sensor.ExpectedExcursionMinDegrees is { } smin && exercise.Sensor.ExpectedExcursionMaxDegrees is { } smax)
            {
                smin.ShouldBeLessThanOrEqualTo(smax, exercise.Id);
            }
        }
    }

    [Fact]
    public void Default_CalledTwice_ReturnsTheSameLoadedCatalogue()
    {
        ExerciseCatalogue.Default.ShouldBeSameAs(ExerciseCatalogue.Default);
        ExerciseCatalogue.Default.Count.ShouldBe(Catalogue.Count);
    }

    [Fact]
    public void All_Order_IsByCategoryThenReferenceRow()
    {
        var keys = Catalogue.All.Select(e => ((int)e.Category, int.Parse(e.ReferenceItem[1..], System.Globalization.CultureInfo.InvariantCulture))).ToList();

        keys.ShouldBe(keys.Order().ToList());
    }
}
