using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ambulo.Domain.Exercises;

/// <summary>
/// Writes an <see cref="Exercise"/> in the catalogue file format (snake_case fields, kebab-case values),
/// so <c>exercises show ID --json</c> prints exactly what <see cref="ExerciseCatalogue.Load"/> reads.
/// </summary>
public static class ExerciseJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Keep "°", "–" and "§" readable; the output is UTF-8 text, not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, exercise);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the exercise as one JSON object into an open writer (e.g. inside an array).</summary>
    public static void Write(Utf8JsonWriter writer, Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(exercise);
        writer.WriteStartObject();
        writer.WriteString("id", exercise.Id);
        writer.WriteString("reference_item", exercise.ReferenceItem);
        writer.WriteString("name", exercise.Name);
        writer.WriteString("summary", exercise.Summary);
        writer.WriteString("category", KebabCase.Of(exercise.Category));
        writer.WriteString("position", KebabCase.Of(exercise.Position));

        writer.WriteStartObject("movement");
        writer.WriteString("joint", exercise.Movement.Joint);
        writer.WriteString("plane", KebabCase.Of(exercise.Movement.Plane));
        WriteOptional(writer, "typical_range_min_degrees", exercise.Movement.TypicalRangeMinDegrees);
        WriteOptional(writer, "typical_range_max_degrees", exercise.Movement.TypicalRangeMaxDegrees);
        if (exercise.Movement.TrainedMuscle is { } muscle)
        {
            writer.WriteString("trained_muscle", KebabCase.Of(muscle));
        }

        writer.WriteEndObject();

        writer.WriteStartObject("modes");
        foreach (var mode in Enum.GetValues<ExerciseMode>())
        {
            if (!exercise.Modes.TryGetValue(mode, out var instructions))
            {
                continue;
            }

            writer.WriteStartObject(KebabCase.Of(mode));
            if (instructions.RequiresHelper)
            {
                writer.WriteBoolean("requires_helper", true);
            }

            if (instructions.Equipment is not null)
            {
                writer.WriteString("equipment", instructions.Equipment);
            }

            WriteTexts(writer, "steps", instructions.Steps);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

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

        writer.WriteString("helper", KebabCase.Of(exercise.Helper));

        writer.WriteStartObject("default_dose");
        writer.WriteNumber("sets", exercise.DefaultDose.Sets);
        writer.WriteNumber("repetitions", exercise.DefaultDose.Repetitions);
        WriteNumber(writer, "tempo_seconds", exercise.DefaultDose.TempoSeconds);
        WriteNumber(writer, "rest_between_sets_seconds", exercise.DefaultDose.RestBetweenSetsSeconds);
        WriteOptional(writer, "hold_seconds", exercise.DefaultDose.HoldSeconds);
        writer.WriteEndObject();

        writer.WriteStartObject("sensor");
        writer.WriteString("placement", KebabCase.Of(exercise.Sensor.Placement));
        writer.WriteString("signal", KebabCase.Of(exercise.Sensor.Signal));
        writer.WriteString("direction", KebabCase.Of(exercise.Sensor.Direction));
        WriteOptional(writer, "expected_excursion_min_degrees", exercise.Sensor.ExpectedExcursionMinDegrees);
        WriteOptional(writer, "expected_excursion_max_degrees", exercise.Sensor.ExpectedExcursionMaxDegrees);
        writer.WriteString("description", exercise.Sensor.Description);
        writer.WriteEndObject();

        WriteTexts(writer, "cautions", exercise.Cautions);
        WriteTexts(writer, "sources", exercise.Sources);
        writer.WriteEndObject();
    }

    /// <summary>Whole numbers without a decimal point (15, not 15.0), so output matches hand-written files.</summary>
    private static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e9)
        {
            writer.WriteNumber(name, (long)value);
        }
        else
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            WriteNumber(writer, name, v);
        }
    }

    private static void WriteTexts(Utf8JsonWriter writer, string name, IReadOnlyList<string> texts)
    {
        writer.WriteStartArray(name);
        foreach (var text in texts)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    }
}
