using System.Text.Json.Nodes;
using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Exercises;

public class ExerciseJsonTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var exercise in ExerciseCatalogue.Default.All)
        {
            data.Add(exercise.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Write_EveryCatalogueExercise_ReadsBackToTheSameJson(string id)
    {
        var exercise = ExerciseCatalogue.Default.Get(id);
        var written = ExerciseJson.Write(exercise);

        var reloaded = ExerciseCatalogue.Load([new CatalogueFile(id + ".json", written)]).Get(id);

        ExerciseJson.Write(reloaded).ShouldBe(written);
        reloaded.Modes.Keys.ShouldBe(exercise.Modes.Keys, ignoreOrder: true);
        reloaded.DefaultDose.ShouldBe(exercise.DefaultDose);
        reloaded.Sensor.ShouldBe(exercise.Sensor);
        reloaded.Movement.ShouldBe(exercise.Movement);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Write_EveryCatalogueExercise_MatchesItsEmbeddedFile(string id)
    {
        var assembly = typeof(ExerciseCatalogue).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Ambulo.Domain.Exercises.Catalogue.{id}.json");
        stream.ShouldNotBeNull();
        using var reader = new StreamReader(stream);
        var file = JsonNode.Parse(reader.ReadToEnd());

        var written = JsonNode.Parse(ExerciseJson.Write(ExerciseCatalogue.Default.Get(id)));

        JsonNode.DeepEquals(written, file).ShouldBeTrue($"{id}: {written?.ToJsonString()}");
    }

    [Fact]
    public void Write_FractionalNumber_KeepsItsDecimals()
    {
        var exercise = ExerciseCatalogue.Default.Get("seated-marching") with
        {
            DefaultDose = new Dose { Sets = 1, Repetitions = 10, TempoSeconds = 2.5, RestBetweenSetsSeconds = 30 },
        };

        var json = JsonNode.Parse(ExerciseJson.Write(exercise))!;

        json["default_dose"]!["tempo_seconds"]!.GetValue<double>().ShouldBe(2.5);
        json["default_dose"]!["sets"]!.GetValue<int>().ShouldBe(1);
    }
}
