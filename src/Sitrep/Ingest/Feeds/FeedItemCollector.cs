namespace Sitrep.Ingest.Feeds;

/// <summary>
/// Numbers entries in document order and decides, the same way for RSS and Atom, whether each is usable:
/// its link is resolved and must be http(s), and an entry needs a link or some content to be worth keeping.
/// </summary>
internal sealed class FeedItemCollector
{
    /// <summary>Links in reasons are cut so a hostile feed cannot make error reports arbitrarily large.</summary>
    private const int MaxLinkInReason = 200;

    private readonly List<FeedItem> items = [];
    private readonly List<FeedItemError> errors = [];
    private int nextIndex;

    /// <param name="item">The entry with its Link not yet set.</param>
    /// <param name="rawLink">The link as written, or null when the entry has none.</param>
    /// <param name="linkBase">The base in effect at the link element.</param>
    /// <param name="permalinkFallback">A guid/id that may stand in for a missing link when it is already an http(s) URL.</param>
    public void Add(FeedItem item, string? rawLink, Uri? linkBase, string? permalinkFallback)
    {
        int index = nextIndex++;
        string? link = null;
        if (rawLink is not null)
        {
            Uri? resolved = FeedUris.Resolve(rawLink, linkBase);
            if (resolved is null || !FeedUris.IsHttp(resolved))
            {
                string reason = resolved is null && linkBase is null
                    ? $"link is not an absolute http(s) URL and there is no base URL to resolve it against: {Shorten(rawLink)}"
                    : $"link is not an absolute http(s) URL: {Shorten(rawLink)}";
                errors.Add(new FeedItemError(index, reason));
                return;
            }
            link = resolved.AbsoluteUri;
        }
        else if (FeedUris.AbsoluteHttp(permalinkFallback) is { } permalink)
        {
            link = permalink.AbsoluteUri;
        }

        // An entry with text but no link is still something to analyse; one with neither is nothing.
        if (link is null && item.ContentHtml is null && item.Summary is null)
        {
            errors.Add(new FeedItemError(index, "no link and no content"));
            return;
        }
        items.Add(item with { Link = link });
    }

    public Feed ToFeed(string? title, string? link) => new(title, link, items.AsReadOnly(), errors.AsReadOnly());

    private static string Shorten(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length <= MaxLinkInReason ? trimmed : string.Concat(trimmed.AsSpan(0, MaxLinkInReason), "…");
    }
}
