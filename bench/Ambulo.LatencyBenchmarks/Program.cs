using System.Globalization;

namespace Ambulo.LatencyBenchmarks;

/// <summary>
/// Run with: <c>dotnet run -c Release --project bench/Ambulo.LatencyBenchmarks -- [--repetitions 200] [--time-scale 0.25] [--warmup 5]</c>.
/// Exit code 0 when every repetition reached the screen, 1 when some were missed, 2 for bad arguments.
/// </summary>
internal static class LatencyProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = HarnessOptions.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync(HarnessOptions.Usage);
            return 2;
        }

        var report = await CounterLatencyHarness.RunAsync(options, Console.Out);
        await Console.Out.WriteLineAsync(report.ToText(CultureInfo.InvariantCulture));
        return report.Missed == 0 ? 0 : 1;
    }
}
