using System.Globalization;
using System.Text.Json;
using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>
/// The change feed of a SQLite store (schema v6): the <c>changes</c> table, appended to in the
/// transaction that changes a document, and each consumer's position in <c>feed_positions</c>.
/// </summary>
internal sealed class SqliteChangeFeed : IChangeFeed
{
    private readonly SqliteSession _session;

    public SqliteChangeFeed(SqliteSession session) => _session = session;

    public long Head => Convert.ToInt64(_session.Prepared("SELECT COALESCE(MAX(position), 0) FROM changes").ExecuteScalar(), CultureInfo.InvariantCulture);

    public long Position(string consumer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        var command = _session.Prepared("SELECT position FROM feed_positions WHERE consumer = $consumer");
        command.Parameters["$consumer"].Value = consumer;
        return command.ExecuteScalar() is long position ? position : 0;
    }

    public IChangeCursor Cursor(string consumer, IReadOnlyList<string> dependsOn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentNullException.ThrowIfNull(dependsOn);
        return new FeedCursor(this, consumer, dependsOn);
    }

    public void Append(string document, ChangeKind kind, string? by, IReadOnlyList<string>? layers)
    {
        _session.Raw("INSERT INTO changes (document, kind, by, layers) VALUES ($document, $kind, $by, $layers)")
            .Bind("$document", document).Bind("$kind", kind.ToString()).Bind("$by", by)
            .Bind("$layers", layers is null ? null : JsonSerializer.Serialize(layers, StoredJsonContext.Default.IReadOnlyListString)).Run();
    }

    private IReadOnlyList<DocumentChange> Read(string consumer, long after, long upTo, int limit)
    {
        var command = _session.Prepared("""
            SELECT position, document, kind, by, layers FROM changes
            WHERE position > $after AND position <= $up_to AND (by IS NULL OR by <> $consumer)
            ORDER BY position LIMIT $limit
            """);
        command.Parameters["$after"].Value = after;
        command.Parameters["$up_to"].Value = upTo;
        command.Parameters["$consumer"].Value = consumer;
        command.Parameters["$limit"].Value = limit;
        var changes = new List<DocumentChange>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            changes.Add(new DocumentChange(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<ChangeKind>(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : JsonSerializer.Deserialize(reader.GetString(4), StoredJsonContext.Default.IReadOnlyListString)));
        }
        return changes;
    }

    private void Move(string consumer, long position)
    {
        var command = _session.Prepared("""
            INSERT INTO feed_positions (consumer, position) VALUES ($consumer, $position)
            ON CONFLICT (consumer) DO UPDATE SET position = excluded.position
            """);
        command.Parameters["$consumer"].Value = consumer;
        command.Parameters["$position"].Value = position;
        command.ExecuteNonQuery();
    }

    private sealed class FeedCursor(SqliteChangeFeed feed, string consumer, IReadOnlyList<string> dependsOn) : IChangeCursor
    {
        public string Consumer => consumer;

        public IReadOnlyList<DocumentChange> Next(int limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
            long upTo = feed.Head;
            foreach (var dependency in dependsOn)
                upTo = Math.Min(upTo, feed.Position(dependency));
            long after = feed.Position(consumer);
            var changes = feed.Read(consumer, after, upTo, limit);
            if (changes.Count == 0 && upTo > after)
            {
                // Only this consumer's own changes lie ahead: step over them.
                feed._session.InTransaction(() => feed.Move(consumer, upTo));
            }
            return changes;
        }

        public void Commit(long position, Action work)
        {
            ArgumentNullException.ThrowIfNull(work);
            feed._session.InTransaction(() =>
            {
                work();
                feed.Move(consumer, position);
            });
        }

        public void Append(string documentId, ChangeKind kind, IReadOnlyList<string>? layers) => feed.Append(documentId, kind, consumer, layers);
    }
}
