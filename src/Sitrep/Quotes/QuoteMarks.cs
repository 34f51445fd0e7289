namespace Sitrep.Quotes;

/// <summary>The family of a quotation mark: marks pair only within their family.</summary>
internal enum MarkFamily : byte
{
    Double,
    Single,
    Guillemet,
}

/// <summary>
/// A stretch of the body inside quotation marks: <see cref="Open"/> and <see cref="Close"/> are the
/// offsets of the marks (<see cref="Close"/> is -1 when the quote was never closed and ends with its
/// paragraph), <see cref="Depth"/> counts the quotes around it, <see cref="Spanning"/> is true for a
/// quote that runs over paragraphs (each reopened with a mark, as news English writes them).
/// </summary>
internal readonly record struct QuotedSpan(int Open, int Close, int End, MarkFamily Family, int Depth, bool Spanning, int OpenWidth = 1, int CloseWidth = 1)
{
    public int Start => Open + OpenWidth;

    public bool Closed => Close >= 0;

    /// <summary>Where the span's last mark ends: after the closing mark, or at the end of the words.</summary>
    public int Outer => Closed ? Close + CloseWidth : End;
}

/// <summary>
/// Pairs quotation marks: straight and curly, double and single, « » and „ “, and the doubled marks of
/// some archives ('' for both ends, `` to open). Straight marks open or close
/// by what stands beside them; a single mark between letters or after a plural is an apostrophe. A
/// paragraph that leaves a double quote open continues it when the next paragraph opens with a mark (or
/// closes one before opening any); otherwise the quote ends with its paragraph (best effort). Never
/// throws on unbalanced marks. Allocation: the result list and a small stack.
/// </summary>
internal static class QuoteMarks
{
    private readonly record struct OpenMark(int Position, MarkFamily Family, bool Low, bool Spanning, int Width = 1);

    public static List<QuotedSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<QuotedSpan>();
        if (text.AsSpan().IndexOfAny(AllMarks) < 0)
            return spans;
        var stack = new List<OpenMark>(4);
        OpenMark? pending = null;
        int pendingEnd = 0;
        int ps = 0;
        while (ps < text.Length)
        {
            int pe = text.IndexOf('\n', ps);
            if (pe < 0)
                pe = text.Length;
            int first = ps;
            while (first < pe && char.IsWhiteSpace(text[first]))
                first++;
            if (first == pe)
            {
                ps = pe + 1;
                continue;
            }
            int scanFrom = ps;
            stack.Clear();
            if (pending is { } p)
            {
                if (IsOpeningDouble(text, first, pe))
                {
                    stack.Add(p with { Spanning = true });
                    scanFrom = first + (IsDoubled(text, first, pe) ? 2 : 1);
                }
                else if (ClosesBeforeOpening(text, first, pe))
                {
                    stack.Add(p with { Spanning = true });
                }
                else
                {
                    spans.Add(new QuotedSpan(p.Position, -1, pendingEnd, p.Family, 0, p.Spanning, p.Width));
                }
                pending = null;
            }
            for (int i = scanFrom; i < pe; i++)
            {
                // Straight to the next mark (a vector search): most characters are none.
                int next = text.AsSpan(i, pe - i).IndexOfAny(AllMarks);
                if (next < 0)
                    break;
                i += next;
                char c = text[i];
                if (IsDoubled(text, i, pe))
                {
                    // '' and `` stand for a double mark.
                    var role = c == '`' ? Role.Open : ClassifyStraight(text, i, i + 1, ps, pe, stack);
                    if (role == Role.Open)
                        stack.Add(new OpenMark(i, MarkFamily.Double, false, false, 2));
                    else if (role == Role.Close)
                        CloseAt(text, i, MarkFamily.Double, stack, spans, 2);
                    i++;
                    continue;
                }
                if (c == '`')
                    continue;
                switch (Classify(text, i, ps, pe, stack))
                {
                    case Role.Open:
                        stack.Add(new OpenMark(i, FamilyOf(c), c is '„' or '‚', false));
                        break;
                    case Role.Close:
                        CloseAt(text, i, FamilyOf(c), stack, spans);
                        break;
                }
            }
            // Single quotes do not run over paragraphs: an unclosed one was an apostrophe.
            int outer = stack.FindIndex(m => m.Family != MarkFamily.Single);
            if (outer >= 0)
            {
                pending = stack[outer];
                pendingEnd = TrimEnd(text, ps, pe);
            }
            ps = pe + 1;
        }
        if (pending is { } last)
            spans.Add(new QuotedSpan(last.Position, -1, pendingEnd, last.Family, 0, last.Spanning, last.Width));
        spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        return spans;
    }

    private static readonly System.Buffers.SearchValues<char> AllMarks = System.Buffers.SearchValues.Create("\"'“”‘’«»„‚`");

    private enum Role
    {
        None,
        Open,
        Close,
    }

    private static bool IsDoubled(string text, int i, int pe) => i + 1 < pe && text[i] is '\'' or '`' && text[i + 1] == text[i];

    /// <summary>A straight mark (or a doubled one, from <paramref name="i"/> to <paramref name="last"/>) opens or closes by its neighbours.</summary>
    private static Role ClassifyStraight(string text, int i, int last, int ps, int pe, List<OpenMark> stack)
    {
        char prev = i > ps ? text[i - 1] : ' ';
        char next = last + 1 < pe ? text[last + 1] : ' ';
        bool spaceBefore = char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '—' or '–' or '-' or '/';
        bool spaceAfter = char.IsWhiteSpace(next) || next is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '—' or '–' or '…';
        bool open = Has(stack, MarkFamily.Double);
        if (spaceBefore && !spaceAfter)
            return Role.Open;
        if (!spaceBefore && spaceAfter)
            return open ? Role.Close : Role.None;
        return open ? Role.Close : Role.Open;
    }

    private static MarkFamily FamilyOf(char c) => c switch
    {
        '"' or '“' or '”' or '„' => MarkFamily.Double,
        '«' or '»' => MarkFamily.Guillemet,
        _ => MarkFamily.Single,
    };

    private static Role Classify(string text, int i, int ps, int pe, List<OpenMark> stack)
    {
        char c = text[i];
        char prev = i > ps ? text[i - 1] : ' ';
        char next = i + 1 < pe ? text[i + 1] : ' ';
        bool spaceBefore = char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '—' or '–' or '-' or '/' or '“' or '‘' or '"' or '«';
        bool spaceAfter = char.IsWhiteSpace(next) || next is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '—' or '–' or '”' or '’' or '"' or '»' or '…';
        switch (c)
        {
            case '«':
            case '„':
            case '‚':
                return Role.Open;
            case '»':
                return Has(stack, MarkFamily.Guillemet) ? Role.Close : Role.None;
            case '“':
                // „German“: the high mark closes a low one.
                return HasLow(stack, MarkFamily.Double) ? Role.Close : Role.Open;
            case '”':
                if (Has(stack, MarkFamily.Double))
                    return Role.Close;
                return spaceBefore && !spaceAfter ? Role.Open : Role.None;
            case '"':
                if (spaceBefore && !spaceAfter)
                    return Role.Open;
                if (!spaceBefore && spaceAfter)
                    return Has(stack, MarkFamily.Double) ? Role.Close : Role.None;
                return Has(stack, MarkFamily.Double) ? Role.Close : Role.Open;
            case '‘':
                if (HasLow(stack, MarkFamily.Single))
                    return Role.Close;
                return char.IsLetterOrDigit(prev) ? Role.None : Role.Open;
            default: // ’ and '
                if (char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next))
                    return Role.None; // don't, Shi'ite, rock'n'roll
                if (Has(stack, MarkFamily.Single) && !char.IsWhiteSpace(prev))
                    return Role.Close;
                if (c == '\'' && spaceBefore && char.IsLetter(next))
                    return Role.Open;
                return Role.None; // Americans' vote, '90s
        }
    }

    private static bool Has(List<OpenMark> stack, MarkFamily family)
    {
        foreach (var m in stack)
        {
            if (m.Family == family)
                return true;
        }
        return false;
    }

    private static bool HasLow(List<OpenMark> stack, MarkFamily family)
    {
        for (int k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].Family == family)
                return stack[k].Low;
        }
        return false;
    }

    private static void CloseAt(string text, int i, MarkFamily family, List<OpenMark> stack, List<QuotedSpan> spans, int width = 1)
    {
        int k = stack.Count - 1;
        while (k >= 0 && stack[k].Family != family)
            k--;
        if (k < 0)
            return;
        // Marks opened inside and never closed: singles were apostrophes; others end here.
        for (int j = stack.Count - 1; j > k; j--)
        {
            var inner = stack[j];
            if (inner.Family != MarkFamily.Single)
                spans.Add(new QuotedSpan(inner.Position, -1, TrimEnd(text, inner.Position + inner.Width, i), inner.Family, j, false, inner.Width));
        }
        var open = stack[k];
        spans.Add(new QuotedSpan(open.Position, i, i, open.Family, k, open.Spanning, open.Width, width));
        stack.RemoveRange(k, stack.Count - k);
    }

    private static bool IsOpeningDouble(string text, int at, int pe) =>
        text[at] is '“' or '«' or '„' || (text[at] == '"' && at + 1 < pe && !char.IsWhiteSpace(text[at + 1]))
        || (IsDoubled(text, at, pe) && at + 2 < pe && !char.IsWhiteSpace(text[at + 2]));

    /// <summary>
    /// A paragraph that ends by closing a double quote it never opened continues the quote left open
    /// before it (the writer forgot to reopen it); a stray mark inside a paragraph does not.
    /// </summary>
    private static bool ClosesBeforeOpening(string text, int from, int pe)
    {
        for (int i = from; i < pe; i++)
        {
            char c = text[i];
            if (c is '“' or '«' or '„')
                return false;
            if (c is '”' or '»' or '"')
                return i > from && !char.IsWhiteSpace(text[i - 1]) && text.AsSpan(i + 1, pe - i - 1).Trim().Trim(".,;)").IsEmpty;
        }
        return false;
    }

    private static int TrimEnd(string text, int from, int to)
    {
        while (to > from && char.IsWhiteSpace(text[to - 1]))
            to--;
        return to;
    }
}
