using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ambulo.Domain.Exercises;
using Spectre.Console;

namespace Ambulo.Cli.Commands;

/// <summary>
/// <c>ambulo exercises list [--category X] [--json]</c> and <c>ambulo exercises show ID [--json]</c>:
/// browse the exercise catalogue. Exit codes: 0 success, 2 unknown id or category.
/// </summary>
internal static class ExercisesCommand
{
    public const int ExitBadInput = 2;

    public static Command Create()
    {
        var command = new Command("exercises", "Browse the exercise catalogue: list the exercises or show one in full.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateShow());
        return command;
    }

    private static Command CreateList()
    {
        var categoryOption = new Option<string?>("--category")
        {
            Description = "Only this category: " + string.Join(", ", KebabCase.Names<ExerciseCategory>()) + ".",
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "Print the stable JSON form (docs/cli-json.md, section \"exercises list\").",
        };

        var list = new Command("list", "List the exercises (id, name, category, position, modes).");
        list.Options.Add(categoryOption);
        list.Options.Add(jsonOption);
        list.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var categoryText = parseResult.GetValue(categoryOption);
            IReadOnlyList<Exercise> exercises = ExerciseCatalogue.Default.All;
            if (categoryText is not null)
            {
                if (!KebabCase.TryParse<ExerciseCategory>(categoryText.Trim().ToLowerInvariant(), out var category))
                {
                    error.WriteLine(new Choices("--category", [.. KebabCase.Names<ExerciseCategory>()]).UnknownMessage(categoryText));
                    return ExitBadInput;
                }

                exercises = ExerciseCatalogue.Default.InCategory(category);
            }

            if (parseResult.GetValue(jsonOption))
            {
                output.WriteLine(ExerciseListJson.Write(exercises));
            }
            else
            {
                ExerciseListTable.Render(exercises, output);
            }

            return 0;
        });
        return list;
    }

    private static Command CreateShow()
    {
        var idArgument = new Argument<string>("id")
        {
            Description = "Exercise id, e.g. seated-marching (see `exercises list`).",
        };
        var jsonOption = new Option<bool>("--json")
        {
            Description = "Print the exercise in the catalogue file format (docs/cli-json.md, section \"exercises show\").",
        };

        var show = new Command("show", "Show every detail of one exercise: steps for each mode, dose, prerequisites, sensor, sources.");
        show.Arguments.Add(idArgument);
        show.Options.Add(jsonOption);
        show.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var id = parseResult.GetValue(idArgument) ?? string.Empty;
            var exercise = ExerciseCatalogue.Default.Find(id.Trim());
            if (exercise is null)
            {
                error.WriteLine($"error: there is no exercise with the id '{id}'.");
                var similar = Similar(id);
                if (similar.Count > 0)
                {
                    error.WriteLine("Did you mean: " + string.Join(", ", similar) + "?");
                }

                error.WriteLine("Run `ambulo exercises list` to see every id.");
                return ExitBadInput;
            }

            if (parseResult.GetValue(jsonOption))
            {
                output.WriteLine(ExerciseJson.Write(exercise));
            }
            else
            {
                ExerciseDetails.Render(exercise, output);
            }

            return 0;
        });
        return show;
    }

    /// <summary>Ids that share a word with what was typed (e.g. "marching" → seated-marching, standing-marching).</summary>
    private static List<string> Similar(string typed)
    {
        var words = typed.ToLowerInvariant().Split(['-', ' ', '_'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length >= 3)
            .ToArray();
        return ExerciseCatalogue.Default.All
            .Where(e => words.Any(w => e.Id.Contains(w, StringComparison.Ordinal)))
            .Select(e => e.Id)
            .Take(5)
            .ToList();
    }

    internal static IAnsiConsole PlainConsole(TextWriter writer, int minimumWidth)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, minimumWidth);
        return console;
    }

    internal static string Modes(Exercise exercise) =>
        string.Join(", ", Enum.GetValues<ExerciseMode>().Where(exercise.Modes.ContainsKey).Select(m => KebabCase.Of(m)));
}

/// <summary>The stable JSON of <c>exercises list --json</c>: an array of summary objects (docs/cli-json.md).</summary>
internal static class ExerciseListJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<Exercise> exercises)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var exercise in exercises)
            {
                writer.WriteStartObject();
                writer.WriteString("id", exercise.Id);
                writer.WriteString("name", exercise.Name);
                writer.WriteString("summary", exercise.Summary);
                writer.WriteString("category", KebabCase.Of(exercise.Category));
                writer.WriteString("position", KebabCase.Of(exercise.Position));
                writer.WriteStartArray("modes");
                foreach (var mode in Enum.GetValues<ExerciseMode>().Where(exercise.Modes.ContainsKey))
                {
                    writer.WriteStringValue(KebabCase.Of(mode));
                }

                writer.WriteEndArray();
                if (exercise.Movement.TrainedMuscle is { } muscle)
                {
                    writer.WriteString("trained_muscle", KebabCase.Of(muscle));
                }
                else
                {
                    writer.WriteNull("trained_muscle");
                }

                writer.WriteStartArray("prerequisites");
                foreach (var prerequisite in exercise.Prerequisites)
                {
                    writer.WriteStringValue(KebabCase.Of(prerequisite));
                }

                writer.WriteEndArray();
                if (exercise.MinimumFac is { } fac)
                {
                    writer.WriteNumber("minimum_fac", fac);
                }
                else
                {
                    writer.WriteNull("minimum_fac");
                }

                writer.WriteString("helper", KebabCase.Of(exercise.Helper));
                writer.WriteString("reference_item", exercise.ReferenceItem);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>The table of <c>exercises list</c>.</summary>
internal static class ExerciseListTable
{
    public static void Render(IReadOnlyList<Exercise> exercises, TextWriter writer)
    {
        // Wide enough that no id or mode list wraps when the output goes to a file or pipe.
        var console = ExercisesCommand.PlainConsole(writer, 180);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("id", "name", "category", "position", "modes", "helper");
        foreach (var exercise in exercises)
        {
            table.AddRow(
                Markup.Escape(exercise.Id),
                Markup.Escape(exercise.Name),
                KebabCase.Of(exercise.Category),
                KebabCase.Of(exercise.Position),
                ExercisesCommand.Modes(exercise),
                KebabCase.Of(exercise.Helper));
        }

        console.Write(table);
        console.WriteLine($"{exercises.Count} exercises. Details: ambulo exercises show ID");
    }
}

/// <summary>The full, human-readable description of <c>exercises show ID</c>.</summary>
internal static class ExerciseDetails
{
    public static void Render(Exercise exercise, TextWriter writer)
    {
        // Plain lines (no Spectre wrapping), so long sentences stay whole for screen readers and pipes.
        void Line(string text) => writer.WriteLine(text);

        Line($"{exercise.Name} ({exercise.Id})");
        Line(exercise.Summary);
        Line(string.Empty);
        Line($"Category:      {KebabCase.Of(exercise.Category)}");
        Line($"Start:         {KebabCase.Of(exercise.Position)}");
        var movement = exercise.Movement;
        var range = movement.TypicalRangeMinDegrees is { } min && movement.TypicalRangeMaxDegrees is { } max
            ? ", " + Degrees(min, max)
            : string.Empty;
        Line($"Movement:      {movement.Joint}, {KebabCase.Of(movement.Plane)} plane{range}");
        Line($"Trains:        {(movement.TrainedMuscle is { } muscle ? KebabCase.Of(muscle) : "no single graded muscle group (balance, trunk or whole-body task)")}");
        Line($"Prerequisites: {(exercise.Prerequisites.Count == 0 ? "none" : string.Join(", ", exercise.Prerequisites.Select(p => KebabCase.Of(p))))}");
        if (exercise.MinimumFac is { } fac)
        {
            Line($"Minimum FAC:   {fac.ToString(CultureInfo.InvariantCulture)}");
        }

        Line($"Helper:        {KebabCase.Of(exercise.Helper)}");
        Line($"Default dose:  {Dose(exercise.DefaultDose)}");
        Line($"Clinical ref.: §4 {exercise.ReferenceItem}");

        foreach (var mode in Enum.GetValues<ExerciseMode>())
        {
            if (!exercise.Modes.TryGetValue(mode, out var instructions))
            {
                continue;
            }

            Line(string.Empty);
            var extras = new List<string>();
            if (instructions.Equipment is not null)
            {
                extras.Add("equipment: " + instructions.Equipment);
            }

            if (instructions.RequiresHelper)
            {
                extras.Add("with a helper");
            }

            Line($"Mode {KebabCase.Of(mode)}{(extras.Count > 0 ? " (" + string.Join("; ", extras) + ")" : string.Empty)}:");
            for (var i = 0; i < instructions.Steps.Count; i++)
            {
                Line($"  {(i + 1).ToString(CultureInfo.InvariantCulture)}. {instructions.Steps[i]}");
            }
        }

        var sensor = exercise.Sensor;
        Line(string.Empty);
        var excursion = sensor.ExpectedExcursionMinDegrees is { } smin && sensor.ExpectedExcursionMaxDegrees is { } smax
            ? ", " + Degrees(smin, smax)
            : string.Empty;
        Line($"Sensor: {KebabCase.Of(sensor.Placement)}, {KebabCase.Of(sensor.Signal)} ({KebabCase.Of(sensor.Direction)}){excursion}");
        Line("  " + sensor.Description);

        if (exercise.Cautions.Count > 0)
        {
            Line(string.Empty);
            Line("Cautions:");
            foreach (var caution in exercise.Cautions)
            {
                Line("  - " + caution);
            }
        }

        Line(string.Empty);
        Line("Sources:");
        foreach (var source in exercise.Sources)
        {
            Line("  - " + source);
        }
    }

    private static string Degrees(double min, double max) =>
        min == max
            ? string.Create(CultureInfo.InvariantCulture, $"about {min}°")
            : string.Create(CultureInfo.InvariantCulture, $"{min}–{max}°");

    private static string Dose(Dose dose)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{dose.Sets} × {dose.Repetitions}") };
        if (dose.TempoSeconds > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{dose.TempoSeconds} s per movement"));
        }

        if (dose.HoldSeconds is { } hold)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"hold (or walk) {hold} s each"));
        }

        if (dose.Sets > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"rest {dose.RestBetweenSetsSeconds} s between sets"));
        }

        return string.Join(", ", parts);
    }
}
