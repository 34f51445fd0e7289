using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>
/// Page furniture inside a line of prose that text copied from a web page glues to the story: a call to act closing
/// a paragraph or an author's note ("Sign up here.", "Follow him on Twitter @jdoe.", "To watch the show live, click
/// here.", "Read more opinion on X."), and an embedded post whose signature ("— Jane Roe (@janeroe) March 3, 2020")
/// the copy ran into the next paragraph. The unit-level rules keep or remove a line whole; these cuts take out only
/// the sentences (or the post) and leave the rest of the line, so every kept character still maps to the raw input.
/// Plain text only: a page's markup sets its forms, link boxes and posts apart itself.
/// </summary>
internal static partial class InlineChrome
{
    /// <summary>
    /// One cut in a line: the body leaves off at <see cref="BodyEnd"/> and goes on at <see cref="Resume"/>; the removed
    /// text is <see cref="TextStart"/>..<see cref="TextEnd"/> (the whitespace joining it to the prose left out of it).
    /// </summary>
    public readonly record struct Cut(int BodyEnd, int TextStart, int TextEnd, int Resume, RemovalReason Reason);

    /// <summary>
    /// The longest text before a post's signature taken for the post: a post is at most 280 characters (about 55
    /// words); a line whose signature comes later holds prose of the story before the post, and stays whole.
    /// </summary>
    private const int MaxGluedPostWords = 60;

    /// <summary>The longest sentence read as a call to act; a longer one is prose that mentions clicking or signing up.</summary>
    private const int MaxCallWords = 30;

    /// <summary>The cuts in <paramref name="line"/>, in order and not overlapping; empty (and nothing allocated) when there are none.</summary>
    public static IReadOnlyList<Cut> Find(ReadOnlySpan<char> line)
    {
        List<Cut>? cuts = null;
        int from = 0;
        // A post glued before the story's next paragraph: from the line's start to its signature (and an ad slot's
        // label the copy put after it), when prose follows.
        foreach (var post in GluedPostSignature().EnumerateMatches(line))
        {
            int end = post.Index + post.Length;
            if (end < line.Length && TextShape.CountWords(line[..post.Index]) <= MaxGluedPostWords)
            {
                int resume = end;
                while (resume < line.Length && char.IsWhiteSpace(line[resume]))
                    resume++;
                (cuts ??= []).Add(new Cut(0, 0, end, resume, RemovalReason.Caption));
                from = resume;
            }
            break;
        }
        if (line.Length - from >= 8 && CallSign().IsMatch(line[from..]))
        {
            // Sentence by sentence. keptEnd: where the last text kept in the body ends, -1 while none is (at the line's
            // start, after the post, or after calls only).
            int keptEnd = -1, start = from;
            foreach (var gap in SentenceBreak().EnumerateMatches(line[from..]))
            {
                int gapStart = from + gap.Index;
                keptEnd = Sentence(line, start, gapStart, keptEnd, ref cuts);
                start = gapStart + gap.Length;
            }
            Sentence(line, start, line.Length, keptEnd, ref cuts);
        }
        return cuts is null ? Array.Empty<Cut>() : cuts;
    }

    /// <summary>
    /// Cuts the sentence [start, end) when it is a call to act. After prose kept in the body, the body leaves off where
    /// that prose ends and goes on right after the call (the whitespace before the next sentence stays); with nothing kept
    /// before it, the body goes on at the next sentence. Returns where the kept text now ends.
    /// </summary>
    private static int Sentence(ReadOnlySpan<char> line, int start, int end, int keptEnd, ref List<Cut>? cuts)
    {
        int callLength = CallLength(line[start..end]);
        if (callLength <= 0)
            return end;
        int textEnd = start + callLength;
        int resume = textEnd;
        if (keptEnd < 0)
        {
            while (resume < line.Length && char.IsWhiteSpace(line[resume]))
                resume++;
        }
        // After kept prose the body leaves off where that prose ends, or, when a call was cut since, where that call ends
        // (two calls in a row after a sentence of prose).
        int bodyEnd = keptEnd < 0 ? start : cuts is { Count: > 0 } && cuts[^1].Resume > keptEnd ? cuts[^1].Resume : keptEnd;
        (cuts ??= []).Add(new Cut(bodyEnd, start, textEnd, resume, RemovalReason.Advertisement));
        // A follow line run into the next sentence leaves that sentence kept.
        return textEnd < end ? end : keptEnd;
    }

    /// <summary>
    /// How much of <paramref name="sentence"/> is a call to act (its whole length, or a follow line's length when the
    /// next sentence was run into it), or 0. A sentence that opens or closes a quotation is someone's words, not the page's.
    /// </summary>
    private static int CallLength(ReadOnlySpan<char> sentence)
    {
        var trimmed = sentence.TrimEnd();
        if (trimmed.Length == 0 || trimmed[0] is '"' or '“' or '‘' or '\'')
            return 0;
        var last = trimmed.TrimEnd(".!?) ");
        if (last.Length == 0 || last[^1] is '"' or '”' or '’' or '\'' || SpeechAfterQuote().IsMatch(trimmed))
            return 0;
        foreach (var m in FollowLine().EnumerateMatches(trimmed))
        {
            int length = m.Length;
            while (length > 0 && char.IsWhiteSpace(trimmed[length - 1]))
                length--;
            return length == trimmed.Length || char.IsUpper(trimmed[length..].TrimStart()[0]) ? length : 0;
        }
        return TextShape.CountWords(trimmed) <= MaxCallWords && CallToAct().IsMatch(trimmed) ? trimmed.Length : 0;
    }

    /// <summary>
    /// True when the calls to act hold at least half of <paramref name="t"/>'s words: the paragraph is the page's
    /// pitch ("Want our newsletter in your inbox? Sign up here."), removed whole rather than cut to a stub.
    /// </summary>
    public static bool IsMostlyCalls(string t, int words)
    {
        if (words == 0 || !CallSign().IsMatch(t))
            return false;
        var cuts = Find(t);
        int cut = 0;
        foreach (var c in cuts)
        {
            if (c.Reason != RemovalReason.Advertisement)
                return false;
            cut += TextShape.CountWords(t.AsSpan(c.TextStart, c.TextEnd - c.TextStart));
        }
        // A paragraph that opens with a call and closes with one is a pitch box: what lies between is its sales text
        // ("If you enjoyed this, join X. Members get … Consider it? LEARN MORE"), not the story's prose. A quotation mark
        // in it means someone's words are quoted there, and the paragraph is left to the other rules.
        if (cuts.Count >= 2 && cuts[0].TextStart == 0 && cuts[^1].TextEnd >= t.AsSpan().TrimEnd().Length && t.AsSpan().IndexOfAny(QuoteMarks) < 0)
            return true;
        return cut * 2 >= words;
    }

    private static readonly System.Buffers.SearchValues<char> QuoteMarks = System.Buffers.SearchValues.Create("\"“”");

    /// <summary>
    /// Where one sentence ends and the next opens: a stop, then a capital or a quotation mark, unless the stop closes
    /// an abbreviation that a name or a time goes on after ("a.m. ET", "Sen. Roe", "J. Doe"), which would leave the call
    /// a fragment ("ET, click here.") and cut a sentence in two.
    /// </summary>
    [GeneratedRegex("""(?<=[.!?])(?<!(?:^|[\s(])(?:[ap]\.m|[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Jr|Sr|St|Lt|Col|Sgt|Rev|Prof|No|U\.S|vs)\.)\s+(?=[\p{Lu}"“])""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SentenceBreak();

    /// <summary>A quick test before the sentences are split: a line with none of the calls' words has no call.</summary>
    [GeneratedRegex("""(?i)\b(?:click|tap|sign\s+up|subscribe|follow|read\s+more|view\s+more|see\s+more|if\s+you|want|submit|learn\s+more)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex CallSign();

    /// <summary>
    /// A whole sentence that asks the reader to click, sign up, subscribe or read more of the outlet (general web
    /// vocabulary, the kinds of call to action that boilerplate removers discard): "Click here for more.", "Sign up here,
    /// and check out …", "Subscribe on Apple Podcasts …", "Read more opinion on X.", "If you want to read more like it, try
    /// the magazine …", "Want X in your inbox every day?", "To catch the show live, click here.", a form's lone "Submit".
    /// "People can sign up for coverage", "subscribers", "she clicked the link" are not calls (they do not open the sentence
    /// with the imperative). A pitch box's heading run into its call ("Before You Go If you liked …, join …") stays part
    /// of the call: a capital "If" after a few words with no stop between is where the box's heading ends. "Learn more"
    /// opening a sentence points the reader to a page ("Learn more about how the poll works.", "LEARN MORE").
    /// </summary>
    [GeneratedRegex("""
        (?ix)^\(?(?:
          (?:click|tap)(?:\s+here)?\b.*
        | sign\s+up(?:\s+(?:here|now|today|below|free))?(?:\s*[,!.]|\s*$|\s+(?:for|to)\s+(?:our|the|a|free|receive|get|see)\b).*
        | subscribe\b.*
        | (?:read|view|see)\s+more\s+(?:opinion|stories|articles|here|of\s+(?:our|the\s+latest)|from\s+(?:our|the))\b.*
        | (?:(?-i:(?:[\p{L}'’]+\s+){1,4}(?=If\s)))?if\s+you\s+(?:want|would\s+like|['’]d\s+like|enjoyed|liked)\b.*\b(?:try|subscribe|sign\s+up|click|join|become\s+a)\b.*
        | learn\s+more(?:\s+(?:about|at|here|on)\b.*)?
        | want\s+[^?]{0,80}\b(?:inbox|newsletter)\b[^?]{0,40}\?
        | .{0,200}\bclick(?:ing)?\s+here
        | submit
        )[.!?]?\)?$
        """, RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex CallToAct();

    /// <summary>"Follow him on Twitter: @jdoe", "Follow her on Twitter @jdoe .", "Follow us on Facebook and Instagram." opening a sentence.</summary>
    [GeneratedRegex("""(?i)^Follow\s+(?:him|her|them|us|me)\s+on\s+(?:Twitter|Facebook|Instagram|Threads|X)\b(?:[^.!?@"“”]{0,60}@\w{1,30}|[^.!?@"“”]{0,60})\s*[.!]?""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex FollowLine();

    /// <summary>A closing quotation mark followed by a speech verb: a quoted sentence ("Sign up here," she said).</summary>
    [GeneratedRegex("""[”"’']\s*,?\s*(?:\p{L}+\s+){0,3}(?:said|says|wrote|writes|added|told|tweeted|posted)\b""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex SpeechAfterQuote();

    /// <summary>
    /// An embedded post's signature inside a line, "— Jane Roe (@janeroe) August 24, 2018", with an ad slot's label
    /// after it; the line goes on (checked by the caller) with the story's next paragraph.
    /// </summary>
    [GeneratedRegex("""[—–]\s*[^()\n—–]{1,60}\(@\w{1,30}\)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}(?:\s+ADVERTISEMENT\b)?(?=\s+[\p{Lu}"“])""", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex GluedPostSignature();
}
