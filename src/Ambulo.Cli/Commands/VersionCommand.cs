using System.CommandLine;
using System.Reflection;

namespace Ambulo.Cli.Commands;

internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("about", "Print the Ambulo version and where the data comes from.");
        command.SetAction(parseResult =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine($"ambulo {version}");
            return 0;
        });
        return command;
    }
}
