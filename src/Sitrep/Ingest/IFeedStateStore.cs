namespace Sitrep.Ingest;

/// <summary>Remembers each feed's ETag and Last-Modified so that polling again is a conditional request.</summary>
public interface IFeedStateStore
{
    FeedState? GetFeedState(string url);

    void SaveFeedState(string url, FeedState state);
}
