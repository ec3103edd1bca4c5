using System.Diagnostics;
using System.Globalization;

namespace Ambulo.Benchmarks;

/// <summary>
/// Cross-check for a shared machine: <c>dotnet run -c Release --project bench/Ambulo.Benchmarks -- cpu-time [runs]</c>
/// runs the same work as <see cref="RepetitionBenchmarks"/> and divides the process's CPU time (not wall time) by the
/// samples processed. When other processes hold the cores, wall-clock figures (BenchmarkDotNet's) mostly measure the
/// wait; CPU time measures the work, though caches shared with the other processes still slow it somewhat. The
/// process's CPU time also holds the runtime's background threads (JIT, GC), so after the warm-up it is a slight
/// over-estimate. Printed with the share of a core the process actually got.
/// </summary>
internal static class CpuTimeCheck
{
    private const int HourSamples = 360_000;
    private const int OnlineSamples = 60_000;

    public static void Run(int runs)
    {
        var bench = new RepetitionBenchmarks();
        bench.Setup();
        for (var i = 0; i < 40; i++)
        {
            bench.OfflineHourPerSample(); // reach fully optimised code (tier 1) before measuring
            bench.OnlinePerSample();
        }

        Report("OfflineHourPerSample", runs, HourSamples, () => bench.OfflineHourPerSample());
        Report("OnlinePerSample", runs * 6, OnlineSamples, () => bench.OnlinePerSample());
    }

    /// <summary>
    /// <c>cpu-time gait [runs]</c>: CPU time of <see cref="GaitBenchmarks.LowerBackWeek"/> and
    /// <see cref="GaitBenchmarks.LowerBackWeekSlowOrImpaired"/> (a week of lower-back data, hour by hour), printed as
    /// seconds per week after a warm-up week.
    /// </summary>
    public static void RunGait(int runs)
    {
        var bench = new GaitBenchmarks();
        bench.Setup();
        ReportWeek("LowerBackWeek", runs, () => bench.LowerBackWeek());
        ReportWeek("LowerBackWeekSlowOrImpaired", runs, () => bench.LowerBackWeekSlowOrImpaired());
    }

    private static void ReportWeek(string name, int runs, Func<int> week)
    {
        week();
        using var process = Process.GetCurrentProcess();
        var perWeek = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            week();
            process.Refresh();
            perWeek.Add((process.TotalProcessorTime - before).TotalSeconds);
        }

        perWeek.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: CPU time per week min {perWeek[0]:F2} s, median {perWeek[perWeek.Count / 2]:F2} s over {runs} runs"));
    }

    private static void Report(string name, int runs, int samplesPerRun, Func<int> work)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var sink = 0;
        for (var r = 0; r < runs; r++)
        {
            sink += work();
        }

        wall.Stop();
        process.Refresh();
        var cpuNs = (process.TotalProcessorTime - cpuBefore).TotalNanoseconds / ((double)runs * samplesPerRun);
        var wallNs = wall.Elapsed.TotalNanoseconds / ((double)runs * samplesPerRun);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: CPU time {cpuNs:F1} ns/sample ({1000 / cpuNs:F1} million samples/s), wall {wallNs:F1} ns/sample, share of a core {cpuNs / wallNs:P0}, {runs} runs (check {sink})"));
    }
}
