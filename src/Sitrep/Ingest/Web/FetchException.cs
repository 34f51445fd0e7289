namespace Sitrep.Ingest.Web;

/// <summary>A URL that could not be fetched (bad scheme, HTTP error, timeout, oversized body, network failure), with a reason a user can act on.</summary>
public sealed class FetchException : Exception
{
    public FetchException()
    {
    }

    public FetchException(string reason)
        : base(reason)
    {
    }

    public FetchException(string reason, Exception inner)
        : base(reason, inner)
    {
    }
}
