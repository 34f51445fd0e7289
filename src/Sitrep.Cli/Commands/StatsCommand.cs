using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stats</c>: what the store holds: documents by outlet, language and date, what each feature found, and which stage versions made it.</summary>
internal static class StatsCommand
{
    private const int OutletsShown = 20;

    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var outlets = new Option<int>("--outlets") { Description = "How many outlets to list.", DefaultValueFactory = _ => OutletsShown }.AtLeast(0);
        var command = new Command("stats", "What the store holds: documents by outlet, language and date range; entities by type; the stage versions that analysed them.");
        command.Options.Add(db);
        command.Options.Add(outlets);
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var s = StoreOptions.Documents(engine).Statistics();
            console.MarkupLineInterpolated($"[bold]{engine.Store.Location}[/]: {ViewRenderer.Count(s.Documents, "document", "documents")}, {s.Duplicates:N0} of them copies of another source's text");
            console.MarkupLineInterpolated($"published from {s.EarliestPublished ?? "—"} to {s.LatestPublished ?? "—"}; {s.Undated:N0} undated");

            int shown = Math.Max(1, parse.GetValue(outlets));
            var byOutlet = s.ByOutlet.Take(shown).Select(o => (IReadOnlyList<string>)[o.Outlet ?? "(unknown)", N(o.Documents)]).ToList();
            if (s.ByOutlet.Count > shown)
                byOutlet.Add([$"… {s.ByOutlet.Count - shown:N0} more outlets", N(s.ByOutlet.Skip(shown).Sum(o => o.Documents))]);
            ViewRenderer.Render(console, new("documents by outlet", ["outlet", "documents"], byOutlet));
            ViewRenderer.Render(console, new("documents by language", ["language", "documents"], [.. s.ByLanguage.Select(l => (IReadOnlyList<string>)[l.Language ?? "(unknown)", N(l.Documents)])]));
            foreach (var view in engine.StatisticsViews())
                ViewRenderer.Render(console, view);
            var current = engine.Full.StageVersions;
            ViewRenderer.Render(console, new("stage versions", ["stage", "version", "documents", "state"], [.. s.StageVersions.Select(v => (IReadOnlyList<string>)
            [
                v.Stage,
                v.Version,
                N(v.Documents),
                current.TryGetValue(v.Stage, out var now) ? (now == v.Version ? "current" : $"behind (now {now}): sitrep reanalyze") : "no longer run",
            ])]));
            var missing = current.Keys.Where(k => !s.StageVersions.Any(v => v.Stage == k) && engine.Full.Stages.Any(st => st.Name == k && st.Produces.Any(l => !l.Transient))).ToList();
            if (missing.Count > 0 && s.Documents > 0)
                console.MarkupLineInterpolated($"Stages no stored document has run: {string.Join(", ", missing)} ('sitrep reanalyze' adds them).");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
