using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Quotes;

/// <summary>
/// One document as the quote finder reads it: per token, its sentence, the name it belongs to, the
/// quotation it sits in and whether it opens or closes one; per sentence, its paragraph. Built once per
/// document from the pipeline's tokens, sentences and mentions (and by training from a raw text), so
/// the cue model sees the same thing at training and run time.
/// </summary>
internal sealed class SpeechView
{
    public SpeechView(string text, Token[] tokens, Sentence[] sentences, IReadOnlyList<Mention> mentions)
        : this(text, tokens, sentences, mentions, new ViewArrays())
    {
    }

    /// <summary>
    /// A view whose per-token and per-sentence arrays are <paramref name="arrays"/>' (at least as long as the tokens and
    /// sentences; what lies beyond them is never read), cleared here: the finder reuses a thread's arrays from one
    /// document to the next (<see cref="ViewArrays.Rent"/>).
    /// </summary>
    internal SpeechView(string text, Token[] tokens, Sentence[] sentences, IReadOnlyList<Mention> mentions, ViewArrays arrays)
    {
        Text = text;
        Tokens = tokens;
        Sentences = sentences;
        Mentions = mentions;
        Spans = QuoteMarks.Find(text);
        arrays.Fit(tokens.Length, sentences.Length, text.Length);
        _arrays = arrays;
        int n = tokens.Length;
        TokenSentence = arrays.Sentence;
        TokenMention = arrays.Mention;
        TokenQuote = arrays.Quote;
        MarkRole = arrays.Role;
        Array.Clear(TokenSentence, 0, n);
        Array.Fill(TokenMention, -1, 0, n);
        Array.Fill(TokenQuote, -1, 0, n);
        Array.Clear(MarkRole, 0, n);
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount && t < tokens.Length; t++)
                TokenSentence[t] = s;
        }
        int m = 0;
        for (int t = 0; t < tokens.Length && m < mentions.Count; t++)
        {
            while (m < mentions.Count && mentions[m].End <= tokens[t].Start)
                m++;
            if (m < mentions.Count && mentions[m].Start <= tokens[t].Start && tokens[t].End <= mentions[m].End)
                TokenMention[t] = m;
        }
        // Top-level quotes only: what is quoted inside a quote belongs to the outer speaker's words.
        for (int q = 0; q < Spans.Count; q++)
        {
            var span = Spans[q];
            int first = FirstTokenAtOrAfter(span.Open);
            for (int t = first; t < tokens.Length && tokens[t].Start < span.Start; t++)
                MarkRole[t] = 1;
            if (span.Closed)
            {
                for (int t = FirstTokenAtOrAfter(span.Close); t < tokens.Length && tokens[t].Start < span.Outer; t++)
                    MarkRole[t] = 2;
            }
            if (span.Depth > 0)
                continue;
            for (int t = first; t < tokens.Length && tokens[t].Start < span.Outer; t++)
                TokenQuote[t] = q;
        }
        ClassOf = arrays.Class;
        Array.Clear(ClassOf, 0, n);
        SentenceHasQuote = arrays.HasQuote;
        Array.Clear(SentenceHasQuote, 0, sentences.Length);
        for (int t = 0; t < tokens.Length; t++)
        {
            if (MarkRole[t] != 0)
                SentenceHasQuote[TokenSentence[t]] = true;
        }
        ParagraphOfSentence = arrays.Paragraph;
        if (sentences.Length > 0)
            ParagraphOfSentence[0] = 0;
        int paragraph = 0;
        for (int s = 1; s < sentences.Length; s++)
        {
            if (text.AsSpan(sentences[s - 1].End, Math.Max(0, sentences[s].Start - sentences[s - 1].End)).Contains('\n'))
                paragraph++;
            ParagraphOfSentence[s] = paragraph;
        }
    }

    public string Text { get; }
    public Token[] Tokens { get; }
    public Sentence[] Sentences { get; }
    public IReadOnlyList<Mention> Mentions { get; }
    public List<QuotedSpan> Spans { get; }

    /// <summary>The sentence each token is in.</summary>
    public int[] TokenSentence { get; }

    /// <summary>The mention each token is part of, -1 if none.</summary>
    public int[] TokenMention { get; }

    /// <summary>The top-level quoted span (index into <see cref="Spans"/>) each token is in, marks included; -1 if none.</summary>
    public int[] TokenQuote { get; }

    /// <summary>1 for a token that opens a quoted span, 2 for one that closes it, 0 otherwise.</summary>
    public sbyte[] MarkRole { get; }

    public bool[] SentenceHasQuote { get; }

    /// <summary>Each token's class as <see cref="CueFeatures"/> names it, filled as it is first asked for.</summary>
    public string?[] ClassOf { get; }

    public int[] ParagraphOfSentence { get; }

    public int SentenceStart(int t) => Sentences.Length == 0 ? 0 : Sentences[TokenSentence[t]].FirstToken;

    public int SentenceEnd(int t) => Sentences.Length == 0 ? Tokens.Length : Sentences[TokenSentence[t]].FirstToken + Sentences[TokenSentence[t]].TokenCount;

    public int FirstTokenAtOrAfter(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>The last token that starts before <paramref name="offset"/>, or -1.</summary>
    public int LastTokenBefore(int offset) => FirstTokenAtOrAfter(offset) - 1;

    public ReadOnlySpan<char> Word(int t) => Tokens[t].Span(Text);

    private readonly ViewArrays _arrays;
    private bool _lowered;

    /// <summary>
    /// Token <paramref name="t"/> as <see cref="CueFeatures.Lower"/> writes it into a buffer of <paramref name="max"/>
    /// characters (lower case, curly apostrophes straight, cut at <paramref name="max"/>), read from the text lowered
    /// once: the finder lowers the same words again and again (each as a cue, as a neighbour, as a class).
    /// </summary>
    public ReadOnlySpan<char> Lower(int t, int max = 40)
    {
        var token = Tokens[t];
        if (!_lowered)
        {
            LowerText(Text, _arrays.Lower);
            _lowered = true;
        }
        return _arrays.Lower.AsSpan(token.Start, Math.Min(token.Length, max));
    }

    private static void LowerText(string text, Span<char> lower)
    {
        // Runs of ASCII lowered by vectors (what char.ToLowerInvariant does to them); any other character alone.
        int i = 0;
        while (i < text.Length)
        {
            System.Text.Ascii.ToLower(text.AsSpan(i), lower[i..], out int written);
            i += written;
            if (i >= text.Length)
                break;
            char c = text[i];
            lower[i] = c == '’' ? '\'' : char.ToLowerInvariant(c);
            i++;
        }
    }

    public bool Is(int t, string word) => t >= 0 && t < Tokens.Length && Word(t).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsWord(int t) => t >= 0 && t < Tokens.Length && Tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation;

    public bool IsPunct(int t, char c) => t >= 0 && t < Tokens.Length && Tokens[t].Length == 1 && Text[Tokens[t].Start] == c;

    public bool IsCapitalised(int t) => IsWord(t) && char.IsUpper(Text[Tokens[t].Start]);

    public string? MentionType(int t) => t >= 0 && t < Tokens.Length && TokenMention[t] >= 0 ? Mentions[TokenMention[t]].Type : null;
}

/// <summary>
/// The arrays a <see cref="SpeechView"/> and the finder's run keep per token and per sentence (sentence, name, quotation,
/// mark, class, lowered text, cue score, use), at least as long as a document asks. The finder takes a thread's spare
/// set for each document and gives it back when done, so these (about two thirds of what the stage allocated) are
/// not made again for every article; a run that does not give them back (an exception) only costs a new set.
/// </summary>
internal sealed class ViewArrays
{
    [ThreadStatic]
    private static ViewArrays? t_spare;

    /// <summary>A set kept for the thread's next document only up to this many tokens (a few MB), so one very long text does not hold its arrays for good.</summary>
    private const int MaxKeptTokens = 1 << 16;

    public int[] Sentence = [];
    public int[] Mention = [];
    public int[] Quote = [];
    public sbyte[] Role = [];
    public string?[] Class = [];
    public float[] Score = [];
    public bool[] Used = [];
    public bool[] HasQuote = [];
    public int[] Paragraph = [];
    public char[] Lower = [];

    /// <summary>The thread's spare set (then none is spare until it is given back), or a new one.</summary>
    public static ViewArrays Rent()
    {
        var arrays = t_spare ?? new ViewArrays();
        t_spare = null;
        return arrays;
    }

    public static void Return(ViewArrays arrays)
    {
        if (arrays.Sentence.Length <= MaxKeptTokens && arrays.Lower.Length <= MaxKeptTokens * 16)
            t_spare = arrays;
    }

    /// <summary>Makes every array long enough for <paramref name="tokens"/> tokens, <paramref name="sentences"/> sentences and <paramref name="chars"/> characters (contents not kept).</summary>
    public void Fit(int tokens, int sentences, int chars)
    {
        if (Sentence.Length < tokens)
        {
            Sentence = new int[tokens];
            Mention = new int[tokens];
            Quote = new int[tokens];
            Role = new sbyte[tokens];
            Class = new string?[tokens];
            Score = new float[tokens];
            Used = new bool[tokens];
        }
        if (HasQuote.Length < sentences)
        {
            HasQuote = new bool[sentences];
            Paragraph = new int[sentences];
        }
        if (Lower.Length < chars)
            Lower = new char[chars];
    }
}
