namespace Sitrep.Ingest.Web;

/// <summary>Limits and manners of a <see cref="WebFetcher"/>; the defaults suit fetching news pages and feeds.</summary>
public sealed record FetchOptions
{
    public static FetchOptions Default { get; } = new();

    /// <summary>The whole fetch: every redirect hop and the body, so a server trickling bytes cannot hold a worker forever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The body after decompression (and the body as sent), so neither a huge page nor a compression bomb fills memory.</summary>
    public long MaxBytes { get; init; } = 10L * 1024 * 1024;

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Names us and a page about us, so a site operator who sees the traffic can find out what it is.</summary>
    public string UserAgent { get; init; } = "Sitrep/0.1 (news analysis; +https://github.com/sitrep)";

    /// <summary>Minimum time between the starts of two requests to the same host, so a batch of links to one site does not hammer it.</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(1);
}
