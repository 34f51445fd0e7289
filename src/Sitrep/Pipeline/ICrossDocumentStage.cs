namespace Sitrep.Pipeline;

/// <summary>
/// A stage over everything stored rather than one document (entity resolution, later stories). It
/// reads the documents stored, updated, reanalysed or deleted since it last ran from its own cursor
/// on the store's change feed, and moves the cursor in the same transaction as its own writes, so a
/// crash leaves nothing half done and nothing forgotten.
/// </summary>
public interface ICrossDocumentStage
{
    /// <summary>Unique; also the name of its position in the change feed.</summary>
    string Name { get; }

    /// <summary>Cross-document stages that must have seen a change before this one does (stories after entity resolution).</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>
    /// Processes what is new on <paramref name="changes"/>. A document the stage cannot process is left
    /// as it was and reported with its id; the others go on; it is tried again when it changes.
    /// </summary>
    IReadOnlyList<Ingest.InputFailure> Update(IChangeCursor changes, CancellationToken cancellation);

    /// <summary>
    /// The transaction in which <see cref="Update"/> last ran was rolled back after it returned (the store runs a batch
    /// again with every document's writes kept apart: <see cref="Ingest.IDocumentStore.InOneTransaction(Action, Action)"/>):
    /// whatever the stage cached of what it wrote there is no longer in the store and must be forgotten.
    /// </summary>
    void RolledBack()
    {
    }

    /// <summary>
    /// Work on one analysed document that needs nothing stored (an article's story terms, the words beside its
    /// names), done ahead on the analysing threads so the one thread that stores and runs this stage does less:
    /// kept in memory with the document, never stored, and the stage's output must be the same with or without
    /// it (a document not prepared is worked out in <see cref="Update"/> as before). Thread-safe; must not use the store.
    /// </summary>
    void Prepare(Documents.Document document)
    {
    }
}
