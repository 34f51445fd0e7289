namespace Sitrep.Ingest;

public enum StoreStatus
{
    /// <summary>A new document.</summary>
    Stored,

    /// <summary>The same source with new content: the stored document was replaced, its id kept.</summary>
    Updated,

    /// <summary>The same source with the same content was stored before: nothing written.</summary>
    AlreadyStored,
}
