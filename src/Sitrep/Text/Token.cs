namespace Sitrep.Text;

/// <summary>A token: a range of the body and what kind of thing it is. The text is stored once, in the document.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, Length);

    public string Text(string text) => text.Substring(Start, Length);
}
