using System.Collections.Frozen;

namespace Sitrep.Lexicons;

/// <summary>
/// Phrases of one or more words ("news agency", "air base") matched in running text without regard
/// to case, words separated by any white space and the phrase bounded by non-word characters: the
/// lexicon-driven stand-in for a regex alternation of words. Immutable, thread-safe, allocation-free
/// when matching.
/// </summary>
public sealed class PhraseSet
{
    private readonly FrozenDictionary<string, string[][]> _byFirst;
    private readonly FrozenDictionary<string, string[][]> _byLast;
    private readonly FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _first;
    private readonly FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _last;

    public PhraseSet(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var words = phrases.Select(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 0).ToList();
        // Longest first, so the longest phrase wins ("military base" before "base").
        _byFirst = words.GroupBy(w => w[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _byLast = words.GroupBy(w => w[^1], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _first = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _last = _byLast.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = words.Count;
    }

    public int Count { get; }

    /// <summary>The length of the longest phrase that starts exactly at <paramref name="start"/>, or 0.</summary>
    public int MatchAt(ReadOnlySpan<char> text, int start)
    {
        if (start < 0 || start >= text.Length || !IsWordChar(text[start]) || (start > 0 && IsWordChar(text[start - 1])))
            return 0;
        int end = WordEnd(text, start);
        if (!_first.TryGetValue(text[start..end], out var candidates))
            return 0;
        foreach (var phrase in candidates)
        {
            int at = end;
            bool all = true;
            for (int k = 1; k < phrase.Length && all; k++)
            {
                int next = at;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                    next++;
                if (next == at || next >= text.Length)
                {
                    all = false;
                    break;
                }
                int wordEnd = WordEnd(text, next);
                all = text[next..wordEnd].Equals(phrase[k], StringComparison.OrdinalIgnoreCase);
                at = wordEnd;
            }
            if (all)
                return at - start;
        }
        return 0;
    }

    /// <summary>The length of the longest phrase that starts at the first word after white space from <paramref name="start"/>; the white space counts.</summary>
    public int MatchAfter(ReadOnlySpan<char> text, int start)
    {
        int at = start;
        while (at < text.Length && char.IsWhiteSpace(text[at]))
            at++;
        int length = MatchAt(text, at);
        return length == 0 ? 0 : at - start + length;
    }

    /// <summary>The start of the longest phrase that ends exactly at <paramref name="end"/>, or -1.</summary>
    public int MatchEndingAt(ReadOnlySpan<char> text, int end)
    {
        if (end <= 0 || end > text.Length || !IsWordChar(text[end - 1]) || (end < text.Length && IsWordChar(text[end])))
            return -1;
        int start = WordStart(text, end);
        if (!_last.TryGetValue(text[start..end], out var candidates))
            return -1;
        foreach (var phrase in candidates)
        {
            int at = start;
            bool all = true;
            for (int k = phrase.Length - 2; k >= 0 && all; k--)
            {
                int previous = at;
                while (previous > 0 && char.IsWhiteSpace(text[previous - 1]))
                    previous--;
                if (previous == at || previous == 0)
                {
                    all = false;
                    break;
                }
                int wordStart = WordStart(text, previous);
                all = text[wordStart..previous].Equals(phrase[k], StringComparison.OrdinalIgnoreCase);
                at = wordStart;
            }
            if (all)
                return at;
        }
        return -1;
    }

    /// <summary>Whether the whole of <paramref name="text"/> ends with a phrase of the set.</summary>
    public bool EndsWith(ReadOnlySpan<char> text) => MatchEndingAt(text, text.Length) >= 0;

    /// <summary>Whether a phrase of the set occurs anywhere in <paramref name="text"/> as whole words.</summary>
    public bool Occurs(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsWordChar(text[i]) && (i == 0 || !IsWordChar(text[i - 1])) && MatchAt(text, i) > 0)
                return true;
        }
        return false;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        int i = start;
        while (i < text.Length && (IsWordChar(text[i]) || (IsInner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)))
            i++;
        return i;
    }

    private static int WordStart(ReadOnlySpan<char> text, int end)
    {
        int i = end;
        while (i > 0)
        {
            char c = text[i - 1];
            if (IsWordChar(c) || (IsInner(c) && i < end && i >= 2 && IsWordChar(text[i - 2])))
            {
                i--;
                continue;
            }
            break;
        }
        return i;
    }

    private static bool IsInner(char c) => c is '-' or '\'' or '’';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
