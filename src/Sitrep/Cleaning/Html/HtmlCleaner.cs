using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Extracts an article's body from an HTML page as clean paragraphs, with the page's metadata,
/// the blocks it removed and why, its captions, and a map from every body character back to the
/// HTML source. Never returns nothing for a page with text: a page that is not an article still
/// yields its main text. Stateless and thread-safe.
/// </summary>
public sealed class HtmlCleaner
{
    /// <summary>Below this much text the chosen container is a fragment; the whole page is read instead.</summary>
    private const int MinContainerChars = 250;

    /// <summary>The attributes extraction reads; the parser drops the rest instead of allocating them.</summary>
    private static readonly HashSet<string> UsedAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "class", "id", "role", "itemprop", "hidden", "aria-hidden", "style", "content", "property", "name", "rel", "href", "type", "lang", "datetime", "pubdate", "charset",
    };

    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        IsNotSupportingFrames = true,
        SkipComments = true,
        DisableElementPositionTracking = true,
        MaximumDepth = HtmlGuard.MaxDepth + 64,
        ShouldEmitAttribute = static (ref AngleSharp.Html.Parser.Tokens.Struct.StructHtmlToken _, ReadOnlyMemory<char> name) => IsUsedAttribute(name.Span),
    };

    private static bool IsUsedAttribute(ReadOnlySpan<char> name) =>
        UsedAttributes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    public CleaningResult Clean(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        HtmlGuard.Check(html);
        var parser = new HtmlParser(ParserOptions);
        using var doc = parser.ParseDocument(html);
        var hints = new HintCollector();
        PageMetadataReader.Read(doc, hints, out _);

        var body = doc.Body ?? doc.DocumentElement;
        var stats = MainContentFinder.MeasureAll(body);
        var containers = MainContentFinder.FindWithSiblings(body, stats);
        var blocks = containers.SelectMany(c => new BlockCollector(stats).Collect(c)).ToList();
        if (blocks.Where(b => b.Removal is null).Sum(b => b.Text.Length) < MinContainerChars && containers[0] != body && !blocks.Exists(b => b.Removal is null && TextShape.CountWords(b.Text) >= 15))
            blocks = new BlockCollector(stats).Collect(body);

        var wanted = new HashSet<IText>(ReferenceEqualityComparer.Instance);
        foreach (var b in blocks)
        {
            foreach (var n in b.Nodes)
            {
                if (n is not null)
                    wanted.Add(n);
            }
        }
        var offsets = HtmlSourceAligner.Align(html, doc, wanted);

        var units = new List<TextUnit>(blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var unit = new TextUnit(i, [RawRange(b, offsets)], b.Text, startsBlock: true) { Removal = b.Removal, LinkDensity = b.LinkDensity };
            if (unit.Removal is null && b.LinkDensity > (b.IsListItem ? 0.8 : 0.5) && unit.Words < 40)
                unit.Removal = b.IsListItem || unit.Words > 3 ? RemovalReason.RelatedLinks : RemovalReason.Navigation;
            if (unit.Removal is null && b.IsHeading && (b.Element.LocalName == "h1" || (hints.Title is { } title && SameHeadline(b.Text, title))))
                unit.Removal = RemovalReason.Title;
            units.Add(unit);
        }
        PlainTextCleaner.Classify(units, html, hints, fromHtml: true);
        return Assemble(blocks, units, offsets, hints.Build());
    }

    private static bool SameHeadline(string a, string b)
    {
        var wa = TextShape.Words(a);
        var wb = new HashSet<string>(TextShape.Words(b), StringComparer.Ordinal);
        return wa.Count > 0 && wa.Count(wb.Contains) >= 0.8 * Math.Max(wa.Count, wb.Count);
    }

    private static TextRange RawRange(HtmlBlock b, Dictionary<IText, int[]> offsets)
    {
        int start = -1, end = -1;
        for (int i = 0; i < b.Text.Length; i++)
        {
            int r = RawOf(b, i, offsets);
            if (r < 0)
                continue;
            if (start < 0)
                start = r;
            end = r + 1;
        }
        return start < 0 ? new TextRange(0, 0) : new TextRange(start, Math.Max(start, end));
    }

    private static int RawOf(HtmlBlock b, int i, Dictionary<IText, int[]> offsets) =>
        b.Nodes[i] is { } node && offsets.TryGetValue(node, out var map) ? map[b.Indexes[i]] : -1;

    private static CleaningResult Assemble(List<HtmlBlock> blocks, List<TextUnit> units, Dictionary<IText, int[]> offsets, Pipeline.PageHints hints)
    {
        var text = new StringBuilder();
        var segments = new List<OffsetMap.Segment>();
        var removed = new List<RemovedBlock>();
        var captions = new List<Caption>();
        for (int u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            var block = blocks[u];
            if (unit.Removal is { } reason)
            {
                removed.Add(new RemovedBlock(block.Text, reason, unit.Raw));
                if (reason == RemovalReason.Caption)
                    captions.Add(new Caption(block.Text, unit.Raw));
                continue;
            }
            if (text.Length > 0)
                text.Append("\n\n");
            int bodyStart = text.Length;
            text.Append(block.Text);
            // Runs of characters whose sources follow one another become one segment.
            int runStart = -1, runRaw = -1, runLength = 0;
            for (int i = 0; i < block.Text.Length; i++)
            {
                int r = RawOf(block, i, offsets);
                if (runStart >= 0 && r == runRaw + runLength && r >= 0)
                {
                    runLength++;
                    continue;
                }
                if (runStart >= 0)
                    segments.Add(new OffsetMap.Segment(runStart, runRaw, runLength));
                (runStart, runRaw, runLength) = r >= 0 ? (bodyStart + i, r, 1) : (-1, -1, 0);
            }
            if (runStart >= 0)
                segments.Add(new OffsetMap.Segment(runStart, runRaw, runLength));
        }
        return new CleaningResult(text.ToString(), OffsetMap.FromSegments(segments), removed, captions, hints);
    }
}
