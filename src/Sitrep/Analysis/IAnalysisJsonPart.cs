using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Analysis;

/// <summary>
/// A feature's part of the analysis JSON (the contract in docs/analysis-json.md): the fields it adds
/// to each document and to the top-level object. Registered with the feature
/// (<see cref="Pipeline.PipelineBuilder.UseJson"/>); opened once per JSON written.
/// </summary>
public interface IAnalysisJsonPart
{
    /// <summary>Starts writing one analysis JSON; <paramref name="session"/> gives the store and the parts opened before this one.</summary>
    IAnalysisJsonSection Open(AnalysisJsonSession session);
}

/// <summary>One part's writer for one analysis JSON.</summary>
public interface IAnalysisJsonSection
{
    /// <summary>The contract's document fields this part writes (so the core writer does not write them empty).</summary>
    IReadOnlyList<string> DocumentFields { get; }

    /// <summary>The contract's top-level fields this part writes.</summary>
    IReadOnlyList<string> TopLevelFields { get; }

    /// <summary>Writes this part's fields inside the document's object.</summary>
    void WriteDocument(Utf8JsonWriter json, Document document);

    /// <summary>Writes this part's top-level fields, after every document.</summary>
    void WriteTopLevel(Utf8JsonWriter json);
}

/// <summary>What a part sees while one analysis JSON is written: the store, and the sections opened before it.</summary>
public sealed class AnalysisJsonSession
{
    private readonly List<IAnalysisJsonSection> _sections = [];

    public AnalysisJsonSession(Ingest.IDocumentStore? store, bool topLevel = true)
    {
        Store = store;
        TopLevel = topLevel;
    }

    /// <summary>The store the documents come from, or null when they were analysed without one.</summary>
    public Ingest.IDocumentStore? Store { get; }

    /// <summary>False when only documents are written (an export, one per line): parts need not collect what the top level lists.</summary>
    public bool TopLevel { get; }

    /// <summary>The section of type <typeparamref name="T"/> opened before the caller's, or null.</summary>
    public T? Section<T>()
        where T : class, IAnalysisJsonSection => _sections.OfType<T>().FirstOrDefault();

    internal IReadOnlyList<IAnalysisJsonSection> Sections => _sections;

    internal void Add(IAnalysisJsonSection section) => _sections.Add(section);
}
