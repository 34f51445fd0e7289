using System.Net;
using Sitrep.Ingest.Web;

namespace Sitrep.Tests.Web;

/// <summary>Fetcher behaviour that needs no server: scheme checks, pacing per host, error mapping, options.</summary>
public sealed class WebFetcherOfflineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://example.com/a", "ftp")]
    public void Only_http_and_https_are_fetched(string url, string scheme)
    {
        using var handler = new StubHandler();
        using var fetcher = new WebFetcher(handler: handler);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri(url), ct: Ct));

        Assert.Equal($"unsupported scheme '{scheme}'", e.Message);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Different_hosts_do_not_wait_for_each_other()
    {
        using var handler = new StubHandler();
        using var fetcher = new WebFetcher(new FetchOptions { PerHostInterval = TimeSpan.FromMinutes(10) }, handler);
        // Were the pacing global, the second fetch would wait ten minutes and this would cancel it.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(5));

        fetcher.Fetch(new Uri("https://a.example/1"), ct: cts.Token);
        var result = fetcher.Fetch(new Uri("https://b.example/1"), ct: cts.Token);

        Assert.Equal([1, 2, 3], result.Body);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void The_same_host_waits_and_the_wait_can_be_cancelled()
    {
        using var handler = new StubHandler();
        using var fetcher = new WebFetcher(new FetchOptions { PerHostInterval = TimeSpan.FromMinutes(10) }, handler);
        fetcher.Fetch(new Uri("https://a.example/1"), ct: Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => fetcher.Fetch(new Uri("https://A.example/2"), ct: cts.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public void A_name_resolution_failure_cannot_connect()
    {
        using var handler = new StubHandler(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (nowhere.example:443)"));
        using var fetcher = new WebFetcher(handler: handler);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri("https://nowhere.example/"), ct: Ct));

        Assert.Equal("cannot connect: Name or service not known (nowhere.example:443)", e.Message);
    }

    [Fact]
    public void A_server_error_names_the_status_and_reason()
    {
        using var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var fetcher = new WebFetcher(handler: handler);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri("https://a.example/"), ct: Ct));

        Assert.Equal("HTTP 503 Service Unavailable", e.Message);
    }

    [Fact]
    public void A_redirect_without_location_is_refused()
    {
        using var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Found));
        using var fetcher = new WebFetcher(handler: handler);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri("https://a.example/"), ct: Ct));

        Assert.Equal("HTTP 302 Found without a usable Location header", e.Message);
    }

    [Fact]
    public void An_unknown_content_encoding_is_refused()
    {
        using var handler = new StubHandler(_ =>
        {
            var content = new ByteArrayContent([1, 2, 3]);
            content.Headers.ContentEncoding.Add("zstd");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var fetcher = new WebFetcher(handler: handler);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri("https://a.example/"), ct: Ct));

        Assert.Equal("unsupported Content-Encoding 'zstd'", e.Message);
    }

    [Fact]
    public void A_disposed_fetcher_refuses_to_fetch()
    {
        using var handler = new StubHandler();
        var fetcher = new WebFetcher(handler: handler);
        fetcher.Dispose();

        Assert.Throws<ObjectDisposedException>(() => fetcher.Fetch(new Uri("https://a.example/"), ct: Ct));
    }

    [Fact]
    public void Unusable_options_are_refused_up_front()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebFetcher(new FetchOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebFetcher(new FetchOptions { MaxBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebFetcher(new FetchOptions { MaxRedirects = -1 }));
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var options = FetchOptions.Default;

        Assert.Equal(TimeSpan.FromSeconds(20), options.Timeout);
        Assert.Equal(10L * 1024 * 1024, options.MaxBytes);
        Assert.Equal(5, options.MaxRedirects);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PerHostInterval);
        Assert.Equal("Sitrep/0.1 (news analysis; +https://github.com/sitrep)", options.UserAgent);
    }
}
