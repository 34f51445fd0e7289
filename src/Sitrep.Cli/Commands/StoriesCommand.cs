using System.CommandLine;
using System.Globalization;
using Sitrep.Ingest;
using Sitrep.Quotes;
using Sitrep.Stories;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stories</c> lists the stories across the stored articles; <c>sitrep stories show ID</c> shows one.</summary>
internal static class StoriesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var search = new Option<string?>("--search", "-s") { Description = "Only stories whose title contains this text (any case)." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 50 }.AtLeast(1);
        var all = new Option<bool>("--all") { Description = "Also stories of one article." };
        var command = new Command("stories", """
            Stories across the stored articles: articles about one developing situation, grouped as
            they are stored (newest first), each with its size, outlets and first and last day. A story
            of one article is left out unless --all.

            Examples:
              sitrep stories
              sitrep stories --search Serin
              sitrep stories show S12
            """);
        command.Options.Add(db);
        command.Options.Add(search);
        command.Options.Add(top);
        command.Options.Add(all);
        command.Subcommands.Add(Show(console));
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var index = Index(engine.Store);
            var wanted = parse.GetValue(search);
            var stories = index.List()
                .Where(s => parse.GetValue(all) || s.Size > 1)
                .Where(s => string.IsNullOrWhiteSpace(wanted) || (s.Title ?? "").Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (stories.Count == 0)
            {
                console.MarkupLine(index.List().Count == 0 ? "No story yet: 'sitrep analyze' groups articles into stories as it stores them." : "No story found (--all lists stories of one article too).");
                return ExitCodes.Ok;
            }
            int limit = Math.Max(1, parse.GetValue(top));
            var catalog = StoreOptions.Documents(engine);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "title").AddColumn(new TableColumn("articles").RightAligned()).AddColumns("outlets", "first", "last");
            foreach (var s in stories.Take(limit))
            {
                var outlets = catalog.Summaries(index.Documents(s.Id)).Values.Select(d => d.Outlet).Where(o => o is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                table.AddRow(
                    s.Name,
                    Markup.Escape(StoredQuote.Shorten(s.Title ?? "(untitled)", 80)),
                    s.Size.ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(outlets.Count <= 3 ? string.Join(", ", outlets) : string.Join(", ", outlets.Take(3)) + $" and {outlets.Count - 3} more"),
                    s.First ?? "",
                    s.Last ?? "");
            }
            console.Write(table);
            console.MarkupLineInterpolated($"{ViewRenderer.Count(stories.Count, "story", "stories")}{(stories.Count > limit ? $", {limit} shown (--top N lists more)" : "")}; 'sitrep stories show ID' shows one.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The story id, e.g. S12 (a merged story's old id finds the story it joined)." };
        var every = new Option<bool>("--all") { Description = "List every story event in the timeline, also those one article reports." };
        var command = new Command("show", "A story's articles in date order, its timeline (events with the articles that report them), how each outlet frames it, and the statements several of them report, every version side by side.");
        command.Options.Add(db);
        command.Options.Add(every);
        command.Arguments.Add(id);
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var text = parse.GetValue(id);
            if (StoryIds.Parse(text) is not { } number)
            {
                Errors.Write(console, $"'{text}' is no story id (S12)");
                return ExitCodes.Usage;
            }
            var store = engine.Store;
            if (StoryView.Read(store, Index(store), number) is not { } story)
            {
                Errors.Write(console, $"no story {StoryIds.Format(number)} in the store {store.Location} ('sitrep stories' lists them)");
                return ExitCodes.NothingRead;
            }
            if (story.Record.Id != number)
                console.MarkupLineInterpolated($"[grey]{StoryIds.Format(number)} was merged into {story.Record.Name}.[/]");
            console.MarkupLineInterpolated($"[bold]{story.Record.Name}[/] {story.Record.Title ?? "(untitled)"}");
            console.MarkupLineInterpolated($"{ViewRenderer.Count(story.Documents.Count, "article", "articles")}, {story.Record.First ?? "undated"}{(story.Record.Last != story.Record.First ? " to " + story.Record.Last : "")}");
            var articles = new Table().Border(TableBorder.Rounded).AddColumns("date", "outlet", "title", "document");
            foreach (var d in story.Documents)
                articles.AddRow(Markup.Escape(d.Metadata.Published ?? ""), Markup.Escape(d.Metadata.Outlet ?? ""), Markup.Escape(StoredQuote.Shorten(d.Metadata.Title ?? "(untitled)", 90)), Markup.Escape(d.Id));
            console.Write(articles);
            WriteTimeline(console, story, store, parse.GetValue(every));
            StoryFindingsOutput.Write(console, story, store);
            WriteFraming(console, story, store);
            if (story.Statements.Count == 0)
            {
                console.MarkupLine("No statement reported by two or more of its articles.");
                return ExitCodes.Ok;
            }
            var outlets = story.Documents.ToDictionary(d => d.Id, d => d.Metadata.Outlet ?? d.Id, StringComparer.Ordinal);
            for (int i = 0; i < story.Statements.Count; i++)
            {
                var statement = story.Statements[i];
                console.MarkupLineInterpolated($"[bold]T{i + 1}[/] {statement.SpeakerName} ({statement.Speaker})");
                // One column per article: the versions side by side, each article's quotes of it in text order.
                var versions = statement.Quotes.GroupBy(q => q.Document, StringComparer.Ordinal).ToList();
                foreach (var chunk in versions.Chunk(4))
                {
                    var table = new Table().Border(TableBorder.Rounded);
                    foreach (var v in chunk)
                        table.AddColumn(new TableColumn(Markup.Escape(outlets.GetValueOrDefault(v.Key, v.Key) + (v.First().Date is { } date ? ", " + date : ""))));
                    table.AddRow([.. chunk.Select(v => (Spectre.Console.Rendering.IRenderable)new Markup(Markup.Escape(string.Join("\n", v.Select(q => "“" + StoredQuote.Shorten(q.Words, 300) + "”")))))]);
                    console.Write(table);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The story's events in date order with the outlets reporting each; by default those two or more articles report.</summary>
    private static void WriteTimeline(IAnsiConsole console, StoryView story, IDocumentStore store, bool every)
    {
        var shown = story.Events.Where(e => every || e.Reports.Select(r => r.Document).Distinct(StringComparer.Ordinal).Count() > 1).ToList();
        int hidden = story.Events.Count - shown.Count;
        if (shown.Count == 0)
        {
            console.MarkupLineInterpolated($"Timeline: no event reported by two or more articles{(hidden > 0 ? $" ({ViewRenderer.Count(hidden, "event", "events")} reported once; --all lists them)" : "")}.");
            return;
        }
        var directory = store.Feature<Sitrep.Entities.Resolution.IEntityDirectory>();
        string Name(string id)
        {
            if (directory is null || StoredQuotes.EntityId(id) is not { } n)
                return id;
            try
            {
                return directory.Get(n).Name;
            }
            catch (KeyNotFoundException)
            {
                return id;
            }
        }
        var outlets = story.Documents.ToDictionary(d => d.Id, d => d.Metadata.Outlet ?? d.Id, StringComparer.Ordinal);
        var table = new Table().Border(TableBorder.Rounded).Title("timeline").AddColumns("date", "event", "who", "reports");
        foreach (var e in shown)
        {
            var date = e.Date ?? (e.From is not null ? e.From + " to " + e.To : "undated");
            if (e.DateInferred)
                date += " (published)";
            if (e.DatesDisagree)
                date += " [yellow](dates disagree)[/]";
            var reports = e.Reports.GroupBy(r => r.Document, StringComparer.Ordinal)
                .Select(g => $"{outlets.GetValueOrDefault(g.Key, g.Key)}: {string.Join(", ", g.Select(r => "“" + r.Cue.Text + "”" + (r.DateWords is { } w ? " " + w.Text : "")))}");
            table.AddRow(
                new Markup(date.Contains("[yellow]", StringComparison.Ordinal) ? Markup.Escape(date[..date.IndexOf(" [yellow]", StringComparison.Ordinal)]) + " [yellow](dates disagree)[/]" : Markup.Escape(date)),
                new Markup(Markup.Escape(e.Type)),
                new Markup(Markup.Escape(string.Join(", ", e.Participants.Take(4).Select(Name)))),
                new Markup(Markup.Escape(string.Join("\n", reports))));
        }
        console.Write(table);
        if (hidden > 0)
            console.MarkupLineInterpolated($"{ViewRenderer.Count(hidden, "more event", "more events")} reported by one article (--all lists them).");
    }

    /// <summary>How each outlet frames the story, as the framing stage keeps it: its genres, what it calls the actors two outlets or more name, its own words, whose voices it quotes.</summary>
    private static void WriteFraming(IAnsiConsole console, StoryView story, IDocumentStore store)
    {
        var rows = store.Feature<IStoryFraming>()?.Framing(story.Record.Id) ?? [];
        if (rows.Count == 0)
        {
            console.MarkupLine("Framing: none stored ('sitrep analyze' or 'sitrep reanalyze' keeps it).");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title("framing by outlet").AddColumns("outlet", "articles", "calls the actors", "its words", "quotes");
        foreach (var r in rows.OrderByDescending(r => r.Articles).ThenBy(r => r.Outlet, StringComparer.Ordinal))
        {
            var genres = new List<string>();
            if (r.News > 0)
                genres.Add($"{r.News} news");
            if (r.Opinion > 0)
                genres.Add($"{r.Opinion} opinion");
            if (r.Analysis > 0)
                genres.Add($"{r.Analysis} analysis");
            var articles = r.Articles.ToString(CultureInfo.InvariantCulture) + (genres.Count > 0 ? " (" + string.Join(", ", genres) + ")" : "")
                + (r.OpinionShare is { } share ? $"\nopinion {share:P0}" : "");
            var actors = r.Actors.OrderBy(a => a.Rank).Take(4)
                .Select(a => a.Name + (a.Words.Count > 0 ? ": " + string.Join(", ", a.Words.Select(w => w.Text)) : ""));
            var terms = r.Terms.Take(5).Select(t => t.Text);
            var voices = r.Voices.GroupBy(v => v.Dimension, StringComparer.Ordinal)
                .Select(g => g.Key + ": " + string.Join(", ", g.Take(3).Select(v => $"{v.Value} {v.Quotes.ToString(CultureInfo.InvariantCulture)}")));
            table.AddRow(
                Markup.Escape(r.Outlet),
                Markup.Escape(articles),
                Markup.Escape(string.Join("\n", actors)),
                Markup.Escape(string.Join(", ", terms)),
                Markup.Escape(string.Join("\n", voices)));
        }
        console.Write(table);
    }

    private static IStoryIndex Index(IDocumentStore store) =>
        store.Feature<IStoryIndex>() ?? throw new InvalidOperationException($"the store {store.Location} keeps no stories");
}
