namespace Sitrep.Ingest.Feeds;

/// <summary>How an Atom text construct or content element carries its value.</summary>
internal enum AtomContentType
{
    Text,
    Html,
    Xhtml,
    Other,
}
