using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Sitrep.Ingest.Web;

/// <summary>
/// Fetches news pages and feeds politely (a User-Agent that names us, a minimum interval per host) and safely
/// (http/https only, bounded redirects, time and size). Redirects and decompression are done here rather than
/// by the handler, because the handler would apply neither the loop check nor the size cap. Thread-safe.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private const string Accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8";
    private const int ChunkSize = 81920;

    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly HostPacer _pacer;
    private int _disposed;

    /// <param name="options">Limits; <see cref="FetchOptions.Default"/> when null.</param>
    /// <param name="handler">
    /// For tests or a proxy. It stays the caller's (not disposed here) and must neither follow redirects nor
    /// decompress, or the checks here are bypassed.
    /// </param>
    public WebFetcher(FetchOptions? options = null, HttpMessageHandler? handler = null)
        : this(options, handler, TimeProvider.System)
    {
    }

    /// <param name="time">The clock the per-host interval is kept on (tests pass a fake one).</param>
    internal WebFetcher(FetchOptions? options, HttpMessageHandler? handler, TimeProvider time)
    {
        _options = options ?? FetchOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero);
        // CancelAfter takes at most int.MaxValue milliseconds.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.Timeout, TimeSpan.FromMilliseconds(int.MaxValue));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxBytes);
        // The body is collected in one array.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxBytes, Array.MaxLength);
        ArgumentOutOfRangeException.ThrowIfNegative(_options.MaxRedirects);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PerHostInterval, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.UserAgent);

        _client = handler is null
            ? new HttpClient(CreateHandler(), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        // Our own deadline covers all hops and the body; HttpClient's would cover one hop's headers only.
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", Accept);
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        _pacer = new HostPacer(_options.PerHostInterval, time);
    }

    public FetchOptions Options => _options;

    /// <summary>
    /// Fetches <paramref name="url"/>, following redirects. With <paramref name="etag"/> or
    /// <paramref name="lastModified"/> (from an earlier result) the request is conditional and an unchanged
    /// resource comes back as <see cref="FetchResult.NotModified"/>.
    /// </summary>
    /// <exception cref="FetchException">The URL cannot be fetched; the message says why.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public FetchResult Fetch(Uri url, string? etag = null, string? lastModified = null, CancellationToken ct = default) =>
        // Every await below uses ConfigureAwait(false), so blocking here cannot deadlock on a synchronization context.
        FetchAsync(url, etag, lastModified, ct).GetAwaiter().GetResult();

    /// <inheritdoc cref="Fetch"/>
    public async Task<FetchResult> FetchAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        CheckFetchable(url);

        var visited = new HashSet<string>(StringComparer.Ordinal) { RequestKey(url) };
        var current = url;
        // Network time left; the politeness waits are not charged to it, since they are our own choice and a
        // queue of fetches to one host would otherwise time out before sending anything.
        var budget = _options.Timeout;
        for (int redirects = 0; ; redirects++)
        {
            await _pacer.WaitTurnAsync(current.IdnHost, ct).ConfigureAwait(false);
            if (budget <= TimeSpan.Zero)
                throw TimedOut(null);
            long started = Stopwatch.GetTimestamp();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(budget);
            try
            {
                using var request = CreateRequest(current, etag, lastModified);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (IsRedirect(status))
                {
                    var next = RedirectTarget(current, response);
                    if (!visited.Add(RequestKey(next)))
                        throw new FetchException($"redirect loop at {next.AbsoluteUri}");
                    if (redirects >= _options.MaxRedirects)
                        throw new FetchException($"more than {_options.MaxRedirects} redirects");
                    current = next;
                    budget -= Stopwatch.GetElapsedTime(started);
                    continue;
                }
                var (mediaType, charset) = ParseContentType(Header(response.Content.Headers, "Content-Type"));
                string? responseEtag = Header(response.Headers, "ETag");
                string? responseLastModified = Header(response.Content.Headers, "Last-Modified");
                if (status == (int)HttpStatusCode.NotModified)
                {
                    // A 304 need not repeat the validators; the caller's still hold, so hand them back for storing.
                    return new FetchResult(url, current, status, [], mediaType, charset,
                        responseEtag ?? etag, responseLastModified ?? lastModified, NotModified: true);
                }
                if (!response.IsSuccessStatusCode)
                    throw new FetchException($"HTTP {status} {response.ReasonPhrase}".TrimEnd());
                var raw = await ReadBodyAsync(response, deadline.Token).ConfigureAwait(false);
                var body = Decode(raw, response.Content.Headers.ContentEncoding);
                return new FetchResult(url, current, status, body, mediaType, charset, responseEtag, responseLastModified, NotModified: false);
            }
            catch (Exception e) when (e is not FetchException && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // Whatever the cancelled read surfaced as (cancellation or an aborted stream), the cause is our deadline.
                throw TimedOut(e);
            }
            catch (HttpRequestException e)
            {
                throw e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                    ? new FetchException($"cannot connect: {e.Message}", e)
                    : new FetchException($"network error: {e.Message}", e);
            }
            catch (IOException e)
            {
                throw new FetchException($"connection lost while reading the body: {e.Message}", e);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _client.Dispose();
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        // Decompressed here, with the size cap; the handler would inflate a bomb without limit.
        AutomaticDecompression = DecompressionMethods.None,
        // No state carried from one fetch to the next (and no tracking cookies collected).
        UseCookies = false,
        // A long-lived client should still notice DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static void CheckFetchable(Uri url)
    {
        if (!url.IsAbsoluteUri)
            throw new FetchException($"not an absolute URL: '{url.OriginalString}'");
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw new FetchException($"unsupported scheme '{url.Scheme}'");
        if (url.IdnHost.Length == 0)
            throw new FetchException($"no host in '{url.OriginalString}'");
    }

    // Scheme, host, port, path and query: the fragment never reaches the server, so it cannot break a loop.
    private static string RequestKey(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static Uri RedirectTarget(Uri current, HttpResponseMessage response)
    {
        var location = response.Headers.Location
            ?? throw new FetchException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} without a usable Location header");
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        // A redirect may point anywhere (file:, ftp:, javascript:); it gets the same check as the caller's URL.
        CheckFetchable(next);
        return next;
    }

    private static HttpRequestMessage CreateRequest(Uri url, string? etag, string? lastModified)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        // Sent verbatim: validators are opaque and some servers emit ones the strict parser rejects.
        if (!string.IsNullOrWhiteSpace(etag))
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        if (!string.IsNullOrWhiteSpace(lastModified))
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        return request;
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        long max = _options.MaxBytes;
        long? announced = response.Content.Headers.ContentLength;
        if (announced > max)
            throw new FetchException(string.Create(CultureInfo.InvariantCulture, $"body of {announced:N0} bytes exceeds the {FormatSize(max)} limit"));
        // Content-Length may lie or be absent (chunked), so the cap is also applied while reading.
        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream((int)Math.Min(announced ?? ChunkSize, max));
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > max)
                    throw new FetchException($"body exceeds the {FormatSize(max)} limit");
                body.Write(chunk, 0, read);
            }
            return body.ToArray();
        }
    }

    private byte[] Decode(byte[] raw, ICollection<string> encodings)
    {
        if (raw.Length == 0 || encodings.Count == 0)
            return raw;
        // Codings are listed in the order they were applied, so they come off in reverse.
        var body = raw;
        foreach (var coding in encodings.Reverse())
            body = Decompress(body, coding.Trim().ToUpperInvariant());
        return body;
    }

    private byte[] Decompress(byte[] data, string coding)
    {
        if (coding is "IDENTITY" or "")
            return data;
        var input = new MemoryStream(data, writable: false);
        using Stream decoder = coding switch
        {
            "GZIP" or "X-GZIP" => new GZipStream(input, CompressionMode.Decompress),
            // "deflate" should be zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart.
            "DEFLATE" => IsZlibHeader(data) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
            "BR" => new BrotliStream(input, CompressionMode.Decompress),
            _ => throw new FetchException($"unsupported Content-Encoding '{coding.ToLowerInvariant()}'"),
        };
        long max = _options.MaxBytes;
        using var output = new MemoryStream();
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = decoder.Read(chunk)) > 0)
            {
                if (output.Length + read > max)
                    throw new FetchException($"decompressed body exceeds the {FormatSize(max)} limit (a compression bomb?)");
                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new FetchException($"corrupt {coding.ToLowerInvariant()} body: {e.Message}", e);
        }
        return output.ToArray();
    }

    private static bool IsZlibHeader(byte[] data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;

    private static string? Header(HttpHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values))
            return null;
        var value = values.FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    // Parsed by hand because the typed ContentType is null for the slightly malformed values real sites send.
    private static (string? MediaType, string? Charset) ParseContentType(string? contentType)
    {
        if (contentType is null)
            return (null, null);
        var parts = contentType.Split(';', StringSplitOptions.TrimEntries);
        string? mediaType = parts[0].Length > 0 ? parts[0].ToLowerInvariant() : null;
        string? charset = null;
        foreach (var parameter in parts.Skip(1))
        {
            int eq = parameter.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && parameter[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = parameter[(eq + 1)..].Trim().Trim('"', '\'').Trim();
                charset = value.Length > 0 ? value : null;
                break;
            }
        }
        return (mediaType, charset);
    }

    private FetchException TimedOut(Exception? inner)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.Timeout.TotalSeconds:0.###} s");
        return inner is null ? new FetchException(message) : new FetchException(message, inner);
    }

    private static string FormatSize(long bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB"),
        _ when bytes % 1024 == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
