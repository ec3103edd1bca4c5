using System.Globalization;
using System.Text;

namespace Ambulo.LatencyBenchmarks;

/// <summary>Latency figures of one run, in milliseconds.</summary>
internal sealed record LatencyReport(
    HarnessOptions Options,
    IReadOnlyList<double> ToDomMs,
    IReadOnlyList<double> ToFrameMs,
    IReadOnlyList<double> ServerMs,
    IReadOnlyList<double> StoredMs,
    int Missed,
    double ClockOffsetMs,
    double ClockUncertaintyMs,
    double ClockDriftMs,
    string Machine)
{
    public const double TargetMs = 100;

    /// <summary>Nearest-rank percentile of a sample.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public string ToText(IFormatProvider culture)
    {
        var text = new StringBuilder();
        text.AppendLine(culture, $"Counter latency: repetition emitted by the pipeline -> counter text changed in Chromium");
        text.AppendLine(culture, $"machine: {Machine}");
        text.AppendLine(culture, $"repetitions measured: {ToDomMs.Count} (after {Options.Warmup} warm-up), missed: {Missed}, replay time scale {Options.TimeScale}, SQLite journal {(Options.WriteAheadLog ? "WAL (experiment)" : "default (rollback)")}");
        text.AppendLine(culture, $"clock offset browser-server: {ClockOffsetMs:0.00} ms ± {ClockUncertaintyMs:0.00} ms (drift over the run {ClockDriftMs:0.00} ms)");
        text.AppendLine("| path | n | p50 ms | p95 ms | p99 ms | max ms | over 100 ms |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        Row(text, culture, "server: emitted -> stored in SQLite", StoredMs);
        Row(text, culture, "server: emitted -> stored and screens told", ServerMs);
        Row(text, culture, "emitted -> counter DOM text changed", ToDomMs);
        Row(text, culture, "emitted -> next animation frame", ToFrameMs);
        return text.ToString();
    }

    private static void Row(StringBuilder text, IFormatProvider culture, string name, IReadOnlyList<double> values) =>
        text.AppendLine(culture,
            $"| {name} | {values.Count} | {Percentile(values, 50):0.0} | {Percentile(values, 95):0.0} | {Percentile(values, 99):0.0} | {(values.Count == 0 ? double.NaN : values.Max()):0.0} | {values.Count(v => v > TargetMs)} |");
}
