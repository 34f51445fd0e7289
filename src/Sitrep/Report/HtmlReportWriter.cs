using System.Globalization;
using System.Net;
using System.Text;

namespace Sitrep.Report;

/// <summary>
/// The report as one self-contained HTML page: no script, no network (inline CSS, inline SVG, a
/// Content-Security-Policy that forbids anything else), readable on a phone. Every text from an
/// article is HTML-escaped, in text and in attributes, so markup in an article shows as text. Every
/// item links to its article's text, shown at the end with every item's characters marked; the one
/// followed is highlighted (CSS :target).
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        :root{--ink:#1d232b;--mute:#5b6570;--line:#d9dee3;--accent:#0b5cad;--mark:#fff1a8;--hit:#ffb347}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f7f9}
        main{max-width:1100px;margin:0 auto;padding:12px}
        h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:2px solid var(--line)}h3{font-size:1.05em;margin:1em 0 .3em}
        a{color:var(--accent)}
        section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;margin:12px 0;overflow-x:auto}
        nav{display:flex;flex-wrap:wrap;gap:.2em .9em}
        .lede{color:var(--mute)}
        table{border-collapse:collapse;width:100%;font-size:.93em}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}th{overflow-wrap:normal}
        .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:10px}
        .card{border:1px solid var(--line);border-radius:6px;padding:6px 10px;background:#fbfcfd}
        .card h4{margin:0 0 .3em;font-size:.95em;color:var(--mute)}
        blockquote{margin:.3em 0;padding-left:.6em;border-left:3px solid var(--line)}
        .small{font-size:.85em;color:var(--mute)}
        .d{white-space:nowrap}
        .chart{position:relative;margin:6px 0}
        .row{display:flex;align-items:center;border-bottom:1px dashed var(--line);min-height:26px}
        .row .who{flex:0 0 32%;font-size:.82em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;padding-right:6px}
        .row .track{position:relative;flex:1;height:24px;margin-right:12px}
        .dot{position:absolute;top:50%;transform:translate(-50%,-50%);border-radius:50%;background:var(--accent);opacity:.75;display:block}
        .axis{display:flex;justify-content:space-between;margin-left:32%;margin-right:12px;font-size:.8em;color:var(--mute)}
        .bar{display:flex;height:12px;border-radius:3px;overflow:hidden;background:var(--line);min-width:70px}
        .bar span{display:block;height:100%}.news{background:#4c8bd6}.opinion{background:#d9822b}.analysis{background:#6aa84f}
        svg{max-width:100%;height:auto}svg text{font-size:12px;fill:var(--ink)}
        article{border-top:1px solid var(--line);padding-top:6px}
        .text{white-space:pre-wrap;overflow-wrap:anywhere}
        mark{background:var(--mark);padding:0}
        mark:target{background:var(--hit);outline:2px solid #c05a00}
        @media (max-width:600px){body{font-size:14px}main{padding:6px}section{padding:6px 8px}.row .who{flex-basis:38%}.axis{margin-left:38%}}
        """;

    /// <param name="reports">The stories reported in full, largest first.</param>
    /// <param name="unreported">Stories listed in the index without a report of their own (past <see cref="ReportLimits.Stories"/>).</param>
    public static string Write(IReadOnlyList<StoryReport> reports, IReadOnlyList<StoryListing>? unreported = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        unreported ??= [];
        var html = new StringBuilder(1 << 16);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // Belt and braces: the page runs no script and loads nothing, even were escaping ever to fail.
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        html.Append("<title>").Append(E(reports.Count == 1 ? reports[0].Title : "Sitrep report")).Append(" · Sitrep</title>");
        html.Append("<style>").Append(Style).Append("</style></head><body><main>\n");
        if (reports.Count == 0)
            html.Append("<h1>No story to report</h1><p>The store holds no article.</p>");
        if (reports.Count + unreported.Count > 1)
            Index(html, reports, unreported);
        for (int i = 0; i < reports.Count; i++)
            new Story(html, reports[i], "s" + i.ToString(CultureInfo.InvariantCulture), reports.Count > 1).Write();
        html.Append("</main></body></html>\n");
        return html.ToString();
    }

    /// <summary>Most stories shown in the index's first table; the rest (and every one-article story) fold under it.</summary>
    internal const int IndexRows = 40;

    /// <summary>Most rows of the timeline's list of dated mentions: those of the days the most outlets name.</summary>
    internal const int TimelineRows = 120;

    /// <summary>Rows a table shows before the rest fold under "N more rows" (outlets, citations, framing).</summary>
    internal const int TableRows = 20;

    /// <summary>Most outlets whose versions of one speaker's words are shown side by side; the others are named, each linked to its first version.</summary>
    internal const int OutletsPerSpeaker = 6;

    /// <summary>
    /// A page of several stories opens with their list, largest first: what the store holds is seen before
    /// any one story. Stories of one article, and those past <see cref="IndexRows"/>, fold under it.
    /// </summary>
    private static void Index(StringBuilder html, IReadOnlyList<StoryReport> reports, IReadOnlyList<StoryListing> unreported)
    {
        int articles = reports.Sum(r => r.Summary.Articles + r.ArticlesLeftOut) + unreported.Sum(l => l.Articles);
        html.Append("<section class=\"index\"><h1 id=\"index\">").Append(Count(reports.Count + unreported.Count, "story", "stories")).Append(", ").Append(Count(articles, "article")).Append("</h1>");
        var shown = Enumerable.Range(0, reports.Count).Where(i => reports[i].Articles.Count > 1).Take(IndexRows).ToList();
        var folded = Enumerable.Range(0, reports.Count).Except(shown).ToList();
        void Rows(IEnumerable<int> which)
        {
            html.Append("<table><tr><th>story</th><th>articles</th><th>outlets</th><th>dates</th></tr>");
            foreach (int i in which)
            {
                var s = reports[i].Summary;
                html.Append("<tr><td><a href=\"#s").Append(N(i)).Append("\">").Append(E(reports[i].Title)).Append("</a></td><td>").Append(N(s.Articles))
                    .Append("</td><td>").Append(N(s.Outlets.Count)).Append("</td><td>").Append(Dates(s)).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        if (shown.Count > 0)
            Rows(shown);
        if (folded.Count > 0)
        {
            html.Append("<details><summary>").Append(N(folded.Count)).Append(shown.Count > 0 ? " more stories" : " stories").Append(" (").Append(N(folded.Count(i => reports[i].Articles.Count == 1)))
                .Append(" of one article)</summary>");
            Rows(folded);
            html.Append("</details>");
        }
        if (unreported.Count > 0)
        {
            // Listed, not reported: the page stays one a browser opens, whatever the store holds.
            html.Append("<p class=\"small\">This page reports the ").Append(Count(reports.Count, "largest story", "largest stories"))
                .Append("; <code>sitrep report --story ID</code> reports any other.</p><details><summary>").Append(N(unreported.Count))
                .Append(" stories not reported on this page (").Append(N(unreported.Count(l => l.Articles == 1))).Append(" of one article)</summary>")
                .Append("<table><tr><th>story</th><th>id</th><th>articles</th><th>dates</th></tr>");
            foreach (var l in unreported)
            {
                html.Append("<tr><td>").Append(E(l.Title)).Append("</td><td><code>").Append(E(l.Id)).Append("</code></td><td>").Append(N(l.Articles))
                    .Append("</td><td>").Append(Dates(l.From, l.To)).Append("</td></tr>");
            }
            html.Append("</table></details>");
        }
        html.Append("</section>\n");
    }

    private static string Dates(ReportSummary s) => Dates(s.From, s.To);

    private static string Dates(string? from, string? to) =>
        from is null ? "undated" : from == to ? "<span class=\"d\">" + E(from) + "</span>" : "<span class=\"d\">" + E(from) + "</span> to <span class=\"d\">" + E(to ?? "undated") + "</span>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"1 article", "2 articles": a count with its noun in the number it takes.</summary>
    internal static string Count(int n, string one, string? many = null) => N(n) + " " + (n == 1 ? one : many ?? one + "s");

    private sealed class Story(StringBuilder html, StoryReport r, string prefix, bool indexed)
    {
        private readonly Dictionary<string, int> _articles = r.Articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        /// <summary>Before row <paramref name="index"/> of <paramref name="total"/>: past <see cref="TableRows"/>, the table goes on folded.</summary>
        private void Fold(int index, int total, string header)
        {
            if (index == TableRows && total > TableRows)
                html.Append("</table><details><summary>").Append(N(total - TableRows)).Append(" more rows</summary><table>").Append(header);
        }

        private void EndTable(int total) => html.Append(total > TableRows ? "</table></details>" : "</table>");

        private string Anchor(Evidence e) =>
            _articles.TryGetValue(e.Document, out int i) ? $"{prefix}a{N(i)}-{N(e.Start)}-{N(e.End)}" : prefix;

        private string Link(Evidence e, string label) =>
            $"<a href=\"#{Anchor(e)}\" title=\"{E(e.Key)}\">{label}</a>";

        public void Write()
        {
            var s = r.Summary;
            html.Append("<h1 id=\"").Append(prefix).Append("\">").Append(E(r.Title)).Append("</h1>");
            html.Append("<p class=\"lede\">").Append(Count(s.Articles, "article")).Append(" from ").Append(Count(s.Outlets.Count, "outlet")).Append(", ")
                .Append(E(s.From ?? "undated")).Append(" to ").Append(E(s.To ?? "undated")).Append(".</p>");
            if (r.ArticlesLeftOut > 0)
                html.Append("<p class=\"lede\">The story has ").Append(Count(s.Articles + r.ArticlesLeftOut, "article")).Append("; this report reads the ")
                    .Append(N(s.Articles)).Append(" newest and leaves out the ").Append(N(r.ArticlesLeftOut)).Append(" oldest.</p>");
            // A section with nothing to show is one line of "Not found", not a box of its own.
            var empty = new List<(string Name, string Note)>();
            if (r.Timeline.Count == 0)
                empty.Add(("Timeline", "No dated time expression or quote date."));
            if (r.Statements.Count == 0)
                empty.Add(("Key statements", "No attributed quote."));
            if (r.Citations.Count == 0)
                empty.Add(("Who cites whom", "No outlet cites a source."));
            bool framing = r.Framing.Actors.Count > 0 || r.Framing.Terms.Count > 0 || r.Framing.Voices.Count > 0;
            if (!framing)
                empty.Add(("Framing by outlet", "No actor named by two outlets, no word that stands out, no quoted voice."));
            if (r.Contradictions.Count == 0)
                empty.Add(("Contradictions", r.ContradictionsNote));
            html.Append("<nav>");
            if (indexed)
                html.Append("<a href=\"#index\">All stories</a>\n");
            foreach (var (id, name, shown) in new[] { ("sum", "Summary", true), ("time", "Timeline", r.Timeline.Count > 0), ("say", "Statements", r.Statements.Count > 0), ("cite", "Who cites whom", r.Citations.Count > 0), ("frame", "Framing", framing), ("contra", "Contradictions", r.Contradictions.Count > 0), ("none", "Not found", empty.Count > 0), ("art", "Articles", true) })
            {
                if (shown)
                    html.Append("<a href=\"#").Append(prefix).Append(id).Append("\">").Append(name).Append("</a>\n");
            }
            html.Append("</nav>\n");
            Summary();
            if (r.Timeline.Count > 0)
                Timeline();
            if (r.Statements.Count > 0)
                Statements();
            if (r.Citations.Count > 0)
                Citations();
            if (framing)
                Framing();
            if (r.Contradictions.Count > 0)
                Contradictions();
            if (empty.Count > 0)
            {
                html.Append("<section id=\"").Append(prefix).Append("none\"><h2>Not found in these articles</h2><ul class=\"none\">");
                foreach (var (name, note) in empty)
                    html.Append("<li><strong>").Append(name).Append("</strong>: ").Append(E(note)).Append("</li>");
                html.Append("</ul></section>\n");
            }
            Articles();
        }

        private void Summary()
        {
            var s = r.Summary;
            html.Append("<section id=\"").Append(prefix).Append("sum\"><h2>Summary</h2><div class=\"cols\">");
            foreach (var (name, list) in new[] { ("People", s.People), ("Organisations", s.Organisations), ("Places", s.Places) })
            {
                html.Append("<div class=\"card\"><h4>").Append(name).Append("</h4>");
                if (list.Count == 0)
                    html.Append("<span class=\"small\">none named</span>");
                foreach (var e in list)
                    html.Append("<div>").Append(Link(e.Evidence, E(e.Name))).Append(" <span class=\"small\">").Append(Count(e.Documents, "article")).Append(", ").Append(Count(e.Outlets, "outlet")).Append("</span></div>");
                html.Append("</div>");
            }
            const string header = "<tr><th>outlet</th><th>articles</th><th>news / opinion / analysis</th></tr>";
            html.Append("</div><h3>Outlets</h3><table>").Append(header);
            for (int i = 0; i < s.Outlets.Count; i++)
            {
                var o = s.Outlets[i];
                Fold(i, s.Outlets.Count, header);
                html.Append("<tr><td>").Append(E(o.Outlet)).Append("</td><td>").Append(N(o.Articles)).Append("</td><td>").Append(Bar(o)).Append("</td></tr>");
            }
            EndTable(s.Outlets.Count);
            html.Append("</section>\n");
        }

        private static string Bar(OutletShare o)
        {
            double total = Math.Max(1, o.Articles);
            string Part(string cls, int n) => n == 0 ? "" : $"<span class=\"{cls}\" style=\"width:{(100 * n / total).ToString("0.#", CultureInfo.InvariantCulture)}%\"></span>";
            return "<div class=\"bar\" title=\"" + N(o.News) + " news, " + N(o.Opinion) + " opinion, " + N(o.Analysis) + " analysis, " + N(o.Unknown) + " not known\">"
                + Part("news", o.News) + Part("opinion", o.Opinion) + Part("analysis", o.Analysis) + "</div><span class=\"small\">"
                + N(o.News) + " news · " + N(o.Opinion) + " opinion · " + N(o.Analysis) + " analysis" + (o.Unknown > 0 ? " · " + N(o.Unknown) + " not known" : "") + "</span>";
        }

        private void Timeline()
        {
            html.Append("<section id=\"").Append(prefix).Append("time\"><h2>Timeline</h2>");
            var items = r.Timeline;
            if (items.Count == 0)
            {
                html.Append("<p>No dated time expression or quote date.</p></section>\n");
                return;
            }
            var days = items.Select(t => DateOnly.ParseExact(t.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber).Order().ToList();
            // The chart spans the middle 90 % of the dates: one date decades away would squeeze the rest into a dot.
            int lo = days[(int)Math.Floor(0.05 * (days.Count - 1))], hi = days[(int)Math.Ceiling(0.95 * (days.Count - 1))];
            if (hi == lo)
            {
                lo--;
                hi++;
            }
            int outside = days.Count(d => d < lo || d > hi);
            html.Append("<p class=\"small\">Dates the articles write (time expressions, ● ) and dates quotes give their words, per outlet; a larger dot is more mentions of the day. Follow a dot to the words.</p><div class=\"chart\">");
            foreach (var outlet in r.Summary.Outlets.Select(o => o.Outlet))
            {
                var mine = items.Where(t => t.Outlet == outlet).GroupBy(t => t.Date, StringComparer.Ordinal).ToList();
                if (mine.Count == 0)
                    continue;
                html.Append("<div class=\"row\"><div class=\"who\" title=\"").Append(E(outlet)).Append("\">").Append(E(outlet)).Append("</div><div class=\"track\">");
                foreach (var day in mine)
                {
                    int d = DateOnly.ParseExact(day.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
                    if (d < lo || d > hi)
                        continue;
                    double x = 100.0 * (d - lo) / (hi - lo);
                    int size = Math.Min(20, 8 + (2 * day.Count()));
                    var first = day.First();
                    html.Append("<a class=\"dot\" href=\"#").Append(Anchor(first.Evidence)).Append("\" style=\"left:").Append(x.ToString("0.##", CultureInfo.InvariantCulture))
                        .Append("%;width:").Append(N(size)).Append("px;height:").Append(N(size)).Append("px\" title=\"")
                        .Append(E(day.Key + " · " + outlet + " · " + string.Join(" | ", day.Take(4).Select(t => t.Words))))
                        .Append("\"></a>");
                }
                html.Append("</div></div>");
            }
            html.Append("</div><div class=\"axis\"><span>").Append(E(DateOnly.FromDayNumber(lo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Append("</span><span>").Append(E(DateOnly.FromDayNumber(lo + ((hi - lo) / 2)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Append("</span><span>").Append(E(DateOnly.FromDayNumber(hi).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</span></div>");
            if (outside > 0)
                html.Append("<p class=\"small\">").Append(N(outside)).Append(" dated mentions fall outside the chart's range; the list has them all.</p>");
            // The list is bounded: past TimelineRows, the mentions of the days the most outlets name (then the
            // most mentions, then the earliest), in date order; the JSON and Markdown reports have them all.
            var listed = items;
            if (items.Count > TimelineRows)
            {
                var rank = items.GroupBy(t => t.Date, StringComparer.Ordinal)
                    .OrderByDescending(g => g.Select(t => t.Outlet).Distinct(StringComparer.Ordinal).Count()).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .SelectMany(g => g).Take(TimelineRows).ToHashSet();
                listed = [.. items.Where(rank.Contains)];
            }
            html.Append("<details><summary>").Append(listed.Count == items.Count ? "Every dated mention (" + N(items.Count) + ")" : N(listed.Count) + " of " + N(items.Count) + " dated mentions, of the days the most outlets name")
                .Append("</summary><table><tr><th>date</th><th>outlet</th><th>words</th></tr>");
            foreach (var t in listed)
                html.Append("<tr><td>").Append(E(t.Date)).Append("</td><td>").Append(E(t.Outlet)).Append("</td><td>").Append(Link(t.Evidence, E(t.Words)))
                    .Append(t.Kind switch { "quote" => " <span class=\"small\">(quote date)</span>", "event" => " <span class=\"small\">(event)</span>", _ => "" }).Append("</td></tr>");
            html.Append("</table>");
            if (listed.Count < items.Count)
                html.Append("<p class=\"small\">").Append(N(items.Count - listed.Count)).Append(" more dated mentions are in the Markdown and JSON reports (<code>--format md</code>, <code>--format json</code>).</p>");
            html.Append("</details></section>\n");
        }

        private void Statements()
        {
            html.Append("<section id=\"").Append(prefix).Append("say\"><h2>Key statements</h2>")
                .Append("<p class=\"small\">Words said or written; what an article gives a speaker as a thought, an appearance or a deed (“seems to”, “believes”, “nominated”) is not listed.</p>");
            if (r.Statements.Count == 0)
                html.Append("<p>No attributed quote.</p>");
            foreach (var sp in r.Statements)
            {
                html.Append("<h3>").Append(E(sp.Speaker));
                var about = string.Join(", ", new[] { sp.Sector, sp.Country }.OfType<string>());
                if (about.Length > 0)
                    html.Append(" <span class=\"small\">").Append(E(about)).Append("</span>");
                html.Append("</h3><p class=\"small\">First said: ").Append(E(sp.FirstSaid.Outlet)).Append(", ")
                    .Append(E(sp.FirstSaid.Date ?? sp.FirstSaid.Published ?? "undated")).Append(sp.FirstSaid.Cited is null ? "" : ", via " + E(sp.FirstSaid.Cited)).Append(" — ")
                    .Append(Link(sp.FirstSaid.Evidence, "“" + E(StoredQuoteShort(sp.FirstSaid.Words)) + "”")).Append("</p><div class=\"cols\">");
                var outlets = sp.Statements.GroupBy(q => q.Outlet, StringComparer.Ordinal).ToList();
                foreach (var outlet in outlets.Take(OutletsPerSpeaker))
                {
                    html.Append("<div class=\"card\"><h4>").Append(E(outlet.Key)).Append("</h4>");
                    foreach (var q in outlet)
                    {
                        html.Append("<blockquote>").Append(Link(q.Evidence, (q.Kind == "indirect" ? "" : "“") + E(q.Words) + (q.Kind == "indirect" ? "" : "”")))
                            .Append("<div class=\"small\">").Append(E(q.Kind)).Append(q.Cited is null ? "" : " · via " + E(q.Cited)).Append(q.Date is null ? "" : " · " + E(q.Date)).Append("</div></blockquote>");
                    }
                    html.Append("</div>");
                }
                html.Append("</div>");
                if (outlets.Count > OutletsPerSpeaker)
                {
                    html.Append("<p class=\"small\">Also quoted by ").Append(N(outlets.Count - OutletsPerSpeaker)).Append(" more outlets: ")
                        .Append(string.Join(", ", outlets.Skip(OutletsPerSpeaker).Select(o => Link(o.First().Evidence, E(o.Key))))).Append(".</p>");
                }
            }
            html.Append("</section>\n");
        }

        private static string StoredQuoteShort(string words) => Quotes.StoredQuote.Shorten(words, 140);

        private void Contradictions()
        {
            html.Append("<section id=\"").Append(prefix).Append("contra\"><h2>Contradictions</h2>");
            if (r.Contradictions.Count == 0)
            {
                html.Append("<p>").Append(E(r.ContradictionsNote)).Append("</p></section>\n");
                return;
            }
            foreach (var c in r.Contradictions)
            {
                html.Append("<h3>").Append(E(c.About)).Append(" <span class=\"small\">").Append(E(c.Kind)).Append("</span></h3><table><tr><th>outlet</th><th>says</th></tr>");
                foreach (var side in c.Sides)
                    html.Append("<tr><td>").Append(E(side.Outlet)).Append("</td><td>").Append(Link(side.Evidence, "“" + E(StoredQuoteShort(side.Words)) + "”")).Append("</td></tr>");
                html.Append("</table>");
            }
            html.Append("</section>\n");
        }

        private void Citations()
        {
            html.Append("<section id=\"").Append(prefix).Append("cite\"><h2>Who cites whom</h2>");
            var edges = r.Citations;
            if (edges.Count == 0)
            {
                html.Append("<p>No outlet cites a source.</p></section>\n");
                return;
            }
            var outlets = edges.Select(e => e.Outlet).Distinct(StringComparer.Ordinal).ToList();
            var sources = edges.Select(e => e.Source).Distinct(StringComparer.Ordinal).ToList();
            const int rowHeight = 26, width = 640, left = 190, right = 450;
            int height = (Math.Max(outlets.Count, sources.Count) * rowHeight) + 20;
            int Y(int i, int count) => 14 + (i * rowHeight) + ((Math.Max(outlets.Count, sources.Count) - count) * rowHeight / 2);
            html.Append("<svg viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" width=\"").Append(N(width)).Append("\" role=\"img\" aria-label=\"outlets (left) and the sources they cite (right)\">");
            foreach (var e in edges)
            {
                int yo = Y(outlets.IndexOf(e.Outlet), outlets.Count), ys = Y(sources.IndexOf(e.Source), sources.Count);
                double stroke = 1 + Math.Log2(e.Count);
                html.Append("<a href=\"#").Append(Anchor(e.Evidence)).Append("\"><title>").Append(E(e.Outlet + " cites " + e.Source + " ×" + N(e.Count))).Append("</title>")
                    .Append("<line x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(yo)).Append("\" x2=\"").Append(N(right)).Append("\" y2=\"").Append(N(ys))
                    .Append("\" stroke=\"#0b5cad\" stroke-opacity=\"0.55\" stroke-width=\"").Append(stroke.ToString("0.#", CultureInfo.InvariantCulture)).Append("\"/></a>");
            }
            for (int i = 0; i < outlets.Count; i++)
            {
                html.Append("<circle cx=\"").Append(N(left)).Append("\" cy=\"").Append(N(Y(i, outlets.Count))).Append("\" r=\"4\" fill=\"#1d232b\"/>")
                    .Append("<text x=\"").Append(N(left - 8)).Append("\" y=\"").Append(N(Y(i, outlets.Count) + 4)).Append("\" text-anchor=\"end\">").Append(E(Cut(outlets[i]))).Append("</text>");
            }
            for (int i = 0; i < sources.Count; i++)
            {
                html.Append("<circle cx=\"").Append(N(right)).Append("\" cy=\"").Append(N(Y(i, sources.Count))).Append("\" r=\"4\" fill=\"#d9822b\"/>")
                    .Append("<text x=\"").Append(N(right + 8)).Append("\" y=\"").Append(N(Y(i, sources.Count) + 4)).Append("\">").Append(E(Cut(sources[i]))).Append("</text>");
            }
            html.Append("</svg><p class=\"small\">Left: the story's outlets; right: the outlets, agencies and channels they give as where words appeared. A thicker line is more citations.</p>");
            const string header = "<tr><th>outlet</th><th>cites</th><th>times</th></tr>";
            html.Append("<table>").Append(header);
            for (int i = 0; i < edges.Count; i++)
            {
                var e = edges[i];
                Fold(i, edges.Count, header);
                html.Append("<tr><td>").Append(E(e.Outlet)).Append("</td><td>").Append(Link(e.Evidence, E(e.Source))).Append("</td><td>").Append(N(e.Count)).Append("</td></tr>");
            }
            EndTable(edges.Count);
            html.Append("</section>\n");
        }

        private static string Cut(string name) => name.Length <= 26 ? name : name[..25] + "…";

        private void Framing()
        {
            var f = r.Framing;
            html.Append("<section id=\"").Append(prefix).Append("frame\"><h2>Framing by outlet</h2><h3>What each outlet calls the recurring actors</h3>");
            if (f.Actors.Count == 0)
                html.Append("<p>No actor is named by two outlets or more.</p>");
            else
            {
                const string header = "<tr><th>actor</th><th>outlet</th><th>names it uses</th><th>words beside them</th></tr>";
                html.Append("<table>").Append(header);
                for (int i = 0; i < f.Actors.Count; i++)
                {
                    var a = f.Actors[i];
                    Fold(i, f.Actors.Count, header);
                    html.Append("<tr><td>").Append(E(a.Actor)).Append("</td><td>").Append(E(a.Outlet)).Append("</td><td>").Append(Link(a.Evidence, Terms(a.Names))).Append("</td><td>").Append(Terms(a.Descriptors)).Append("</td></tr>");
                }
                EndTable(f.Actors.Count);
            }
            html.Append("<h3>Words each outlet uses beside actors more than the others</h3><p class=\"small\">Learned from these articles (log-odds with an informative prior, z ≥ 1.96), not from a list of loaded words.</p>");
            if (f.Terms.Count == 0)
                html.Append("<p>None stands out (one outlet, or too few words).</p>");
            else
            {
                html.Append("<div class=\"cols\">");
                foreach (var outlet in f.Terms.GroupBy(t => t.Outlet, StringComparer.Ordinal))
                {
                    html.Append("<div class=\"card\"><h4>").Append(E(outlet.Key)).Append("</h4>");
                    foreach (var t in outlet)
                        html.Append("<div>").Append(Link(t.Evidence, E(t.Term))).Append(" <span class=\"small\">×").Append(N(t.Count)).Append(", z ").Append(t.Score.ToString("0.0", CultureInfo.InvariantCulture)).Append("</span></div>");
                    html.Append("</div>");
                }
                html.Append("</div>");
            }
            const string genres = "<tr><th>outlet</th><th>share</th></tr>";
            html.Append("<h3>Opinion and news</h3><table>").Append(genres);
            for (int i = 0; i < f.Genres.Count; i++)
            {
                Fold(i, f.Genres.Count, genres);
                html.Append("<tr><td>").Append(E(f.Genres[i].Outlet)).Append("</td><td>").Append(Bar(f.Genres[i])).Append("</td></tr>");
            }
            EndTable(f.Genres.Count);
            html.Append("<h3>Whose voices each outlet quotes</h3>");
            if (f.Voices.Count == 0)
                html.Append("<p>No attributed quote.</p>");
            else
            {
                const string header = "<tr><th>outlet</th><th>by sector</th><th>by country</th></tr>";
                var voices = f.Voices.GroupBy(v => v.Outlet, StringComparer.Ordinal).ToList();
                html.Append("<table>").Append(header);
                for (int i = 0; i < voices.Count; i++)
                {
                    var outlet = voices[i];
                    Fold(i, voices.Count, header);
                    html.Append("<tr><td>").Append(E(outlet.Key)).Append("</td>");
                    foreach (var dimension in new[] { "sector", "country" })
                        html.Append("<td>").Append(string.Join(", ", outlet.Where(v => v.Dimension == dimension).Select(v => Link(v.Evidence, E(v.Value)) + " " + N(v.Quotes)))).Append("</td>");
                    html.Append("</tr>");
                }
                EndTable(voices.Count);
            }
            html.Append("</section>\n");
        }

        private static string Terms(IReadOnlyList<TermCount> terms) =>
            terms.Count == 0 ? "—" : string.Join(", ", terms.Select(t => E(t.Term) + " <span class=\"small\">×" + N(t.Count) + "</span>"));

        private void Articles()
        {
            var spans = ReportItems.Of(r).Select(i => i.Evidence).GroupBy(e => e.Document, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => (e.Start, e.End)).Distinct().ToList(), StringComparer.Ordinal);
            html.Append("<section id=\"").Append(prefix).Append("art\"><h2>Articles</h2>");
            for (int i = 0; i < r.Articles.Count; i++)
            {
                var a = r.Articles[i];
                html.Append("<article id=\"").Append(prefix).Append('a').Append(N(i)).Append("\"><h3 title=\"").Append(E(a.Id)).Append("\">").Append(E(a.Title ?? "(no title)")).Append("</h3><p class=\"small\">")
                    .Append(E(a.Outlet)).Append(" · ").Append(E(a.Published ?? "undated")).Append(" · ").Append(E(a.Genre ?? "genre not known"));
                if (a.Url is { } url && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
                    html.Append(" · <a rel=\"noreferrer\" href=\"").Append(E(url)).Append("\">source</a>");
                html.Append("</p><div class=\"text\">");
                Marked(a.Text, spans.GetValueOrDefault(a.Id) ?? [], prefix + "a" + N(i));
                html.Append("</div></article>\n");
            }
            html.Append("</section>\n");
        }

        /// <summary>
        /// The text, escaped, with each span in a &lt;mark&gt; whose id is its anchor. Spans nest; one
        /// that crosses the end of an open one is cut there (its id stays at its start).
        /// </summary>
        private void Marked(string text, List<(int Start, int End)> spans, string articleAnchor)
        {
            var ordered = spans.Where(s => s.Start >= 0 && s.End <= text.Length && s.End > s.Start).OrderBy(s => s.Start).ThenByDescending(s => s.End).ToList();
            var open = new Stack<int>();
            int at = 0;
            void Close(int upTo)
            {
                while (open.Count > 0 && open.Peek() <= upTo)
                {
                    int end = open.Pop();
                    html.Append(E(text[at..end])).Append("</mark>");
                    at = end;
                }
            }
            foreach (var (start, end0) in ordered)
            {
                Close(start);
                html.Append(E(text[at..start]));
                at = start;
                int end = open.Count > 0 ? Math.Min(end0, open.Peek()) : end0;
                html.Append("<mark id=\"").Append(articleAnchor).Append('-').Append(N(start)).Append('-').Append(N(end0)).Append("\">");
                open.Push(end);
            }
            Close(int.MaxValue);
            html.Append(E(text[at..]));
        }
    }
}
