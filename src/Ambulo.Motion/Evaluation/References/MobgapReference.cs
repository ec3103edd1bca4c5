using System.Globalization;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;

namespace Ambulo.Motion.Evaluation.References;

/// <summary>The two reference systems of the Mobilise-D lab data; they disagree by tens of ms per event.</summary>
public enum MobgapReferenceSystem
{
    /// <summary>INDIP: foot IMUs, pressure insoles and distance sensors.</summary>
    Indip,

    /// <summary>Optical motion capture (stereophotogrammetry).</summary>
    Stereophoto,
}

/// <summary>A gait event kind of the reference: initial contact (heel strike) or final contact (toe-off).</summary>
public enum GaitEventKind
{
    InitialContact,
    FinalContact,
}

/// <summary>One trial of the mobgap example data, e.g. HA / 001 / Test5 / Trial1.</summary>
public sealed record MobgapTrial(string Cohort, string Participant, string Test, string Trial)
{
    /// <summary>The trial of a <c>data_csv/&lt;cohort&gt;/&lt;id&gt;/TimeMeasure1_&lt;Test&gt;_&lt;Trial&gt;.csv</c> path.</summary>
    public static MobgapTrial FromPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parts = Path.GetFileNameWithoutExtension(full).Split('_');
        var participantDir = Path.GetDirectoryName(full) ?? "";
        var cohortDir = Path.GetDirectoryName(participantDir) ?? "";
        if (parts.Length != 3)
        {
            throw new ArgumentException($"'{Path.GetFileName(full)}' is not named TimeMeasure1_<Test>_<Trial>.csv", nameof(path));
        }

        return new MobgapTrial(Path.GetFileName(cohortDir), Path.GetFileName(participantDir), parts[1], parts[2]);
    }

    /// <summary>The path of this trial's CSV under a <c>data_csv</c> folder.</summary>
    public string CsvPath(string dataCsvFolder) => Path.Combine(dataCsvFolder, Cohort, Participant, $"TimeMeasure1_{Test}_{Trial}.csv");

    public override string ToString() => $"{Cohort}/{Participant}/{Test}/{Trial}";
}

/// <summary>An initial or final contact of the reference, seconds from the start of the trial's IMU stream.</summary>
public sealed record MobgapGaitEvent(MobgapTrial Trial, MobgapReferenceSystem System, int WalkingBoutId, GaitEventKind Kind, double TimeSeconds, BodySide Side);

/// <summary>
/// A reference walking bout (Mobilise-D micro walking bout). Values the source left empty or NaN are null.
/// </summary>
public sealed record MobgapWalkingBout(
    MobgapTrial Trial,
    MobgapReferenceSystem System,
    int WalkingBoutId,
    double StartSeconds,
    double EndSeconds,
    double? DurationSeconds,
    int? StrideCount,
    double? CadenceStepsPerMinute,
    double? WalkingSpeedMetersPerSecond,
    double? AverageStrideLengthMeters,
    double? LengthMeters,
    string? TerminationReason,
    bool? Turning);

/// <summary>A reference stride from one initial contact to the next of the same foot; side Unknown where the source had none.</summary>
public sealed record MobgapStride(
    MobgapTrial Trial,
    MobgapReferenceSystem System,
    int WalkingBoutId,
    int StrideId,
    BodySide Side,
    double StartSeconds,
    double EndSeconds,
    double? DurationSeconds,
    double? LengthMeters,
    double? SpeedMetersPerSecond,
    double? StanceSeconds,
    double? SwingSeconds);

/// <summary>A recording of <c>derived/recordings.csv</c>: sample count, rate, duration and wall-clock start.</summary>
public sealed record MobgapRecordingInfo(MobgapTrial Trial, int SampleCount, double SamplingRateHz, double DurationSeconds, string StartDateTime);

/// <summary>All reference tables of a <c>derived/</c> folder, with filters per trial and system.</summary>
public sealed record MobgapReferenceSet(
    IReadOnlyList<MobgapRecordingInfo> Recordings,
    IReadOnlyList<MobgapWalkingBout> WalkingBouts,
    IReadOnlyList<MobgapGaitEvent> Events,
    IReadOnlyList<MobgapStride> Strides)
{
    public IEnumerable<MobgapWalkingBout> BoutsOf(MobgapTrial trial, MobgapReferenceSystem system) =>
        WalkingBouts.Where(b => b.Trial == trial && b.System == system);

    public IEnumerable<MobgapGaitEvent> InitialContactsOf(MobgapTrial trial, MobgapReferenceSystem system) =>
        Events.Where(e => e.Trial == trial && e.System == system && e.Kind == GaitEventKind.InitialContact);

    public IEnumerable<MobgapStride> StridesOf(MobgapTrial trial, MobgapReferenceSystem system) =>
        Strides.Where(s => s.Trial == trial && s.System == system);
}

/// <summary>
/// Readers for <c>mobgap-lowerback/derived/</c>: the INDIP and stereophotogrammetry reference of the mobgap example
/// data (Mobilise-D, Apache-2.0), flattened from the .mat files by the team without changing values.
/// Times are seconds on the time base of <see cref="Recordings.Importers.MobgapImporter"/>.
/// </summary>
public static class MobgapReference
{
    /// <summary>Reads the four tables of a <c>derived/</c> folder.</summary>
    public static MobgapReferenceSet ReadDerived(string derivedFolder) => new(
        ReadRecordings(Path.Combine(derivedFolder, "recordings.csv")),
        ReadWalkingBouts(Path.Combine(derivedFolder, "reference_wb.csv")),
        ReadEvents(Path.Combine(derivedFolder, "reference_events.csv")),
        ReadStrides(Path.Combine(derivedFolder, "reference_strides.csv")));

    public static IReadOnlyList<MobgapRecordingInfo> ReadRecordings(string path) => Read(path, (t, r) =>
        new MobgapRecordingInfo(t.Trial(r), (int)t.Number(r, "n_samples"), t.Number(r, "fs_hz"), t.Number(r, "duration_s"), t.Text(r, "start_datetime") ?? ""));

    public static IReadOnlyList<MobgapWalkingBout> ReadWalkingBouts(string path) => Read(path, (t, r) =>
        new MobgapWalkingBout(
            t.Trial(r),
            t.System(r),
            (int)t.Number(r, "wb_id"),
            t.Number(r, "start_s"),
            t.Number(r, "end_s"),
            t.Optional(r, "duration_s"),
            t.Optional(r, "n_strides") is { } n ? (int)n : null,
            t.Optional(r, "cadence_steps_per_min"),
            t.Optional(r, "walking_speed_m_s"),
            t.Optional(r, "avg_stride_length_m"),
            t.Optional(r, "length_m"),
            t.Text(r, "termination_reason"),
            t.Optional(r, "turning_flag") is { } turning ? turning != 0 : null));

    /// <summary>Reference events; rows whose time is NaN in the source (55 of 862 in the shipped data) are left out.</summary>
    public static IReadOnlyList<MobgapGaitEvent> ReadEvents(string path) => Read(path, (t, r) => t.Optional(r, "time_s") is null ? null :
        new MobgapGaitEvent(
            t.Trial(r),
            t.System(r),
            (int)t.Number(r, "wb_id"),
            t.Text(r, "event") switch
            {
                "IC" => GaitEventKind.InitialContact,
                "FC" => GaitEventKind.FinalContact,
                var other => throw new RecordingFormatException(r.Line, "event", $"'{other}' is neither IC nor FC"),
            },
            t.Number(r, "time_s"),
            t.Side(r)));

    /// <summary>Reference strides; rows whose start or end is NaN in the source (26 of 394 in the shipped data) are left out.</summary>
    public static IReadOnlyList<MobgapStride> ReadStrides(string path) => Read(path, (t, r) => t.Optional(r, "start_ic_s") is null || t.Optional(r, "end_ic_s") is null ? null :
        new MobgapStride(
            t.Trial(r),
            t.System(r),
            (int)t.Number(r, "wb_id"),
            (int)t.Number(r, "stride_id"),
            t.Side(r),
            t.Number(r, "start_ic_s"),
            t.Number(r, "end_ic_s"),
            t.Optional(r, "duration_s"),
            t.Optional(r, "length_m"),
            t.Optional(r, "speed_m_s"),
            t.Optional(r, "stance_s"),
            t.Optional(r, "swing_s")));

    private static List<T> Read<T>(string path, Func<Table, (long Line, string[] Fields), T?> convert)
        where T : class
    {
        using var stream = File.OpenRead(path);
        var (header, rows) = CsvFields.ReadTable(stream);
        var table = new Table(header);
        var result = new List<T>(rows.Count);
        foreach (var row in rows)
        {
            if (convert(table, row) is { } item)
            {
                result.Add(item);
            }
        }

        return result;
    }

    private sealed class Table(string[] header)
    {
        private int Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 ? index : throw new RecordingFormatException(1, name, $"missing column; the header has {string.Join(",", header)}");
        }

        public string? Text((long Line, string[] Fields) row, string name)
        {
            var index = Column(name);
            if (index >= row.Fields.Length)
            {
                throw new RecordingFormatException(row.Line, name, "the row has too few fields");
            }

            return row.Fields[index].Length == 0 ? null : row.Fields[index];
        }

        public double? Optional((long Line, string[] Fields) row, string name)
        {
            var text = Text(row, name);
            if (text is null || text.Equals("nan", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new RecordingFormatException(row.Line, name, $"'{text}' is not a number");
        }

        public double Number((long Line, string[] Fields) row, string name) =>
            Optional(row, name) ?? throw new RecordingFormatException(row.Line, name, "value missing");

        public MobgapTrial Trial((long Line, string[] Fields) row) =>
            new(Text(row, "cohort") ?? "", Text(row, "participant") ?? "", Text(row, "test") ?? "", Text(row, "trial") ?? "");

        public MobgapReferenceSystem System((long Line, string[] Fields) row) => Text(row, "system") switch
        {
            "INDIP" => MobgapReferenceSystem.Indip,
            "Stereophoto" => MobgapReferenceSystem.Stereophoto,
            var other => throw new RecordingFormatException(row.Line, "system", $"'{other}' is neither INDIP nor Stereophoto"),
        };

        public BodySide Side((long Line, string[] Fields) row) => Text(row, "side") switch
        {
            "Left" => BodySide.Left,
            "Right" => BodySide.Right,
            null => BodySide.Unknown,
            var other => throw new RecordingFormatException(row.Line, "side", $"'{other}' is neither Left nor Right"),
        };
    }
}
