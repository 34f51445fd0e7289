using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Metadata;

/// <summary>
/// Settles a document's metadata: what the input states wins; what the page printed comes next;
/// what is inferred from the text comes last and says so.
/// </summary>
public sealed class MetadataStage : IDocumentStage
{
    public string Name => "metadata";

    /// <summary>Bump when any metadata field can change for the same input.</summary>
    public string Version => StageVersion.Of("13", Sitrep.Lexicons.Lexicon.HashOf("genre-markers"));

    public IReadOnlyList<Layer> Requires { get; } = [CoreLayers.Body, CoreLayers.PageHints, CoreLayers.Language];

    public IReadOnlyList<Layer> Produces { get; } = [CoreLayers.Metadata];

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stated = context.Input.Stated;
        var hints = context.Get(CoreLayers.PageHints);
        var body = context.Get(CoreLayers.Body);
        var text = body.Text;

        string? published = PublicationDate.Normalize(stated.Published);
        bool inferred = false;
        if (published is null && hints.PrintedDate is { } printed)
            published = PublicationDate.Normalize(printed);
        // A record's stated address that writes a day ("/2020/03/31/") dates it as a page's canonical link does
        // (the HTML reader takes that one as a printed date); a text read as plain text has only this one.
        if (published is null)
            published = PublicationDate.UrlDay(NullIfBlank(stated.Url));
        if (published is null)
        {
            published = PublicationDate.Infer([text, .. body.Captions.Select(c => c.Text)]);
            inferred = published is not null;
        }

        var url = NullIfBlank(stated.Url) ?? hints.CanonicalUrl;
        context.Set(CoreLayers.Metadata, new DocumentMetadata
        {
            Title = NullIfBlank(stated.Title) ?? hints.Headline ?? Sitrep.Cleaning.Html.PageMetadataReader.WithoutSiteName(hints.Title, hints.Outlet, url),
            Byline = NullIfBlank(stated.Byline) ?? hints.Byline,
            Outlet = NullIfBlank(stated.Outlet) ?? hints.Outlet,
            OriginalPublisher = hints.OriginalPublisher,
            Published = published,
            PublishedInferred = inferred,
            Genre = GenreClassifier.Classify(text, hints),
            Language = context.Get(CoreLayers.Language).Code ?? hints.Language,
            Url = url,
        });
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
