using System.Globalization;
using Sitrep.Contradictions;
using Sitrep.Ingest;
using Sitrep.Quotes;
using Sitrep.Stories;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>What <c>sitrep stories show</c> prints after a story's articles: where its outlets disagree, and how many independent outlets carry each statement.</summary>
internal static class StoryFindingsOutput
{
    public static void Write(IAnsiConsole console, StoryView story, IDocumentStore store)
    {
        var outlets = story.Documents.ToDictionary(d => d.Id, d => d.Metadata.Outlet ?? d.Id, StringComparer.Ordinal);
        var contradictions = StoryContradictions.Of([.. story.Documents.TakeLast(StoryView.StatementDocuments)], store);
        if (contradictions.Count == 0)
        {
            console.MarkupLine("No contradiction found between its articles.");
        }
        else
        {
            console.MarkupLineInterpolated($"[bold]Contradictions[/] ({contradictions.Count})");
            for (int i = 0; i < contradictions.Count; i++)
            {
                var c = contradictions[i];
                console.MarkupLineInterpolated($"[bold]C{i + 1}[/] {c.KindName}: {c.About}");
                var table = new Table().Border(TableBorder.Rounded).AddColumns("outlet", "says", "document");
                foreach (var side in c.Sides)
                    table.AddRow(Markup.Escape(outlets.GetValueOrDefault(side.Document, side.Document)), Markup.Escape("“" + StoredQuote.Shorten(side.Text, 200) + "”"), Markup.Escape(side.Document));
                console.Write(table);
            }
        }
        var agreement = StoryAgreement.Of(story, store);
        if (agreement.Count == 0)
            return;
        console.MarkupLine("[bold]Statements and their independent outlets[/] (articles that repeat one cited source count once)");
        var claims = new Table().Border(TableBorder.Rounded).AddColumns("statement", "speaker").AddColumn(new TableColumn("outlets").RightAligned()).AddColumn(new TableColumn("independent").RightAligned()).AddColumn("origins");
        foreach (var a in agreement)
        {
            claims.AddRow(
                a.Statement,
                Markup.Escape(a.Speaker),
                a.Outlets.Count.ToString(CultureInfo.InvariantCulture),
                a.Independent.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", a.Origins.Select(o => (o.Cited ? "cites " : "") + o.Source + (o.Documents.Count > 1 ? $" ({o.Documents.Count} articles)" : "")))));
        }
        console.Write(claims);
    }
}
