using System.Text;
using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Extracts an article's body from an HTML page as clean paragraphs, with the page's metadata,
/// the blocks it removed and why, its captions, and a map from every body character back to the
/// HTML source. Never returns nothing for a page with text: a page that is not an article still
/// yields its main text. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// A page is read by <see cref="HtmlTreeBuilder"/>, which knows every text character's source
/// offset as it reads it; a page it cannot read faithfully (see <see cref="NeedsFullParser"/>) is
/// read by AngleSharp instead (<see cref="AngleSharpTreeReader"/>). Either way the same tree goes
/// through the same extraction.
/// </remarks>
public sealed class HtmlCleaner
{
    /// <summary>Below this much text the chosen container is a fragment; the whole page is read instead.</summary>
    private const int MinContainerChars = 250;

    /// <summary>The lexicons the cleaner reads (heading-words, byline-roles: PersonNames): their hashes are part of the cleaning stage's version.</summary>
    internal static readonly string[] LexiconNames = ["page-chrome", "heading-words", "byline-roles"];

    /// <summary>Lines that open the site's end matter after an article (resources/lexicons/page-chrome.tsv, tag "end").</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> EndMatterHeadings =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(Lexicons.Lexicon.Get("page-chrome").Tagged("end").Select(LinePhrase), StringComparer.Ordinal);

    public CleaningResult Clean(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        HtmlGuard.CheckSize(html);
        var tree = HtmlTreeBuilder.Build(html, out var builder);
        if (NeedsFullParser(builder))
        {
            tree.Dispose();
            tree = AngleSharpTreeReader.Read(html);
        }
        using (tree)
            return Extract(html, tree);
    }

    /// <summary>
    /// The fast path leaves a construct to AngleSharp where HTML moves content away from where it
    /// was written: a formatting element closed across a block (the adoption agency), text straight
    /// inside a table (foster parenting), framesets and plaintext.
    /// </summary>
    private static bool NeedsFullParser(HtmlTreeBuilder builder) =>
        builder.Unsupported || builder.Misnested > 0 || builder.Fostered > 0;

    private static CleaningResult Extract(string html, HtmlTree tree)
    {
        var hints = new HintCollector();
        PageMetadataReader.Read(tree, hints, out _);

        int body = tree.Body >= 0 ? tree.Body : tree.Root;
        using var finder = new MainContentFinder(tree);
        finder.MeasureAll(body);
        var containers = finder.FindWithSiblings(body);
        var blocks = new List<HtmlBlock>();
        foreach (var c in containers)
            blocks.AddRange(new BlockCollector(tree, finder).Collect(c));
        if (blocks.Where(b => b.Removal is null).Sum(b => b.Text.Length) < MinContainerChars && containers[0] != body && !blocks.Exists(b => b.Removal is null && TextShape.CountWords(b.Text) >= 15))
            blocks = new BlockCollector(tree, finder).Collect(body);

        var units = new List<TextUnit>(blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var unit = new TextUnit(i, [RawRange(b)], b.Text, startsBlock: true) { Removal = b.Removal, LinkDensity = b.LinkDensity };
            if (unit.Removal is null && b.LinkDensity > (b.IsListItem ? 0.8 : 0.5) && unit.Words < 40)
                unit.Removal = b.IsListItem || unit.Words > 3 ? RemovalReason.RelatedLinks : RemovalReason.Navigation;
            if (unit.Removal is null && b.IsHeading && (b.ElementName == "h1" || (hints.Title is { } title && SameHeadline(b.Text, title))))
                unit.Removal = RemovalReason.Title;
            units.Add(unit);
        }
        KeepLinksInsideProse(blocks, units);
        PlainTextCleaner.Classify(units, html, hints, fromHtml: true);
        CutEndMatter(units);
        return Assemble(blocks, units, hints.Build());
    }

    /// <summary>
    /// A short link-heavy paragraph or heading is furniture at the edges of an article (a teaser,
    /// a menu) but text between two paragraphs of prose: a subheading that links to the product it
    /// names, "Read the full review", a reference line. Only paragraphs and headings: a list of
    /// links stays removed wherever it is.
    /// </summary>
    private static void KeepLinksInsideProse(List<HtmlBlock> blocks, List<TextUnit> units)
    {
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Removal is not (RemovalReason.RelatedLinks or RemovalReason.Navigation) || blocks[i].LinkDensity <= 0.5 || blocks[i].IsListItem || blocks[i].ElementName is not ("p" or "h2" or "h3" or "h4" or "h5" or "h6"))
                continue;
            if (blocks[i].Removal is not null)
                continue; // furniture by its element or class, not by its links
            if (Shouted(u.Text))
                continue; // a teaser headline in capitals, as news sites set them between paragraphs
            if (ProseNeighbour(units, i, -1) && ProseNeighbour(units, i, +1))
                u.Removal = null;
        }
    }

    /// <summary>Most letters are capitals.</summary>
    private static bool Shouted(string text)
    {
        int upper = 0, letters = 0;
        foreach (char c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (char.IsUpper(c))
                upper++;
        }
        return letters >= 8 && upper >= 0.7 * letters;
    }

    /// <summary>The nearest kept unit in <paramref name="step"/>'s direction, past other link lines, is prose with few links.</summary>
    private static bool ProseNeighbour(List<TextUnit> units, int i, int step)
    {
        for (int k = i + step, seen = 0; k >= 0 && k < units.Count && seen < 3; k += step, seen++)
        {
            var v = units[k];
            if (v.Removal is RemovalReason.RelatedLinks or RemovalReason.Navigation && v.LinkDensity > 0.5)
                continue;
            return v.Removal is null && v.IsProse && v.EndsSentence && v.LinkDensity is null or < 0.3;
        }
        return false;
    }

    /// <summary>
    /// A short line that names the site's end matter ("Related posts", "Leave a reply", "About the
    /// author", "Kommentare") in the second half of the article ends it: it and every line after it
    /// are removed, however prose-like they are (an author's bio, a teaser's summary). Only when
    /// what follows is no longer than what precedes: a heading of that wording early in a page is
    /// the article's own.
    /// </summary>
    private static void CutEndMatter(List<TextUnit> units)
    {
        int total = 0;
        foreach (var u in units)
        {
            if (u.Removal is null)
                total += u.Words;
        }
        int before = 0;
        for (int i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Removal is not null)
                continue;
            if (before >= 0.5 * total && before >= 100 && u.Words <= 8 && !u.EndsSentence && IsEndMatterHeading(u.Text))
            {
                var reason = RemovalReason.RelatedLinks;
                for (int k = i; k < units.Count; k++)
                    units[k].Removal ??= reason;
                return;
            }
            before += u.Words;
        }
    }

    private static bool IsEndMatterHeading(string text)
    {
        var phrase = LinePhrase(text);
        return phrase.Length > 0 && EndMatterHeadings.Contains(phrase);
    }

    /// <summary>A line's words, lower case, without numbers: "Comments (3)", "3 Comments" and "Related:" read as the phrase.</summary>
    private static string LinePhrase(string text) =>
        string.Join(' ', TextShape.Words(text).Where(w => !w.All(char.IsDigit))).ToLowerInvariant();

    private static bool SameHeadline(string a, string b)
    {
        var wa = TextShape.Words(a);
        var wb = new HashSet<string>(TextShape.Words(b), StringComparer.Ordinal);
        return wa.Count > 0 && wa.Count(wb.Contains) >= 0.8 * Math.Max(wa.Count, wb.Count);
    }

    private static TextRange RawRange(HtmlBlock b)
    {
        int start = -1, end = -1;
        foreach (int r in b.Offsets)
        {
            if (r < 0)
                continue;
            if (start < 0)
                start = r;
            end = r + 1;
        }
        return start < 0 ? new TextRange(0, 0) : new TextRange(start, Math.Max(start, end));
    }

    /// <summary>The block's text and raw offsets without the hover cards copied into it (<see cref="HoverCards"/>).</summary>
    private static (string Text, IReadOnlyList<int> Offsets) WithoutHoverCards(HtmlBlock block, List<RemovedBlock> removed)
    {
        var cards = HoverCards.Find(block.Text);
        if (cards.Count == 0)
            return (block.Text, block.Offsets);
        var text = new StringBuilder(block.Text.Length);
        var offsets = new List<int>(block.Text.Length);
        int at = 0;
        foreach (var card in cards)
        {
            text.Append(block.Text, at, card.Cut - at);
            for (int i = at; i < card.Cut; i++)
                offsets.Add(block.Offsets[i]);
            int rawStart = FirstOffset(block.Offsets, card.TextStart, card.End), rawEnd = LastOffset(block.Offsets, card.TextStart, card.End) + 1;
            removed.Add(new RemovedBlock(block.Text[card.TextStart..card.End], RemovalReason.RelatedLinks, rawStart < 0 ? new TextRange(0, 0) : new TextRange(rawStart, Math.Max(rawStart, rawEnd))));
            at = card.End;
        }
        text.Append(block.Text, at, block.Text.Length - at);
        for (int i = at; i < block.Text.Length; i++)
            offsets.Add(block.Offsets[i]);
        return (text.ToString(), offsets);
    }

    private static int FirstOffset(IReadOnlyList<int> offsets, int start, int end)
    {
        for (int i = start; i < end; i++)
            if (offsets[i] >= 0)
                return offsets[i];
        return -1;
    }

    private static int LastOffset(IReadOnlyList<int> offsets, int start, int end)
    {
        for (int i = end - 1; i >= start; i--)
            if (offsets[i] >= 0)
                return offsets[i];
        return -1;
    }

    private static CleaningResult Assemble(List<HtmlBlock> blocks, List<TextUnit> units, Pipeline.PageHints hints)
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
            var (blockText, offsets) = WithoutHoverCards(block, removed);
            int bodyStart = text.Length;
            text.Append(blockText);
            // Runs of characters whose sources follow one another become one segment.
            int runStart = -1, runRaw = -1, runLength = 0;
            for (int i = 0; i < blockText.Length; i++)
            {
                int r = offsets[i];
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
