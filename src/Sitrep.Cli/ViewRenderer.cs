using Sitrep.Analysis;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>Renders what features and the catalog give (tables of text, snippets) for a terminal or a log.</summary>
internal static class ViewRenderer
{
    public static void Render(IAnsiConsole console, ViewTable view)
    {
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]{view.Title}[/]");
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in view.Columns)
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        foreach (var row in view.Rows)
            table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
        console.Write(table);
    }

    /// <summary>A snippet with the words found in bold (plain where the output has no styles).</summary>
    public static string Snippet(string snippet)
    {
        var escaped = Markup.Escape(snippet.ReplaceLineEndings(" "));
        return escaped.Replace(SearchResult.MarkStart.ToString(), "[bold yellow]", StringComparison.Ordinal)
            .Replace(SearchResult.MarkEnd.ToString(), "[/]", StringComparison.Ordinal);
    }

    /// <summary>"Title" (Outlet, 2025-03-03), with what is unknown left out.</summary>
    public static string Describe(DocumentSummary d)
    {
        var title = d.Title ?? "(no title)";
        var about = new List<string>();
        if (d.Outlet is not null)
            about.Add(d.Outlet);
        if (d.Published is not null)
            about.Add(d.Published.Length > 10 ? d.Published[..10] : d.Published);
        return about.Count == 0 ? title : $"{title} ({string.Join(", ", about)})";
    }

    /// <summary>"1 article", "2 articles".</summary>
    public static string Count(int n, string one, string many) =>
        n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);
}
