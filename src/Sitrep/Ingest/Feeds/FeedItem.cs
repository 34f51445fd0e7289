namespace Sitrep.Ingest.Feeds;

/// <summary>
/// One usable entry of an RSS or Atom feed. Values are as the feed states them, trimmed; only
/// <see cref="Link"/> is rewritten (made absolute) because a relative link is useless once it leaves the feed.
/// </summary>
/// <param name="Title">Entry title, or null when the feed gives none.</param>
/// <param name="Link">Absolute http(s) URL of the article, or null for an entry that carries its content but no link.</param>
/// <param name="Id">RSS guid, RDF rdf:about or Atom id, as written.</param>
/// <param name="Published">Publication date as written (pubDate, dc:date, Atom published or updated); the caller normalises it.</param>
/// <param name="Author">Author names joined with ", ".</param>
/// <param name="Summary">RSS description or Atom summary; may be HTML.</param>
/// <param name="ContentHtml">content:encoded or Atom content as HTML markup.</param>
public sealed record FeedItem(
    string? Title,
    string? Link,
    string? Id,
    string? Published,
    string? Author,
    string? Summary,
    string? ContentHtml);
