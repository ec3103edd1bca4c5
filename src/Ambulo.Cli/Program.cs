using System.CommandLine;
using Ambulo.Cli.Commands;

// Every command lives in its own file under Commands/ and is registered here, once.
var root = new RootCommand("Ambulo: home gait rehabilitation after stroke — exercises, programs, motion analysis.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
