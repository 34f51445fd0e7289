using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Ingest;

namespace Sitrep.Storage;

/// <summary>
/// Lists, searches and counts the documents of a <see cref="SqliteDocumentStore"/>: the metadata
/// columns and the FTS5 index of schema v7 (<c>documents_fts</c>, kept in step by triggers and, since v15, the store's saves).
/// Shares the store's connection, so the same one-thread-at-a-time rule applies.
/// </summary>
internal sealed class SqliteDocumentCatalog : IDocumentCatalog
{
    private const string SummaryColumns = "d.id, d.source, d.title, d.outlet, d.byline, d.published, d.published_inferred, d.language, d.genre, d.duplicate_of";

    private const string Filter = """
        ($outlet IS NULL OR d.outlet = $outlet COLLATE NOCASE)
        AND ($from IS NULL OR d.published >= $from)
        AND ($to IS NULL OR substr(d.published, 1, length($to)) <= $to)
        """;

    /// <summary>Words of context either side of the words found.</summary>
    private const int SnippetTokens = 24;

    private readonly SqliteSession _session;

    public SqliteDocumentCatalog(SqliteSession session) => _session = session;

    public IReadOnlyList<DocumentSummary> List(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var command = _session.Prepared($"""
            SELECT {SummaryColumns} FROM documents d WHERE {Filter}
            ORDER BY d.published DESC, d.seq LIMIT $limit
            """);
        Bind(command, query);
        command.Parameters["$limit"].Value = Math.Max(0, query.Limit);
        return Read(command);
    }

    public int Count(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var command = _session.Prepared($"SELECT COUNT(*) FROM documents d WHERE {Filter}");
        Bind(command, query);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public IReadOnlyDictionary<string, DocumentSummary> Summaries(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var command = _session.Prepared($"SELECT {SummaryColumns} FROM documents d WHERE d.id = $id");
        var result = new Dictionary<string, DocumentSummary>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (result.ContainsKey(id))
                continue;
            command.Parameters["$id"].Value = id;
            using var reader = command.ExecuteReader();
            if (reader.Read())
                result[id] = ReadSummary(reader);
        }
        return result;
    }

    public SearchResult Search(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = FtsQuery.Build(query);
        if (match is null)
            return new SearchResult([], 0, null);
        try
        {
            var count = _session.Prepared("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH $match");
            count.Parameters["$match"].Value = match;
            int total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            // Ranked by the index's own rank (bm25, a title word weighing four text words), best first;
            // the snippet is always from the text (a list already shows the title).
            var command = _session.Prepared($"""
                SELECT {SummaryColumns}, snippet(documents_fts, 1, char(2), char(3), '…', {SnippetTokens.ToString(CultureInfo.InvariantCulture)})
                FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
                WHERE documents_fts MATCH $match
                ORDER BY documents_fts.rank, d.seq LIMIT $limit
                """);
            command.Parameters["$match"].Value = match;
            command.Parameters["$limit"].Value = Math.Max(0, limit);
            var hits = new List<SearchHit>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    hits.Add(new SearchHit(ReadSummary(reader), reader.IsDBNull(10) ? "" : reader.GetString(10)));
            }
            return new SearchResult(hits, total, match);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"cannot search the store {_session.Path}: {ex.Message}", ex);
        }
    }

    public StoreStatistics Statistics()
    {
        var byOutlet = new List<(string?, int)>();
        using (var reader = _session.Prepared("SELECT outlet, COUNT(*) FROM documents GROUP BY outlet COLLATE NOCASE ORDER BY COUNT(*) DESC, outlet").ExecuteReader())
        {
            while (reader.Read())
                byOutlet.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1)));
        }
        string? earliest = _session.Prepared("SELECT MIN(published) FROM documents WHERE published IS NOT NULL").ExecuteScalar() as string;
        string? latest = _session.Prepared("SELECT MAX(published) FROM documents").ExecuteScalar() as string;

        // One pass over the rest: language and stages are read from every row.
        int documents = 0, duplicates = 0, undated = 0;
        var languages = new Dictionary<string, int>(StringComparer.Ordinal);
        var versions = new Dictionary<(string, string), int>();
        using (var command = _session.Fresh("SELECT language, stages, duplicate_of IS NOT NULL, published IS NULL FROM documents"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                documents++;
                var language = reader.IsDBNull(0) ? "" : reader.GetString(0);
                languages[language] = languages.GetValueOrDefault(language) + 1;
                foreach (var (stage, version) in StoredJson.ReadStages(reader.GetString(1)))
                    versions[(stage, version)] = versions.GetValueOrDefault((stage, version)) + 1;
                if (reader.GetInt64(2) != 0)
                    duplicates++;
                if (reader.GetInt64(3) != 0)
                    undated++;
            }
        }
        return new StoreStatistics(
            documents,
            duplicates,
            byOutlet,
            [.. languages.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => (l.Key.Length == 0 ? null : l.Key, l.Value))],
            earliest,
            latest,
            undated,
            [.. versions.OrderBy(v => v.Key.Item1, StringComparer.Ordinal).ThenByDescending(v => v.Value).Select(v => (v.Key.Item1, v.Key.Item2, v.Value))]);
    }

    private static void Bind(SqliteCommand command, DocumentQuery query)
    {
        command.Parameters["$outlet"].Value = (object?)query.Outlet ?? DBNull.Value;
        command.Parameters["$from"].Value = (object?)query.From ?? DBNull.Value;
        command.Parameters["$to"].Value = (object?)query.To ?? DBNull.Value;
    }

    private static List<DocumentSummary> Read(SqliteCommand command)
    {
        var list = new List<DocumentSummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(ReadSummary(reader));
        return list;
    }

    private static DocumentSummary ReadSummary(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        Nullable(r, 2),
        Nullable(r, 3),
        Nullable(r, 4),
        Nullable(r, 5),
        r.GetInt64(6) != 0,
        Nullable(r, 7),
        Nullable(r, 8),
        Nullable(r, 9));

    private static string? Nullable(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
