using System.Text;
using AngleSharp.Dom;
using Sitrep.Documents;

namespace Sitrep.Cleaning.Html;

/// <summary>Turns a subtree into blocks the way a browser lays it out: block elements and line breaks end a paragraph.</summary>
internal sealed class BlockCollector(Dictionary<IElement, MainContentFinder.Stats> stats)
{
    private readonly List<HtmlBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private readonly List<IText?> _nodes = [];
    private readonly List<int> _indexes = [];
    private IElement? _blockElement;
    private int _linkChars;
    private int _linkDepth;
    private int _preDepth;
    private int _captionDepth;
    private RemovalReason? _removal;
    private int _removalDepth;

    private IElement? _root;

    public List<HtmlBlock> Collect(IElement root)
    {
        _root = root;
        _blockElement = root;
        Visit(root);
        Flush();
        return _blocks;
    }

    private void Visit(INode node)
    {
        switch (node)
        {
            case IText text:
                Append(text);
                break;
            case IElement element:
                VisitElement(element);
                break;
        }
    }

    private void VisitElement(IElement e)
    {
        var name = e.LocalName;
        if (HtmlVocabulary.IsInvisible(e))
            return;
        if (name == "br")
        {
            Flush();
            return;
        }
        bool block = HtmlVocabulary.IsBlock(name);
        var reason = _removal is null && e != _root ? MainContentFinder.Boilerplate(e, stats) : null;
        bool caption = name is "figcaption" or "caption" or "figure";
        if (block || reason is not null)
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
        if (name == "a")
            _linkDepth++;
        if (name == "pre")
            _preDepth++;
        if (caption)
            _captionDepth++;

        foreach (var child in e.ChildNodes)
            Visit(child);

        if (caption)
            _captionDepth--;
        if (name == "pre")
            _preDepth--;
        if (name == "a")
            _linkDepth--;
        if (block || reason is not null)
            Flush();
        if (_removal is not null && --_removalDepth == 0)
            _removal = null;
        _blockElement = savedBlock;
    }

    private void Append(IText node)
    {
        var data = node.Data;
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
            _nodes.Add(node);
            _indexes.Add(i);
            if (_linkDepth > 0)
                _linkChars++;
        }
    }

    private void Flush()
    {
        int end = _text.Length;
        while (end > 0 && _text[end - 1] == ' ')
            end--;
        if (end > 0 && _blockElement is not null)
        {
            var name = _blockElement.LocalName;
            _blocks.Add(new HtmlBlock
            {
                Text = _text.ToString(0, end),
                Nodes = [.. _nodes.Take(end)],
                Indexes = [.. _indexes.Take(end)],
                Element = _blockElement,
                LinkChars = Math.Min(_linkChars, end),
                IsHeading = name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6',
                IsListItem = name is "li" or "dd" or "dt",
                InCaption = _captionDepth > 0,
                Removal = _removal ?? (_captionDepth > 0 ? RemovalReason.Caption : null),
            });
        }
        _text.Clear();
        _nodes.Clear();
        _indexes.Clear();
        _linkChars = 0;
    }
}
