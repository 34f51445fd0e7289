using System.Buffers;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// A parsed page as one array of <see cref="HtmlNode"/> structs in document order, with the
/// characters of text nodes either read in place from the source or decoded into one buffer
/// beside the source offset of each character: extraction reads offsets from the tree instead of
/// searching for them. Built by <see cref="HtmlTreeBuilder"/> (the fast path) or
/// <see cref="AngleSharpTreeReader"/> (the full HTML parser); its arrays are pooled, so a tree is
/// disposed when the page is done.
/// </summary>
internal sealed class HtmlTree : IDisposable
{
    private HtmlNode[] _nodes;
    private int _count;
    private char[] _chars;
    private int[] _charOffsets;
    private int _charCount;
    private HtmlAttribute[] _attributes;
    private int _attributeCount;

    public HtmlTree(string source)
    {
        Source = source;
        _nodes = ArrayPool<HtmlNode>.Shared.Rent(Math.Max(64, source.Length / 40));
        _chars = ArrayPool<char>.Shared.Rent(256);
        _charOffsets = ArrayPool<int>.Shared.Rent(256);
        _attributes = ArrayPool<HtmlAttribute>.Shared.Rent(Math.Max(16, source.Length / 200));
    }

    public string Source { get; }

    public int Count => _count;

    /// <summary>The html element (node 0 once built).</summary>
    public int Root { get; internal set; } = -1;

    public int Head { get; internal set; } = -1;

    public int Body { get; internal set; } = -1;

    public ref readonly HtmlNode this[int node] => ref _nodes[node];

    public HtmlTag? Tag(int node) => _nodes[node].Tag;

    public string Name(int element) => _nodes[element].Tag!.Name;

    public bool IsElement(int node) => _nodes[node].Tag is not null;

    public int Parent(int node) => _nodes[node].Parent;

    public int FirstChild(int node) => _nodes[node].FirstChild;

    public int NextSibling(int node) => _nodes[node].NextSibling;

    /// <summary>The next element among <paramref name="node"/>'s following siblings; -1 when none.</summary>
    public int NextElementSibling(int node)
    {
        for (int c = _nodes[node].NextSibling; c >= 0; c = _nodes[c].NextSibling)
        {
            if (_nodes[c].Tag is not null)
                return c;
        }
        return -1;
    }

    /// <summary>The first element child of <paramref name="node"/>; -1 when none.</summary>
    public int FirstElementChild(int node)
    {
        int c = _nodes[node].FirstChild;
        return c < 0 || _nodes[c].Tag is not null ? c : NextElementSibling(c);
    }

    /// <summary>The parent when it is an element below the document; -1 at the root.</summary>
    public int ParentElement(int node) => _nodes[node].Parent;

    /// <summary><paramref name="node"/> is <paramref name="ancestor"/> or inside it.</summary>
    public bool Contains(int ancestor, int node) => node >= ancestor && node <= _nodes[ancestor].SubtreeEnd;

    public ReadOnlySpan<char> Text(int textNode)
    {
        ref readonly var n = ref _nodes[textNode];
        return n.Verbatim ? Source.AsSpan(n.TextStart, n.TextLength) : _chars.AsSpan(n.TextStart, n.TextLength);
    }

    /// <summary>Where character <paramref name="index"/> of a text node was read in the source (the <c>&amp;</c> of a reference); -1 when unknown.</summary>
    public int SourceOffset(int textNode, int index)
    {
        ref readonly var n = ref _nodes[textNode];
        return n.Verbatim ? n.TextStart + index : _charOffsets[n.TextStart + index];
    }

    /// <summary>
    /// The text of every text node inside <paramref name="element"/>, in order, as the DOM's
    /// textContent: a template's content is not part of the document, so it is left out.
    /// </summary>
    public string TextContent(int element)
    {
        int end = _nodes[element].SubtreeEnd;
        int single = -1, length = 0, parts = 0;
        for (int i = element + 1; i <= end; i++)
        {
            ref readonly var n = ref _nodes[i];
            if (n.Tag is null)
            {
                single = i;
                parts++;
                length += n.TextLength;
            }
            else if (n.Tag == HtmlTag.Template)
            {
                i = n.SubtreeEnd;
            }
        }
        if (length == 0)
            return "";
        if (parts == 1)
            return Text(single).ToString();
        var sb = new System.Text.StringBuilder(length);
        for (int i = element + 1; i <= end; i++)
        {
            ref readonly var n = ref _nodes[i];
            if (n.Tag is null)
                sb.Append(Text(i));
            else if (n.Tag == HtmlTag.Template)
                i = n.SubtreeEnd;
        }
        return sb.ToString();
    }

    public bool HasAttribute(int element, HtmlAttributeName name) => FindAttribute(element, name) >= 0;

    /// <summary>An attribute's value, character references decoded; null when the element has none.</summary>
    public string? Attribute(int element, HtmlAttributeName name)
    {
        int a = FindAttribute(element, name);
        if (a < 0)
            return null;
        ref var attribute = ref _attributes[a];
        if (attribute.Value is null)
        {
            var raw = Source.AsSpan(attribute.ValueStart, attribute.ValueLength);
            attribute.Value = attribute.NeedsDecoding ? HtmlCharacterReferences.DecodeAttribute(raw) : raw.ToString();
        }
        return attribute.Value;
    }

    /// <summary>
    /// An attribute's value as characters, read in place when it needs no decoding (no string is
    /// made for a value that is only compared); <paramref name="found"/> is false when the element has none.
    /// </summary>
    public ReadOnlySpan<char> AttributeSpan(int element, HtmlAttributeName name, out bool found)
    {
        int a = FindAttribute(element, name);
        found = a >= 0;
        if (a < 0)
            return default;
        ref readonly var attribute = ref _attributes[a];
        if (attribute.Value is not null)
            return attribute.Value;
        if (!attribute.NeedsDecoding)
            return Source.AsSpan(attribute.ValueStart, attribute.ValueLength);
        return Attribute(element, name);
    }

    private int FindAttribute(int element, HtmlAttributeName name)
    {
        ref readonly var n = ref _nodes[element];
        for (int a = n.AttributeStart, end = n.AttributeStart + n.AttributeCount; a < end; a++)
        {
            if (_attributes[a].Name == name)
                return a;
        }
        return -1;
    }

    /// <summary>Appends an element as the last child of <paramref name="parent"/> (-1 for the root).</summary>
    internal int AppendElement(HtmlTag tag, int parent, bool foreign)
    {
        int index = Add(parent);
        ref var n = ref _nodes[index];
        n.Tag = tag;
        n.Foreign = foreign;
        n.AttributeStart = _attributeCount;
        return index;
    }

    /// <summary>Adds an attribute to the element appended last, unless it already has one of that name (the first wins, as in HTML).</summary>
    internal void AddAttribute(int element, HtmlAttributeName name, int valueStart, int valueLength, bool needsDecoding, string? value = null)
    {
        if (FindAttribute(element, name) >= 0)
            return;
        ref var n = ref _nodes[element];
        if (n.AttributeStart + n.AttributeCount != _attributeCount)
        {
            // Attributes of an element other than the newest (a second <html> or <body> tag) move to the end.
            if (_attributeCount + n.AttributeCount + 1 > _attributes.Length)
                Grow(ref _attributes, _attributeCount + n.AttributeCount + 1);
            Array.Copy(_attributes, n.AttributeStart, _attributes, _attributeCount, n.AttributeCount);
            n.AttributeStart = _attributeCount;
            _attributeCount += n.AttributeCount;
        }
        if (_attributeCount == _attributes.Length)
            Grow(ref _attributes, _attributeCount + 1);
        _attributes[_attributeCount++] = new HtmlAttribute { Name = name, ValueStart = valueStart, ValueLength = valueLength, NeedsDecoding = needsDecoding, Value = value };
        n.AttributeCount++;
    }

    /// <summary>Appends text read in place from the source, joined to a text node just before it in the same parent.</summary>
    internal void AppendVerbatimText(int parent, int start, int length)
    {
        if (length == 0)
            return;
        int last = MergeableText(parent);
        if (last >= 0)
        {
            ref var t = ref _nodes[last];
            if (t.Verbatim && t.TextStart + t.TextLength == start)
            {
                t.TextLength += length;
                return;
            }
            int at = BeginDecoded();
            for (int i = 0; i < length; i++)
                PushDecoded(Source[start + i], start + i);
            EndDecoded(parent, at);
            return;
        }
        int index = Add(parent);
        ref var n = ref _nodes[index];
        n.Verbatim = true;
        n.TextStart = start;
        n.TextLength = length;
    }

    /// <summary>Where decoded characters of the next text start in the buffer.</summary>
    internal int BeginDecoded() => _charCount;

    internal void PushDecoded(char c, int sourceOffset)
    {
        if (_charCount == _chars.Length)
        {
            Grow(ref _chars, _charCount + 1);
            Grow(ref _charOffsets, _charCount + 1);
        }
        _chars[_charCount] = c;
        _charOffsets[_charCount++] = sourceOffset;
    }

    /// <summary>Turns the characters pushed since <paramref name="start"/> into a text node of <paramref name="parent"/>, or joins them to the one before.</summary>
    internal void EndDecoded(int parent, int start)
    {
        int length = _charCount - start;
        if (length == 0)
            return;
        int last = MergeableText(parent);
        if (last >= 0)
        {
            ref var t = ref _nodes[last];
            if (!t.Verbatim && t.TextStart + t.TextLength == start)
            {
                t.TextLength += length;
                return;
            }
            if (t.Verbatim)
            {
                // The earlier part was read in place: copy it in front of the new characters.
                int before = t.TextLength;
                if (_charCount + before > _chars.Length)
                {
                    Grow(ref _chars, _charCount + before);
                    Grow(ref _charOffsets, _charCount + before);
                }
                Array.Copy(_chars, start, _chars, start + before, length);
                Array.Copy(_charOffsets, start, _charOffsets, start + before, length);
                Source.AsSpan(t.TextStart, before).CopyTo(_chars.AsSpan(start));
                for (int i = 0; i < before; i++)
                    _charOffsets[start + i] = t.TextStart + i;
                _charCount += before;
                t.Verbatim = false;
                t.TextStart = start;
                t.TextLength = before + length;
                return;
            }
        }
        int index = Add(parent);
        ref var n = ref _nodes[index];
        n.Verbatim = false;
        n.TextStart = start;
        n.TextLength = length;
    }

    /// <summary>Sets each element's subtree end once the tree is complete: parents precede their children in the array.</summary>
    internal void Complete()
    {
        for (int i = 0; i < _count; i++)
            _nodes[i].SubtreeEnd = i;
        for (int i = _count - 1; i > 0; i--)
        {
            int p = _nodes[i].Parent;
            if (p >= 0 && _nodes[i].SubtreeEnd > _nodes[p].SubtreeEnd)
                _nodes[p].SubtreeEnd = _nodes[i].SubtreeEnd;
        }
    }

    /// <summary>The last node when it is a text node that ends <paramref name="parent"/>'s children: new text joins it, as in the DOM.</summary>
    private int MergeableText(int parent)
    {
        int last = _count - 1;
        return last >= 0 && _nodes[last].Tag is null && _nodes[last].Parent == parent && parent >= 0 && _nodes[parent].LastChild == last ? last : -1;
    }

    private int Add(int parent)
    {
        if (_count == _nodes.Length)
            Grow(ref _nodes, _count + 1);
        int index = _count++;
        _nodes[index] = new HtmlNode { Parent = parent, FirstChild = -1, LastChild = -1, NextSibling = -1, SubtreeEnd = index };
        if (parent >= 0)
        {
            ref var p = ref _nodes[parent];
            if (p.LastChild >= 0)
                _nodes[p.LastChild].NextSibling = index;
            else
                p.FirstChild = index;
            p.LastChild = index;
        }
        return index;
    }

    private static void Grow<T>(ref T[] array, int needed)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        Array.Copy(array, bigger, array.Length);
        ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        array = bigger;
    }

    public void Dispose()
    {
        // Nodes and attributes hold references (tags, decoded values): cleared so the pool keeps no page alive.
        Array.Clear(_nodes, 0, _count);
        Array.Clear(_attributes, 0, _attributeCount);
        ArrayPool<HtmlNode>.Shared.Return(_nodes);
        ArrayPool<HtmlAttribute>.Shared.Return(_attributes);
        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<int>.Shared.Return(_charOffsets);
        _nodes = [];
        _attributes = [];
        _chars = [];
        _charOffsets = [];
        _count = 0;
    }
}
