using Microsoft.Extensions.Time.Testing;
using System.Net;
using System.Net.Sockets;
using Sitrep.Ingest.Web;

namespace Sitrep.Tests.Web;

/// <summary>The fetcher against a real local HTTP server: redirects, limits, encodings, validators, manners.</summary>
public sealed class WebFetcherTests(LocalWebServer server) : IClassFixture<LocalWebServer>
{
    // No pacing unless a test is about pacing, so redirect chains to the one local host run at full speed.
    private static readonly FetchOptions Quick = new() { PerHostInterval = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(10) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_page_comes_back_with_its_body_media_type_and_charset()
    {
        using var fetcher = new WebFetcher(Quick);
        var url = server.Url("/page");

        var result = fetcher.Fetch(url, ct: Ct);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(LocalWebServer.Page, result.Body);
        Assert.Equal("text/html", result.ContentType);
        Assert.Equal("utf-8", result.Charset);
        Assert.Equal(url, result.RequestedUrl);
        Assert.Equal(url, result.FinalUrl);
        Assert.False(result.NotModified);
    }

    [Fact]
    public void A_quoted_charset_is_unquoted_and_the_media_type_lowercased()
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url("/latin1"), ct: Ct);

        Assert.Equal("text/html", result.ContentType);
        Assert.Equal("ISO-8859-1", result.Charset);
    }

    [Fact]
    public void Relative_redirects_are_followed_to_the_final_url()
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url("/r/1"), ct: Ct);

        Assert.Equal(server.Url("/r/1"), result.RequestedUrl);
        Assert.Equal(server.Url("/page"), result.FinalUrl);
        Assert.Equal(LocalWebServer.Page, result.Body);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public void Every_redirect_status_is_followed(int status)
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url($"/status-redirect?code={status}"), ct: Ct);

        Assert.Equal(server.Url("/page"), result.FinalUrl);
        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public void A_redirect_loop_is_refused_naming_the_url()
    {
        using var fetcher = new WebFetcher(Quick);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/loop/a"), ct: Ct));

        Assert.Equal($"redirect loop at {server.Url("/loop/a")}", e.Message);
    }

    [Fact]
    public void A_chain_of_exactly_the_limit_is_followed()
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url("/chain/4"), ct: Ct); // 4 → 0 and 0 → page: five redirects

        Assert.Equal(server.Url("/page"), result.FinalUrl);
    }

    [Fact]
    public void A_chain_longer_than_the_limit_is_refused()
    {
        using var fetcher = new WebFetcher(Quick);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/chain/5"), ct: Ct)); // six redirects

        Assert.Equal("more than 5 redirects", e.Message);
    }

    [Fact]
    public void The_redirect_limit_follows_the_options()
    {
        using var fetcher = new WebFetcher(Quick with { MaxRedirects = 1 });

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/chain/1"), ct: Ct));

        Assert.Equal("more than 1 redirects", e.Message);
    }

    [Fact]
    public void A_redirect_to_a_file_url_is_refused()
    {
        using var fetcher = new WebFetcher(Quick);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/to-file"), ct: Ct));

        Assert.Equal("unsupported scheme 'file'", e.Message);
    }

    [Fact]
    public void Not_found_names_the_status_and_reason()
    {
        using var fetcher = new WebFetcher(Quick);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/no-such-page"), ct: Ct));

        Assert.Equal("HTTP 404 Not Found", e.Message);
    }

    [Fact]
    public void A_slow_response_times_out_after_the_configured_timeout()
    {
        using var fetcher = new WebFetcher(Quick with { Timeout = TimeSpan.FromSeconds(1) });

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/slow"), ct: Ct));

        Assert.Equal("timed out after 1 s", e.Message);
    }

    [Fact]
    public void A_body_that_stalls_after_the_headers_times_out_too()
    {
        using var fetcher = new WebFetcher(Quick with { Timeout = TimeSpan.FromSeconds(1) });

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/slow-body"), ct: Ct));

        Assert.Equal("timed out after 1 s", e.Message);
    }

    [Fact]
    public void A_body_announced_over_the_limit_is_refused_before_reading()
    {
        using var fetcher = new WebFetcher(Quick with { MaxBytes = 64 * 1024 });

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/big?kib=1024"), ct: Ct));

        Assert.Equal("body of 1,048,576 bytes exceeds the 64 KiB limit", e.Message);
    }

    [Fact]
    public void A_chunked_body_over_the_limit_is_cut_off_at_the_cap()
    {
        using var fetcher = new WebFetcher(Quick with { MaxBytes = 64 * 1024 });

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/big?kib=1024&chunked=1"), ct: Ct));

        Assert.Equal("body exceeds the 64 KiB limit", e.Message);
    }

    [Theory]
    [InlineData("/big?kib=64")]
    [InlineData("/big?kib=64&chunked=1")]
    public void A_body_of_exactly_the_limit_is_accepted(string path)
    {
        using var fetcher = new WebFetcher(Quick with { MaxBytes = 64 * 1024 });

        var result = fetcher.Fetch(server.Url(path), ct: Ct);

        Assert.Equal(64 * 1024, result.Body.Length);
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_cap()
    {
        using var fetcher = new WebFetcher(Quick with { MaxBytes = 1024 * 1024 });
        Assert.True(server.BombLength < 1024 * 1024, "the bomb itself fits the limit; only its inflation may not");

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(server.Url("/bomb"), ct: Ct));

        Assert.Equal("decompressed body exceeds the 1 MiB limit (a compression bomb?)", e.Message);
    }

    [Theory]
    [InlineData("/gzip")]
    [InlineData("/deflate")]
    [InlineData("/deflate-raw")]
    [InlineData("/br")]
    public void Compressed_bodies_are_decompressed(string path)
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url(path), ct: Ct);

        Assert.Equal(LocalWebServer.Page, result.Body);
    }

    [Fact]
    public void A_matching_etag_gets_not_modified_with_an_empty_body()
    {
        using var fetcher = new WebFetcher(Quick);
        var url = server.Url("/conditional");

        var first = fetcher.Fetch(url, ct: Ct);
        var second = fetcher.Fetch(url, etag: first.ETag, ct: Ct);

        Assert.Equal(LocalWebServer.ETag, first.ETag);
        Assert.Equal(LocalWebServer.LastModified, first.LastModified);
        Assert.False(first.NotModified);
        Assert.Equal(LocalWebServer.Page, first.Body);
        Assert.True(second.NotModified);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Body);
        Assert.Equal(LocalWebServer.ETag, second.ETag);
    }

    [Fact]
    public void A_matching_last_modified_gets_not_modified()
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url("/conditional"), lastModified: LocalWebServer.LastModified, ct: Ct);

        Assert.True(result.NotModified);
        Assert.Empty(result.Body);
    }

    [Fact]
    public void A_stale_etag_gets_the_full_body()
    {
        using var fetcher = new WebFetcher(Quick);

        var result = fetcher.Fetch(server.Url("/conditional"), etag: "\"v0\"", ct: Ct);

        Assert.False(result.NotModified);
        Assert.Equal(LocalWebServer.Page, result.Body);
    }

    [Fact]
    public void The_user_agent_and_accepted_encodings_are_sent()
    {
        using var fetcher = new WebFetcher(Quick);
        var token = Guid.NewGuid().ToString("N");

        fetcher.Fetch(server.Url($"/echo?token={token}"), ct: Ct);

        var (userAgent, acceptEncoding) = server.Headers[token];
        Assert.Equal("Sitrep/0.1 (news analysis; +https://github.com/sitrep)", userAgent);
        Assert.Equal(["gzip", "deflate", "br"], acceptEncoding.Split(',', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task A_second_request_to_the_same_host_waits_for_the_interval()
    {
        // The interval is kept on a fake clock, so the test does not depend on how loaded the machine is:
        // the second request must not reach the server until the clock has moved on by the whole interval.
        var clock = new FakeTimeProvider();
        using var fetcher = new WebFetcher(Quick with { PerHostInterval = TimeSpan.FromSeconds(5) }, null, clock);
        var token = Guid.NewGuid().ToString("N");
        var url = server.Url($"/stamp?token={token}");

        fetcher.Fetch(url, ct: Ct);
        var second = Task.Run(() => fetcher.Fetch(url, ct: Ct), Ct);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        await Task.Delay(300, Ct);
        Assert.False(second.IsCompleted);
        Assert.Single(server.Stamps[token]);

        // Once the interval is over the request goes. The clock keeps moving in small steps: a loaded machine
        // may read the time before a step and set its timer after it, which one step alone would leave unfired.
        for (int step = 0; step < 600 && !second.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(0.1));
            await Task.WhenAny(second, Task.Delay(100, Ct));
        }
        await second.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        Assert.Equal(2, server.Stamps[token].Count);
    }

    [Fact]
    public void A_closed_port_cannot_be_connected_to()
    {
        // A port that was free a moment ago: nothing listens on it, so the connection is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var fetcher = new WebFetcher(Quick);

        var e = Assert.Throws<FetchException>(() => fetcher.Fetch(new Uri($"http://127.0.0.1:{port}/"), ct: Ct));

        Assert.StartsWith("cannot connect: ", e.Message, StringComparison.Ordinal);
    }
}
