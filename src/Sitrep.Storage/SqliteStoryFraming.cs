using Microsoft.Data.Sqlite;
using Sitrep.Stories;

namespace Sitrep.Storage;

/// <summary>
/// The framing tables of a <see cref="SqliteDocumentStore"/> (schema v11): each grouped article's tally
/// and each story's framing, one row per outlet. Shares the store's connection, so the same
/// one-thread-at-a-time rule applies.
/// </summary>
public sealed class SqliteStoryFraming : IStoryFraming
{
    private readonly SqliteSession _session;

    internal SqliteStoryFraming(SqliteSession session) => _session = session;

    public long? TallyStory(string document)
    {
        return _session.Raw("SELECT story FROM framing_documents WHERE document = $document").Bind("$document", document).Int64Scalar();
    }

    public void SaveTally(long story, FramingTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        // Written into a buffer reused for every tally (one an article), bound as the bytes written: the same text
        // FramingCodec.WriteTally(tally) returns, without the stream, array and string of it.
        _tally.ResetWrittenCount();
        using (var json = new System.Text.Json.Utf8JsonWriter(_tally))
            FramingCodec.WriteTally(tally, json);
        _session.Raw("INSERT OR REPLACE INTO framing_documents (document, story, tally) VALUES ($document, $story, $tally)")
            .Bind("$document", tally.Document).Bind("$story", story).BindUtf8("$tally", _tally.WrittenSpan).Run();
    }

    private readonly System.Buffers.ArrayBufferWriter<byte> _tally = new();

    public IReadOnlyList<string> TalliedDocuments(long story)
    {
        var documents = new List<string>();
        using var reader = _session.Raw("SELECT document FROM framing_documents WHERE story = $story ORDER BY document").Bind("$story", story).Execute();
        while (reader.Read())
            documents.Add(reader.Text(0));
        return documents;
    }

    public void RemoveTally(string document) => _session.Raw("DELETE FROM framing_documents WHERE document = $document").Bind("$document", document).Run();

    public IReadOnlyList<FramingTally> Tallies(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var command = _session.Raw("SELECT tally FROM framing_documents WHERE document = $document");
        var list = new List<FramingTally>(documents.Count);
        foreach (var document in documents)
        {
            if (command.Bind("$document", document).TextScalar() is { } tally)
                list.Add(FramingCodec.ReadTally(document, tally));
        }
        return list;
    }

    public IReadOnlyList<OutletFramingRow> Framing(long story)
    {
        var command = _session.Prepared("""
            SELECT outlet, articles, news, opinion, analysis, unknown, actors, terms, voices
            FROM story_framing WHERE story = $story ORDER BY outlet
            """);
        command.Parameters["$story"].Value = story;
        var rows = new List<OutletFramingRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new OutletFramingRow(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                FramingCodec.ReadActors(reader.GetString(6)),
                FramingCodec.ReadTerms(reader.GetString(7)),
                FramingCodec.ReadVoices(reader.GetString(8))));
        }
        // The outlets as SQLite orders text (bytes) is the ordinal order the rows are made in.
        return rows;
    }

    public void SaveFraming(long story, IReadOnlyList<OutletFramingRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _session.AllOrNothing(() =>
        {
            // Raw prepared statements (parameters bound by position): framing runs these for every story a batch touches.
            _session.Raw("DELETE FROM story_framing WHERE story IN (SELECT id FROM stories WHERE merged_into = $story)").Bind("$story", story).Run();
            // What is stored now, as written: a row that did not change is not written again.
            var stored = new Dictionary<string, (long, long, long, long, long, string, string, string)>(StringComparer.Ordinal);
            using (var reader = _session.Raw("SELECT outlet, articles, news, opinion, analysis, unknown, actors, terms, voices FROM story_framing WHERE story = $story").Bind("$story", story).Execute())
            {
                while (reader.Read())
                    stored[reader.Text(0)] = (reader.Int64(1), reader.Int64(2), reader.Int64(3), reader.Int64(4), reader.Int64(5), reader.Text(6), reader.Text(7), reader.Text(8));
            }
            var write = _session.Raw("""
                INSERT OR REPLACE INTO story_framing (story, outlet, articles, news, opinion, analysis, unknown, actors, terms, voices)
                VALUES ($story, $outlet, $articles, $news, $opinion, $analysis, $unknown, $actors, $terms, $voices)
                """);
            foreach (var row in rows)
            {
                var values = ((long)row.Articles, (long)row.News, (long)row.Opinion, (long)row.Analysis, (long)row.Unknown, FramingCodec.WriteActors(row.Actors), FramingCodec.WriteTerms(row.Terms), FramingCodec.WriteVoices(row.Voices));
                if (stored.Remove(row.Outlet, out var old) && old == values)
                    continue;
                write.Bind("$story", story).Bind("$outlet", row.Outlet).Bind("$articles", values.Item1).Bind("$news", values.Item2)
                    .Bind("$opinion", values.Item3).Bind("$analysis", values.Item4).Bind("$unknown", values.Item5)
                    .Bind("$actors", values.Item6).Bind("$terms", values.Item7).Bind("$voices", values.Item8).Run();
            }
            var delete = _session.Raw("DELETE FROM story_framing WHERE story = $story AND outlet = $outlet");
            foreach (var outlet in stored.Keys)
                delete.Bind("$story", story).Bind("$outlet", outlet).Run();
        });
    }
}
