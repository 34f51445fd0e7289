using System.CommandLine;
using System.Text;
using Sitrep.Report;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep report</c>: the page people read first, per story, as HTML, Markdown or JSON.</summary>
internal static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var story = new Option<string?>("--story") { Description = "Only this story: its id (S12, 'sitrep stories' lists them), or 'all' for the whole store." };
        var all = new Option<bool>("--all") { Description = "Report the whole store as one story." };
        var format = new Option<string>("--format") { Description = "html (one self-contained page), md or json.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "md", "json");
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file (standard output without it)." };
        var top = new Option<int>("--stories")
        {
            Description = $"How many stories, largest first, to report in full (default {ReportLimits.Default.Stories}); the others are listed with their ids. Each story reads at most its {ReportLimits.Default.ArticlesPerStory} newest articles.",
            DefaultValueFactory = _ => ReportLimits.Default.Stories,
        };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError("--stories must be 1 or more");
        });
        var command = new Command("report", """
            The report to read first: per story, a summary (outlets, dates, who and where), a
            timeline, key statements side by side across outlets, who cites whom, how each outlet
            frames the story, and the articles, every item linked to the exact words it comes from.
            Without --story, the 50 largest stories (--stories), the others listed with their ids
            (the whole store as one story when the store keeps none).

            Examples:
              sitrep report --out report.html
              sitrep report --format md --out report.md
              sitrep report --all --format json
            """);
        command.Options.Add(db);
        command.Options.Add(story);
        command.Options.Add(all);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            var outFile = parse.GetValue(output);
            if (outFile is not null && (Directory.Exists(outFile.FullName) || outFile.Directory is { Exists: false }))
            {
                Errors.Write(console, $"--out {outFile.FullName}: {(Directory.Exists(outFile.FullName) ? "is a folder" : "its folder does not exist")}");
                return ExitCodes.Usage;
            }
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            // The stories the store keeps; the whole store as one story with --all, --story all, or while it keeps none.
            var id = parse.GetValue(all) ? WholeStoreStories.Id : parse.GetValue(story);
            var index = engine.Store.Feature<Sitrep.Stories.IStoryIndex>();
            IStoryReportSource stories = id != WholeStoreStories.Id && index is not null && index.List().Count > 0
                ? new StoredStories(index)
                : new WholeStoreStories(engine.Store);
            var builder = new StoryReportBuilder(engine.Store, ReportLimits.Default with { Stories = parse.GetValue(top) });
            var reports = builder.Build(stories, id);
            IReadOnlyList<StoryListing> unreported = id is null ? builder.Unreported(stories) : [];
            if (id is not null && reports.Count == 0)
            {
                Errors.Write(console, $"no story {id} in the store {engine.Store.Location} (the stories are: {string.Join(", ", stories.StoryIds())})");
                return ExitCodes.NothingRead;
            }
            byte[] bytes;
            switch (parse.GetValue(format))
            {
                case "json":
                    using (var buffer = new MemoryStream())
                    {
                        JsonReportWriter.Write(buffer, reports, unreported);
                        bytes = buffer.ToArray();
                    }
                    break;
                case "md":
                    bytes = Encoding.UTF8.GetBytes(MarkdownReportWriter.Write(reports, unreported));
                    break;
                default:
                    bytes = Encoding.UTF8.GetBytes(HtmlReportWriter.Write(reports, unreported));
                    break;
            }
            if (outFile is null)
            {
                console.Profile.Out.Writer.Write(Encoding.UTF8.GetString(bytes));
                console.Profile.Out.Writer.Flush();
            }
            else
            {
                File.WriteAllBytes(outFile.FullName, bytes);
                var listed = unreported.Count == 0 ? "" : $" ({ViewRenderer.Count(unreported.Count, "more story", "more stories")} listed, not reported: --story ID reports one)";
                int leftOut = reports.Sum(r => r.ArticlesLeftOut);
                var older = leftOut == 0 ? "" : $" ({ViewRenderer.Count(leftOut, "older article", "older articles")} left out: a story is read from its {ReportLimits.Default.ArticlesPerStory} newest)";
                console.MarkupLineInterpolated($"wrote {outFile.FullName}: {ViewRenderer.Count(reports.Count, "story", "stories")}, {ViewRenderer.Count(reports.Sum(r => r.Articles.Count), "article", "articles")}{older}{listed}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
