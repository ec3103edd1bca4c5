using System.CommandLine;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Simulation;
using Ambulo.Tracking;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo simulate --exercise ID --reps N --seed S [--case NAME] -o out.csv</c>: writes a SYNTHETIC
/// labelled recording of a catalogue exercise (labels <c>true_count</c>, <c>exercise</c>, <c>synthetic</c>).
/// Exit codes: 0 success, 2 bad input.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var exerciseOption = new Option<string>("--exercise") { Description = "Catalogue exercise id, e.g. seated-marching.", Required = true };
        var repsOption = new Option<int>("--reps") { Description = "Complete repetitions in the set (the true count).", DefaultValueFactory = _ => 10 };
        var seedOption = new Option<int>("--seed") { Description = "Seed of every random choice (same seed, same file).", DefaultValueFactory = _ => 1 };
        var caseOption = new Option<string>("--case")
        {
            Description = "Hard case: plain, very-slow, small-range, tremor, pauses, slip, partial-at-end, spasms, no-gyroscope.",
            DefaultValueFactory = _ => "plain",
        };
        var outputOption = new Option<FileInfo>("--output", "-o") { Description = "Recording file to write.", Required = true };

        var command = new Command("simulate", "Write a synthetic, labelled recording of an exercise set (for testing; not real data).");
        command.Options.Add(exerciseOption);
        command.Options.Add(repsOption);
        command.Options.Add(seedOption);
        command.Options.Add(caseOption);
        command.Options.Add(outputOption);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var exerciseId = parseResult.GetValue(exerciseOption)!;
            var cases = new Choices("--case", [.. Enum.GetValues<HardCase>().Select(SyntheticValidation.Kebab)]);
            var caseName = cases.Pick(parseResult.GetValue(caseOption) ?? "plain", error);
            var hardCase = Enum.GetValues<HardCase>().Where(c => SyntheticValidation.Kebab(c) == caseName).Cast<HardCase?>().FirstOrDefault();
            if (caseName is null || hardCase is null)
            {
                return RepsCommand.ExitBadInput;
            }

            if (!RepsCommand.TryPlan(exerciseId, null, error, out var plan))
            {
                return RepsCommand.ExitBadInput;
            }

            var file = parseResult.GetValue(outputOption)!;
            try
            {
                var options = HardCases.Apply(plan.Simulation, hardCase.Value) with
                {
                    Repetitions = parseResult.GetValue(repsOption),
                    Seed = parseResult.GetValue(seedOption),
                };
                var set = RepetitionSimulator.Simulate(options);
                var labels = new Dictionary<string, string>(set.Recording.Metadata.Labels) { ["exercise"] = exerciseId, ["case"] = caseName };
                var recording = set.Recording with { Metadata = set.Recording.Metadata with { Labels = labels } };
                RecordingCsv.WriteFile(file.FullName, recording);
                output.WriteLine($"wrote {file.FullName}: {exerciseId}, {set.TrueCount} repetitions ({caseName}), {recording.Samples.Length} samples at {recording.Metadata.SamplingRateHz} Hz, synthetic");
                return 0;
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"error: {RepsCommand.Plain(ex)}");
            }
            catch (IOException ex)
            {
                error.WriteLine($"error: {file.FullName}: {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                error.WriteLine($"error: {file.FullName}: {ex.Message}");
            }

            return RepsCommand.ExitBadInput;
        });
        return command;
    }
}
