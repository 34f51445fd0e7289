using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// The text as the tagger reads it: the same length as the body, so every offset stays exact, with
/// the characters that only typesetting varies written one way (curly apostrophes and quotes as
/// straight ones, Unicode hyphens as "-"), and a possessive "'s" split off its name the way the
/// tagger's training data writes it ("Iran 's"). So "Kata’ib Hezbollah" and "Kata'ib Hezbollah",
/// "Iran’s" and "Iran's" are read alike.
/// </summary>
internal sealed record TaggerView(string Text, Token[] Tokens, Sentence[] Sentences)
{
    public static TaggerView Of(string text, Token[] tokens, Sentence[] sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var normalised = Normalise(text);
        int possessives = 0;
        foreach (var t in tokens)
        {
            if (IsPossessive(normalised, t))
                possessives++;
        }
        if (possessives == 0)
            return new TaggerView(normalised, tokens, sentences);
        var split = new Token[tokens.Length + possessives];
        // Each token's new position, in a pooled buffer: an array as long as the tokens was made for every article.
        var firstOf = System.Buffers.ArrayPool<int>.Shared.Rent(tokens.Length + 1);
        var remapped = new Sentence[sentences.Length];
        try
        {
            int n = 0;
            for (int i = 0; i < tokens.Length; i++)
            {
                firstOf[i] = n;
                var t = tokens[i];
                if (IsPossessive(normalised, t))
                {
                    split[n++] = new Token(t.Start, t.Length - 2, t.Kind);
                    split[n++] = new Token(t.End - 2, 2, TokenKind.Word);
                }
                else
                {
                    split[n++] = t;
                }
            }
            firstOf[tokens.Length] = n;
            for (int s = 0; s < sentences.Length; s++)
            {
                var sentence = sentences[s];
                int first = firstOf[sentence.FirstToken];
                int end = firstOf[sentence.FirstToken + sentence.TokenCount];
                remapped[s] = sentence with { FirstToken = first, TokenCount = end - first };
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(firstOf);
        }
        return new TaggerView(normalised, split, remapped);
    }

    /// <summary>The body with typographic variants of one character written one way; same length, same offsets.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAny(Variants);
        if (first < 0)
            return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (int i = state.first; i < span.Length; i++)
                span[i] = Plain(span[i]);
        });
    }

    private static readonly System.Buffers.SearchValues<char> Variants = System.Buffers.SearchValues.Create("’‘ʼ′‛“”„″‐‑‒");

    private static char Plain(char c) => c switch
    {
        '’' or '‘' or 'ʼ' or '′' or '‛' => '\'',
        '“' or '”' or '„' or '″' => '"',
        '‐' or '‑' or '‒' => '-',
        _ => c,
    };

    /// <summary>A word ending in "'s" ("Iran's", "U.S.'s"), but not "'s" alone.</summary>
    private static bool IsPossessive(string text, Token t) =>
        t.Kind is TokenKind.Word or TokenKind.Abbreviation && t.Length > 2 && text[t.End - 2] == '\'' && (text[t.End - 1] == 's' || text[t.End - 1] == 'S')
        && (char.IsLetterOrDigit(text[t.End - 3]) || text[t.End - 3] == '.');
}
