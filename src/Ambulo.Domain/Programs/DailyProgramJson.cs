using System.Text;
using System.Text.Json;
using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Programs;

/// <summary>
/// The stable JSON form of a program (documented in docs/cli-json.md, section "program"):
/// <c>{"items":[{"exercise_id","category","position","mode","sets","reps","helper_required","reasons":[…],"warnings":[…]}],"total_minutes"}</c>
/// with snake_case names and kebab-case values. Nothing else is written, so consumers can rely on it.
/// </summary>
public static class DailyProgramJson
{
    public static string Write(DailyProgram program, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(program);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var item in program.Items)
            {
                w.WriteStartObject();
                w.WriteString("exercise_id", item.ExerciseId);
                w.WriteString("category", KebabCase.Of(item.Category));
                w.WriteString("position", KebabCase.Of(item.Position));
                w.WriteString("mode", KebabCase.Of(item.Mode));
                w.WriteNumber("sets", item.Sets);
                w.WriteNumber("reps", item.Reps);
                w.WriteBoolean("helper_required", item.HelperRequired);
                WriteStrings(w, "reasons", item.Reasons);
                WriteStrings(w, "warnings", item.Warnings);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("total_minutes", program.TotalMinutes);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
