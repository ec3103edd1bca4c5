using Ambulo.Domain.Exercises;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Simulation;

namespace Ambulo.Tracking.Tests;

public class ValidationTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ambulo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ambulo.slnx not found");
    }

    [Fact]
    public void SyntheticValidation_AllExercisesAndHardCases_MeetsTheTargets()
    {
        var accuracy = SyntheticValidation.Run(ExerciseCatalogue.Default, seed: 7);

        var countable = ExerciseCatalogue.Default.All.Count(e => ExerciseTracking.For(e).IsCountable);
        accuracy.SetCount.ShouldBe(countable * Enum.GetValues<HardCase>().Length);
        accuracy.MeetsTargets().ShouldBeTrue($"exact {accuracy.ExactShare:P1}, MAE {accuracy.MeanAbsoluteError:F3}");
        accuracy.MeanRangeOfMotionErrorDegrees.ShouldNotBeNull();
    }

    [Fact]
    public void GaitmapValidation_RealWalking_MeetsTheTargetsAgainstMotionCapture()
    {
        var folder = Path.Combine(RepositoryRoot(), "testdata", "gaitmap-foot-mocap");
        Directory.Exists(folder).ShouldBeTrue("testdata/gaitmap-foot-mocap is part of the repository");

        var result = GaitmapValidation.Run(folder);

        result.ShouldNotBeNull();
        result.Accuracy.SetCount.ShouldBe(4); // two recordings, two feet
        result.Accuracy.TrueTotal.ShouldBeGreaterThan(50);
        result.Accuracy.MeetsTargets().ShouldBeTrue($"exact {result.Accuracy.ExactShare:P1}, MAE {result.Accuracy.MeanAbsoluteError:F3}");
    }

    [Fact]
    public void LabelledValidation_FolderOfLabelledRecordings_ScoresEachAndSkipsUnlabelled()
    {
        var folder = Directory.CreateTempSubdirectory("ambulo-labelled-");
        try
        {
            var exercise = ExerciseCatalogue.Default.Get("seated-marching");
            var plan = ExerciseTracking.For(exercise);
            for (var i = 0; i < 3; i++)
            {
                var set = RepetitionSimulator.Simulate(plan.Simulation with { Seed = 50 + i, Repetitions = 4 + i });
                var labels = new Dictionary<string, string>(set.Recording.Metadata.Labels) { ["exercise"] = exercise.Id };
                RecordingCsv.WriteFile(Path.Combine(folder.FullName, $"set{i}.csv"), set.Recording with { Metadata = set.Recording.Metadata with { Labels = labels } });
            }

            var unlabelled = RepetitionSimulator.Simulate(plan.Simulation with { Seed = 60, Repetitions = 2 });
            RecordingCsv.WriteFile(Path.Combine(folder.FullName, "no-exercise.csv"), unlabelled.Recording);
            File.WriteAllText(Path.Combine(folder.FullName, "other.csv"), "a,b\n1,2\n");

            var result = LabelledValidation.Run(folder.FullName, ExerciseCatalogue.Default);

            result.Accuracy.SetCount.ShouldBe(3);
            result.Accuracy.Sets.Select(s => s.TrueCount).ShouldBe([4, 5, 6]);
            result.Accuracy.Sets.ShouldAllBe(s => s.IsExact);
            result.Skipped.ShouldHaveSingleItem().File.ShouldBe("no-exercise.csv");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
