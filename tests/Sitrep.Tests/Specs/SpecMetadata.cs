using Sitrep.Documents;

namespace Sitrep.Tests.Specs;

/// <summary>A document's metadata field by the name spec files use for it.</summary>
public static class SpecMetadata
{
    public static string? Actual(DocumentMetadata m, string key) => key switch
    {
        "title" => m.Title,
        "byline" => m.Byline,
        "outlet" => m.Outlet,
        "original_publisher" => m.OriginalPublisher,
        "published" => m.Published,
        "published_inferred" => m.PublishedInferred ? "true" : "false",
        "genre" => m.Genre?.ToString().ToLowerInvariant(),
        "language" => m.Language,
        "url" => m.Url,
        _ => throw new InvalidDataException($"unknown metadata key '{key}' in a spec"),
    };
}
