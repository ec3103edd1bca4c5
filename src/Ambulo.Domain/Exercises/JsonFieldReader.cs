using System.Globalization;
using System.Text.Json;

namespace Ambulo.Domain.Exercises;

/// <summary>
/// Reads the fields of one JSON object, records every problem with the file and the field path, and
/// afterwards reports the fields nobody asked for (unknown fields are errors, typos never pass silently).
/// </summary>
internal sealed class JsonFieldReader
{
    private readonly JsonElement _element;
    private readonly string _file;
    private readonly string _path;
    private readonly List<CatalogueError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonFieldReader(JsonElement element, string file, string path, List<CatalogueError> errors)
    {
        _element = element;
        _file = file;
        _path = path;
        _errors = errors;
    }

    /// <summary>Wraps an object; records an error and returns null when the element is not an object.</summary>
    public static JsonFieldReader? ForObject(JsonElement element, string file, string path, List<CatalogueError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new CatalogueError(file, path.Length == 0 ? "(file)" : path, $"must be a JSON object, found {Describe(element.ValueKind)}"));
            return null;
        }

        var reader = new JsonFieldReader(element, file, path, errors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!names.Add(property.Name))
            {
                reader.Error(property.Name, "appears more than once");
            }
        }

        return reader;
    }

    public string File => _file;

    /// <summary>The shared error list, for child readers created by the caller.</summary>
    public List<CatalogueError> Errors => _errors;

    public string PathOf(string name) => _path.Length == 0 ? name : _path + "." + name;

    public void Error(string name, string message) => _errors.Add(new CatalogueError(_file, PathOf(name), message));

    /// <summary>The property, or null when it is absent or JSON null (neither is an error here).</summary>
    public JsonElement? Optional(string name)
    {
        _read.Add(name);
        if (_element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        return null;
    }

    public JsonElement? Required(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            Error(name, "is missing");
        }

        return value;
    }

    public string? RequiredText(string name, int maxLength = 400)
    {
        var value = Required(name);
        return value is null ? null : Text(value.Value, name, maxLength);
    }

    public string? OptionalText(string name, int maxLength = 400)
    {
        var value = Optional(name);
        return value is null ? null : Text(value.Value, name, maxLength);
    }

    public int? RequiredInt(string name, int min, int max)
    {
        var value = Required(name);
        return value is null ? null : Int(value.Value, name, min, max);
    }

    public int? OptionalInt(string name, int min, int max)
    {
        var value = Optional(name);
        return value is null ? null : Int(value.Value, name, min, max);
    }

    public double? RequiredNumber(string name, double min, double max)
    {
        var value = Required(name);
        return value is null ? null : Number(value.Value, name, min, max);
    }

    public double? OptionalNumber(string name, double min, double max)
    {
        var value = Optional(name);
        return value is null ? null : Number(value.Value, name, min, max);
    }

    public bool OptionalBool(string name)
    {
        var value = Optional(name);
        if (value is null)
        {
            return false;
        }

        if (value.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.Value.GetBoolean();
        }

        Error(name, $"must be true or false, found {Describe(value.Value.ValueKind)}");
        return false;
    }

    public T? RequiredEnum<T>(string name)
        where T : struct, Enum
    {
        var value = Required(name);
        return value is null ? null : EnumValue<T>(value.Value, PathOf(name));
    }

    public T? OptionalEnum<T>(string name)
        where T : struct, Enum
    {
        var value = Optional(name);
        return value is null ? null : EnumValue<T>(value.Value, PathOf(name));
    }

    /// <summary>A required array of non-empty strings; <paramref name="allowEmpty"/> decides whether [] is fine.</summary>
    public IReadOnlyList<string>? TextList(string name, bool required, bool allowEmpty, int maxLength = 400)
    {
        var value = required ? Required(name) : Optional(name);
        if (value is null)
        {
            return required ? null : [];
        }

        var items = Items(value.Value, name);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0 && !allowEmpty)
        {
            Error(name, "must not be empty");
            return null;
        }

        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var text = Text(items[i], $"{name}[{i}]", maxLength);
            if (text is not null)
            {
                result.Add(text);
            }
        }

        return result.Count == items.Count ? result : null;
    }

    /// <summary>A required array of kebab-case enum names without repeats.</summary>
    public IReadOnlyList<T>? EnumList<T>(string name, bool allowEmpty)
        where T : struct, Enum
    {
        var value = Required(name);
        if (value is null)
        {
            return null;
        }

        var items = Items(value.Value, name);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0 && !allowEmpty)
        {
            Error(name, "must not be empty");
            return null;
        }

        var result = new List<T>(items.Count);
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var parsed = EnumValue<T>(items[i], $"{PathOf(name)}[{i}]");
            if (parsed is null)
            {
                ok = false;
            }
            else if (result.Contains(parsed.Value))
            {
                Error($"{name}[{i}]", $"repeats '{KebabCase.Of(parsed.Value)}'");
                ok = false;
            }
            else
            {
                result.Add(parsed.Value);
            }
        }

        return ok ? result : null;
    }

    /// <summary>A nested object, read by a child reader whose paths start with this field's path.</summary>
    public JsonFieldReader? RequiredObject(string name)
    {
        var value = Required(name);
        return value is null ? null : ForObject(value.Value, _file, PathOf(name), _errors);
    }

    /// <summary>Records every property of this object that no method above asked for.</summary>
    public void ReportUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                Error(property.Name, "is not a known field (check the spelling; see README \"How to add an exercise\")");
            }
        }
    }

    private List<JsonElement>? Items(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"must be an array, found {Describe(value.ValueKind)}");
            return null;
        }

        return value.EnumerateArray().ToList();
    }

    private string? Text(JsonElement value, string name, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, $"must be text, found {Describe(value.ValueKind)}");
            return null;
        }

        var text = value.GetString() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(name, "must not be empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            Error(name, $"is {text.Length} characters long; keep it under {maxLength}");
            return null;
        }

        if (!string.Equals(text, text.Trim(), StringComparison.Ordinal))
        {
            Error(name, "has leading or trailing spaces");
            return null;
        }

        return text;
    }

    private int? Int(JsonElement value, string name, int min, int max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error(name, $"must be a whole number, found {Describe(value)}");
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, $"is {number}; it must be between {min} and {max}");
            return null;
        }

        return number;
    }

    private double? Number(JsonElement value, string name, double min, double max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Error(name, $"must be a number, found {Describe(value)}");
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, string.Create(CultureInfo.InvariantCulture, $"is {number}; it must be between {min} and {max}"));
            return null;
        }

        return number;
    }

    private T? EnumValue<T>(JsonElement value, string path)
        where T : struct, Enum
    {
        if (value.ValueKind == JsonValueKind.String && KebabCase.TryParse<T>(value.GetString(), out var parsed))
        {
            return parsed;
        }

        _errors.Add(new CatalogueError(_file, path, $"is {Describe(value)}; expected one of: {string.Join(", ", KebabCase.Names<T>())}"));
        return null;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "\"" + value.GetString() + "\"",
        JsonValueKind.Number => value.GetRawText(),
        _ => Describe(value.ValueKind),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
