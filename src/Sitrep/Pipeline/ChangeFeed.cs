namespace Sitrep.Pipeline;

/// <summary>What happened to a stored document.</summary>
public enum ChangeKind
{
    /// <summary>A new document.</summary>
    Stored,

    /// <summary>The same source with new content, analysed anew.</summary>
    Updated,

    /// <summary>Some of its layers were made again (reanalysis, or a user's correction): <see cref="DocumentChange.Layers"/> says which.</summary>
    Reanalysed,

    /// <summary>The document is gone.</summary>
    Deleted,
}

/// <summary>One entry of the change feed: position, document, what happened, who did it, and which layers changed (null: all).</summary>
public sealed record DocumentChange(long Position, string DocumentId, ChangeKind Kind, string? By, IReadOnlyList<string>? Layers)
{
    /// <summary>Whether the change may have touched <paramref name="layer"/>.</summary>
    public bool Touches(string layer) => Layers is null || Layers.Contains(layer, StringComparer.Ordinal);
}

/// <summary>What a cross-document stage does with a batch read from the feed.</summary>
public static class ChangeBatch
{
    /// <summary>
    /// Each document's last change in <paramref name="batch"/>, in feed order: a document changed twice
    /// in one read is handled once, as it is now.
    /// </summary>
    public static IReadOnlyList<DocumentChange> LatestPerDocument(IReadOnlyList<DocumentChange> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < batch.Count; i++)
            last[batch[i].DocumentId] = i;
        if (last.Count == batch.Count)
            return batch;
        var latest = new List<DocumentChange>(last.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            if (last[batch[i].DocumentId] == i)
                latest.Add(batch[i]);
        }
        return latest;
    }
}

/// <summary>
/// The store's record of changes to documents, in order, with one position per consumer: what a
/// cross-document stage reads to catch up incrementally. The store appends to it when it saves or
/// deletes documents, in the same transaction.
/// </summary>
public interface IChangeFeed
{
    /// <summary>The position of the newest change (0 when there is none).</summary>
    long Head { get; }

    /// <summary>How far <paramref name="consumer"/> has read (0 for a new consumer: it starts from the beginning).</summary>
    long Position(string consumer);

    /// <summary>A cursor for <paramref name="consumer"/> that never passes the positions of <paramref name="dependsOn"/>.</summary>
    IChangeCursor Cursor(string consumer, IReadOnlyList<string> dependsOn);
}

/// <summary>One consumer's view of the change feed.</summary>
public interface IChangeCursor
{
    string Consumer { get; }

    /// <summary>
    /// The next changes after the consumer's position, oldest first, at most <paramref name="limit"/>,
    /// not beyond what the stages it depends on have read, and without the changes it made itself.
    /// </summary>
    IReadOnlyList<DocumentChange> Next(int limit);

    /// <summary>Runs <paramref name="work"/> in one store transaction and then moves the position to <paramref name="position"/>, in the same transaction.</summary>
    void Commit(long position, Action work);

    /// <summary>Records a change this consumer made to a document (other consumers see it; this one skips it).</summary>
    void Append(string documentId, ChangeKind kind, IReadOnlyList<string>? layers);
}
