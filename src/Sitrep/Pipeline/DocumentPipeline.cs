using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// An immutable, thread-safe chain of per-document stages, made by <see cref="PipelineBuilder"/>.
/// <see cref="Analyze"/> may be called from any number of threads at once.
/// </summary>
public sealed class DocumentPipeline
{
    internal DocumentPipeline(ImmutableArray<IDocumentStage> stages, string version)
    {
        Stages = stages;
        Version = version;
    }

    public ImmutableArray<IDocumentStage> Stages { get; }

    /// <summary>Changes whenever a stage changes what it produces; stored with every document.</summary>
    public string Version { get; }

    /// <summary>Runs every stage. Throws <see cref="InputRejectedException"/> for input that cannot be an article.</summary>
    public Document Analyze(ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = new DocumentContext(input);
        context.Notes.AddRange(input.Notes);
        foreach (var stage in Stages)
            stage.Process(context);
        return new Document
        {
            Id = input.Id,
            Source = input.Source,
            Format = input.Format,
            RawText = input.RawText,
            Text = context.Text ?? "",
            Map = context.Map ?? OffsetMap.Identity(0),
            Metadata = context.Metadata ?? new DocumentMetadata { Language = context.Language },
            Stated = input.Stated,
            Removed = [.. context.Removed],
            Captions = [.. context.Captions],
            Mentions = [.. context.Mentions],
            Entities = [.. context.Entities],
            Notes = [.. context.Notes],
            ContentHash = input.ContentHash,
            PipelineVersion = Version,
        };
    }
}
