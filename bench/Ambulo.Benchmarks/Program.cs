using System.Globalization;
using Ambulo.Benchmarks;
using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/Ambulo.Benchmarks -- --filter '*'
// CPU-time cross-check on a busy machine: dotnet run -c Release --project bench/Ambulo.Benchmarks -- cpu-time [runs]
// The lower-back week in CPU time: dotnet run -c Release --project bench/Ambulo.Benchmarks -- cpu-time gait [runs]
if (args.Length > 1 && args[0] == "cpu-time" && args[1] == "gait")
{
    CpuTimeCheck.RunGait(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
}
else if (args.Length > 0 && args[0] == "cpu-time")
{
    CpuTimeCheck.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40);
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
