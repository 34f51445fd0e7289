using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Contradictions;

/// <summary>
/// Where the articles of one story disagree: dates of one event, holders of one office, figures for
/// the same thing, and whether something happened (each kind in its own class, with its rules).
/// Computed at read time from the stored layers (mentions with their stored entities, times, events,
/// quotes); no model runs, so it costs a pass over each article's text. A wire copy marked
/// <c>duplicate_of</c> another article of the story is left out: it says nothing of its own.
/// </summary>
public static class StoryContradictions
{
    public static IReadOnlyList<Contradiction> Of(IReadOnlyList<Document> documents, IDocumentStore? store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var texts = documents.Where(d => d.DuplicateOf is null || !ids.Contains(d.DuplicateOf)).Select(d => new StoryText(d, store)).ToList();
        if (texts.Count < 2)
            return [];
        return
        [
            .. DateContradictions.Find(texts),
            .. RoleContradictions.Find(texts),
            .. NumberContradictions.Find(texts),
            .. ClaimContradictions.Find(texts),
        ];
    }
}
