using System.CommandLine;
using System.Text.RegularExpressions;
using Ambulo.Cli.Commands;

// Every command lives in its own file under Commands/ and is registered here, once.
var root = new RootCommand("Ambulo: home gait rehabilitation after stroke — exercises, programs, motion analysis.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A command line that does not parse (a missing argument, a number that is not one, an unknown command) gets the
    // same treatment as every other bad input: short "error:" lines on standard error and exit code 2, not the whole help.
    foreach (var problem in parsed.Errors)
    {
        Console.Error.WriteLine("error: " + CommandLineErrors.Plain(problem.Message));
    }

    var names = new List<string>();
    for (var result = (System.CommandLine.Parsing.SymbolResult?)parsed.CommandResult; result is not null; result = result.Parent)
    {
        if (result is System.CommandLine.Parsing.CommandResult c)
        {
            names.Insert(0, c.Command.Name);
        }
    }

    Console.Error.WriteLine($"Run '{string.Join(' ', names)} --help' for usage.");
    return 2;
}

return await parsed.InvokeAsync();

/// <summary>Parser messages in plain words: "as expected type 'System.Nullable`1[System.Double]'" becomes "as a number".</summary>
internal static partial class CommandLineErrors
{
    public static string Plain(string message) =>
        TypeName().Replace(message, m => m.Groups[1].Value switch
        {
            "Int32" or "Int64" => "as a whole number",
            "Double" or "Single" or "Decimal" => "as a number",
            _ => "as a value of the right kind",
        });

    [GeneratedRegex(@"as expected type '[^']*?(Int32|Int64|Double|Single|Decimal|[A-Za-z]+)\]?'")]
    private static partial Regex TypeName();
}
