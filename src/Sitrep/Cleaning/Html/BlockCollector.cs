using System.Text;
using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>Turns a subtree into blocks the way a browser lays it out: block elements and line breaks end a paragraph.</summary>
internal sealed class BlockCollector(HtmlTree tree, MainContentFinder finder)
{
    private readonly List<HtmlBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private readonly List<int> _offsets = [];
    private int _blockElement = -1;
    private int _linkChars;
    private int _linkDepth;
    private int _preDepth;

    /// <summary>Inside a pre or code element.</summary>
    private int _codeDepth;
    private int _captionDepth;

    /// <summary>Inside a row of a data table: its cells are one line, separated by " | ".</summary>
    private int _dataRow = -1;
    private RemovalReason? _removal;
    private int _removalDepth;

    private int _root = -1;

    public List<HtmlBlock> Collect(int root)
    {
        _root = root;
        _blockElement = root;
        VisitElement(root);
        Flush();
        return _blocks;
    }

    private void VisitElement(int e)
    {
        var tag = tree.Tag(e)!;
        // The finder measured every visible element inside the body and nothing below a hidden one.
        if (!finder.IsMeasured(e))
            return;
        if (tag == HtmlTag.Br)
        {
            Flush();
            return;
        }
        var name = tag.Name;
        bool block = tag.Is(HtmlTagFlags.Block);
        // A table's row is one line of text: its cells alone are numbers and labels that read as
        // page furniture ("84.7", "Score") and lose what they mean. A layout table's cell, which
        // holds paragraphs, stays a block of its own.
        if (name is "td" or "th" && _dataRow >= 0 && tree.Parent(e) == _dataRow)
        {
            block = false;
            if (_text.Length > 0)
                AppendSeparator(" | ");
        }
        bool row = name == "tr" && _dataRow < 0 && IsDataRow(e);
        // Inside code, class words are a syntax highlighter's ("token comment", "hljs-comment"):
        // every character of a code block is text.
        var reason = _removal is null && e != _root && _codeDepth == 0 ? finder.Boilerplate(e) : null;
        // A figure is a picture and its caption, but sites also wrap tables, code and quotations in
        // one (WordPress's table block): then only its figcaption is a caption.
        bool caption = name is "figcaption" or "caption" || (name == "figure" && !HoldsText(e));
        // A caption ends the line before it and after it even when its tag is not a block.
        if (block || reason is not null || caption)
        {
            Flush();
        }
        var savedBlock = _blockElement;
        if (block)
            _blockElement = e;
        if (reason is not null)
            (_removal, _removalDepth) = (reason, _removalDepth + 1);
        else if (_removal is not null)
            _removalDepth++;
        if (tag == HtmlTag.A)
            _linkDepth++;
        if (tag == HtmlTag.Pre)
            _preDepth++;
        if (tag == HtmlTag.Pre || name == "code")
            _codeDepth++;
        if (caption)
            _captionDepth++;
        if (row)
            _dataRow = e;

        for (int child = tree.FirstChild(e); child >= 0; child = tree.NextSibling(child))
        {
            if (tree.IsElement(child))
            {
                // A streamed segment is read in its placeholder's place (see MainContentFinder).
                if (finder.StreamedInto(child) is var segment and >= 0)
                    VisitElement(segment);
                else if (!finder.IsStreamedSegment(child))
                    VisitElement(child);
            }
            else
                Append(child);
        }

        if (row)
            _dataRow = -1;
        if (caption)
        {
            Flush();
            _captionDepth--;
        }
        if (tag == HtmlTag.Pre)
            _preDepth--;
        if (tag == HtmlTag.Pre || name == "code")
            _codeDepth--;
        if (tag == HtmlTag.A)
            _linkDepth--;
        if (block || reason is not null)
            Flush();
        if (_removal is not null && --_removalDepth == 0)
            _removal = null;
        _blockElement = savedBlock;
    }

    /// <summary>A row whose cells hold only inline content (no paragraph, list, heading or nested table).</summary>
    private bool IsDataRow(int tr)
    {
        int cells = 0;
        for (int c = tree.FirstElementChild(tr); c >= 0; c = tree.NextElementSibling(c))
        {
            if (tree.Name(c) is not ("td" or "th"))
                continue;
            cells++;
            int end = tree[c].SubtreeEnd;
            for (int i = c + 1; i <= end; i++)
            {
                if (tree.Tag(i) is { } t && t.Is(HtmlTagFlags.Block) && t != HtmlTag.Br)
                    return false;
            }
        }
        return cells >= 2;
    }

    /// <summary>Text the page does not hold (a cell separator): it maps to no source character.</summary>
    private void AppendSeparator(string separator)
    {
        while (_text.Length > 0 && _text[^1] == ' ')
        {
            _text.Length--;
            _offsets.RemoveAt(_offsets.Count - 1);
        }
        foreach (char c in separator)
        {
            _text.Append(c);
            _offsets.Add(-1);
        }
    }

    /// <summary>The element holds a table, a code block or a quotation: text, not a picture's caption.</summary>
    private bool HoldsText(int e)
    {
        int end = tree[e].SubtreeEnd;
        for (int i = e + 1; i <= end; i++)
        {
            if (tree.Tag(i) is { } t && (t.Name is "table" or "pre" or "blockquote"))
                return true;
        }
        return false;
    }

    private void Append(int node)
    {
        var data = tree.Text(node);
        for (int i = 0; i < data.Length; i++)
        {
            char c = data[i];
            if (_preDepth == 0 && char.IsWhiteSpace(c) && c != '\u00a0')
            {
                if (_text.Length == 0 || _text[^1] == ' ')
                    continue;
                c = ' ';
            }
            _text.Append(c);
            _offsets.Add(tree.SourceOffset(node, i));
            if (_linkDepth > 0)
                _linkChars++;
        }
    }

    private void Flush()
    {
        int end = _text.Length;
        while (end > 0 && _text[end - 1] == ' ')
            end--;
        if (end > 0 && _blockElement >= 0)
        {
            var name = tree.Name(_blockElement);
            _blocks.Add(new HtmlBlock
            {
                Text = _text.ToString(0, end),
                Offsets = [.. _offsets.GetRange(0, end)],
                Element = _blockElement,
                ElementName = name,
                LinkChars = Math.Min(_linkChars, end),
                IsHeading = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6',
                IsListItem = name is "li" or "dd" or "dt",
                InCaption = _captionDepth > 0,
                Removal = _removal ?? (_captionDepth > 0 ? RemovalReason.Caption : null),
            });
        }
        _text.Clear();
        _offsets.Clear();
        _linkChars = 0;
    }
}
