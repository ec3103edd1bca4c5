using System.Globalization;

namespace Ambulo.LatencyBenchmarks;

/// <summary>What the harness does: how many repetitions, how fast the recording plays, where Chromium is.</summary>
internal sealed record HarnessOptions(int Repetitions, int Warmup, double TimeScale, int Seed, string ChromiumPath, bool WriteAheadLog = false)
{
    public const string Usage =
        "usage: Ambulo.LatencyBenchmarks [--repetitions N (default 200)] [--warmup N (default 5)] " +
        "[--time-scale S (default 0.25; 1 = recorded speed)] [--seed N] [--chromium PATH (default /usr/bin/chromium)] " +
        "[--wal (experiment: switch the SQLite file to write-ahead logging before the run)]";

    public static HarnessOptions? Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions(200, 5, 0.25, 7, "/usr/bin/chromium");
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (args[i] == "--wal")
            {
                options = options with { WriteAheadLog = true };
                continue;
            }

            switch (args[i])
            {
                case "--repetitions" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 5000:
                    options = options with { Repetitions = n };
                    break;
                case "--warmup" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 100:
                    options = options with { Warmup = w };
                    break;
                case "--time-scale" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0.05 and <= 10:
                    options = options with { TimeScale = s };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--chromium" when !string.IsNullOrWhiteSpace(value):
                    options = options with { ChromiumPath = value };
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }
}
