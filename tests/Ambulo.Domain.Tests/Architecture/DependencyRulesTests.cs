using System.Reflection;

namespace Ambulo.Domain.Tests.Architecture;

/// <summary>The dependency rules of docs/adr/0001: Domain and Motion stay pure and do not know each other.</summary>
public class DependencyRulesTests
{
    private static readonly string[] ForbiddenForCores =
        ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Ambulo.Web", "Ambulo.Cli", "System.CommandLine", "Spectre.Console"];

    [Theory]
    [InlineData("Ambulo.Domain", "Ambulo.Motion")]
    [InlineData("Ambulo.Motion", "Ambulo.Domain")]
    public void CoreLibrary_References_NoHostingDataOrSiblingCore(string assemblyName, string sibling)
    {
        var assembly = Assembly.Load(assemblyName);
        var referenced = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        referenced.ShouldNotContain(sibling);
        foreach (var forbidden in ForbiddenForCores)
        {
            referenced.ShouldAllBe(name => !name.StartsWith(forbidden, StringComparison.Ordinal));
        }
    }
}
