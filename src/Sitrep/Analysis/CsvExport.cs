using System.Text;
using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Analysis;

/// <summary>
/// The CSV export: the core <c>documents</c> table, then every table the features registered
/// (<see cref="IExportTable"/>), one RFC 4180 file each (UTF-8, CRLF line ends, a header row), written
/// in one pass over the store so memory does not grow with it.
/// </summary>
public static class CsvExport
{
    /// <summary>The documents table every store has: one row per document, with its metadata and text.</summary>
    public static IExportTable Documents { get; } = new DocumentsTable();

    /// <summary>Every table of the export: <see cref="Documents"/> first, then <paramref name="tables"/>.</summary>
    public static IReadOnlyList<IExportTable> All(IEnumerable<IExportTable> tables) => [Documents, .. tables];

    /// <summary>
    /// Writes each table of <paramref name="tables"/> to the writer <paramref name="open"/> gives for it,
    /// reading every document once; returns how many documents were read.
    /// </summary>
    public static int Write(IReadOnlyList<IExportTable> tables, Func<IExportTable, TextWriter> open, IEnumerable<Document> documents, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        var writers = new TextWriter[tables.Count];
        try
        {
            for (int t = 0; t < tables.Count; t++)
            {
                writers[t] = open(tables[t]);
                WriteRow(writers[t], tables[t].Columns);
            }
            int count = 0;
            foreach (var document in documents)
            {
                for (int t = 0; t < tables.Count; t++)
                {
                    foreach (var row in tables[t].DocumentRows(document, store))
                        WriteRow(writers[t], row);
                }
                count++;
            }
            for (int t = 0; t < tables.Count; t++)
            {
                foreach (var row in tables[t].StoreRows(store))
                    WriteRow(writers[t], row);
                writers[t].Flush();
            }
            return count;
        }
        finally
        {
            foreach (var writer in writers)
                writer?.Dispose();
        }
    }

    /// <summary>One CSV record: a field with a comma, a quote or a line break is quoted, quotes doubled; null is an empty field.</summary>
    public static void WriteRow(TextWriter writer, IReadOnlyList<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
                writer.Write(',');
            var field = fields[i];
            if (field is null)
                continue;
            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                writer.Write(field);
                continue;
            }
            writer.Write('"');
            writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }
        writer.Write("\r\n");
    }

    /// <summary>UTF-8 without a byte-order mark, as most tools read CSV.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(false);

    private sealed class DocumentsTable : IExportTable
    {
        public string Name => "documents";

        public IReadOnlyList<string> Columns { get; } =
            ["id", "source", "url", "title", "outlet", "original_publisher", "byline", "published", "published_inferred", "genre", "language", "duplicate_of", "text"];

        public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store)
        {
            var m = document.Metadata;
            yield return
            [
                document.Id, document.Source, m.Url, m.Title, m.Outlet, m.OriginalPublisher, m.Byline, m.Published,
                m.PublishedInferred ? "true" : "false", m.Genre?.ToString().ToLowerInvariant(), m.Language, document.DuplicateOf, document.Text,
            ];
        }

        public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store) => [];
    }
}
