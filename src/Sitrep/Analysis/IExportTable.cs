using Sitrep.Documents;

namespace Sitrep.Analysis;

/// <summary>
/// A table of the CSV export (<c>sitrep export --format csv</c>): a feature registers one for each
/// thing it finds (<see cref="Pipeline.PipelineBuilder.UseTable"/>: mentions and entities; quotes and
/// events when they land), so the export knows no feature. Rows are plain values; the export writes
/// them as RFC 4180 CSV, one file per table, with <see cref="Columns"/> as the header.
/// </summary>
public interface IExportTable
{
    /// <summary>The table's name and file name (<c>mentions</c> → <c>mentions.csv</c>).</summary>
    string Name { get; }

    IReadOnlyList<string> Columns { get; }

    /// <summary>The rows one document adds (a mention per row); none for a table of the whole store.</summary>
    IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, Ingest.IDocumentStore store);

    /// <summary>The rows written after every document (an entity per row); none for a table of documents' rows.</summary>
    IEnumerable<IReadOnlyList<string?>> StoreRows(Ingest.IDocumentStore store);
}
