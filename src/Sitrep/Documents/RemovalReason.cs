namespace Sitrep.Documents;

/// <summary>Why a block is not body text. The names are the analysis contract's reasons.</summary>
public enum RemovalReason
{
    Navigation,
    Title,
    Caption,
    PullQuote,
    Byline,
    Bio,
    RelatedLinks,
    Donation,
    Disclaimer,
    Share,
    Advertisement,
    CookieNotice,
    Other,
}
