using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>Opens a store by its location: a SQLite file today (PostgreSQL by connection string later). Hosts see only <see cref="IDocumentStore"/>.</summary>
public static class StoreFactory
{
    /// <exception cref="StoreException">The location is not a Sitrep store, or was written by a newer Sitrep.</exception>
    public static IDocumentStore Open(string location, IReadOnlyDictionary<string, ILayerCodec> codecs) => SqliteDocumentStore.Open(location, codecs);

    /// <summary>
    /// What opening the store at <paramref name="location"/> will do first when it was written by an older Sitrep (a
    /// sentence for the user: the upgrade can take a minute on a large store), or null when it is current, new or not
    /// a store this Sitrep can read (opening says why).
    /// </summary>
    public static string? UpgradeNotice(string location) => SqliteDocumentStore.UpgradeNotice(location);
}
