using System.Xml.Linq;
using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Tests.Exercises;

/// <summary>The start/end line drawings the web app shows next to each exercise (src/Ambulo.Web/wwwroot/img/exercises).</summary>
public class ExercisePictureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string PictureFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ambulo.slnx")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("Ambulo.slnx not found above the test folder");
        return Path.Combine(dir.FullName, "src", "Ambulo.Web", "wwwroot", "img", "exercises");
    }

    public static TheoryData<string, string> Pictures()
    {
        var data = new TheoryData<string, string>();
        foreach (var exercise in ExerciseCatalogue.Default.All)
        {
            data.Add(exercise.Id, "start");
            data.Add(exercise.Id, "end");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Picture_EveryExercise_IsAWellFormedSvgWithoutText(string id, string which)
    {
        var path = Path.Combine(PictureFolder(), $"{id}-{which}.svg");
        File.Exists(path).ShouldBeTrue(path);

        var document = XDocument.Load(path);

        document.Root.ShouldNotBeNull();
        document.Root.Name.ShouldBe(Svg + "svg");
        document.Root.Attribute("viewBox")?.Value.ShouldBe("0 0 200 150");
        document.Descendants(Svg + "text").ShouldBeEmpty();
        document.Descendants().Count(e => e.Name.LocalName is "polyline" or "circle" or "ellipse" or "path").ShouldBeGreaterThan(1);
    }

    [Fact]
    public void PictureFolder_HoldsOnlyPicturesOfCatalogueExercises()
    {
        var expected = ExerciseCatalogue.Default.All.SelectMany(e => new[] { $"{e.Id}-start.svg", $"{e.Id}-end.svg" }).Order(StringComparer.Ordinal);

        var actual = Directory.GetFiles(PictureFolder()).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        actual.ShouldBe(expected!);
    }

    [Fact]
    public void Pictures_StartAndEnd_ShowDifferentPositions()
    {
        var folder = PictureFolder();
        foreach (var exercise in ExerciseCatalogue.Default.All)
        {
            // Compare the drawing itself, not the <svg> element whose label names the position.
            var start = XDocument.Load(Path.Combine(folder, $"{exercise.Id}-start.svg")).Root!.Elements().Select(e => e.ToString());
            var end = XDocument.Load(Path.Combine(folder, $"{exercise.Id}-end.svg")).Root!.Elements().Select(e => e.ToString());

            end.ShouldNotBe(start, exercise.Id);
        }
    }
}
