using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>
/// An invented news site on 127.0.0.1: article pages, a feed, and every way a site can fail
/// (redirect loops, slowness, 404, oversized and bomb bodies, an XXE feed, pathological nesting).
/// </summary>
public sealed class NewsSiteServer : IAsyncLifetime
{
    public const string FeedETag = "\"feed-1\"";

    private LoopbackServer? _server;
    private byte[] _bomb = [];

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The If-None-Match headers the feed endpoint received, in order.</summary>
    public ConcurrentQueue<string> FeedConditions { get; } = new();

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static string Article(string title, string lede) => $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{title}} | Harbor Ledger</title>
        <meta property="og:site_name" content="Harbor Ledger"><meta name="author" content="Mirela Tasch">
        <meta property="article:published_time" content="2025-03-14"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>{{title}}</h1>
        <p>{{lede}}</p>
        <p>Officials in Aldmere said the decision followed a week of talks with the Korvethi interior ministry, and that inspectors from both countries would work side by side at the posts.</p>
        <p>Traders in Hollin Ford, who have lost most of their business since the raid, welcomed the news but said they would wait to see whether the crossings stayed open.</p>
        </article><footer>© 2025 Harbor Ledger</footer></body></html>
        """;

    public async ValueTask InitializeAsync()
    {
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                var zeros = new byte[1 << 20];
                for (int i = 0; i < 100; i++)
                    gzip.Write(zeros);
            }
            _bomb = buffer.ToArray();
        }
        _server = await LoopbackServer.StartAsync(HandleAsync);
        BaseUrl = _server.BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        var path = context.Request.Path.Value ?? "/";
        switch (path)
        {
            case "/news/crossings":
                await Html(response, Article("Valdoria reopens two Serin crossings", "ALDMERE — Valdoria reopened two of its seven road crossings with Korveth on Monday, ten days after a militia raid on a border post."));
                break;
            case "/news/second":
                await Html(response, Article("Ferries resume between Lenz and Bellamar", "LENZ — Ferries between Lenz and Bellamar resumed on Tuesday after a week in which storms and the border closure kept most boats in port."));
                break;
            case "/news/moved":
                response.StatusCode = 301;
                response.Headers.Location = "/news/crossings?utm_source=feed&utm_medium=rss";
                break;
            case "/loop/a":
                response.StatusCode = 302;
                response.Headers.Location = "/loop/b";
                break;
            case "/loop/b":
                response.StatusCode = 302;
                response.Headers.Location = "/loop/a";
                break;
            case "/slow":
                try
                {
                    // Far longer than any timeout a test gives, so that a loaded machine cannot blur the two.
                    await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                await Html(response, Article("Too late", "This page arrives after the client has given up."));
                break;
            case "/huge":
                response.ContentType = "text/html";
                var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>padding padding padding padding</p>\n", 1000)));
                for (int i = 0; i < 400 && !context.RequestAborted.IsCancellationRequested; i++)
                    await response.Body.WriteAsync(chunk, context.RequestAborted);
                break;
            case "/bomb":
                response.ContentType = "text/html";
                response.Headers.ContentEncoding = "gzip";
                await response.Body.WriteAsync(_bomb, context.RequestAborted);
                break;
            case "/deep":
                await Html(response, "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>");
                break;
            case "/feed.xml":
                var condition = context.Request.Headers.IfNoneMatch.ToString();
                FeedConditions.Enqueue(condition);
                if (condition == FeedETag)
                {
                    response.StatusCode = 304;
                    return;
                }
                response.Headers.ETag = FeedETag;
                response.ContentType = "application/rss+xml; charset=utf-8";
                await response.WriteAsync(Feed(Url("/news/second")));
                break;
            case "/xxe.xml":
                response.ContentType = "application/rss+xml";
                await response.WriteAsync("""
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                    <rss version="2.0"><channel><title>Leak</title>
                    <item><title>&xxe;</title><link>http://127.0.0.1/leak</link><description>&xxe;</description></item>
                    </channel></rss>
                    """);
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }

    private static async Task Html(HttpResponse response, string html)
    {
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html);
    }

    private static string Feed(string secondLink)
    {
        var full = string.Concat(Enumerable.Repeat("<p>The Lisorian foreign ministry said delegations from Valdoria and Korveth had arrived in Bellamar for talks on the Serin border, the first direct contact since the raid on the bridge.</p>", 5));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Harbor Ledger</title><link>http://127.0.0.1/</link>
            <item><title>Talks open in Bellamar</title><link>http://127.0.0.1/news/talks</link><dc:creator>Anika Brandt</dc:creator>
              <pubDate>Thu, 20 Mar 2025 09:00:00 GMT</pubDate><content:encoded><![CDATA[{full}]]></content:encoded></item>
            <item><title>Ferries resume between Lenz and Bellamar</title><link>{secondLink}</link><description>Ferries are running again.</description></item>
            <item><title>An item with nothing in it</title></item>
            </channel></rss>
            """;
    }
}
