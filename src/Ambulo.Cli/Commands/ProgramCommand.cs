using System.CommandLine;
using Ambulo.Domain.Exercises;
using Ambulo.Domain.Patients;
using Ambulo.Domain.Programs;
using Spectre.Console;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo program --profile PATH [--json]</c> (or <c>--demo</c>): today's program for an ability profile,
/// with the reasons and warnings behind every item. Exit codes: 0 success, 2 bad profile or arguments.
/// </summary>
internal static class ProgramCommand
{
    public const int ExitBadInput = 2;

    public static Command Create()
    {
        var profileOption = new Option<FileInfo?>("--profile")
        {
            Description = "Ability profile JSON file (see examples/profiles/).",
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "Print the stable JSON form (docs/cli-json.md, section \"program\").",
        };
        var demoOption = new Option<bool>("--demo")
        {
            Description = "Use the built-in demo profile (a community walker) instead of a file.",
        };

        var command = new Command("program", "Build today's exercise program for an ability profile, with reasons and warnings.");
        command.Options.Add(profileOption);
        command.Options.Add(jsonOption);
        command.Options.Add(demoOption);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var file = parseResult.GetValue(profileOption);
            var demo = parseResult.GetValue(demoOption);

            AbilityProfile profile;
            if (demo && file is null)
            {
                profile = ProgramDemo.Profile;
            }
            else if (file is null)
            {
                error.WriteLine("error: give --profile PATH (an ability profile JSON file, see examples/profiles/) or --demo.");
                return ExitBadInput;
            }
            else if (demo)
            {
                error.WriteLine("error: give either --profile or --demo, not both.");
                return ExitBadInput;
            }
            else if (!TryLoad(file, error, out profile))
            {
                return ExitBadInput;
            }

            var program = ProgramGenerator.Generate(profile, ExerciseCatalogue.Default.All);
            if (parseResult.GetValue(jsonOption))
            {
                output.WriteLine(DailyProgramJson.Write(program));
            }
            else
            {
                ProgramTable.Render(program, profile, output);
            }

            return 0;
        });
        return command;
    }

    private static bool TryLoad(FileInfo file, TextWriter error, out AbilityProfile profile)
    {
        profile = null!;
        if (Directory.Exists(file.FullName))
        {
            error.WriteLine($"error: cannot read profile '{file.FullName}': it is a directory, not a JSON file");
            return false;
        }

        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read profile '{file.FullName}': {(ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message)}");
            return false;
        }

        var result = AbilityProfileJson.Read(text);
        if (result.Profile is null)
        {
            error.WriteLine($"error: invalid profile '{file.FullName}':");
            foreach (var problem in result.Errors)
            {
                error.WriteLine($"  {problem.Field}: {problem.Message}");
            }

            return false;
        }

        profile = result.Profile;
        return true;
    }
}

/// <summary>The human-readable program: a summary table, then each item's reasons and warnings.</summary>
internal static class ProgramTable
{
    public static void Render(DailyProgram program, AbilityProfile profile, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 110);

        console.WriteLine($"Today's program: {program.Items.Count} exercises, about {program.TotalMinutes} of {profile.MinutesAvailablePerDay} minutes.");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("#", "exercise", "category", "position", "mode", "dose", "helper");
        for (var i = 0; i < program.Items.Count; i++)
        {
            var item = program.Items[i];
            table.AddRow(
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(item.ExerciseId),
                KebabCase.Of(item.Category),
                KebabCase.Of(item.Position),
                KebabCase.Of(item.Mode),
                $"{item.Sets} × {item.Reps}",
                item.HelperRequired ? "required" : "-");
        }

        console.Write(table);
        for (var i = 0; i < program.Items.Count; i++)
        {
            var item = program.Items[i];
            console.WriteLine();
            console.WriteLine($"{i + 1}. {item.ExerciseId}");
            foreach (var reason in item.Reasons)
            {
                console.WriteLine("   why: " + reason);
            }

            foreach (var warning in item.Warnings)
            {
                console.WriteLine("   WARNING: " + warning);
            }
        }

        if (program.Notes.Count > 0)
        {
            console.WriteLine();
            foreach (var note in program.Notes)
            {
                console.WriteLine("Note: " + note);
            }
        }
    }
}

/// <summary>The built-in demo profile: the same person as examples/profiles/community-walker.json (a test checks it).</summary>
internal static class ProgramDemo
{
    public static AbilityProfile Profile { get; } = new()
    {
        AffectedSide = AffectedSide.Left,
        Presentation = Presentation.Hemiparesis,
        MotorGrades = new MotorGrades(HipFlexion: 5, HipExtension: 4, KneeExtension: 5, AnkleDorsiflexion: 4),
        SittingBalance = SittingBalance.Independent,
        StandingBalance = StandingBalance.Independent,
        FunctionalAmbulationCategory = 5,
        WalkingAid = WalkingAid.None,
        Flags = new ProfileFlags(),
        FatigueLevel = 2,
        MinutesAvailablePerDay = 45,
        ClinicianClearance = true,
        HasStepWithRail = true,
    };
}
