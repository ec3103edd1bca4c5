using System.Text.Json.Nodes;
using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Exercises;

/// <summary>Feeds deliberately broken catalogue files to the loader and checks each problem is named by file and field.</summary>
public class CatalogueValidationTests
{
    private const string File = "test-march.json";

    /// <summary>A complete, valid exercise; each test breaks one thing.</summary>
    private static JsonObject ValidExercise(string id = "test-march") => new()
    {
        ["id"] = id,
        ["reference_item"] = "L1",
        ["name"] = "Test march",
        ["summary"] = "Lift the knee while sitting.",
        ["category"] = "leg",
        ["position"] = "seated",
        ["movement"] = new JsonObject
        {
            ["joint"] = "hip",
            ["plane"] = "sagittal",
            ["typical_range_min_degrees"] = 15,
            ["typical_range_max_degrees"] = 30,
            ["trained_muscle"] = "hip-flexion",
        },
        ["modes"] = new JsonObject
        {
            ["passive"] = new JsonObject { ["requires_helper"] = true, ["steps"] = new JsonArray("Helper lifts the knee.", "Helper lowers it.") },
            ["active"] = new JsonObject { ["steps"] = new JsonArray("Lift the knee.", "Lower it.") },
        },
        ["prerequisites"] = new JsonArray("independent-sitting"),
        ["helper"] = "not-required",
        ["default_dose"] = new JsonObject
        {
            ["sets"] = 2,
            ["repetitions"] = 10,
            ["tempo_seconds"] = 3,
            ["rest_between_sets_seconds"] = 60,
        },
        ["sensor"] = new JsonObject
        {
            ["placement"] = "thigh",
            ["signal"] = "pitch",
            ["direction"] = "increase",
            ["expected_excursion_min_degrees"] = 15,
            ["expected_excursion_max_degrees"] = 30,
            ["description"] = "Thigh pitch rises and falls.",
        },
        ["cautions"] = new JsonArray("Sit in a chair with armrests."),
        ["sources"] = new JsonArray("Clinical reference §4.1 L1."),
    };

    private static IReadOnlyList<CatalogueError> ErrorsOf(params CatalogueFile[] files) =>
        Should.Throw<CatalogueValidationException>(() => ExerciseCatalogue.Load(files)).Errors;

    private static IReadOnlyList<CatalogueError> ErrorsOf(JsonObject exercise) =>
        ErrorsOf(new CatalogueFile(File, exercise.ToJsonString()));

    private static void ShouldReport(IReadOnlyList<CatalogueError> errors, string file, string field, string messagePart)
    {
        errors.ShouldContain(
            e => e.File == file && e.Field == field && e.Message.Contains(messagePart, StringComparison.Ordinal),
            "got: " + string.Join(" | ", errors));
    }

    [Fact]
    public void Load_ValidFile_LoadsAllFields()
    {
        var catalogue = ExerciseCatalogue.Load([new CatalogueFile(File, ValidExercise().ToJsonString())]);

        var exercise = catalogue.Get("test-march");
        exercise.Category.ShouldBe(ExerciseCategory.Leg);
        exercise.Position.ShouldBe(StartingPosition.Seated);
        exercise.Movement.TrainedMuscle.ShouldBe(MuscleGroup.HipFlexion);
        exercise.Movement.TypicalRangeMaxDegrees.ShouldBe(30);
        exercise.Modes.Keys.ShouldBe([ExerciseMode.Passive, ExerciseMode.Active], ignoreOrder: true);
        exercise.Modes[ExerciseMode.Passive].RequiresHelper.ShouldBeTrue();
        exercise.Modes[ExerciseMode.Active].RequiresHelper.ShouldBeFalse();
        exercise.Prerequisites.ShouldBe([Prerequisite.IndependentSitting]);
        exercise.DefaultDose.Repetitions.ShouldBe(10);
        exercise.DefaultDose.HoldSeconds.ShouldBeNull();
        exercise.Sensor.Direction.ShouldBe(SignalDirection.Increase);
        exercise.Sensor.Bidirectional.ShouldBeFalse();
        exercise.MinimumFac.ShouldBeNull();
    }

    [Fact]
    public void Load_UnknownRootField_NamesFileAndField()
    {
        var exercise = ValidExercise();
        exercise["nmae"] = "typo";

        ShouldReport(ErrorsOf(exercise), File, "nmae", "not a known field");
    }

    [Fact]
    public void Load_UnknownNestedField_NamesFullPath()
    {
        var exercise = ValidExercise();
        exercise["default_dose"]!["reps"] = 12;
        exercise["modes"]!["active"]!["note"] = "x";

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "default_dose.reps", "not a known field");
        ShouldReport(errors, File, "modes.active.note", "not a known field");
    }

    [Fact]
    public void Load_DuplicateIdInTwoFiles_NamesBothFiles()
    {
        var errors = ErrorsOf(
            new CatalogueFile("test-march.json", ValidExercise().ToJsonString()),
            new CatalogueFile("copy.json", ValidExercise().ToJsonString()));

        ShouldReport(errors, "copy.json", "id", "already used by test-march.json");
    }

    [Theory]
    [InlineData("Seated_Marching")]
    [InlineData("seated--marching")]
    [InlineData("-seated")]
    [InlineData("seated marching")]
    public void Load_MalformedId_IsReported(string id)
    {
        ShouldReport(ErrorsOf(ValidExercise(id)), File, "id", "not a kebab-case id");
    }

    [Fact]
    public void Load_IdDifferentFromFileName_IsReported()
    {
        ShouldReport(ErrorsOf(ValidExercise("other-name")), File, "id", "does not match the file name");
    }

    [Fact]
    public void Load_MissingAndEmptyText_AreReported()
    {
        var exercise = ValidExercise();
        exercise.Remove("name");
        exercise["summary"] = "   ";
        exercise["sensor"]!["description"] = string.Empty;

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "name", "is missing");
        ShouldReport(errors, File, "summary", "must not be empty");
        ShouldReport(errors, File, "sensor.description", "must not be empty");
    }

    [Fact]
    public void Load_ModeWithoutSteps_IsReported()
    {
        var exercise = ValidExercise();
        exercise["modes"]!["active"]!["steps"] = new JsonArray();
        exercise["modes"]!["passive"] = new JsonObject { ["requires_helper"] = true };

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "modes.active.steps", "must not be empty");
        ShouldReport(errors, File, "modes.passive.steps", "is missing");
    }

    [Fact]
    public void Load_EmptyStep_NamesItsIndex()
    {
        var exercise = ValidExercise();
        exercise["modes"]!["active"]!["steps"] = new JsonArray("Lift the knee.", string.Empty);

        ShouldReport(ErrorsOf(exercise), File, "modes.active.steps[1]", "must not be empty");
    }

    [Fact]
    public void Load_UnknownModeOrNoMode_IsReported()
    {
        var unknown = ValidExercise();
        unknown["modes"]!["assisted"] = new JsonObject { ["steps"] = new JsonArray("x") };
        var none = ValidExercise();
        none["modes"] = new JsonObject();

        ShouldReport(ErrorsOf(unknown), File, "modes.assisted", "not a known field");
        ShouldReport(ErrorsOf(none), File, "modes", "at least one mode");
    }

    [Fact]
    public void Load_InvertedRanges_AreReported()
    {
        var exercise = ValidExercise();
        exercise["movement"]!["typical_range_min_degrees"] = 40;
        exercise["sensor"]!["expected_excursion_min_degrees"] = 45;

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "movement.typical_range_min_degrees", "inverted");
        ShouldReport(errors, File, "sensor.expected_excursion_min_degrees", "inverted");
    }

    [Fact]
    public void Load_RangeWithOneEnd_IsReported()
    {
        var exercise = ValidExercise();
        exercise["movement"]!.AsObject().Remove("typical_range_max_degrees");

        ShouldReport(ErrorsOf(exercise), File, "movement.typical_range_max_degrees", "give both");
    }

    [Theory]
    [InlineData("sets", 0)]
    [InlineData("sets", 50)]
    [InlineData("repetitions", 0)]
    [InlineData("repetitions", 1000)]
    [InlineData("tempo_seconds", -1)]
    [InlineData("rest_between_sets_seconds", -5)]
    [InlineData("hold_seconds", 0)]
    [InlineData("hold_seconds", 100000)]
    public void Load_ImpossibleDose_IsReported(string field, double value)
    {
        var exercise = ValidExercise();
        exercise["default_dose"]![field] = value;

        ShouldReport(ErrorsOf(exercise), File, "default_dose." + field, "must be between");
    }

    [Fact]
    public void Load_RepetitionThatTakesNoTime_IsReported()
    {
        var exercise = ValidExercise();
        exercise["default_dose"]!["tempo_seconds"] = 0;

        ShouldReport(ErrorsOf(exercise), File, "default_dose.tempo_seconds", "must take some time");
    }

    [Fact]
    public void Load_WalkingBoutWithHoldAndNoTempo_IsValid()
    {
        var exercise = ValidExercise();
        exercise["default_dose"]!["tempo_seconds"] = 0;
        exercise["default_dose"]!["hold_seconds"] = 600;

        ExerciseCatalogue.Load([new CatalogueFile(File, exercise.ToJsonString())]).Get("test-march").DefaultDose.HoldSeconds.ShouldBe(600);
    }

    [Fact]
    public void Load_FractionalSets_IsReported()
    {
        var exercise = ValidExercise();
        exercise["default_dose"]!["sets"] = 1.5;

        ShouldReport(ErrorsOf(exercise), File, "default_dose.sets", "whole number");
    }

    [Fact]
    public void Load_WrongTypes_AreReported()
    {
        var exercise = ValidExercise();
        exercise["default_dose"]!["repetitions"] = "ten";
        exercise["name"] = 5;
        exercise["sources"] = "one source";
        exercise["modes"]!["active"]!["requires_helper"] = "yes";

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "default_dose.repetitions", "whole number");
        ShouldReport(errors, File, "name", "must be text");
        ShouldReport(errors, File, "sources", "must be an array");
        ShouldReport(errors, File, "modes.active.requires_helper", "true or false");
    }

    [Fact]
    public void Load_UnknownEnumValues_ListTheAllowedOnes()
    {
        var exercise = ValidExercise();
        exercise["category"] = "legs";
        exercise["prerequisites"] = new JsonArray("independent-sitting", "G-SIT");
        exercise["sensor"]!["placement"] = "knee";

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "category", "leg, core-balance, foot-ankle, walking");
        ShouldReport(errors, File, "prerequisites[1]", "independent-sitting");
        ShouldReport(errors, File, "sensor.placement", "thigh");
    }

    [Fact]
    public void Load_RepeatedPrerequisite_IsReported()
    {
        var exercise = ValidExercise();
        exercise["prerequisites"] = new JsonArray("independent-sitting", "independent-sitting");

        ShouldReport(ErrorsOf(exercise), File, "prerequisites[1]", "repeats");
    }

    [Fact]
    public void Load_NoSources_IsReported()
    {
        var exercise = ValidExercise();
        exercise["sources"] = new JsonArray();

        ShouldReport(ErrorsOf(exercise), File, "sources", "must not be empty");
    }

    [Fact]
    public void Load_StandingWithoutStandingGate_IsReported()
    {
        var exercise = ValidExercise();
        exercise["position"] = "standing";

        ShouldReport(ErrorsOf(exercise), File, "prerequisites", "standing exercise must require");
    }

    [Fact]
    public void Load_SeatedWithoutSittingGate_IsReported()
    {
        var exercise = ValidExercise();
        exercise["prerequisites"] = new JsonArray("bed-access");

        ShouldReport(ErrorsOf(exercise), File, "prerequisites", "seated exercise must require");
    }

    [Fact]
    public void Load_DegreesOnAStepCount_IsReported()
    {
        var exercise = ValidExercise();
        exercise["sensor"]!["signal"] = "steps";

        ShouldReport(ErrorsOf(exercise), File, "sensor.expected_excursion_min_degrees", "only fits pitch, roll or yaw");
    }

    [Fact]
    public void Load_BadReferenceItemOrFac_IsReported()
    {
        var exercise = ValidExercise();
        exercise["reference_item"] = "X9";
        exercise["minimum_fac"] = 6;

        var errors = ErrorsOf(exercise);

        ShouldReport(errors, File, "reference_item", "clinical reference");
        ShouldReport(errors, File, "minimum_fac", "between 0 and 5");
    }

    [Fact]
    public void Load_DuplicateProperty_IsReported()
    {
        var text = ValidExercise().ToJsonString().Replace("\"name\":", "\"name\":\"Again\",\"name\":", StringComparison.Ordinal);

        ShouldReport(ErrorsOf(new CatalogueFile(File, text)), File, "name", "more than once");
    }

    [Theory]
    [InlineData("{ \"id\": ")]
    [InlineData("not json")]
    [InlineData("")]
    public void Load_MalformedJson_NamesTheFile(string text)
    {
        ShouldReport(ErrorsOf(new CatalogueFile(File, text)), File, "(file)", "not valid JSON");
    }

    [Fact]
    public void Load_RootIsNotAnObject_IsReported()
    {
        ShouldReport(ErrorsOf(new CatalogueFile(File, "[1, 2]")), File, "(file)", "must be a JSON object");
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsEveryErrorInOneException()
    {
        var first = ValidExercise();
        first["name"] = string.Empty;
        var second = ValidExercise("second");
        second["default_dose"]!["sets"] = 0;
        second["extra"] = true;

        var exception = Should.Throw<CatalogueValidationException>(() => ExerciseCatalogue.Load(
        [
            new CatalogueFile(File, first.ToJsonString()),
            new CatalogueFile("second.json", second.ToJsonString()),
        ]));

        exception.Errors.Count.ShouldBe(3);
        exception.Message.ShouldContain("test-march.json: name:");
        exception.Message.ShouldContain("second.json: default_dose.sets:");
        exception.Message.ShouldContain("second.json: extra:");
    }

    [Fact]
    public void Load_NoFilesOrWrongExtension_IsReported()
    {
        ErrorsOf().ShouldContain(e => e.Message.Contains("no exercise files", StringComparison.Ordinal));
        ShouldReport(ErrorsOf(new CatalogueFile("test-march.yaml", ValidExercise().ToJsonString())), "test-march.yaml", "(file)", ".json");
    }

    [Fact]
    public void KebabCase_RoundTripsEveryEnumValue()
    {
        KebabCase.Of(ExerciseMode.ActiveAssisted).ShouldBe("active-assisted");
        KebabCase.Of(ExerciseCategory.CoreBalance).ShouldBe("core-balance");
        foreach (var value in Enum.GetValues<HelperRequirement>())
        {
            KebabCase.TryParse<HelperRequirement>(KebabCase.Of(value), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
        }

        KebabCase.TryParse<ExerciseMode>("ActiveAssisted", out _).ShouldBeFalse();
    }
}
