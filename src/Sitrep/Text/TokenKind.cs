namespace Sitrep.Text;

public enum TokenKind : byte
{
    Word,
    Number,
    Abbreviation,
    Punctuation,
    Quote,
    Bracket,
    Dash,
    Ellipsis,
    Hashtag,
    Handle,
    Url,
    Symbol,
}
