using System.CommandLine;

namespace Ambulo.Cli.Commands.Validate;

/// <summary><c>ambulo validate …</c>: accuracy of the motion algorithms on public data sets. One subcommand per algorithm family.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Measure the accuracy of the motion algorithms on public data sets with reference annotations.");
        command.Subcommands.Add(ValidateGaitCommand.Create());
        command.Subcommands.Add(ValidateRepsCommand.Create());
        return command;
    }
}
