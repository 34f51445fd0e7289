using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Storage;

/// <summary>Opens a store by its location: a SQLite file today (PostgreSQL by connection string later). Hosts see only <see cref="IDocumentStore"/>.</summary>
public static class StoreFactory
{
    /// <exception cref="StoreException">The location is not a Sitrep store, or was written by a newer Sitrep.</exception>
    public static IDocumentStore Open(string location, IReadOnlyDictionary<string, ILayerCodec> codecs) => SqliteDocumentStore.Open(location, codecs);
}
