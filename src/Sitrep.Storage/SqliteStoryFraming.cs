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
        var command = _session.Prepared("INSERT OR REPLACE INTO framing_documents (document, story, tally) VALUES ($document, $story, $tally)");
        command.Parameters["$document"].Value = tally.Document;
        command.Parameters["$story"].Value = story;
        command.Parameters["$tally"].Value = FramingCodec.WriteTally(tally);
        command.ExecuteNonQuery();
    }

    public void RemoveTally(string document)
    {
        var command = _session.Prepared("DELETE FROM framing_documents WHERE document = $document");
        command.Parameters["$document"].Value = document;
        command.ExecuteNonQuery();
    }

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
            var drop = _session.Prepared("DELETE FROM story_framing WHERE story IN (SELECT id FROM stories WHERE merged_into = $story)");
            drop.Parameters["$story"].Value = story;
            drop.ExecuteNonQuery();
            // What is stored now, as written: a row that did not change is not written again.
            var stored = new Dictionary<string, (long, long, long, long, long, string, string, string)>(StringComparer.Ordinal);
            var read = _session.Prepared("SELECT outlet, articles, news, opinion, analysis, unknown, actors, terms, voices FROM story_framing WHERE story = $story");
            read.Parameters["$story"].Value = story;
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                    stored[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
            }
            var write = _session.Prepared("""
                INSERT OR REPLACE INTO story_framing (story, outlet, articles, news, opinion, analysis, unknown, actors, terms, voices)
                VALUES ($story, $outlet, $articles, $news, $opinion, $analysis, $unknown, $actors, $terms, $voices)
                """);
            foreach (var row in rows)
            {
                var values = ((long)row.Articles, (long)row.News, (long)row.Opinion, (long)row.Analysis, (long)row.Unknown, FramingCodec.WriteActors(row.Actors), FramingCodec.WriteTerms(row.Terms), FramingCodec.WriteVoices(row.Voices));
                if (stored.Remove(row.Outlet, out var old) && old == values)
                    continue;
                write.Parameters["$story"].Value = story;
                write.Parameters["$outlet"].Value = row.Outlet;
                write.Parameters["$articles"].Value = values.Item1;
                write.Parameters["$news"].Value = values.Item2;
                write.Parameters["$opinion"].Value = values.Item3;
                write.Parameters["$analysis"].Value = values.Item4;
                write.Parameters["$unknown"].Value = values.Item5;
                write.Parameters["$actors"].Value = values.Item6;
                write.Parameters["$terms"].Value = values.Item7;
                write.Parameters["$voices"].Value = values.Item8;
                write.ExecuteNonQuery();
            }
            var delete = _session.Prepared("DELETE FROM story_framing WHERE story = $story AND outlet = $outlet");
            foreach (var outlet in stored.Keys)
            {
                delete.Parameters["$story"].Value = story;
                delete.Parameters["$outlet"].Value = outlet;
                delete.ExecuteNonQuery();
            }
        });
    }
}
