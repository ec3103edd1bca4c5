using System.CommandLine;
using System.Globalization;
using Ambulo.Domain.Exercises;
using Ambulo.Motion.Evaluation;
using Ambulo.Tracking;

namespace Ambulo.Cli.Commands.Validate;

/// <summary>
/// <c>ambulo validate reps DIR [--seed S] [--no-synthetic]</c>: repetition-counting accuracy three ways
/// (issue 3): (1) real walking in <c>DIR/gaitmap-foot-mocap</c> against its motion-capture stride list and foot
/// orientation, (2) labelled Ambulo recordings anywhere under DIR, (3) synthetic sets of every catalogue exercise with
/// hard cases, and (4) held-out synthetic conditions never used in tuning (skipped with (3) by --no-synthetic).
/// Prints one row per set and a summary per source. Exit codes: 0 ran, 2 bad input.
/// </summary>
internal static class ValidateRepsCommand
{
    public static Command Create()
    {
        var directoryArgument = new Argument<DirectoryInfo>("DIR") { Description = "Folder with test data (e.g. testdata/)." };
        var seedOption = new Option<int>("--seed") { Description = "Seed of the synthetic sets.", DefaultValueFactory = _ => 1 };
        var noSyntheticOption = new Option<bool>("--no-synthetic") { Description = "Skip the synthetic sets (tuned and held-out)." };
        var command = new Command("reps", "Repetition-counting accuracy: real walking vs motion capture, labelled recordings, synthetic sets.");
        command.Arguments.Add(directoryArgument);
        command.Options.Add(seedOption);
        command.Options.Add(noSyntheticOption);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var directory = parseResult.GetValue(directoryArgument)!;
            if (!directory.Exists)
            {
                error.WriteLine($"error: folder not found: {directory.FullName}");
                return RepsCommand.ExitBadInput;
            }

            var summaries = new List<(string Source, RepetitionAccuracy Accuracy)>();

            output.WriteLine("1. Real walking, foot pitch cycles vs motion-capture strides (gaitmap-foot-mocap, MIT)");
            var gaitmap = FindGaitmap(directory.FullName);
            var real = gaitmap is null ? null : GaitmapValidation.Run(gaitmap);
            if (real is null)
            {
                output.WriteLine("   not found under this folder (expects gaitmap-foot-mocap/data/imu_sample.csv)");
            }
            else
            {
                WriteSets(output, real.Accuracy);
                foreach (var (name, count) in real.CountedOutsideReference.Where(kv => kv.Value > 0))
                {
                    output.WriteLine($"   note: {name}: {count} further cycles outside the reference strides (not scored)");
                }

                summaries.Add(("real", real.Accuracy));
            }

            output.WriteLine();
            output.WriteLine("1b. Real walking, thigh pitch cycles of a front-pocket phone, accelerometer only, vs foot switches");
            output.WriteLine("    (oxford-phone-steps, CC BY 4.0; the pocket side is not recorded, so the true count is half the steps");
            output.WriteLine("    of both feet, exact to +-0.5 -- scored as an error in strides, not in the exact-count summary)");
            var oxford = FindFolder(directory.FullName, "oxford-phone-steps", "validation");
            IReadOnlyList<PocketThighOutcome> thighs = oxford is null ? [] : PocketThighValidation.Run(oxford);
            if (thighs.Count == 0)
            {
                output.WriteLine("   not found under this folder (expects oxford-phone-steps/validation/*frontpocket*.csv)");
            }
            else
            {
                output.WriteLine("   walk                                          steps  expected strides  counted   error  error %  outside");
                foreach (var walk in thighs)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"   {walk.Name,-44} {walk.FootSwitchSteps,6} {walk.ExpectedStrides,17:F1} {walk.Counted,8} {walk.ErrorStrides,7:+0.0;-0.0;0.0} {walk.ErrorShare * 100,8:+0.0;-0.0;0.0} {walk.CountedOutside,8}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   overall: {thighs.Count} walks, mean |error| {thighs.Average(w => Math.Abs(w.ErrorStrides)):F1} strides ({thighs.Average(w => Math.Abs(w.ErrorShare)) * 100:F1} %), worst {thighs.Max(w => Math.Abs(w.ErrorStrides)):F1}"));
            }

            output.WriteLine();
            output.WriteLine("2. Labelled recordings (# true_count and # exercise)");
            var labelled = LabelledValidation.Run(directory.FullName, ExerciseCatalogue.Default);
            if (labelled.Accuracy.SetCount == 0)
            {
                output.WriteLine("   none found");
            }
            else
            {
                WriteSets(output, labelled.Accuracy);
                summaries.Add(("labelled", labelled.Accuracy));
            }

            foreach (var (file, reason) in labelled.Skipped)
            {
                output.WriteLine($"   skipped {file}: {reason}");
            }

            if (!parseResult.GetValue(noSyntheticOption))
            {
                output.WriteLine();
                output.WriteLine("3. Synthetic sets (simulator; every countable catalogue exercise x hard cases) -- synthetic, not people");
                var synthetic = SyntheticValidation.Run(ExerciseCatalogue.Default, parseResult.GetValue(seedOption));
                WriteSets(output, synthetic);
                summaries.Add(("synthetic", synthetic));

                output.WriteLine();
                output.WriteLine("4. Held-out synthetic sets (simulator settings and seeds never used in tuning: uneven pace, slow and uneven,");
                output.WriteLine("   half range on the default preset, 75 deg placement, drifting gyroscope, holds and long pauses, noisy 50 Hz phone,");
                output.WriteLine("   all combined) -- synthetic, not people");
                var heldOut = HeldOutValidation.Run(ExerciseCatalogue.Default);
                WriteSets(output, heldOut);
                summaries.Add(("held-out", heldOut));
            }

            output.WriteLine();
            output.WriteLine("Summary (targets: >= 97 % of sets exact, mean absolute error < 0.2 repetitions per set)");
            output.WriteLine("   source       sets  true  counted  exact %  within 1 %    MAE  ROM error deg  ROM bias deg  targets");
            foreach (var (source, accuracy) in summaries)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"   {source,-10} {accuracy.SetCount,6} {accuracy.TrueTotal,5} {accuracy.CountedTotal,8} {accuracy.ExactShare * 100,8:F1} {accuracy.WithinOneShare * 100,11:F1} {accuracy.MeanAbsoluteError,6:F3} {Rom(accuracy.MeanRangeOfMotionErrorDegrees),14} {Rom(accuracy.MeanRangeOfMotionBiasDegrees),13}  {(accuracy.MeetsTargets() ? "met" : "NOT met")}"));
            }

            return 0;
        });
        return command;
    }

    private static string? FindFolder(string directory, string name, string child)
    {
        foreach (var candidate in new[] { Path.Combine(directory, name), directory })
        {
            if (Directory.Exists(Path.Combine(candidate, child)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindGaitmap(string directory)
    {
        foreach (var candidate in new[] { Path.Combine(directory, "gaitmap-foot-mocap"), directory })
        {
            if (File.Exists(Path.Combine(candidate, "data", "imu_sample.csv")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Rom(double? degrees) => degrees is null ? "-" : degrees.Value.ToString("F2", CultureInfo.InvariantCulture);

    private static void WriteSets(TextWriter output, RepetitionAccuracy accuracy)
    {
        output.WriteLine("   set                                                   true  counted  abs error  ROM error deg  ROM bias deg  ROM pairs");
        foreach (var set in accuracy.Sets)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   {set.Name,-52} {set.TrueCount,5} {set.Counted,8} {set.AbsoluteError,10} {Rom(set.RangeOfMotionErrorDegrees),14} {Rom(set.RangeOfMotionBiasDegrees),13} {set.RangeOfMotionPairs,10}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   overall: {accuracy.SetCount} sets, {accuracy.ExactShare * 100:F1} % exact, MAE {accuracy.MeanAbsoluteError:F3}, ROM error {Rom(accuracy.MeanRangeOfMotionErrorDegrees)} deg, ROM bias {Rom(accuracy.MeanRangeOfMotionBiasDegrees)} deg"));
    }
}
