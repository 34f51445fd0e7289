using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Web;

/// <summary>
/// A Kestrel server on 127.0.0.1 with a free port, started once for the fetcher tests: real sockets, real
/// redirects and encodings, and no traffic leaving the machine.
/// </summary>
public sealed class LocalWebServer : IAsyncLifetime
{
    public const string PageHtml = "<!doctype html><html><head><title>Story</title></head><body><p>News.</p></body></html>";
    public const string ETag = "\"v1\"";
    public const string LastModified = "Tue, 01 Jul 2025 10:00:00 GMT";

    private static readonly byte[] PageBytes = Encoding.UTF8.GetBytes(PageHtml);

    private LoopbackServer? _server;
    private byte[] _bomb = [];
    private Uri? _baseUrl;

    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("server not started");

    public static byte[] Page => PageBytes;

    /// <summary>Size of the gzip bomb as sent; it inflates to 100 MiB of zeros.</summary>
    public int BombLength => _bomb.Length;

    /// <summary>Request headers seen by /echo, by the test's token.</summary>
    public ConcurrentDictionary<string, (string UserAgent, string AcceptEncoding)> Headers { get; } = new();

    /// <summary>Server-side arrival times (Stopwatch timestamps) of /stamp requests, by the test's token.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<long>> Stamps { get; } = new();

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public async ValueTask InitializeAsync()
    {
        _bomb = GzipOfZeros(100 * 1024 * 1024);
        _server = await LoopbackServer.StartAsync(HandleAsync);
        _baseUrl = _server.BaseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var aborted = context.RequestAborted;
        string path = request.Path.Value ?? "/";
        try
        {
            switch (path)
            {
                case "/page":
                    await WriteAsync(response, "text/html; charset=utf-8", PageBytes, aborted);
                    break;
                case "/latin1":
                    await WriteAsync(response, "Text/HTML;charset=\"ISO-8859-1\"", Encoding.Latin1.GetBytes("<p>caf\u00e9</p>"), aborted);
                    break;
                case "/r/1":
                    Redirect(response, 302, "2"); // relative to /r/1, so /r/2
                    break;
                case "/r/2":
                    Redirect(response, 302, "/page");
                    break;
                case "/status-redirect":
                    Redirect(response, int.Parse(request.Query["code"].ToString(), CultureInfo.InvariantCulture), "/page");
                    break;
                case "/loop/a":
                    Redirect(response, 302, "b");
                    break;
                case "/loop/b":
                    Redirect(response, 302, "a");
                    break;
                case "/to-file":
                    Redirect(response, 302, "file:///etc/passwd");
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), aborted);
                    await WriteAsync(response, "text/html", PageBytes, aborted);
                    break;
                case "/slow-body":
                    // Headers and a first chunk promptly, then a stall: the timeout must cover the body too.
                    response.ContentType = "text/html";
                    await response.Body.WriteAsync(PageBytes.AsMemory(0, 10), aborted);
                    await response.Body.FlushAsync(aborted);
                    await Task.Delay(TimeSpan.FromSeconds(5), aborted);
                    break;
                case "/big":
                    await WriteBigAsync(context);
                    break;
                case "/bomb":
                    response.Headers.ContentEncoding = "gzip";
                    await WriteAsync(response, "text/html", _bomb, aborted);
                    break;
                case "/gzip":
                case "/deflate":
                case "/deflate-raw":
                case "/br":
                    response.Headers.ContentEncoding = path == "/deflate-raw" ? "deflate" : path[1..];
                    await WriteAsync(response, "text/html; charset=utf-8", Compress(path[1..], PageBytes), aborted);
                    break;
                case "/conditional":
                    await ConditionalAsync(context);
                    break;
                case "/echo":
                    Headers[request.Query["token"].ToString()] = (request.Headers.UserAgent.ToString(), request.Headers.AcceptEncoding.ToString());
                    await WriteAsync(response, "text/plain", PageBytes, aborted);
                    break;
                case "/stamp":
                    Stamps.GetOrAdd(request.Query["token"].ToString(), _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
                    await WriteAsync(response, "text/plain", PageBytes, aborted);
                    break;
                default:
                    if (path.StartsWith("/chain/", StringComparison.Ordinal) && int.TryParse(path["/chain/".Length..], CultureInfo.InvariantCulture, out int left))
                        Redirect(response, 302, left > 0 ? $"/chain/{left - 1}" : "/page");
                    else
                        response.StatusCode = StatusCodes.Status404NotFound;
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && aborted.IsCancellationRequested)
        {
            // The client gave up (timeout or size cap): nothing left to send.
        }
    }

    private static void Redirect(HttpResponse response, int status, string location)
    {
        response.StatusCode = status;
        response.Headers.Location = location;
    }

    private static async Task WriteAsync(HttpResponse response, string contentType, byte[] body, CancellationToken ct)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    /// <summary>/big?kib=N[&amp;chunked=1]: N KiB of text, announced by Content-Length or (chunked) not.</summary>
    private static async Task WriteBigAsync(HttpContext context)
    {
        int kib = int.Parse(context.Request.Query["kib"].ToString(), CultureInfo.InvariantCulture);
        bool chunked = context.Request.Query["chunked"] == "1";
        var response = context.Response;
        response.ContentType = "text/plain";
        if (!chunked)
            response.ContentLength = kib * 1024L;
        var block = Enumerable.Repeat((byte)'x', 1024).ToArray();
        for (int i = 0; i < kib; i++)
        {
            await response.Body.WriteAsync(block, context.RequestAborted);
            if (chunked && i % 16 == 15)
                await response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static async Task ConditionalAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.ETag = ETag;
        response.Headers.LastModified = LastModified;
        bool unchanged = request.Headers.IfNoneMatch.Count > 0
            ? request.Headers.IfNoneMatch.ToString() == ETag
            : request.Headers.IfModifiedSince.ToString() == LastModified;
        if (unchanged)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        await WriteAsync(response, "text/html; charset=utf-8", PageBytes, context.RequestAborted);
    }

    private static byte[] Compress(string coding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream encoder = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate-raw" => new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, null),
        })
        {
            encoder.Write(data);
        }
        return output.ToArray();
    }

    private static byte[] GzipOfZeros(int size)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (int written = 0; written < size; written += zeros.Length)
                gzip.Write(zeros);
        }
        return output.ToArray();
    }
}
