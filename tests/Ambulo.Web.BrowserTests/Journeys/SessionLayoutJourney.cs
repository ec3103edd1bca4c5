using System.Globalization;
using System.Text.Json;
using Ambulo.Web.BrowserTests.Infrastructure;
using Ambulo.Web.BrowserTests.Pages;

namespace Ambulo.Web.BrowserTests.Journeys;

/// <summary>
/// The exercise screen on a small laptop (1280×720) and a phone-sized window (412×915): the exercise's
/// name, its start and end pictures, the counter and Stop are all in view at once; the Stop bar covers
/// nothing; targets are at least 64 px and text at least 24 px; every control is reached with Tab and
/// stays uncovered when focused; Stop is centred, not at one side.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionLayoutJourney(BrowserFixture browser)
{
    private sealed record Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;

        public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({X:0},{Y:0} {Width:0}×{Height:0})");
    }

    /// <summary>Bounding boxes of the essentials, read in the page.</summary>
    private const string EssentialBoxes = """
        () => {
            const box = el => { if (!el) return null; const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
            const pictures = [...document.querySelectorAll('[data-testid=pictures] img, [data-testid=pictures] svg')];
            const stop = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Stop');
            return {
                name: box(document.querySelector('h1')),
                start: box(pictures[0]),
                end: box(pictures[1]),
                counter: box(document.querySelector('[data-testid=rep-counter]')),
                stop: box(stop),
                stopBar: box(document.querySelector('[data-testid=stop-bar]')),
                viewport: { x: 0, y: 0, width: window.innerWidth, height: window.innerHeight },
            };
        }
        """;

    /// <summary>
    /// Every control whose box lies inside the window: its centre must hit the control itself (not
    /// something on top of it), it must be at least 64×64 px. Every element with its own text must be
    /// at least 24 px. Returns the problems found.
    /// </summary>
    private const string CoverageAndSizeProblems = """
        () => {
            const problems = [];
            const inView = r => r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
            const body = document.querySelector('[data-testid=session-body]').getBoundingClientRect();
            const controls = [...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])')];
            for (const el of controls) {
                const r = el.getBoundingClientRect();
                if (!inView(r)) continue;
                const insideBody = r.top >= body.top && r.bottom <= body.bottom;
                const inStopBar = !!el.closest('[data-testid=stop-bar]');
                const inTopBar = !!el.closest('.top-bar');
                if (!insideBody && !inStopBar && !inTopBar) continue; // scrolled partly out of its area: not shown whole, not judged
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                const name = (el.textContent || el.getAttribute('aria-label') || el.tagName).trim().replace(/\s+/g, ' ');
                if (!hit || !(el === hit || el.contains(hit))) problems.push(`"${name}" is covered by ${hit ? hit.outerHTML.slice(0, 80) : 'nothing'}`);
                if (r.height < 64 - 0.5 || r.width < 64 - 0.5) problems.push(`"${name}" is ${Math.round(r.width)}×${Math.round(r.height)} px, under 64 px`);
            }
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (!node.textContent.trim()) continue;
                const el = node.parentElement;
                if (!el || el.closest('.visually-hidden, .skip-link, script, style, #blazor-error-ui')) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (size < 24 - 0.01) problems.push(`text "${node.textContent.trim().slice(0, 40)}" is ${size} px, under 24 px`);
            }
            return problems;
        }
        """;

    [Theory]
    [InlineData(1280, 720)]
    [InlineData(412, 915)]
    public async Task ExerciseScreen_SmallLaptopAndPhone_EssentialsInViewNothingCoveredKeyboardReachable(int width, int height)
    {
        await using var app = new AppServer();
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = await SessionPage.StartTodayAsync(page, app.Url("/"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=pictures] img')].every(i => i.complete && i.naturalWidth > 0)");

        var boxes = await page.EvaluateAsync<JsonElement>(EssentialBoxes);
        Box Read(string name) => boxes.GetProperty(name) is { ValueKind: JsonValueKind.Object } b
            ? new Box(b.GetProperty("x").GetDouble(), b.GetProperty("y").GetDouble(), b.GetProperty("width").GetDouble(), b.GetProperty("height").GetDouble())
            : throw new ShouldAssertException($"{name} is not on the exercise screen");
        var viewport = Read("viewport");
        var stopBar = Read("stopBar");
        var essentials = new Dictionary<string, Box>
        {
            ["name"] = Read("name"),
            ["start picture"] = Read("start"),
            ["end picture"] = Read("end"),
            ["counter"] = Read("counter"),
            ["Stop"] = Read("stop"),
        };

        foreach (var (name, box) in essentials)
        {
            box.Width.ShouldBeGreaterThan(0, $"{name} has no size");
            (box.X >= 0 && box.Y >= 0 && box.Right <= viewport.Right + 0.5 && box.Bottom <= viewport.Bottom + 0.5)
                .ShouldBeTrue($"{name} {box} is not wholly in the {width}×{height} window");
            if (name != "Stop")
            {
                box.Overlaps(stopBar).ShouldBeFalse($"{name} {box} is under the Stop bar {stopBar}");
            }

            foreach (var (other, otherBox) in essentials.Where(e => string.CompareOrdinal(e.Key, name) > 0))
            {
                box.Overlaps(otherBox).ShouldBeFalse($"{name} {box} overlaps {other} {otherBox}");
            }
        }

        essentials["start picture"].Height.ShouldBeGreaterThanOrEqualTo(100, "the start picture must be big enough to see");
        var stopCentre = essentials["Stop"].X + (essentials["Stop"].Width / 2);
        Math.Abs(stopCentre - (viewport.Width / 2)).ShouldBeLessThan(viewport.Width * 0.1, "Stop is centred, not at one side");

        (await page.EvaluateAsync<string[]>(CoverageAndSizeProblems)).ShouldBeEmpty();

        // Every control is reached with Tab, and the focused control is shown whole and uncovered.
        var expected = new[] { "Press after each repetition", "Connect a sensor", "I have done enough", "Repeat instructions", "Mute voice", "Tempo beat", "Stop" };
        var reached = new List<string>();
        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        for (var i = 0; i < 30 && !expected.All(e => reached.Any(r => r.Contains(e, StringComparison.Ordinal))); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>("""
                () => {
                    const el = document.activeElement;
                    if (!el || el === document.body) return { name: '', ok: true };
                    const r = el.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    const shown = r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
                    return { name: el.textContent.trim().replace(/\s+/g, ' '), ok: shown && !!hit && (el === hit || el.contains(hit)) };
                }
                """);
            var name = focus.GetProperty("name").GetString() ?? "";
            focus.GetProperty("ok").GetBoolean().ShouldBeTrue($"\"{name}\" is hidden or covered when it has the keyboard focus");
            reached.Add(name);
        }

        foreach (var control in expected)
        {
            reached.ShouldContain(r => r.Contains(control, StringComparison.Ordinal), $"{control} is not reached with the Tab key");
        }

        await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        await session.SaveScreenshotAsync(string.Create(CultureInfo.InvariantCulture, $"exercise-screen-{width}x{height}.png"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await context.CloseAsync();
    }
}
