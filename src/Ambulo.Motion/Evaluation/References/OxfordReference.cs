using Ambulo.Motion.Recordings;
using Ambulo.Motion.Recordings.Importers;

namespace Ambulo.Motion.Evaluation.References;

/// <summary>
/// Foot-switch steps of an Oxford validation walk: the ground-truth device's cumulative count
/// (<c>steps_groundtruth</c>) rises by one at each foot contact; <see cref="StepTimesSeconds"/> holds the time of
/// every rise on the time base of <see cref="OxfordImporter"/> (first row = 0 s). Times include the device's
/// Bluetooth latency (tens of ms). The phone's own counts are given for comparison, not as truth.
/// </summary>
public sealed record OxfordValidationSteps(
    IReadOnlyList<double> StepTimesSeconds,
    int GroundTruthStepCount,
    int AuthorsAlgorithmStepCount,
    int PhoneHardwareStepCount,
    long TimeOriginNanoseconds);

/// <summary>One reading of the two foot pads (1 = pressed) of an Oxford optimisation walk (≈10 Hz).</summary>
public readonly record struct OxfordPadState(double TimeSeconds, bool PadA, bool PadB);

/// <summary>Which of the two pads; the data set does not say which foot each was on.</summary>
public enum OxfordPad
{
    A,
    B,
}

/// <summary>A step: a pad going from released to pressed between two readings.</summary>
public readonly record struct OxfordPadStep(double TimeSeconds, OxfordPad Pad);

/// <summary>
/// The pad reference of an Oxford optimisation walk (<c>stepcounter.csv</c>), on the time base of the walk's
/// <c>accelerometer.csv</c> as imported by <see cref="OxfordImporter"/> (its first timestamp = 0 s). Steps are
/// 0→1 transitions between consecutive readings; the pressed state of the first reading (standing at the start)
/// is not a step — which is why the count is one per pad below the data set README's (316 vs 314, 336 vs 335).
/// </summary>
public sealed record OxfordPadReference(IReadOnlyList<OxfordPadState> States, IReadOnlyList<OxfordPadStep> Steps, long TimeOriginNanoseconds);

/// <summary>Readers for the Oxford step-counter data set's foot-switch reference (CC BY 4.0).</summary>
public static class OxfordReference
{
    public static OxfordValidationSteps ReadValidationSteps(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadValidationSteps(stream);
    }

    public static OxfordValidationSteps ReadValidationSteps(Stream stream)
    {
        var reader = new Utf8LineReader(stream);
        Span<Range> fields = stackalloc Range[8];
        var times = new List<double>(512);
        long origin = 0;
        long previousTruth = 0;
        long algorithm = 0;
        long hardware = 0;
        var first = true;
        while (reader.TryReadLine(out var line, out _))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            if (CsvFields.Split(line, fields) != 7
                || !CsvFields.TryLong(line[fields[0]], out var nanoseconds)
                || !CsvFields.TryLong(line[fields[4]], out var algo)
                || !CsvFields.TryLong(line[fields[5]], out var truth)
                || !CsvFields.TryLong(line[fields[6]], out var hw))
            {
                throw new RecordingFormatException(reader.LineNumber, null, "expected 7 fields: timestamp_ns, acc_x, acc_y, acc_z, steps_algo, steps_groundtruth, steps_hw");
            }

            if (first)
            {
                origin = nanoseconds;
                previousTruth = truth;
                first = false;
            }

            for (var step = previousTruth; step < truth; step++)
            {
                times.Add((nanoseconds - origin) / 1e9);
            }

            previousTruth = Math.Max(previousTruth, truth);
            algorithm = algo;
            hardware = hw;
        }

        if (first)
        {
            throw new RecordingFormatException(0, null, "the file holds no rows");
        }

        return new OxfordValidationSteps(times, (int)previousTruth, (int)algorithm, (int)hardware, origin);
    }

    /// <summary>Reads <c>stepcounter.csv</c> of an optimisation walk folder, aligned to its <c>accelerometer.csv</c>.</summary>
    public static OxfordPadReference ReadPads(string walkFolder)
    {
        var origin = FirstTimestamp(Path.Combine(walkFolder, "accelerometer.csv"));
        using var stream = File.OpenRead(Path.Combine(walkFolder, "stepcounter.csv"));
        return ReadPads(stream, origin);
    }

    /// <summary>Reads pad states; <paramref name="timeOriginNanoseconds"/> becomes 0 s (use the accelerometer's first timestamp).</summary>
    public static OxfordPadReference ReadPads(Stream stream, long timeOriginNanoseconds)
    {
        var reader = new Utf8LineReader(stream);
        Span<Range> fields = stackalloc Range[4];
        var states = new List<OxfordPadState>(2048);
        var steps = new List<OxfordPadStep>(512);
        while (reader.TryReadLine(out var line, out _))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            if (CsvFields.Split(line, fields) != 3
                || !CsvFields.TryLong(line[fields[0]], out var nanoseconds)
                || !CsvFields.TryLong(line[fields[1]], out var a)
                || !CsvFields.TryLong(line[fields[2]], out var b))
            {
                throw new RecordingFormatException(reader.LineNumber, null, "expected 3 fields: timestamp_ns, pad_a, pad_b");
            }

            var state = new OxfordPadState((nanoseconds - timeOriginNanoseconds) / 1e9, a != 0, b != 0);
            if (states.Count > 0)
            {
                var before = states[^1];
                if (state.PadA && !before.PadA)
                {
                    steps.Add(new OxfordPadStep(state.TimeSeconds, OxfordPad.A));
                }

                if (state.PadB && !before.PadB)
                {
                    steps.Add(new OxfordPadStep(state.TimeSeconds, OxfordPad.B));
                }
            }

            states.Add(state);
        }

        return new OxfordPadReference(states, steps, timeOriginNanoseconds);
    }

    private static long FirstTimestamp(string accelerometerPath)
    {
        using var stream = File.OpenRead(accelerometerPath);
        var reader = new Utf8LineReader(stream);
        Span<Range> fields = stackalloc Range[8];
        while (reader.TryReadLine(out var line, out _))
        {
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            CsvFields.Split(line, fields);
            return CsvFields.TryLong(line[fields[0]], out var nanoseconds)
                ? nanoseconds
                : throw new RecordingFormatException(reader.LineNumber, "timestamp_ns", "not an integer");
        }

        throw new RecordingFormatException(0, null, $"'{accelerometerPath}' holds no rows");
    }
}
