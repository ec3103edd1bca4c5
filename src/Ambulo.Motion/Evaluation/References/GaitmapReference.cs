using System.Globalization;
using System.Numerics;
using Ambulo.Motion.Gait;
using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Evaluation.References;

/// <summary>
/// One stride of the gaitmap motion-capture reference (<c>stride_events_sample.csv</c>), times in seconds on the
/// time base of <see cref="GaitmapImporter"/> (sample index / rate). A stride runs from one mid-stance
/// (<see cref="MinVelocitySeconds"/>, foot slowest) to the next; <see cref="TerminalContactSeconds"/> (toe-off)
/// and <see cref="InitialContactSeconds"/> (heel strike) fall inside it; <see cref="PreviousInitialContactSeconds"/>
/// is the heel strike before its start. The source converted 100 Hz mocap to IMU samples: expect ±1 sample.
/// </summary>
public sealed record GaitmapStrideEvent(
    int StrideId,
    BodySide Foot,
    double StartSeconds,
    double EndSeconds,
    double InitialContactSeconds,
    double TerminalContactSeconds,
    double MinVelocitySeconds,
    double PreviousInitialContactSeconds)
{
    public double DurationSeconds => EndSeconds - StartSeconds;
}

/// <summary>
/// A stride border of <c>stride_borders_sample.csv</c> (hand-labelled at the medio-lateral gyro minimum before
/// toe-off) or of <c>stride_borders_sample_ic_stride.csv</c> (mocap initial contact to initial contact).
/// </summary>
public sealed record GaitmapStrideBorder(int StrideId, BodySide Foot, double StartSeconds, double EndSeconds, int GaitSequenceId);

/// <summary>
/// Reference stride length of one stride: the horizontal distance the heel marker moved from the stride's start
/// to its end (last row of that stride in <c>position_sample.csv</c>, metres).
/// </summary>
public sealed record GaitmapStrideLength(int StrideId, BodySide Foot, double LengthMeters);

/// <summary>
/// Reference foot orientation during one stride from <c>orientation_sample.csv</c>: unit quaternions at 100 Hz
/// (<see cref="SampleRateHz"/>) from the stride start; index 0 is the stride's start.
/// </summary>
public sealed record GaitmapStrideOrientation(int StrideId, BodySide Foot, IReadOnlyList<Quaternion> Orientations)
{
    public const double SampleRateHz = 100;

    /// <summary>
    /// Foot pitch range over the stride in degrees: largest minus smallest <see cref="GaitmapReference.FootPitchDegrees"/>
    /// of the stride's orientations (the sagittal-plane excursion from toe-off plantarflexion to heel-strike
    /// dorsiflexion). 0 for an empty stride.
    /// </summary>
    public double PitchRangeDegrees
    {
        get
        {
            if (Orientations.Count == 0)
            {
                return 0;
            }

            double low = double.MaxValue, high = double.MinValue;
            foreach (var q in Orientations)
            {
                var pitch = GaitmapReference.FootPitchDegrees(q);
                low = Math.Min(low, pitch);
                high = Math.Max(high, pitch);
            }

            return high - low;
        }
    }
}

/// <summary>
/// Heel-marker trajectory of one stride from <c>position_sample.csv</c>: metres in the lab frame (z up), relative to the
/// position at the stride start, at 100 Hz (<see cref="SampleRateHz"/>); index 0 is the stride's start.
/// </summary>
public sealed record GaitmapStridePositions(int StrideId, BodySide Foot, IReadOnlyList<Vector3> PositionsMeters)
{
    public const double SampleRateHz = 100;
}

/// <summary>Readers for the gaitmap example data's reference files (MaD-Lab Erlangen, MIT).</summary>
public static class GaitmapReference
{
    public static IReadOnlyList<GaitmapStrideEvent> ReadStrideEvents(string path, double samplingRateHz = GaitmapImporter.ImuSampleRateHz)
    {
        using var stream = File.OpenRead(path);
        return ReadStrideEvents(stream, samplingRateHz);
    }

    public static IReadOnlyList<GaitmapStrideEvent> ReadStrideEvents(Stream stream, double samplingRateHz = GaitmapImporter.ImuSampleRateHz)
    {
        var (header, rows) = CsvFields.ReadTable(stream);
        var c = CsvFields.Require(header, "s_id", "foot", "start", "end", "ic", "tc", "min_vel", "pre_ic");
        var strides = new List<GaitmapStrideEvent>(rows.Count);
        foreach (var (line, f) in rows)
        {
            double Seconds(int column) => Number(f, c[column], header, line) / samplingRateHz;
            strides.Add(new GaitmapStrideEvent(
                (int)Number(f, c[0], header, line),
                Foot(f, c[1], line),
                Seconds(2),
                Seconds(3),
                Seconds(4),
                Seconds(5),
                Seconds(6),
                Seconds(7)));
        }

        return strides;
    }

    /// <summary>Stride borders; the rate defaults from the file name (102.4 Hz for the <c>_ic_stride</c> file, else 204.8 Hz).</summary>
    public static IReadOnlyList<GaitmapStrideBorder> ReadStrideBorders(string path, double? samplingRateHz = null)
    {
        var rate = samplingRateHz ?? (Path.GetFileName(path).Contains("ic_stride", StringComparison.Ordinal) ? GaitmapImporter.IcStrideSampleRateHz : GaitmapImporter.ImuSampleRateHz);
        using var stream = File.OpenRead(path);
        return ReadStrideBorders(stream, rate);
    }

    public static IReadOnlyList<GaitmapStrideBorder> ReadStrideBorders(Stream stream, double samplingRateHz)
    {
        var (header, rows) = CsvFields.ReadTable(stream);
        var c = CsvFields.Require(header, "s_id", "foot", "start", "end", "gsd_id");
        var borders = new List<GaitmapStrideBorder>(rows.Count);
        foreach (var (line, f) in rows)
        {
            borders.Add(new GaitmapStrideBorder(
                (int)Number(f, c[0], header, line),
                Foot(f, c[1], line),
                Number(f, c[2], header, line) / samplingRateHz,
                Number(f, c[3], header, line) / samplingRateHz,
                (int)Number(f, c[4], header, line)));
        }

        return borders;
    }

    public static IReadOnlyList<GaitmapStrideLength> ReadStrideLengths(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadStrideLengths(stream);
    }

    public static IReadOnlyList<GaitmapStrideLength> ReadStrideLengths(Stream stream)
    {
        var (header, rows) = CsvFields.ReadTable(stream);
        var c = RequirePerStride(header, "pos_x", "pos_y");
        var lengths = new List<GaitmapStrideLength>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, f) = rows[i];
            var isLast = i == rows.Count - 1 || rows[i + 1].Fields[c[0]] != f[c[0]] || rows[i + 1].Fields[c[1]] != f[c[1]];
            if (isLast)
            {
                var x = Number(f, c[3], header, line);
                var y = Number(f, c[4], header, line);
                lengths.Add(new GaitmapStrideLength((int)Number(f, c[1], header, line), SensorFoot(f, c[0], line), Math.Sqrt((x * x) + (y * y))));
            }
        }

        return lengths;
    }

    /// <summary>The whole heel-marker trajectory of every stride of <c>position_sample.csv</c> (metres, 100 Hz, relative to the stride start).</summary>
    public static IReadOnlyList<GaitmapStridePositions> ReadStridePositions(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadStridePositions(stream);
    }

    public static IReadOnlyList<GaitmapStridePositions> ReadStridePositions(Stream stream)
    {
        var (header, rows) = CsvFields.ReadTable(stream);
        var c = RequirePerStride(header, "pos_x", "pos_y", "pos_z");
        var strides = new List<GaitmapStridePositions>();
        List<Vector3>? current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, f) = rows[i];
            current ??= [];
            current.Add(new Vector3((float)Number(f, c[3], header, line), (float)Number(f, c[4], header, line), (float)Number(f, c[5], header, line)));
            var isLast = i == rows.Count - 1 || rows[i + 1].Fields[c[0]] != f[c[0]] || rows[i + 1].Fields[c[1]] != f[c[1]];
            if (isLast)
            {
                strides.Add(new GaitmapStridePositions((int)Number(f, c[1], header, line), SensorFoot(f, c[0], line), current));
                current = null;
            }
        }

        return strides;
    }

    public static IReadOnlyList<GaitmapStrideOrientation> ReadStrideOrientations(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadStrideOrientations(stream);
    }

    public static IReadOnlyList<GaitmapStrideOrientation> ReadStrideOrientations(Stream stream)
    {
        var (header, rows) = CsvFields.ReadTable(stream);
        var c = RequirePerStride(header, "q_x", "q_y", "q_z", "q_w");
        var strides = new List<GaitmapStrideOrientation>();
        List<Quaternion>? current = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, f) = rows[i];
            current ??= [];
            current.Add(new Quaternion(
                (float)Number(f, c[3], header, line),
                (float)Number(f, c[4], header, line),
                (float)Number(f, c[5], header, line),
                (float)Number(f, c[6], header, line)));
            var isLast = i == rows.Count - 1 || rows[i + 1].Fields[c[0]] != f[c[0]] || rows[i + 1].Fields[c[1]] != f[c[1]];
            if (isLast)
            {
                strides.Add(new GaitmapStrideOrientation((int)Number(f, c[1], header, line), SensorFoot(f, c[0], line), current));
                current = null;
            }
        }

        return strides;
    }

    /// <summary>
    /// Elevation of the foot's long (toe) axis above the horizontal, in degrees, from one quaternion of
    /// <c>orientation_sample.csv</c> (columns q_x, q_y, q_z, q_w, scalar last).
    /// <para>
    /// Convention, established from the data (not documented with the file): the toe axis in the mocap world is
    /// the foot-frame x axis rotated by the <em>conjugate</em> of the stored quaternion, so its vertical component
    /// is 2·(q_x·q_z + q_w·q_y) for a unit quaternion. Checked on all 57 strides of <c>imu_sample.csv</c>: the
    /// elevation so computed follows the integral of the foot IMU's medio-lateral gyroscope (y) over each stride
    /// with 4.1° RMS (after removing each stride's offset), on both feet; rotating with the quaternion itself
    /// instead gives 24–25° RMS. The sign of the elevation is the opposite of the IMU's (so the world z axis of the
    /// reference or its toe axis points the other way); a range does not depend on it.
    /// </para>
    /// </summary>
    public static double FootPitchDegrees(Quaternion q)
    {
        double x = q.X, y = q.Y, z = q.Z, w = q.W;
        var norm2 = x * x + y * y + z * z + w * w;
        if (!(norm2 > 0))
        {
            return double.NaN;
        }

        var vertical = Math.Clamp(2 * (x * z + w * y) / norm2, -1, 1);
        return Math.Asin(vertical) * 180 / Math.PI;
    }

    /// <summary>Per-stride files: first column (unnamed) = sensor, then s_id, sample and the value columns.</summary>
    private static int[] RequirePerStride(string[] header, params string[] values)
    {
        var named = CsvFields.Require(header, ["s_id", "sample", .. values]);
        return [0, .. named];
    }

    private static double Number(string[] fields, int column, string[] header, long line)
    {
        if (column >= fields.Length)
        {
            throw new RecordingFormatException(line, header[column], "the row has too few fields");
        }

        if (!double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new RecordingFormatException(line, header[column], $"'{fields[column]}' is not a finite number");
        }

        return value;
    }

    private static BodySide Foot(string[] fields, int column, long line) => fields.ElementAtOrDefault(column) switch
    {
        "left" => BodySide.Left,
        "right" => BodySide.Right,
        var other => throw new RecordingFormatException(line, "foot", $"'{other}' is neither left nor right"),
    };

    private static BodySide SensorFoot(string[] fields, int column, long line) => fields.ElementAtOrDefault(column) switch
    {
        "left_sensor" => BodySide.Left,
        "right_sensor" => BodySide.Right,
        var other => throw new RecordingFormatException(line, "sensor", $"'{other}' is neither left_sensor nor right_sensor"),
    };
}
