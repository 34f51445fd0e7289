namespace Sitrep.Storage;

/// <summary>
/// The store cannot be opened or used: a file that is not a Sitrep store, a schema from a newer
/// Sitrep, or a database error. One type so the CLI can report any store failure the same way.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
