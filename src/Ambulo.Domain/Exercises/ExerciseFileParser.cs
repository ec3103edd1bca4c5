using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ambulo.Domain.Exercises;

/// <summary>Turns the JSON text of one catalogue file into an <see cref="Exercise"/>, or into a list of errors.</summary>
internal static partial class ExerciseFileParser
{
    // Limits that catch impossible values (typos such as 150 sets or 1000° of knee motion), not clinical limits.
    private const int MaxSets = 10;
    private const int MaxRepetitions = 100;
    private const double MaxTempoSeconds = 60;
    private const double MaxRestSeconds = 600;
    private const double MaxHoldSeconds = 3600;
    private const double MaxJointDegrees = 360;
    private const int MaxSteps = 10;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabId();

    [GeneratedRegex("^[LCFW][0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceItemPattern();

    public static bool IsValidId(string id) => KebabId().IsMatch(id) && id.Length <= 60;

    /// <summary>Parses one file. <paramref name="id"/> is the well-formed id found in the file, even when other fields are wrong.</summary>
    public static Exercise? Parse(CatalogueFile file, List<CatalogueError> errors, out string? id)
    {
        id = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
            errors.Add(new CatalogueError(file.Name, "(file)", $"is not valid JSON{where}"));
            return null;
        }

        using (document)
        {
            var before = errors.Count;
            var root = JsonFieldReader.ForObject(document.RootElement, file.Name, string.Empty, errors);
            if (root is null)
            {
                return null;
            }

            var exercise = ReadExercise(root, file.Name, out id);
            root.ReportUnknownFields();
            return errors.Count == before ? exercise : null;
        }
    }

    private static Exercise? ReadExercise(JsonFieldReader root, string fileName, out string? validId)
    {
        var id = root.RequiredText("id", 60);
        validId = null;
        if (id is not null)
        {
            if (!IsValidId(id))
            {
                root.Error("id", $"'{id}' is not a kebab-case id (lower-case letters and digits joined by single hyphens, e.g. seated-marching)");
                id = null;
            }
            else if (!string.Equals(Path.GetFileNameWithoutExtension(fileName), id, StringComparison.Ordinal))
            {
                root.Error("id", $"'{id}' does not match the file name; name the file {id}.json");
                validId = id;
            }
            else
            {
                validId = id;
            }
        }

        var referenceItem = root.RequiredText("reference_item", 3);
        if (referenceItem is not null && !ReferenceItemPattern().IsMatch(referenceItem))
        {
            root.Error("reference_item", $"'{referenceItem}' is not a row of the clinical reference §4 tables (L1…L13, C1…C10, F1…F9, W1…W8)");
            referenceItem = null;
        }

        var name = root.RequiredText("name", 60);
        var summary = root.RequiredText("summary", 200);
        var category = root.RequiredEnum<ExerciseCategory>("category");
        var position = root.RequiredEnum<StartingPosition>("position");
        var movement = ReadMovement(root.RequiredObject("movement"));
        var modes = ReadModes(root);
        var prerequisites = root.EnumList<Prerequisite>("prerequisites", allowEmpty: true);
        var minimumFac = root.OptionalInt("minimum_fac", 0, 5);
        var helper = root.RequiredEnum<HelperRequirement>("helper");
        var dose = ReadDose(root.RequiredObject("default_dose"));
        var sensor = ReadSensor(root.RequiredObject("sensor"));
        var cautions = root.TextList("cautions", required: false, allowEmpty: true);
        var sources = root.TextList("sources", required: true, allowEmpty: false);

        if (position is not null && prerequisites is not null)
        {
            CheckPositionGates(root, position.Value, prerequisites);
        }

        if (id is null || referenceItem is null || name is null || summary is null || category is null || position is null
            || movement is null || modes is null || prerequisites is null || helper is null || dose is null || sensor is null
            || cautions is null || sources is null)
        {
            return null;
        }

        return new Exercise
        {
            Id = id,
            ReferenceItem = referenceItem,
            Name = name,
            Summary = summary,
            Category = category.Value,
            Position = position.Value,
            Movement = movement,
            Modes = modes,
            Prerequisites = prerequisites,
            MinimumFac = minimumFac,
            Helper = helper.Value,
            DefaultDose = dose,
            Sensor = sensor,
            Cautions = cautions,
            Sources = sources,
        };
    }

    /// <summary>Safety net: a standing or walking exercise must name a standing or walking gate; a seated one a sitting gate.</summary>
    private static void CheckPositionGates(JsonFieldReader root, StartingPosition position, IReadOnlyList<Prerequisite> prerequisites)
    {
        switch (position)
        {
            case StartingPosition.Standing when !prerequisites.Any(p => p is Prerequisite.StandingWithSupport or Prerequisite.IndependentStanding or Prerequisite.Walking):
                root.Error("prerequisites", "a standing exercise must require standing-with-support, independent-standing or walking");
                break;
            case StartingPosition.Walking when !prerequisites.Any(p => p is Prerequisite.Walking or Prerequisite.StandingWithSupport or Prerequisite.IndependentStanding):
                root.Error("prerequisites", "a walking exercise must require walking, standing-with-support or independent-standing");
                break;
            case StartingPosition.Seated when !prerequisites.Any(p => p is Prerequisite.IndependentSitting or Prerequisite.SupportedSitting):
                root.Error("prerequisites", "a seated exercise must require independent-sitting or supported-sitting");
                break;
            default:
                break;
        }
    }

    private static MovementDescription? ReadMovement(JsonFieldReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var joint = reader.RequiredText("joint", 80);
        var plane = reader.RequiredEnum<PlaneOfMotion>("plane");
        var min = reader.OptionalNumber("typical_range_min_degrees", 0, MaxJointDegrees);
        var max = reader.OptionalNumber("typical_range_max_degrees", 0, MaxJointDegrees);
        var muscle = reader.OptionalEnum<MuscleGroup>("trained_muscle");
        var ok = CheckRange(reader, "typical_range_min_degrees", "typical_range_max_degrees", min, max);
        reader.ReportUnknownFields();

        if (joint is null || plane is null || !ok)
        {
            return null;
        }

        return new MovementDescription
        {
            Joint = joint,
            Plane = plane.Value,
            TypicalRangeMinDegrees = min,
            TypicalRangeMaxDegrees = max,
            TrainedMuscle = muscle,
        };
    }

    private static Dictionary<ExerciseMode, ModeInstructions>? ReadModes(JsonFieldReader root)
    {
        var modes = root.RequiredObject("modes");
        if (modes is null)
        {
            return null;
        }

        var result = new Dictionary<ExerciseMode, ModeInstructions>();
        var ok = true;
        foreach (var mode in Enum.GetValues<ExerciseMode>())
        {
            var key = KebabCase.Of(mode);
            var value = modes.Optional(key);
            if (value is null)
            {
                continue;
            }

            var reader = JsonFieldReader.ForObject(value.Value, root.File, modes.PathOf(key), ErrorsOf(modes));
            if (reader is null)
            {
                ok = false;
                continue;
            }

            var steps = reader.TextList("steps", required: true, allowEmpty: false, maxLength: 160);
            if (steps is not null && steps.Count > MaxSteps)
            {
                reader.Error("steps", $"has {steps.Count} steps; keep it to {MaxSteps} or fewer short ones");
                steps = null;
            }

            var equipment = reader.OptionalText("equipment", 80);
            var requiresHelper = reader.OptionalBool("requires_helper");
            reader.ReportUnknownFields();
            if (steps is null)
            {
                ok = false;
                continue;
            }

            result[mode] = new ModeInstructions { Steps = steps, Equipment = equipment, RequiresHelper = requiresHelper };
        }

        modes.ReportUnknownFields();
        if (ok && result.Count == 0)
        {
            root.Error("modes", $"must list at least one mode ({string.Join(", ", KebabCase.Names<ExerciseMode>())})");
            ok = false;
        }

        return ok ? result : null;
    }

    private static Dose? ReadDose(JsonFieldReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var sets = reader.RequiredInt("sets", 1, MaxSets);
        var repetitions = reader.RequiredInt("repetitions", 1, MaxRepetitions);
        var tempo = reader.RequiredNumber("tempo_seconds", 0, MaxTempoSeconds);
        var rest = reader.RequiredNumber("rest_between_sets_seconds", 0, MaxRestSeconds);
        var hold = reader.OptionalNumber("hold_seconds", 1, MaxHoldSeconds);
        reader.ReportUnknownFields();

        if (sets is null || repetitions is null || tempo is null || rest is null)
        {
            return null;
        }

        if (hold is null && reader.Optional("hold_seconds") is not null)
        {
            return null;
        }

        if (tempo == 0 && hold is null)
        {
            reader.Error("tempo_seconds", "is 0 and there is no hold_seconds: a repetition must take some time");
            return null;
        }

        return new Dose
        {
            Sets = sets.Value,
            Repetitions = repetitions.Value,
            TempoSeconds = tempo.Value,
            RestBetweenSetsSeconds = rest.Value,
            HoldSeconds = hold,
        };
    }

    private static SensorSignature? ReadSensor(JsonFieldReader? reader)
    {
        if (reader is null)
        {
            return null;
        }

        var placement = reader.RequiredEnum<SensorPlacement>("placement");
        var signal = reader.RequiredEnum<SignalKind>("signal");
        var direction = reader.RequiredEnum<SignalDirection>("direction");
        var min = reader.OptionalNumber("expected_excursion_min_degrees", 0, MaxJointDegrees);
        var max = reader.OptionalNumber("expected_excursion_max_degrees", 0, MaxJointDegrees);
        var description = reader.RequiredText("description", 300);
        var ok = CheckRange(reader, "expected_excursion_min_degrees", "expected_excursion_max_degrees", min, max);
        if (ok && min is not null && signal is not null and not (SignalKind.Pitch or SignalKind.Roll or SignalKind.Yaw))
        {
            reader.Error("expected_excursion_min_degrees", $"an excursion in degrees only fits pitch, roll or yaw, not '{KebabCase.Of(signal.Value)}'");
            ok = false;
        }

        reader.ReportUnknownFields();
        if (placement is null || signal is null || direction is null || description is null || !ok)
        {
            return null;
        }

        return new SensorSignature
        {
            Placement = placement.Value,
            Signal = signal.Value,
            Direction = direction.Value,
            ExpectedExcursionMinDegrees = min,
            ExpectedExcursionMaxDegrees = max,
            Description = description,
        };
    }

    /// <summary>Both ends or neither, and the lower end not above the upper one.</summary>
    private static bool CheckRange(JsonFieldReader reader, string minName, string maxName, double? min, double? max)
    {
        var minGiven = reader.Optional(minName) is not null;
        var maxGiven = reader.Optional(maxName) is not null;
        if (minGiven != maxGiven)
        {
            reader.Error(minGiven ? maxName : minName, $"is missing; give both {minName} and {maxName} or neither");
            return false;
        }

        if (min is not null && max is not null && min > max)
        {
            reader.Error(minName, $"is above {maxName} ({min} > {max}); the range is inverted");
            return false;
        }

        return minGiven == (min is not null) && maxGiven == (max is not null);
    }

    private static List<CatalogueError> ErrorsOf(JsonFieldReader reader) => reader.Errors;
}
