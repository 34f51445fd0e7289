using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Reads a page with AngleSharp, HTML's full parsing algorithm, into the same <see cref="HtmlTree"/>
/// the fast path builds: for the pages <see cref="HtmlTreeBuilder"/> leaves to it (misnested
/// formatting elements HTML reparents, text written straight into tables, framesets). Text offsets
/// come from <see cref="HtmlSourceAligner"/>, since AngleSharp's tree does not keep them.
/// </summary>
internal static class AngleSharpTreeReader
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        IsNotSupportingFrames = true,
        SkipComments = true,
        DisableElementPositionTracking = true,
        MaximumDepth = HtmlGuard.MaxDepth + 64,
        ShouldEmitAttribute = static (ref AngleSharp.Html.Parser.Tokens.Struct.StructHtmlToken token, ReadOnlyMemory<char> name) => HtmlTreeBuilder.TryKeptAttribute(name.Span, out var kept),
    };

    private const string HtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static HtmlTree Read(string html)
    {
        HtmlGuard.Check(html);
        var parser = new HtmlParser(ParserOptions);
        using var doc = parser.ParseDocument(html);
        var offsets = HtmlSourceAligner.Align(html, doc, wanted: null);
        var tree = new HtmlTree(html);
        var unknown = new Dictionary<string, HtmlTag>(StringComparer.Ordinal);
        if (doc.DocumentElement is { } root)
            tree.Root = Add(tree, root, -1, doc, offsets, unknown);
        tree.Complete();
        return tree;
    }

    private static int Add(HtmlTree tree, IElement e, int parent, IDocument doc, Dictionary<IText, int[]> offsets, Dictionary<string, HtmlTag> unknown)
    {
        var name = e.LocalName;
        var tag = HtmlTag.Find(name);
        if (tag is null && !unknown.TryGetValue(name, out tag))
        {
            tag = HtmlTag.Unknown(name.ToLowerInvariant());
            unknown[name] = tag;
        }
        int index = tree.AppendElement(tag, parent, foreign: e.NamespaceUri != HtmlNamespace);
        if (e == doc.Head)
            tree.Head = index;
        else if (e == doc.Body)
            tree.Body = index;
        foreach (var attribute in e.Attributes)
        {
            if (HtmlTreeBuilder.TryKeptAttribute(attribute.Name, out var kept))
                tree.AddAttribute(index, kept, -1, 0, needsDecoding: false, attribute.Value);
        }
        foreach (var child in e.ChildNodes)
        {
            if (child is IElement ce)
            {
                Add(tree, ce, index, doc, offsets, unknown);
            }
            else if (child is IText text && text.Data.Length > 0)
            {
                offsets.TryGetValue(text, out var map);
                int at = tree.BeginDecoded();
                var data = text.Data;
                for (int i = 0; i < data.Length; i++)
                    tree.PushDecoded(data[i], map is null ? -1 : map[i]);
                tree.EndDecoded(index, at);
            }
        }
        return index;
    }
}
