namespace Sitrep.Ingest.Web;

/// <summary>
/// One fetched resource. <see cref="Body"/> is decompressed but not decoded: the charset is reported separately
/// (<see cref="ContentType"/> is the bare media type) because a page's own meta tag may have to overrule it.
/// <see cref="NotModified"/> is a 304 answer to a conditional request; its body is empty.
/// </summary>
public sealed record FetchResult(
    Uri RequestedUrl,
    Uri FinalUrl,
    int StatusCode,
    byte[] Body,
    string? ContentType,
    string? Charset,
    string? ETag,
    string? LastModified,
    bool NotModified);
