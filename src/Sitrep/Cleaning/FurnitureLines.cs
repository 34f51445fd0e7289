using System.Text;
using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>
/// Whole lines of page furniture that text copied from a web page keeps ("Story Continued Below",
/// "Hide Caption", "toggle caption Name/Agency", "Slideshow (9 Images)", "CLICK HERE TO GET THE APP",
/// "( Also on Site: headline)", "… Read more"), read from <c>resources/lexicons/furniture-lines.tsv</c>.
/// A phrase is compared with a line's words only, as the whole line, its opening or its end (with a
/// cap on the line's length), never inside running text, so a sentence that mentions "advertisement"
/// or says "click here" in passing stays body. The line is removed as a whole unit: the body's map
/// still leads every kept offset back to the raw input.
/// </summary>
internal static class FurnitureLines
{
    internal const string LexiconName = "furniture-lines";

    private enum Where { Line, Start, End, Contains }

    /// <param name="Anchor">The phrase's longest plain word: a line without it cannot match, so most lines are never split into words.</param>
    /// <param name="TextOnly">Only in text read as plain text: a page's markup sets its embedded posts and link boxes apart itself, and
    /// the Zyte benchmark's gold keeps an embedded post's words and a "Related …: name" heading as the page's content.</param>
    private sealed record Rule(string[] Phrase, Where Where, int MaxWords, bool Open, RemovalReason Reason, string? Anchor, bool TextOnly);

    private static readonly Rule[] Rules = Lexicons.Lexicon.Get(LexiconName).Entries.Select(ToRule).ToArray();

    private static Rule ToRule(Lexicons.LexiconEntry e)
    {
        var tags = e.Tags;
        var where = tags.Contains("start") ? Where.Start : tags.Contains("end") ? Where.End : tags.Contains("contains") ? Where.Contains : Where.Line;
        int max = int.MaxValue;
        foreach (var t in tags)
        {
            if (t.StartsWith("max=", StringComparison.Ordinal))
                max = int.Parse(t.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
        }
        var reason = tags.Contains("caption") ? RemovalReason.Caption
            : tags.Contains("related") ? RemovalReason.RelatedLinks
            : tags.Contains("share") ? RemovalReason.Share
            : tags.Contains("navigation") ? RemovalReason.Navigation
            : RemovalReason.Advertisement;
        var phrase = e.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Only letters and digits: a word with an apostrophe may be written with another one in the text.
        var anchor = phrase.Where(w => w.All(char.IsLetterOrDigit)).MaxBy(w => w.Length);
        return new Rule(phrase, where, max, tags.Contains("open"), reason, anchor, tags.Contains("text"));
    }

    /// <summary>The reason to remove <paramref name="u"/> as furniture, or null when no phrase of the list is the whole line, its start or its end.</summary>
    public static RemovalReason? Match(TextUnit u, bool fromHtml = false)
    {
        if (u.Words == 0)
            return null;
        List<string>? tokens = null;
        foreach (var r in Rules)
        {
            if (u.Words > r.MaxWords || (r.Open && u.EndsSentence) || (r.TextOnly && fromHtml))
                continue;
            if (r.Anchor is not null && !u.Text.Contains(r.Anchor, StringComparison.OrdinalIgnoreCase))
                continue;
            tokens ??= Tokens(u.Text);
            if (Matches(tokens, r))
                return r.Reason;
        }
        return null;
    }

    private static bool Matches(List<string> tokens, Rule r) => r.Where switch
    {
        Where.Line => MatchAt(tokens, 0, r.Phrase, 0) == tokens.Count,
        Where.Start => MatchAt(tokens, 0, r.Phrase, 0) >= 0,
        Where.End => EndsWith(tokens, r.Phrase),
        _ => Enumerable.Range(0, tokens.Count).Any(i => MatchAt(tokens, i, r.Phrase, 0) >= 0),
    };

    private static bool EndsWith(List<string> tokens, string[] phrase)
    {
        for (int i = Math.Max(0, tokens.Count - phrase.Length * 3); i < tokens.Count; i++)
        {
            if (MatchAt(tokens, i, phrase, 0) == tokens.Count)
                return true;
        }
        return false;
    }

    /// <summary>Where the phrase from <paramref name="p"/> on, matched at token <paramref name="i"/>, ends; -1 when it does not match there.</summary>
    private static int MatchAt(List<string> tokens, int i, string[] phrase, int p)
    {
        if (p == phrase.Length)
            return i;
        if (phrase[p] == "*")
        {
            // One to three words, none a colon; the longest that lets the rest match.
            for (int n = 3; n >= 1; n--)
            {
                if (i + n > tokens.Count || tokens.Skip(i).Take(n).Any(t => t == ":"))
                    continue;
                int end = MatchAt(tokens, i + n, phrase, p + 1);
                if (end >= 0)
                    return end;
            }
            return -1;
        }
        if (i >= tokens.Count || !TokenMatches(tokens[i], phrase[p]))
            return -1;
        return MatchAt(tokens, i + 1, phrase, p + 1);
    }

    private static bool TokenMatches(string token, string word) =>
        word == "@" ? token.Length > 1 && token[0] == '@' : token == word;

    /// <summary>A line's words in lower case, a number as "#", a colon as a word of its own; other marks split words.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (sb.Length == 0)
                return;
            var w = sb.ToString();
            tokens.Add(w.All(char.IsAsciiDigit) ? "#" : w);
            sb.Clear();
        }
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch) || (ch == '@' && sb.Length == 0))
                sb.Append(char.ToLowerInvariant(ch));
            else if ((ch is '\'' or '’') && sb.Length > 0)
                sb.Append('\'');
            else
            {
                Flush();
                if (ch == ':')
                    tokens.Add(":");
            }
        }
        Flush();
        // An apostrophe left at a word's end was a closing quotation mark.
        for (int k = 0; k < tokens.Count; k++)
            tokens[k] = tokens[k].TrimEnd('\'');
        tokens.RemoveAll(t => t.Length == 0);
        return tokens;
    }
}
