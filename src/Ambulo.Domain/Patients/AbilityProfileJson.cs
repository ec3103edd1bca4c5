using System.Text;
using System.Text.Json;
using Ambulo.Domain.Exercises;

namespace Ambulo.Domain.Patients;

/// <summary>Outcome of reading a profile: the profile when valid, otherwise every error with its field.</summary>
public sealed record ProfileReadResult(AbilityProfile? Profile, IReadOnlyList<ProfileError> Errors)
{
    public bool IsValid => Profile is not null && Errors.Count == 0;
}

/// <summary>
/// Reads and writes the JSON form of an <see cref="AbilityProfile"/>: snake_case fields, kebab-case enum
/// values (e.g. <c>"walking_aid": "single-point-cane"</c>). Unknown fields, missing fields, wrong types and
/// out-of-range values are reported with the field's path; the reader never throws on bad input.
/// The caller does the file I/O.
/// </summary>
public static class AbilityProfileJson
{
    private static readonly string[] TopLevelFields =
    [
        ProfileFields.AffectedSide, ProfileFields.Presentation, ProfileFields.MotorGrades, ProfileFields.SittingBalance,
        ProfileFields.StandingBalance, ProfileFields.Fac, ProfileFields.WalkingAid, ProfileFields.Flags,
        ProfileFields.FatigueLevel, ProfileFields.MinutesPerDay, ProfileFields.ClinicianClearance, ProfileFields.HasStepWithRail,
    ];

    private static readonly string[] GradeFields = ["hip_flexion", "hip_extension", "knee_extension", "ankle_dorsiflexion"];

    private static readonly string[] FlagFields =
        ["hemineglect", "visual_field_loss", "aphasia", "orthostatic_hypotension", "fall_in_last_3_months", "cardiac_precautions"];

    public static ProfileReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            return Fail(new ProfileError("(document)", "is not valid JSON" + where));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(new ProfileError("(document)", "must be a JSON object, got " + Describe(root.ValueKind)));
            }

            var errors = new List<ProfileError>();
            RejectUnknown(root, TopLevelFields, string.Empty, errors);

            var side = ReadEnum<AffectedSide>(root, ProfileFields.AffectedSide, errors);
            var presentation = ReadEnum<Presentation>(root, ProfileFields.Presentation, errors);
            var sitting = ReadEnum<SittingBalance>(root, ProfileFields.SittingBalance, errors);
            var standing = ReadEnum<StandingBalance>(root, ProfileFields.StandingBalance, errors);
            var aid = ReadEnum<WalkingAid>(root, ProfileFields.WalkingAid, errors);
            var fac = ReadInt(root, ProfileFields.Fac, ProfileFields.Fac, errors, 0, AbilityProfile.MaxFac);
            var fatigue = ReadInt(root, ProfileFields.FatigueLevel, ProfileFields.FatigueLevel, errors, 0, AbilityProfile.MaxFatigueLevel);
            var minutes = ReadInt(root, ProfileFields.MinutesPerDay, ProfileFields.MinutesPerDay, errors, AbilityProfile.MinMinutesPerDay, AbilityProfile.MaxMinutesPerDay);
            var clearance = ReadOptionalBool(root, ProfileFields.ClinicianClearance, ProfileFields.ClinicianClearance, errors);
            var step = ReadOptionalBool(root, ProfileFields.HasStepWithRail, ProfileFields.HasStepWithRail, errors);

            MotorGrades? grades = null;
            if (RequireObject(root, ProfileFields.MotorGrades, errors) is { } gradesElement)
            {
                RejectUnknown(gradesElement, GradeFields, ProfileFields.MotorGrades + ".", errors);
                var g = GradeFields.Select(f => ReadInt(gradesElement, f, ProfileFields.MotorGrades + "." + f, errors, 0, AbilityProfile.MaxMotorGrade)).ToArray();
                if (g.All(v => v.HasValue))
                {
                    grades = new MotorGrades(g[0]!.Value, g[1]!.Value, g[2]!.Value, g[3]!.Value);
                }
            }

            ProfileFlags flags = new();
            if (root.TryGetProperty(ProfileFields.Flags, out _))
            {
                if (RequireObject(root, ProfileFields.Flags, errors) is { } flagsElement)
                {
                    RejectUnknown(flagsElement, FlagFields, ProfileFields.Flags + ".", errors);
                    // Every flag must be stated: a missing "hemineglect" must not silently mean "no neglect".
                    var f = FlagFields.Select(name => ReadRequiredBool(flagsElement, name, ProfileFields.Flags + "." + name, errors)).ToArray();
                    flags = new ProfileFlags
                    {
                        Hemineglect = f[0], VisualFieldLoss = f[1], Aphasia = f[2],
                        OrthostaticHypotension = f[3], FallInLast3Months = f[4], CardiacPrecautions = f[5],
                    };
                }
            }
            else
            {
                errors.Add(new ProfileError(ProfileFields.Flags, "is missing (an object with " + string.Join(", ", FlagFields) + ")"));
            }

            if (errors.Count > 0 || side is null || presentation is null || sitting is null || standing is null || aid is null
                || fac is null || fatigue is null || minutes is null || grades is null)
            {
                return new ProfileReadResult(null, errors);
            }

            var profile = new AbilityProfile
            {
                AffectedSide = side.Value,
                Presentation = presentation.Value,
                MotorGrades = grades,
                SittingBalance = sitting.Value,
                StandingBalance = standing.Value,
                FunctionalAmbulationCategory = fac.Value,
                WalkingAid = aid.Value,
                Flags = flags,
                FatigueLevel = fatigue.Value,
                MinutesAvailablePerDay = minutes.Value,
                ClinicianClearance = clearance,
                HasStepWithRail = step,
            };
            var invalid = profile.Validate();
            return invalid.Count > 0 ? new ProfileReadResult(null, invalid) : new ProfileReadResult(profile, []);
        }
    }

    /// <summary>The JSON form of a profile, readable by <see cref="Read"/>.</summary>
    public static string Write(AbilityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString(ProfileFields.AffectedSide, KebabCase.Of(profile.AffectedSide));
            w.WriteString(ProfileFields.Presentation, KebabCase.Of(profile.Presentation));
            w.WriteStartObject(ProfileFields.MotorGrades);
            w.WriteNumber("hip_flexion", profile.MotorGrades.HipFlexion);
            w.WriteNumber("hip_extension", profile.MotorGrades.HipExtension);
            w.WriteNumber("knee_extension", profile.MotorGrades.KneeExtension);
            w.WriteNumber("ankle_dorsiflexion", profile.MotorGrades.AnkleDorsiflexion);
            w.WriteEndObject();
            w.WriteString(ProfileFields.SittingBalance, KebabCase.Of(profile.SittingBalance));
            w.WriteString(ProfileFields.StandingBalance, KebabCase.Of(profile.StandingBalance));
            w.WriteNumber(ProfileFields.Fac, profile.FunctionalAmbulationCategory);
            w.WriteString(ProfileFields.WalkingAid, KebabCase.Of(profile.WalkingAid));
            w.WriteStartObject(ProfileFields.Flags);
            w.WriteBoolean("hemineglect", profile.Flags.Hemineglect);
            w.WriteBoolean("visual_field_loss", profile.Flags.VisualFieldLoss);
            w.WriteBoolean("aphasia", profile.Flags.Aphasia);
            w.WriteBoolean("orthostatic_hypotension", profile.Flags.OrthostaticHypotension);
            w.WriteBoolean("fall_in_last_3_months", profile.Flags.FallInLast3Months);
            w.WriteBoolean("cardiac_precautions", profile.Flags.CardiacPrecautions);
            w.WriteEndObject();
            w.WriteNumber(ProfileFields.FatigueLevel, profile.FatigueLevel);
            w.WriteNumber(ProfileFields.MinutesPerDay, profile.MinutesAvailablePerDay);
            w.WriteBoolean(ProfileFields.ClinicianClearance, profile.ClinicianClearance);
            w.WriteBoolean(ProfileFields.HasStepWithRail, profile.HasStepWithRail);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ProfileReadResult Fail(ProfileError error) => new(null, [error]);

    private static void RejectUnknown(JsonElement obj, string[] known, string prefix, List<ProfileError> errors)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new ProfileError(prefix + property.Name, "is not a known field (known: " + string.Join(", ", known) + ")"));
            }
        }
    }

    private static JsonElement? RequireObject(JsonElement obj, string field, List<ProfileError> errors)
    {
        if (!obj.TryGetProperty(field, out var value))
        {
            errors.Add(new ProfileError(field, "is missing"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ProfileError(field, "must be an object, got " + Describe(value.ValueKind)));
            return null;
        }

        return value;
    }

    private static T? ReadEnum<T>(JsonElement obj, string field, List<ProfileError> errors)
        where T : struct, Enum
    {
        var allowed = Enum.GetValues<T>().Select(KebabCase.Of).ToArray();
        if (!obj.TryGetProperty(field, out var value))
        {
            errors.Add(new ProfileError(field, "is missing (one of: " + string.Join(", ", allowed) + ")"));
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            foreach (var candidate in Enum.GetValues<T>())
            {
                if (string.Equals(KebabCase.Of(candidate), text, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }

            errors.Add(new ProfileError(field, $"'{text}' is not one of: {string.Join(", ", allowed)}"));
            return null;
        }

        errors.Add(new ProfileError(field, "must be a string (one of: " + string.Join(", ", allowed) + "), got " + Describe(value.ValueKind)));
        return null;
    }

    private static int? ReadInt(JsonElement obj, string name, string field, List<ProfileError> errors, int min, int max)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            errors.Add(new ProfileError(field, "is missing"));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            if (number < min || number > max)
            {
                errors.Add(new ProfileError(field, $"must be between {min} and {max}, got {number}"));
                return null;
            }

            return number;
        }

        errors.Add(new ProfileError(field, "must be a whole number, got " + (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Describe(value.ValueKind))));
        return null;
    }

    private static bool ReadOptionalBool(JsonElement obj, string name, string field, List<ProfileError> errors)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(new ProfileError(field, "must be true or false, got " + Describe(value.ValueKind)));
        return false;
    }

    private static bool ReadRequiredBool(JsonElement obj, string name, string field, List<ProfileError> errors)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new ProfileError(field, "is missing (true or false)"));
            return false;
        }

        return ReadOptionalBool(obj, name, field, errors);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
