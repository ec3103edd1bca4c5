using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ambulo.Web.BrowserTests.Infrastructure;

internal static class Accessibility
{
    /// <summary>Runs axe-core on the page as it is now and fails with every violation listed.</summary>
    public static async Task ShouldHaveNoAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToArray();
        problems.ShouldBeEmpty($"axe-core found accessibility violations on {page.Url}");
    }
}
