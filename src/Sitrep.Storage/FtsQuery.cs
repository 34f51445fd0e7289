using System.Text;

namespace Sitrep.Storage;

/// <summary>
/// Turns what a user types into an FTS5 query that is never a syntax error: every word becomes a
/// quoted string (FTS5 splits it with the index's own tokenizer, so "al-Zurufi" and "Iran's" are
/// phrases of their parts, as they were indexed; a possessive "'s" is dropped, so "Kolvar's" finds
/// Kolvar too), text in double quotes is one phrase, a stray quote
/// is ignored, a word ending in <c>*</c> is a prefix, and <c>OR</c> between two words is an or.
/// Every other word must be found.
/// </summary>
internal static class FtsQuery
{
    /// <summary>The FTS5 MATCH expression, or null when the text holds no letter or digit to look for.</summary>
    public static string? Build(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<(string Text, bool Prefix, bool Or)>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close > i)
                {
                    Add(terms, text[(i + 1)..close], quoted: true);
                    i = close + 1;
                    continue;
                }
                // A quote that is never closed is a typing slip, not a phrase: read on as words.
                i++;
                continue;
            }
            int end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                end++;
            Add(terms, text[i..end], quoted: false);
            i = end;
        }
        terms.RemoveAll(t => t.Text.Length == 0);
        if (terms.Count == 0)
            return null;
        var query = new StringBuilder();
        for (int t = 0; t < terms.Count; t++)
        {
            if (t > 0)
                query.Append(terms[t].Or ? " OR " : " ");
            query.Append('"').Append(terms[t].Text).Append('"');
            if (terms[t].Prefix)
                query.Append('*');
        }
        return query.ToString();
    }

    private static string Possessive(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["'s", "\u2019s", "'", "\u2019"])
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return word[..^suffix.Length];
        }
        return word;
    }

    private static void Add(List<(string Text, bool Prefix, bool Or)> terms, string word, bool quoted)
    {
        // "OR" between two terms joins them; anywhere else it is only a word.
        if (!quoted && word == "OR")
        {
            if (terms.Count > 0)
                terms.Add(("", false, true));
            return;
        }
        bool prefix = !quoted && word.EndsWith('*');
        var cleaned = word.Replace("\"", "", StringComparison.Ordinal).TrimEnd('*');
        // "Kolvar's" finds Kolvar as well as Kolvar's (the index holds it as "kolvar" "s").
        if (!quoted)
            cleaned = Possessive(cleaned);
        bool pendingOr = terms.Count > 0 && terms[^1].Text.Length == 0;
        if (!cleaned.Any(char.IsLetterOrDigit))
            return;
        if (pendingOr)
        {
            terms[^1] = (cleaned, prefix, true);
            return;
        }
        terms.Add((cleaned, prefix, false));
    }
}
