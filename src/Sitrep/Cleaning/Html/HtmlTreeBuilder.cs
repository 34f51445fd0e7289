using System.Buffers;
using Sitrep.Pipeline;

namespace Sitrep.Cleaning.Html;

/// <summary>
/// Reads a page into an <see cref="HtmlTree"/> in one pass over the source: a tokenizer over spans
/// of the string (no token objects, attributes other than the few extraction reads skipped
/// unread) feeding a tree builder that follows HTML's rules where they decide which element text
/// belongs to: void and raw-text elements, comments and CDATA, the implied head and body, the end
/// tags that p, li, dd/dt, option, table sections, rows and cells imply, scope (an end tag does not
/// close past a table or a cell), a start tag that closes an open p or heading, and end tags that
/// match nothing ignored. What it does not do (the adoption agency's reparenting of misnested
/// formatting elements, foster parenting of text written straight into a table, framesets,
/// plaintext) it counts, and <see cref="HtmlCleaner"/> reads such a page with AngleSharp instead.
/// </summary>
internal sealed class HtmlTreeBuilder
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&\r");
    private static readonly SearchValues<char> TagNameEnd = SearchValues.Create("\t\n\f\r />");
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create("\t\n\f\r />=");
    private static readonly SearchValues<char> UnquotedValueEnd = SearchValues.Create("\t\n\f\r >");
    private static readonly SearchValues<char> ValueSpecials = SearchValues.Create("&\r");

    private static readonly Dictionary<string, HtmlAttributeName>.AlternateLookup<ReadOnlySpan<char>> KeptAttributes = new Dictionary<string, HtmlAttributeName>(StringComparer.OrdinalIgnoreCase)
    {
        ["class"] = HtmlAttributeName.Class,
        ["id"] = HtmlAttributeName.Id,
        ["role"] = HtmlAttributeName.Role,
        ["itemprop"] = HtmlAttributeName.ItemProp,
        ["hidden"] = HtmlAttributeName.Hidden,
        ["aria-hidden"] = HtmlAttributeName.AriaHidden,
        ["style"] = HtmlAttributeName.Style,
        ["content"] = HtmlAttributeName.Content,
        ["property"] = HtmlAttributeName.Property,
        ["name"] = HtmlAttributeName.Name,
        ["rel"] = HtmlAttributeName.Rel,
        ["href"] = HtmlAttributeName.Href,
        ["type"] = HtmlAttributeName.Type,
        ["lang"] = HtmlAttributeName.Lang,
        ["datetime"] = HtmlAttributeName.DateTime,
        ["pubdate"] = HtmlAttributeName.PubDate,
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether an attribute is one extraction reads, and which.</summary>
    internal static bool TryKeptAttribute(ReadOnlySpan<char> name, out HtmlAttributeName kept) => KeptAttributes.TryGetValue(name, out kept);

    private readonly string _src;
    private readonly HtmlTree _tree;
    private int[] _stack = new int[64];
    private int _depth;
    private readonly int[] _open = new int[HtmlTag.KnownCount + 1];
    private int _foreignDepth;
    private bool _quirks = true;
    private readonly Dictionary<string, HtmlTag> _unknownTags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HtmlTag>.AlternateLookup<ReadOnlySpan<char>> _unknownBySpan;
    private readonly List<(HtmlAttributeName Name, int Start, int Length, bool Decode)> _attributes = [];

    private HtmlTreeBuilder(string source)
    {
        _src = source;
        _tree = new HtmlTree(source);
        _unknownBySpan = _unknownTags.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Constructs this builder leaves to the full parser, with how often each occurred.</summary>
    public int Misnested { get; private set; }

    public int Fostered { get; private set; }

    public bool Unsupported { get; private set; }

    /// <summary>Builds the tree; throws <see cref="InputRejectedException"/> for a page nested deeper than <see cref="HtmlGuard.MaxDepth"/>.</summary>
    public static HtmlTree Build(string source, out HtmlTreeBuilder builder)
    {
        builder = new HtmlTreeBuilder(source);
        try
        {
            builder.Run();
        }
        catch
        {
            builder._tree.Dispose();
            throw;
        }
        return builder._tree;
    }

    private int Current => _stack[_depth - 1];

    private HtmlTag CurrentTag => _tree.Tag(Current)!;

    private bool CurrentIsForeignContent => _foreignDepth > 0 && _tree[Current].Foreign && !IsIntegrationPoint(Current);

    private void Run()
    {
        _tree.Root = Push(HtmlTag.Html, -1, foreign: false);
        string src = _src;
        int n = src.Length;
        int pos = 0, textStart = 0;
        while (true)
        {
            int lt = src.IndexOf('<', pos);
            if (lt < 0 || lt + 1 >= n)
                break;
            char c = src[lt + 1];
            int next;
            if (char.IsAsciiLetter(c))
            {
                FlushText(textStart, lt);
                next = StartTag(lt);
            }
            else if (c == '/')
            {
                if (lt + 2 >= n)
                    break;
                char c2 = src[lt + 2];
                FlushText(textStart, lt);
                if (char.IsAsciiLetter(c2))
                    next = EndTag(lt);
                else if (c2 == '>')
                    next = lt + 3;
                else
                    next = SkipTo('>', lt + 2);
            }
            else if (c == '!')
            {
                FlushText(textStart, lt);
                next = Declaration(lt);
            }
            else if (c == '?')
            {
                FlushText(textStart, lt);
                next = SkipTo('>', lt + 2);
            }
            else
            {
                pos = lt + 1; // a '<' that starts no markup is text
                continue;
            }
            textStart = pos = next;
        }
        FlushText(textStart, n);
        if (_tree.Body < 0)
            ImplyBody();
        _tree.Complete();
    }

    private int SkipTo(char c, int from)
    {
        int at = _src.IndexOf(c, from);
        return at < 0 ? _src.Length : at + 1;
    }

    /// <summary>A comment, a doctype, a CDATA section or a bogus comment; returns where it ends.</summary>
    private int Declaration(int lt)
    {
        var rest = _src.AsSpan(lt);
        if (rest.StartsWith("<!--"))
        {
            // "<!-->" and "<!--->" are whole comments; otherwise up to "-->" (or "--!>").
            if (rest.Length > 4 && rest[4] == '>')
                return lt + 5;
            if (rest.Length > 5 && rest[4] == '-' && rest[5] == '>')
                return lt + 6;
            for (int from = lt + 4; ;)
            {
                int dashes = _src.IndexOf("--", from, StringComparison.Ordinal);
                if (dashes < 0)
                    return _src.Length;
                int after = dashes + 2;
                while (after < _src.Length && _src[after] == '-')
                    after++;
                if (after < _src.Length && _src[after] == '>')
                    return after + 1;
                if (after + 1 < _src.Length && _src[after] == '!' && _src[after + 1] == '>')
                    return after + 2;
                from = after;
            }
        }
        if (rest.Length >= 9 && rest.Slice(2, 7).Equals("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            int end = SkipTo('>', lt + 9);
            _quirks = IsQuirksDoctype(_src.AsSpan(lt + 9, end - lt - 9));
            return end;
        }
        if (rest.StartsWith("<![CDATA[") && _foreignDepth > 0 && _tree[Current].Foreign)
        {
            int close = _src.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
            int end = close < 0 ? _src.Length : close;
            InsertText(lt + 9, end, decode: false);
            return close < 0 ? _src.Length : close + 3;
        }
        return SkipTo('>', lt + 2);
    }

    /// <summary>Quirks mode changes one rule that matters here (a table does not close an open p); legacy doctypes ask for it.</summary>
    private static bool IsQuirksDoctype(ReadOnlySpan<char> doctype)
    {
        doctype = doctype.Trim(" \t\n\f\r>");
        if (!doctype.StartsWith("html", StringComparison.OrdinalIgnoreCase))
            return true;
        int pub = doctype.IndexOf("PUBLIC", StringComparison.OrdinalIgnoreCase);
        if (pub < 0)
            return false;
        var ids = doctype[(pub + 6)..];
        bool hasSystem = ids.Count('"') >= 4 || ids.Count('\'') >= 4;
        return ids.Contains("-//W3O//", StringComparison.OrdinalIgnoreCase) || ids.Contains("-//IETF//", StringComparison.OrdinalIgnoreCase)
            || ids.Contains("-//W3C//DTD HTML 3", StringComparison.OrdinalIgnoreCase) || ids.Contains("-//W3C//DTD HTML 4.0 Transitional", StringComparison.OrdinalIgnoreCase)
            || (!hasSystem && (ids.Contains("-//W3C//DTD HTML 4.01 Transitional", StringComparison.OrdinalIgnoreCase) || ids.Contains("-//W3C//DTD HTML 4.01 Frameset", StringComparison.OrdinalIgnoreCase)));
    }

    private HtmlTag ResolveTag(ReadOnlySpan<char> name)
    {
        if (HtmlTag.Find(name) is { } known)
            return known;
        if (_unknownBySpan.TryGetValue(name, out var tag))
            return tag;
        var lower = name.ToString().ToLowerInvariant();
        if (!_unknownTags.TryGetValue(lower, out tag))
        {
            tag = HtmlTag.Unknown(lower);
            _unknownTags[lower] = tag;
        }
        if (!string.Equals(lower, name.ToString(), StringComparison.Ordinal))
            _unknownTags[name.ToString()] = tag;
        return tag;
    }

    private int StartTag(int lt)
    {
        string src = _src;
        int n = src.Length;
        int nameStart = lt + 1;
        int i = src.AsSpan(nameStart).IndexOfAny(TagNameEnd);
        i = i < 0 ? n : nameStart + i;
        var tag = ResolveTag(src.AsSpan(nameStart, i - nameStart));
        _attributes.Clear();
        bool selfClosing = false;
        while (true)
        {
            while (i < n && IsSpace(src[i]))
                i++;
            if (i >= n)
                return n; // a tag cut off by the end of the page is dropped
            char c = src[i];
            if (c == '>')
            {
                i++;
                break;
            }
            if (c == '/')
            {
                if (i + 1 < n && src[i + 1] == '>')
                {
                    selfClosing = true;
                    i += 2;
                    break;
                }
                i++;
                continue;
            }
            int attrStart = i++;
            int end = src.AsSpan(i).IndexOfAny(AttributeNameEnd);
            i = end < 0 ? n : i + end;
            var attrName = src.AsSpan(attrStart, i - attrStart);
            while (i < n && IsSpace(src[i]))
                i++;
            int valueStart = i, valueLength = 0;
            if (i < n && src[i] == '=')
            {
                i++;
                while (i < n && IsSpace(src[i]))
                    i++;
                if (i >= n)
                    return n;
                char q = src[i];
                if (q is '"' or '\'')
                {
                    int close = src.IndexOf(q, i + 1);
                    if (close < 0)
                        return n;
                    valueStart = i + 1;
                    valueLength = close - valueStart;
                    i = close + 1;
                }
                else if (q != '>')
                {
                    int stop = src.AsSpan(i).IndexOfAny(UnquotedValueEnd);
                    valueStart = i;
                    i = stop < 0 ? n : i + stop;
                    valueLength = i - valueStart;
                }
            }
            if (KeptAttributes.TryGetValue(attrName, out var kept))
                _attributes.Add((kept, valueStart, valueLength, src.AsSpan(valueStart, valueLength).ContainsAny(ValueSpecials)));
        }

        int element = InsertStartTag(tag, selfClosing);
        if (element < 0)
            return i;
        for (int a = 0; a < _attributes.Count; a++)
        {
            var (name, start, length, decode) = _attributes[a];
            _tree.AddAttribute(element, name, start, length, decode);
        }
        if (_tree[element].Foreign || (tag.Flags & (HtmlTagFlags.RawText | HtmlTagFlags.RcData)) == 0)
        {
            if ((tag == HtmlTag.Pre || tag == HtmlTag.Listing) && element == Current)
                i = SkipLeadingNewline(i);
            else if (tag == HtmlTag.Plaintext)
            {
                InsertText(i, n, decode: false);
                return n;
            }
            return i;
        }
        // script, style, title, textarea …: text up to the matching end tag.
        if (tag == HtmlTag.Textarea)
            i = SkipLeadingNewline(i);
        int endTag = FindEndTag(i, tag.Name);
        int textEnd = endTag < 0 ? n : endTag;
        InsertText(i, textEnd, decode: tag.Is(HtmlTagFlags.RcData));
        if (element == Current)
            Pop();
        return endTag < 0 ? n : SkipTo('>', endTag + 2);
    }

    private int SkipLeadingNewline(int i)
    {
        if (i < _src.Length && _src[i] == '\n')
            return i + 1;
        if (i < _src.Length && _src[i] == '\r')
            return i + 1 < _src.Length && _src[i + 1] == '\n' ? i + 2 : i + 1;
        return i;
    }

    /// <summary>Where "&lt;/name" followed by a space, '/' or '&gt;' starts, case-insensitively; -1 when the page never closes it.</summary>
    private int FindEndTag(int from, string name)
    {
        string src = _src;
        while (true)
        {
            int at = src.IndexOf("</", from, StringComparison.Ordinal);
            if (at < 0)
                return -1;
            int after = at + 2 + name.Length;
            if (after <= src.Length && src.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == src.Length || IsSpace(src[after]) || src[after] is '/' or '>'))
                return at;
            from = at + 2;
        }
    }

    private int EndTag(int lt)
    {
        int nameStart = lt + 2;
        int i = _src.AsSpan(nameStart).IndexOfAny(TagNameEnd);
        i = i < 0 ? _src.Length : nameStart + i;
        var tag = ResolveTag(_src.AsSpan(nameStart, i - nameStart));
        // An end tag's attributes mean nothing; skip them, quotes and all.
        char quote = '\0';
        for (; i < _src.Length; i++)
        {
            char c = _src[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c == '>')
            {
                break;
            }
            else if ((c is '"' or '\'') && _src[i - 1] == '=')
            {
                quote = c;
            }
        }
        if (i >= _src.Length)
            return _src.Length;
        InsertEndTag(tag);
        return i + 1;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\t' or '\r' or '\f';

    private void FlushText(int start, int end)
    {
        if (start < end)
            InsertText(start, end, decode: true);
    }

    private void InsertText(int start, int end, bool decode)
    {
        if (start >= end)
            return;
        if (_tree.Body < 0 && !InHeadText())
        {
            // Before the body, white space is ignored and other text starts the body.
            while (start < end && IsSpace(_src[start]))
                start++;
            if (start == end)
                return;
            ImplyBody();
        }
        int parent = Current;
        var tag = _tree.Tag(parent)!;
        if ((tag == HtmlTag.Table || tag.Is(HtmlTagFlags.TableSection) || tag == HtmlTag.Tr) && !_src.AsSpan(start, end - start).Trim(" \t\n\f\r").IsEmpty)
            Fostered++;
        var span = _src.AsSpan(start, end - start);
        int special = decode ? span.IndexOfAny(TextSpecials) : -1;
        if (special < 0)
        {
            _tree.AppendVerbatimText(parent, start, end - start);
            return;
        }
        int at = _tree.BeginDecoded();
        for (int k = 0; k < special; k++)
            _tree.PushDecoded(span[k], start + k);
        Span<char> decoded = stackalloc char[2];
        for (int k = special; k < span.Length;)
        {
            char c = span[k];
            if (c == '&')
            {
                int written = HtmlCharacterReferences.Decode(span[k..], inAttribute: false, decoded, out int consumed);
                if (written > 0)
                {
                    for (int w = 0; w < written; w++)
                        _tree.PushDecoded(decoded[w], start + k);
                    k += consumed;
                    continue;
                }
            }
            else if (c == '\r')
            {
                _tree.PushDecoded('\n', start + k);
                k += k + 1 < span.Length && span[k + 1] == '\n' ? 2 : 1;
                continue;
            }
            _tree.PushDecoded(c, start + k);
            k++;
        }
        _tree.EndDecoded(parent, at);
    }

    /// <summary>Text inside a raw-text or RCDATA element of the head (a title, a script) stays there.</summary>
    private bool InHeadText() => CurrentTag.Is(HtmlTagFlags.RawText | HtmlTagFlags.RcData);

    private void ImplyBody()
    {
        PopTo(_tree.Root);
        ImplyHead();
        _tree.Body = Push(HtmlTag.Body, Current, foreign: false);
    }

    /// <summary>Every document has a head, written or not, as in the DOM.</summary>
    private void ImplyHead()
    {
        if (_tree.Head >= 0)
            return;
        _tree.Head = Push(HtmlTag.Head, Current, foreign: false);
        Pop();
    }

    /// <summary>Applies a start tag to the tree; returns the element it inserted (or merged its attributes into), -1 when it was ignored.</summary>
    private int InsertStartTag(HtmlTag tag, bool selfClosing)
    {
        if (CurrentIsForeignContent)
        {
            if (!tag.Is(HtmlTagFlags.LeavesForeign))
            {
                int e = Push(tag, Current, foreign: true);
                if (selfClosing)
                    Pop();
                return e;
            }
            while (_depth > 1 && CurrentIsForeignContent)
                Pop();
        }
        if (tag == HtmlTag.Html)
            return _tree.Root;
        if (_tree.Body < 0)
        {
            if (tag == HtmlTag.Head)
            {
                if (_tree.Head >= 0)
                    return -1;
                _tree.Head = Push(tag, Current, foreign: false);
                return _tree.Head;
            }
            if (tag.Is(HtmlTagFlags.HeadContent))
            {
                if (_tree.Head < 0 && Current == _tree.Root)
                    _tree.Head = Push(HtmlTag.Head, Current, foreign: false);
                return Insert(tag);
            }
            if (tag == HtmlTag.Body)
            {
                PopTo(_tree.Root);
                ImplyHead();
                _tree.Body = Push(tag, Current, foreign: false);
                return _tree.Body;
            }
            if (tag == HtmlTag.Frameset)
            {
                Unsupported = true;
                return -1;
            }
            ImplyBody();
        }
        else if (tag == HtmlTag.Body)
        {
            return _tree.Body;
        }
        else if (tag == HtmlTag.Head || tag == HtmlTag.Frameset)
        {
            return -1;
        }

        if (tag.Is(HtmlTagFlags.ClosesParagraph) && !(tag == HtmlTag.Table && _quirks))
            CloseParagraph();
        if (tag.Is(HtmlTagFlags.Heading) && CurrentTag.Is(HtmlTagFlags.Heading) && !_tree[Current].Foreign)
            Pop();
        else if (tag == HtmlTag.Li)
            CloseListItem(HtmlTag.Li, HtmlTag.Li);
        else if (tag == HtmlTag.Dd || tag == HtmlTag.Dt)
            CloseListItem(HtmlTag.Dd, HtmlTag.Dt);
        else if (tag == HtmlTag.A)
            CloseOpenLink();
        else if (tag == HtmlTag.Button)
        {
            if (InScope(HtmlTag.Button, HtmlScope.Default))
                PopUntilPopped(HtmlTag.Button);
        }
        else if (tag == HtmlTag.Option)
        {
            if (CurrentTag == HtmlTag.Option)
                Pop();
        }
        else if (tag == HtmlTag.Optgroup)
        {
            if (CurrentTag == HtmlTag.Option)
                Pop();
            if (CurrentTag == HtmlTag.Optgroup)
                Pop();
        }
        else if (tag == HtmlTag.Table)
        {
            if (InTableContext())
                PopUntilPopped(HtmlTag.Table); // a table straight inside a table closes it
        }
        else if (tag == HtmlTag.Tr || tag == HtmlTag.Td || tag == HtmlTag.Th || tag.Is(HtmlTagFlags.TableSection) || tag == HtmlTag.Caption || tag == HtmlTag.Colgroup || tag == HtmlTag.Col)
        {
            return InsertTablePart(tag);
        }
        else if (tag == HtmlTag.Plaintext || tag == HtmlTag.Frameset)
        {
            Unsupported = true;
        }
        if (tag == HtmlTag.Image)
            tag = HtmlTag.Img;
        if (tag == HtmlTag.Svg || tag == HtmlTag.Math)
        {
            int e = Push(tag, Current, foreign: true);
            if (selfClosing)
                Pop();
            return e;
        }
        return Insert(tag);
    }

    private int Insert(HtmlTag tag)
    {
        if (tag.Is(HtmlTagFlags.VoidElement))
            return _tree.AppendElement(tag, Current, foreign: false);
        return Push(tag, Current, foreign: false);
    }

    /// <summary>Rows, cells and sections: what HTML's table modes do, implied tbody and tr included.</summary>
    private int InsertTablePart(HtmlTag tag)
    {
        if (!InScope(HtmlTag.Table, HtmlScope.Table))
            return -1; // a cell or row outside any table is ignored, its content kept
        if (tag == HtmlTag.Caption || tag == HtmlTag.Colgroup)
        {
            ClearTo(static t => t == HtmlTag.Table);
            return Push(tag, Current, foreign: false);
        }
        if (tag == HtmlTag.Col)
        {
            if (CurrentTag != HtmlTag.Colgroup)
            {
                ClearTo(static t => t == HtmlTag.Table);
                Push(HtmlTag.Colgroup, Current, foreign: false);
            }
            return _tree.AppendElement(tag, Current, foreign: false);
        }
        if (InScope(HtmlTag.Td, HtmlScope.Table))
            PopUntilPopped(HtmlTag.Td);
        else if (InScope(HtmlTag.Th, HtmlScope.Table))
            PopUntilPopped(HtmlTag.Th);
        if (tag.Is(HtmlTagFlags.TableSection))
        {
            ClearTo(static t => t == HtmlTag.Table);
            return Push(tag, Current, foreign: false);
        }
        if (tag == HtmlTag.Tr)
        {
            ClearTo(static t => t == HtmlTag.Table || t.Is(HtmlTagFlags.TableSection));
            if (CurrentTag == HtmlTag.Table)
                Push(HtmlTag.Tbody, Current, foreign: false);
            return Push(tag, Current, foreign: false);
        }
        ClearTo(static t => t == HtmlTag.Table || t.Is(HtmlTagFlags.TableSection) || t == HtmlTag.Tr);
        if (CurrentTag == HtmlTag.Table)
            Push(HtmlTag.Tbody, Current, foreign: false);
        if (CurrentTag != HtmlTag.Tr)
            Push(HtmlTag.Tr, Current, foreign: false);
        return Push(tag, Current, foreign: false);
    }

    /// <summary>Pops until the current element satisfies <paramref name="stop"/> (or is html or template).</summary>
    private void ClearTo(Func<HtmlTag, bool> stop)
    {
        while (_depth > 1)
        {
            var t = CurrentTag;
            if (stop(t) || t == HtmlTag.Template || t == HtmlTag.Html)
                return;
            Pop();
        }
    }

    private bool InTableContext()
    {
        var t = CurrentTag;
        return t == HtmlTag.Table || t.Is(HtmlTagFlags.TableSection) || t == HtmlTag.Tr;
    }

    private void CloseParagraph()
    {
        if (InScope(HtmlTag.P, HtmlScope.Button))
        {
            GenerateImpliedEndTags(HtmlTag.P);
            PopUntilPopped(HtmlTag.P);
        }
    }

    /// <summary>A new li closes the open li (a new dd or dt the open dd or dt) unless a block other than address, div or p stands between.</summary>
    private void CloseListItem(HtmlTag a, HtmlTag b)
    {
        for (int k = _depth - 1; k > 0; k--)
        {
            var node = _stack[k];
            var t = _tree.Tag(node)!;
            if (!_tree[node].Foreign && (t == a || t == b))
            {
                GenerateImpliedEndTags(t);
                PopUntilPopped(t);
                break;
            }
            if (t.Is(HtmlTagFlags.Special) && t != HtmlTag.Div && t != HtmlTag.P && t.Name != "address")
                break;
        }
        CloseParagraph();
    }

    /// <summary>A link inside a link closes the first one (HTML's adoption agency, in the common case that nothing block-level lies between).</summary>
    private void CloseOpenLink()
    {
        if (_open[HtmlTag.A.Id] == 0)
            return;
        for (int k = _depth - 1; k > 0; k--)
        {
            int node = _stack[k];
            var t = _tree.Tag(node)!;
            if (t == HtmlTag.A && !_tree[node].Foreign)
            {
                if (BlockAbove(k))
                {
                    Misnested++;
                    RemoveFromStack(k);
                }
                else
                {
                    PopUntilPopped(HtmlTag.A);
                }
                return;
            }
            if (t.Is(HtmlTagFlags.ScopeBoundary))
                return;
        }
    }

    private bool BlockAbove(int k)
    {
        for (int j = k + 1; j < _depth; j++)
        {
            if (_tree.Tag(_stack[j])!.Is(HtmlTagFlags.Special))
                return true;
        }
        return false;
    }

    private void InsertEndTag(HtmlTag tag)
    {
        // End tags follow the foreign rules even at an integration point ("</title>" inside svg).
        if (_foreignDepth > 0 && _tree[Current].Foreign)
        {
            for (int k = _depth - 1; k > 0 && _tree[_stack[k]].Foreign; k--)
            {
                if (_tree.Tag(_stack[k]) == tag)
                {
                    while (_depth > k)
                        Pop();
                    return;
                }
            }
        }
        if (tag == HtmlTag.Body || tag == HtmlTag.Html)
            return; // content after </body> still belongs to the body
        if (tag == HtmlTag.Head)
        {
            if (CurrentTag == HtmlTag.Head)
                Pop();
            return;
        }
        if (tag == HtmlTag.Br)
        {
            InsertStartTag(tag, selfClosing: false);
            return;
        }
        if (tag == HtmlTag.P)
        {
            if (!InScope(HtmlTag.P, HtmlScope.Button))
            {
                // "</p>" without a p makes an empty one: a paragraph break all the same.
                if (_tree.Body < 0)
                    ImplyBody();
                _tree.AppendElement(HtmlTag.P, Current, foreign: false);
                return;
            }
            GenerateImpliedEndTags(HtmlTag.P);
            PopUntilPopped(HtmlTag.P);
            return;
        }
        if (tag == HtmlTag.Li || tag == HtmlTag.Dd || tag == HtmlTag.Dt)
        {
            if (InScope(tag, tag == HtmlTag.Li ? HtmlScope.ListItem : HtmlScope.Default))
            {
                GenerateImpliedEndTags(tag);
                PopUntilPopped(tag);
            }
            return;
        }
        if (tag.Is(HtmlTagFlags.Heading))
        {
            if (HeadingInScope())
            {
                GenerateImpliedEndTags(null);
                while (_depth > 1)
                {
                    var t = CurrentTag;
                    Pop();
                    if (t.Is(HtmlTagFlags.Heading))
                        break;
                }
            }
            return;
        }
        if (tag == HtmlTag.Table || tag.Is(HtmlTagFlags.TableSection) || tag == HtmlTag.Tr || tag == HtmlTag.Td || tag == HtmlTag.Th || tag == HtmlTag.Caption || tag == HtmlTag.Colgroup)
        {
            if (InScope(tag, HtmlScope.Table))
            {
                GenerateImpliedEndTags(null);
                PopUntilPopped(tag);
            }
            return;
        }
        if (tag.Is(HtmlTagFlags.Special))
        {
            if (InScope(tag, HtmlScope.Default))
            {
                GenerateImpliedEndTags(tag);
                PopUntilPopped(tag);
            }
            return;
        }
        if (tag.Is(HtmlTagFlags.Formatting))
        {
            // The adoption agency's simple case: nothing block-level opened since the element.
            for (int k = _depth - 1; k > 0; k--)
            {
                int node = _stack[k];
                var t = _tree.Tag(node)!;
                if (t == tag && !_tree[node].Foreign)
                {
                    if (BlockAbove(k))
                    {
                        // Closed across a block ("<a><div>…</a>"): HTML reparents the block; the full parser does that.
                        Misnested++;
                        RemoveFromStack(k);
                        return;
                    }
                    while (_depth > k)
                        Pop();
                    return;
                }
                if (IsBoundary(node, t, HtmlScope.Default))
                    return;
            }
            return;
        }
        // Any other end tag closes the nearest open element of its name, unless a block stands in between.
        for (int k = _depth - 1; k > 0; k--)
        {
            int node = _stack[k];
            var t = _tree.Tag(node)!;
            if (t == tag && !_tree[node].Foreign)
            {
                GenerateImpliedEndTags(tag);
                while (_depth > k)
                    Pop();
                return;
            }
            if (t.Is(HtmlTagFlags.Special))
                return;
        }
    }

    private bool HeadingInScope()
    {
        for (int k = _depth - 1; k >= 0; k--)
        {
            int node = _stack[k];
            var t = _tree.Tag(node)!;
            if (t.Is(HtmlTagFlags.Heading) && !_tree[node].Foreign)
                return true;
            if (IsBoundary(node, t, HtmlScope.Default))
                return false;
        }
        return false;
    }

    private bool InScope(HtmlTag target, HtmlScope scope)
    {
        if (target.Id != 0 && _open[target.Id] == 0)
            return false;
        for (int k = _depth - 1; k >= 0; k--)
        {
            int node = _stack[k];
            var t = _tree.Tag(node)!;
            if (t == target && !_tree[node].Foreign)
                return true;
            if (IsBoundary(node, t, scope))
                return false;
        }
        return false;
    }

    private bool IsBoundary(int node, HtmlTag t, HtmlScope scope)
    {
        if (_tree[node].Foreign)
            return IsIntegrationPoint(node);
        return scope switch
        {
            HtmlScope.Table => t == HtmlTag.Html || t == HtmlTag.Table || t == HtmlTag.Template,
            HtmlScope.Button => t.Is(HtmlTagFlags.ScopeBoundary) || t == HtmlTag.Button,
            HtmlScope.ListItem => t.Is(HtmlTagFlags.ScopeBoundary) || t == HtmlTag.Ol || t == HtmlTag.Ul,
            _ => t.Is(HtmlTagFlags.ScopeBoundary),
        };
    }

    /// <summary>Where svg or math lets HTML back in (foreignObject, desc, title; MathML's text elements).</summary>
    private bool IsIntegrationPoint(int node) =>
        _tree[node].Foreign && _tree.Name(node) is "foreignobject" or "desc" or "title" or "mi" or "mo" or "mn" or "ms" or "mtext" or "annotation-xml";

    private void GenerateImpliedEndTags(HtmlTag? except)
    {
        while (_depth > 1)
        {
            int node = Current;
            var t = _tree.Tag(node)!;
            if (!t.Is(HtmlTagFlags.ImpliedEnd) || t == except || _tree[node].Foreign)
                return;
            Pop();
        }
    }

    private void PopUntilPopped(HtmlTag tag)
    {
        while (_depth > 1)
        {
            int node = Current;
            var t = _tree.Tag(node)!;
            Pop();
            if (t == tag && !_tree[node].Foreign)
                return;
        }
    }

    private void PopTo(int element)
    {
        while (_depth > 1 && Current != element)
            Pop();
    }

    private int Push(HtmlTag tag, int parent, bool foreign)
    {
        if (_depth >= HtmlGuard.MaxDepth)
            throw HtmlGuard.TooDeep(_depth + 1);
        int element = _tree.AppendElement(tag, parent, foreign);
        if (_depth == _stack.Length)
            Array.Resize(ref _stack, _depth * 2);
        _stack[_depth++] = element;
        _open[tag.Id]++;
        if (foreign)
            _foreignDepth++;
        return element;
    }

    private void Pop()
    {
        int element = _stack[--_depth];
        _open[_tree.Tag(element)!.Id]--;
        if (_tree[element].Foreign)
            _foreignDepth--;
    }

    private void RemoveFromStack(int k)
    {
        int element = _stack[k];
        _open[_tree.Tag(element)!.Id]--;
        if (_tree[element].Foreign)
            _foreignDepth--;
        Array.Copy(_stack, k + 1, _stack, k, _depth - k - 1);
        _depth--;
    }
}
