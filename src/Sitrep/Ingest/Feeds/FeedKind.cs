namespace Sitrep.Ingest.Feeds;

/// <summary>Which parser a document's root element calls for.</summary>
internal enum FeedKind
{
    None,
    Rss,
    Atom,
}
