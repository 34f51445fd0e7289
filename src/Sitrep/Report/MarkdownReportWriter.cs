using System.Globalization;
using System.Text;

namespace Sitrep.Report;

/// <summary>
/// The report as Markdown: the same items as the page and the JSON, each ending with its evidence
/// key in backquotes (<c>`DOC@START-END`</c>), and the articles' texts at the end. Article text is
/// escaped (HTML's &lt; &gt; &amp; as entities, Markdown's marks with a backslash), so a viewer that
/// renders Markdown to HTML shows it as text.
/// </summary>
public static class MarkdownReportWriter
{
    /// <param name="reports">The stories reported in full, largest first.</param>
    /// <param name="unreported">Stories listed at the end without a report of their own (past <see cref="ReportLimits.Stories"/>).</param>
    public static string Write(IReadOnlyList<StoryReport> reports, IReadOnlyList<StoryListing>? unreported = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        unreported ??= [];
        var md = new StringBuilder();
        if (reports.Count == 0)
            md.Append("No story to report: the store holds no article.\n");
        foreach (var r in reports)
            WriteStory(md, r);
        if (unreported.Count > 0)
        {
            md.Append(Inv($"# {HtmlReportWriter.Count(unreported.Count, "story", "stories")} not reported here\n\n"));
            md.Append("`sitrep report --story ID --format md` reports one.\n\n| story | id | articles | from | to |\n|---|---|---|---|---|\n");
            foreach (var l in unreported)
                md.Append(Inv($"| {Esc(l.Title)} | {l.Id} | {l.Articles} | {l.From ?? "undated"} | {l.To ?? "undated"} |\n"));
        }
        return md.ToString();
    }

    private static void WriteStory(StringBuilder md, StoryReport r)
    {
        var s = r.Summary;
        md.Append("# ").Append(Esc(r.Title)).Append("\n\n");
        md.Append(Inv($"{HtmlReportWriter.Count(s.Articles, "article")} from {HtmlReportWriter.Count(s.Outlets.Count, "outlet")}, {s.From ?? "undated"} to {s.To ?? "undated"}.\n\n"));
        if (r.ArticlesLeftOut > 0)
            md.Append(Inv($"The story has {HtmlReportWriter.Count(s.Articles + r.ArticlesLeftOut, "article")}; this report reads the {s.Articles} newest and leaves out the {r.ArticlesLeftOut} oldest.\n\n"));
        md.Append("## Summary\n\n| outlet | articles | news | opinion | analysis | genre not known |\n|---|---|---|---|---|---|\n");
        foreach (var o in s.Outlets)
            md.Append(Inv($"| {Esc(o.Outlet)} | {o.Articles} | {o.News} | {o.Opinion} | {o.Analysis} | {o.Unknown} |\n"));
        foreach (var (name, list) in new[] { ("People", s.People), ("Organisations", s.Organisations), ("Places", s.Places) })
        {
            md.Append("\n**").Append(name).Append("**\n\n");
            foreach (var e in list)
                md.Append(Inv($"- {Esc(e.Name)}{(e.EntityId is null ? "" : " (" + e.EntityId + ")")}: {HtmlReportWriter.Count(e.Documents, "article")}, {HtmlReportWriter.Count(e.Outlets, "outlet")} {Key(e.Evidence)}\n"));
        }

        md.Append("\n## Timeline\n\n");
        foreach (var t in r.Timeline)
            md.Append(Inv($"- {t.Date} · {Esc(t.Outlet)} · {t.Kind}: {Esc(t.Words)} {Key(t.Evidence)}\n"));

        md.Append("\n## Key statements\n\n");
        foreach (var sp in r.Statements)
        {
            md.Append("### ").Append(Esc(sp.Speaker));
            var about = string.Join(", ", new[] { sp.EntityId, sp.Sector, sp.Country }.OfType<string>());
            if (about.Length > 0)
                md.Append(" (").Append(Esc(about)).Append(')');
            md.Append("\n\n");
            md.Append("First said: ").Append(Statement(sp.FirstSaid)).Append("\n\n");
            foreach (var q in sp.Statements)
                md.Append("- ").Append(Statement(q)).Append('\n');
            md.Append('\n');
        }

        md.Append("## Who cites whom\n\n");
        foreach (var c in r.Citations)
            md.Append(Inv($"- {Esc(c.Outlet)} → {Esc(c.Source)} ×{c.Count} {Key(c.Evidence)}\n"));

        md.Append("\n## Framing by outlet\n\n### What each outlet calls the recurring actors\n\n");
        foreach (var a in r.Framing.Actors)
            md.Append(Inv($"- {Esc(a.Actor)} in {Esc(a.Outlet)}: names {Terms(a.Names)}; beside them {Terms(a.Descriptors)} {Key(a.Evidence)}\n"));
        md.Append("\n### Words each outlet uses beside actors more than the others\n\n");
        foreach (var t in r.Framing.Terms)
            md.Append(Inv($"- {Esc(t.Outlet)}: {Esc(t.Term)} ×{t.Count} (z {t.Score.ToString("0.00", CultureInfo.InvariantCulture)}) {Key(t.Evidence)}\n"));
        md.Append("\n### Opinion and news\n\n| outlet | news | opinion | analysis | genre not known |\n|---|---|---|---|---|\n");
        foreach (var o in r.Framing.Genres)
            md.Append(Inv($"| {Esc(o.Outlet)} | {o.News} | {o.Opinion} | {o.Analysis} | {o.Unknown} |\n"));
        md.Append("\n### Whose voices each outlet quotes\n\n");
        foreach (var v in r.Framing.Voices)
            md.Append(Inv($"- {Esc(v.Outlet)} · {v.Dimension} {Esc(v.Value)}: {HtmlReportWriter.Count(v.Quotes, "quote")} {Key(v.Evidence)}\n"));

        md.Append("\n## Contradictions\n\n");
        if (r.Contradictions.Count == 0)
            md.Append(Esc(r.ContradictionsNote)).Append("\n");
        foreach (var c in r.Contradictions)
        {
            md.Append(Inv($"- {Esc(c.About)} ({c.Kind})\n"));
            foreach (var side in c.Sides)
                md.Append(Inv($"  - {Esc(side.Outlet)}: “{Esc(side.Words)}” {Key(side.Evidence)}\n"));
        }
        md.Append("\n## Articles\n\n");
        foreach (var a in r.Articles)
        {
            md.Append("### ").Append(Esc(a.Title ?? a.Id)).Append("\n\n");
            md.Append(Inv($"`{a.Id}` · {Esc(a.Outlet)} · {a.Published ?? "undated"} · {a.Genre ?? "genre not known"}\n\n"));
            foreach (var paragraph in a.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                md.Append("> ").Append(Esc(paragraph)).Append("\n>\n");
            md.Append('\n');
        }
    }

    private static string Statement(StatementItem q) =>
        Inv($"{Esc(q.Outlet)} ({q.Published ?? "undated"}), {q.Kind}: “{Esc(q.Words)}”{(q.Cited is null ? "" : " via " + Esc(q.Cited))}{(q.Date is null ? "" : " on " + q.Date)} {Key(q.Evidence)}");

    private static string Terms(IReadOnlyList<TermCount> terms) =>
        terms.Count == 0 ? "—" : string.Join(", ", terms.Select(t => Inv($"{Esc(t.Term)} ×{t.Count}")));

    private static string Key(Evidence e) => "`" + e.Key.Replace("`", "'", StringComparison.Ordinal) + "`";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text as Markdown shows it literally: HTML's characters as entities, Markdown's marks escaped, one line.</summary>
    internal static string Esc(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\n' or '\r' or '\t': sb.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '!':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
