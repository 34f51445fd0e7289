namespace Sitrep.Documents;

public static class RemovalReasonNames
{
    public static string ToContractName(this RemovalReason reason) => reason switch
    {
        RemovalReason.Navigation => "navigation",
        RemovalReason.Title => "title",
        RemovalReason.Caption => "caption",
        RemovalReason.PullQuote => "pull-quote",
        RemovalReason.Byline => "byline",
        RemovalReason.Bio => "bio",
        RemovalReason.RelatedLinks => "related-links",
        RemovalReason.Donation => "donation",
        RemovalReason.Disclaimer => "disclaimer",
        RemovalReason.Share => "share",
        RemovalReason.Advertisement => "advertisement",
        RemovalReason.CookieNotice => "cookie-notice",
        _ => "other",
    };

    public static RemovalReason Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "navigation" => RemovalReason.Navigation,
        "title" => RemovalReason.Title,
        "caption" => RemovalReason.Caption,
        "pull-quote" => RemovalReason.PullQuote,
        "byline" => RemovalReason.Byline,
        "bio" => RemovalReason.Bio,
        "related-links" => RemovalReason.RelatedLinks,
        "donation" => RemovalReason.Donation,
        "disclaimer" => RemovalReason.Disclaimer,
        "share" => RemovalReason.Share,
        "advertisement" => RemovalReason.Advertisement,
        "cookie-notice" => RemovalReason.CookieNotice,
        "other" => RemovalReason.Other,
        _ => throw new ArgumentException($"unknown removal reason '{name}'", nameof(name)),
    };
}
