namespace Sitrep.Storage;

/// <summary>
/// What a cache of rows keyed by id does when the store merges one row into another: every cached row that pointed at
/// the absorbed id points at the kept one, as the table's <c>merged_into</c> column does after the same merge. The
/// entity and story caches both keep such pointers.
/// </summary>
internal static class MergedRows
{
    /// <summary>Points the cached rows whose <paramref name="mergedInto"/> is <paramref name="absorbed"/> at
    /// <paramref name="kept"/>. The ids are collected first: a dictionary is not written while it is enumerated.</summary>
    public static void Repoint<TValue>(
        Dictionary<long, TValue> rows, long absorbed, long kept,
        Func<TValue, long?> mergedInto, Func<TValue, long, TValue> pointedAt)
    {
        List<long>? repointed = null;
        foreach (var (id, value) in rows)
        {
            if (mergedInto(value) == absorbed)
                (repointed ??= []).Add(id);
        }
        if (repointed is null)
            return;
        foreach (var id in repointed)
            rows[id] = pointedAt(rows[id], kept);
    }
}
