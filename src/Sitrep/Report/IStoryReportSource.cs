using Sitrep.Ingest;

namespace Sitrep.Report;

/// <summary>
/// Where a report finds its stories: their ids, titles and documents. The seam the stories feature
/// plugs into (one class); until it does, <see cref="WholeStoreStories"/> reports the whole store as one story.
/// </summary>
public interface IStoryReportSource
{
    /// <summary>Every story, largest first.</summary>
    IReadOnlyList<string> StoryIds();

    /// <summary>The story's title as people read it; null for an id that is no story.</summary>
    string? Title(string storyId);

    /// <summary>The ids of the story's documents (empty for an id that is no story).</summary>
    IReadOnlyList<string> DocumentIds(string storyId);

    /// <summary>Every story as a list shows it, largest first, without reading its articles (dates null where the source does not keep them).</summary>
    IReadOnlyList<StoryListing> List() =>
        [.. StoryIds().Select(id => new StoryListing(id, Title(id) ?? id, DocumentIds(id).Count, null, null))];
}

/// <summary>The whole store as one story, id <see cref="Id"/>: what <c>sitrep report --all</c> reads, and the default while a store keeps no stories.</summary>
public sealed class WholeStoreStories(IDocumentStore store) : IStoryReportSource
{
    /// <summary>The one story's id.</summary>
    public const string Id = "all";

    public IReadOnlyList<string> StoryIds() => store.Count() > 0 ? [Id] : [];

    public string? Title(string storyId) => storyId == Id ? "Every stored article" : null;

    public IReadOnlyList<string> DocumentIds(string storyId) => storyId == Id ? store.Ids() : [];
}

/// <summary>The stories the stories stage keeps ("S12"), largest first.</summary>
public sealed class StoredStories(Stories.IStoryIndex index) : IStoryReportSource
{
    public IReadOnlyList<string> StoryIds() =>
        [.. Ordered().Select(s => s.Name)];

    /// <summary>One query for every story (a title read per story would read its centroid too).</summary>
    public IReadOnlyList<StoryListing> List() =>
        [.. Ordered().Select(s => new StoryListing(s.Name, s.Title ?? s.Name, s.Size, s.First, s.Last))];

    private IEnumerable<Stories.StoryRecord> Ordered() => index.List().OrderByDescending(s => s.Size).ThenBy(s => s.Id);

    public string? Title(string storyId) =>
        Stories.StoryIds.Parse(storyId) is { } id && index.Story(id) is { } story ? story.Title ?? Stories.StoryIds.Format(story.Id) : null;

    public IReadOnlyList<string> DocumentIds(string storyId) =>
        Stories.StoryIds.Parse(storyId) is { } id && index.Story(id) is { } story ? index.Documents(story.Id) : [];
}
