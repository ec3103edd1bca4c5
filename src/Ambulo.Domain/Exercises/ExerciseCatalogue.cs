using System.Collections.Frozen;

namespace Ambulo.Domain.Exercises;

/// <summary>
/// The exercise catalogue: one JSON file per exercise, compiled into this assembly and validated
/// when loaded. Every problem in every file is collected and reported together with the file and
/// field it concerns (<see cref="CatalogueValidationException"/>).
/// </summary>
public sealed class ExerciseCatalogue
{
    private const string ResourcePrefix = "Ambulo.Domain.Exercises.Catalogue.";

    private static readonly Lazy<ExerciseCatalogue> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Exercise> _byId;

    private ExerciseCatalogue(IReadOnlyList<Exercise> exercises)
    {
        All = exercises;
        _byId = exercises.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped with Ambulo (loaded once, then shared; it is immutable).</summary>
    public static ExerciseCatalogue Default => Embedded.Value;

    /// <summary>All exercises, ordered by category and then by their row in the clinical reference (L1, L2, …).</summary>
    public IReadOnlyList<Exercise> All { get; }

    public int Count => All.Count;

    /// <summary>The exercise with this id, or null.</summary>
    public Exercise? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The exercise with this id; throws <see cref="KeyNotFoundException"/> naming the id when it does not exist.</summary>
    public Exercise Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"There is no exercise with the id '{id}'.");

    public IReadOnlyList<Exercise> InCategory(ExerciseCategory category) =>
        All.Where(e => e.Category == category).ToArray();

    /// <summary>Loads the JSON files embedded in this assembly (Exercises/Catalogue/*.json).</summary>
    public static ExerciseCatalogue LoadEmbedded()
    {
        var assembly = typeof(ExerciseCatalogue).Assembly;
        var files = new List<CatalogueFile>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded resource {resource} could not be opened.");
            using var reader = new StreamReader(stream);
            files.Add(new CatalogueFile(resource[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return Load(files);
    }

    /// <summary>
    /// Loads a catalogue from (file name, JSON text) pairs. Throws <see cref="CatalogueValidationException"/>
    /// listing every error when any file is invalid or two files share an id.
    /// </summary>
    public static ExerciseCatalogue Load(IEnumerable<CatalogueFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<CatalogueError>();
        var exercises = new List<Exercise>();
        var fileById = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var any = false;

        foreach (var file in files)
        {
            any = true;
            if (!file.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                errors.Add(new CatalogueError(file.Name, "(file)", "catalogue files must end in .json"));
                continue;
            }

            if (!names.Add(file.Name))
            {
                errors.Add(new CatalogueError(file.Name, "(file)", "is given twice"));
                continue;
            }

            var exercise = ExerciseFileParser.Parse(file, errors, out var id);
            if (id is not null)
            {
                if (fileById.TryGetValue(id, out var first))
                {
                    errors.Add(new CatalogueError(file.Name, "id", $"'{id}' is already used by {first}"));
                    continue;
                }

                fileById[id] = file.Name;
            }

            if (exercise is not null)
            {
                exercises.Add(exercise);
            }
        }

        if (!any)
        {
            errors.Add(new CatalogueError("(catalogue)", "(files)", "no exercise files were found"));
        }

        if (errors.Count > 0)
        {
            throw new CatalogueValidationException(errors);
        }

        var ordered = exercises
            .OrderBy(e => e.Category)
            .ThenBy(e => ReferenceNumber(e.ReferenceItem))
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToArray();
        return new ExerciseCatalogue(ordered);
    }

    private static int ReferenceNumber(string referenceItem) =>
        int.TryParse(referenceItem.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
