using System.CommandLine;

namespace Ambulo.Cli.Commands;

/// <summary>The list of top-level commands. Add one line per new command file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return GaitCommand.Create();
        yield return GaitCalibrateCommand.Create();
        yield return WalkTestCommand.Create();
        yield return Validate.ValidateCommand.Create();
        yield return ProgramCommand.Create();
        yield return ExercisesCommand.Create();
        yield return RepsCommand.Create();
        yield return SimulateCommand.Create();
        yield return ImportCommand.Create();
    }
}
