using Sitrep.Documents;

namespace Sitrep.Analysis;

/// <summary>
/// What a feature adds to the pages a person reads (<see cref="Pipeline.PipelineBuilder.UseView"/>):
/// a section of <c>sitrep documents show</c> (the document's entities, later its quotes and events)
/// and of <c>sitrep stats</c> (entities by type). Hosts render the tables as they like.
/// </summary>
public interface IFeatureView
{
    /// <summary>The sections this feature shows for one stored document; none when it has nothing on it.</summary>
    IEnumerable<ViewTable> Document(Document document, Ingest.IDocumentStore store);

    /// <summary>The sections this feature adds to the statistics of the store.</summary>
    IEnumerable<ViewTable> Statistics(Ingest.IDocumentStore store);
}

/// <summary>A titled table of text for a person to read.</summary>
public sealed record ViewTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
