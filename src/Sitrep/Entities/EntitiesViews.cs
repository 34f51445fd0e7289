using System.Globalization;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;

namespace Sitrep.Entities;

/// <summary>The CSV table of every mention: the document, its range in the text, its words, its type and the stored entity it names.</summary>
public sealed class MentionsTable : IExportTable
{
    public string Name => "mentions";

    public IReadOnlyList<string> Columns { get; } = ["document", "start", "end", "text", "type", "entity"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var resolved = EntitiesOf(document, store.Feature<IEntityDirectory>());
        foreach (var mention in document.Mentions())
        {
            var entity = mention.Entity >= 0 && mention.Entity < resolved.Length ? resolved[mention.Entity] : null;
            yield return
            [
                document.Id,
                mention.Start.ToString(CultureInfo.InvariantCulture),
                mention.End.ToString(CultureInfo.InvariantCulture),
                mention.Text(document.Text),
                // A resolved mention takes its entity's type, as in the analysis JSON.
                entity?.Type ?? mention.Type,
                entity is null ? null : EntityId(entity.Id),
            ];
        }
    }

    public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store) => [];

    /// <summary>The stored entity (merges followed) each of the document's own entities resolved to.</summary>
    internal static StoredEntity?[] EntitiesOf(Document document, IEntityDirectory? directory)
    {
        var own = document.Entities();
        return directory is null ? new StoredEntity?[own.Count] : directory.EntitiesOf(document.Id, own.Count);
    }

    internal static string EntityId(long id) => "E" + id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The CSV table of every entity named in a stored document: id, name, type, and in how many documents.</summary>
public sealed class EntitiesTable : IExportTable
{
    public string Name => "entities";

    public IReadOnlyList<string> Columns { get; } = ["id", "name", "type", "documents"];

    public IEnumerable<IReadOnlyList<string?>> DocumentRows(Document document, IDocumentStore store) => [];

    public IEnumerable<IReadOnlyList<string?>> StoreRows(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Feature<IEntityCatalog>() is not { } catalog)
            yield break;
        foreach (var e in catalog.All())
            yield return [MentionsTable.EntityId(e.Id), e.Name, e.Type, e.Documents.ToString(CultureInfo.InvariantCulture)];
    }
}

/// <summary>What <c>documents show</c> lists of a document's entities, and <c>stats</c> of the store's.</summary>
public sealed class EntitiesView : IFeatureView
{
    public IEnumerable<ViewTable> Document(Document document, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(store);
        var own = document.Entities();
        if (own.Count == 0)
            yield break;
        var resolved = MentionsTable.EntitiesOf(document, store.Feature<IEntityDirectory>());
        var mentions = new int[own.Count];
        foreach (var m in document.Mentions())
        {
            if (m.Entity >= 0 && m.Entity < mentions.Length)
                mentions[m.Entity]++;
        }
        // The most mentioned first: what the article is about before what it names in passing.
        var rows = Enumerable.Range(0, own.Count)
            .OrderByDescending(i => mentions[i]).ThenBy(i => i)
            .Select(i => (IReadOnlyList<string>)
            [
                resolved[i] is { } e ? MentionsTable.EntityId(e.Id) : "",
                resolved[i]?.Name ?? own[i].Name,
                resolved[i]?.Type ?? own[i].Type,
                mentions[i].ToString(CultureInfo.InvariantCulture),
                string.Join("; ", own[i].Aliases.Where(a => a != (resolved[i]?.Name ?? own[i].Name))),
                string.Join("; ", own[i].Roles),
            ])
            .ToList();
        yield return new ViewTable("entities", ["id", "name", "type", "mentions", "also written", "roles"], rows);
    }

    public IEnumerable<ViewTable> Statistics(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Feature<IEntityCatalog>() is not { } catalog)
            yield break;
        var counts = catalog.CountByType();
        if (counts.Count == 0)
            yield break;
        var rows = counts.Select(c => (IReadOnlyList<string>)[c.Type, c.Entities.ToString("N0", CultureInfo.InvariantCulture)]).ToList();
        rows.Add(["all", counts.Sum(c => c.Entities).ToString("N0", CultureInfo.InvariantCulture)]);
        yield return new ViewTable("entities by type", ["type", "entities"], rows);
    }
}
