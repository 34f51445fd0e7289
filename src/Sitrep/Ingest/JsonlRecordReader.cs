using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// Reads JSONL article dumps (optionally gzipped), one article per line, under the field names
/// real data sets use. A record carrying its text or HTML is analysed as it is, never fetched.
/// </summary>
public static class JsonlRecordReader
{
    private static readonly string[] TextFields = ["text", "content", "content_original", "body", "article", "maintext"];
    private static readonly string[] HtmlFields = ["html", "raw_html", "content_html"];
    private static readonly string[] UrlFields = ["url", "link", "canonical_url"];
    private static readonly string[] TitleFields = ["title", "headline"];
    private static readonly string[] OutletFields = ["outlet", "source", "site", "publisher", "source_name", "site_name"];
    private static readonly string[] PublishedFields = ["published", "date", "published_at", "datePublished", "date_published", "publish_date", "pubDate"];
    private static readonly string[] BylineFields = ["byline", "author", "authors"];
    private static readonly string[] RecordIdFields = ["id", "ID", "_id", "article_id", "uuid", "doc_id"];

    public static IEnumerable<InputItem> Read(string path, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        GzipTrailerCheck? check = null;
        try
        {
            stream = File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                check = GzipTrailerCheck.Read((FileStream)stream);
                stream = check.Wrap(new GZipStream(stream, CompressionMode.Decompress));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(displayPath, $"cannot open: {e.Message}")];
        }
        return ReadLines(stream, displayPath, check);
    }

    private static IEnumerable<InputItem> ReadLines(Stream stream, string displayPath, GzipTrailerCheck? check)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int lineNumber = 0;
        // One line is held back: when the file turns out to be cut, its last line is a fragment,
        // reported with the truncation rather than as a line that is not JSON.
        string? pending = null;
        while (true)
        {
            string? line;
            string? readError = null;
            try
            {
                line = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                line = null;
                readError = e.Message;
            }
            if (readError is not null)
            {
                yield return InputItem.Failed($"{displayPath}:{lineNumber}", $"cannot read further: {readError}; the records from line {lineNumber} on are lost");
                yield break;
            }
            if (line is null)
            {
                // GZipStream ends a truncated file quietly; the trailer's length tells.
                if (check is not null && !check.Complete)
                {
                    if (pending is not null && check.EndsWithNewline)
                    {
                        // Only the trailer is missing: the last line arrived whole.
                        yield return ParseRecord(pending, $"{displayPath}:{lineNumber}");
                        yield return InputItem.Failed($"{displayPath}:{lineNumber + 1}", $"truncated or corrupt gzip file: it ends after {check.DecompressedBytes:N0} bytes without its trailer; anything after line {lineNumber} is lost");
                        yield break;
                    }
                    yield return InputItem.Failed($"{displayPath}:{lineNumber}", $"truncated or corrupt gzip file: it ends after {check.DecompressedBytes:N0} bytes, in line {lineNumber}; the records from there on are lost");
                    yield break;
                }
                if (pending is not null)
                    yield return ParseRecord(pending, $"{displayPath}:{lineNumber}");
                yield break;
            }
            if (pending is not null)
                yield return ParseRecord(pending, $"{displayPath}:{lineNumber}");
            lineNumber++;
            pending = string.IsNullOrWhiteSpace(line) ? null : line;
        }
    }

    /// <summary>One JSONL line as an article, or the reason it is not one.</summary>
    public static InputItem ParseRecord(string line, string location)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return InputItem.Failed(location, $"not JSON: {e.Message}");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return InputItem.Failed(location, "not a JSON object");
            var root = json.RootElement;
            var text = First(root, TextFields);
            var html = First(root, HtmlFields);
            var url = First(root, UrlFields);
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
                return InputItem.Failed(location, $"no text or html field (looked for {string.Join(", ", TextFields.Concat(HtmlFields))})");
            if ((text?.Length ?? 0) > InputResolver.MaxFileBytes || (html?.Length ?? 0) > InputResolver.MaxFileBytes)
                return InputItem.Failed(location, $"record too large for an article (the limit is {InputResolver.MaxFileBytes / (1024 * 1024)} MB)");
            var stated = new StatedMetadata
            {
                Title = First(root, TitleFields),
                Outlet = First(root, OutletFields),
                Published = First(root, PublishedFields),
                Byline = First(root, BylineFields),
                Url = url,
            };
            bool isText = !string.IsNullOrWhiteSpace(text);
            var raw = isText ? text! : html!;
            // A data set's own record id tells apart records that share a URL (a story and its
            // republication, an updated version); without one, the URL is the identity.
            var recordId = First(root, RecordIdFields);
            var source = string.IsNullOrWhiteSpace(url) ? location : url!;
            if (recordId is not null)
                source = (string.IsNullOrWhiteSpace(url) ? FileOf(location) : url!) + "#" + recordId;
            var id = "j" + Hashing.Hex(string.IsNullOrWhiteSpace(url) && recordId is null ? raw : source, 16);
            return InputItem.Of(new ArticleInput(source, id, isText ? InputFormat.PlainText : InputFormat.Html, raw, stated, []));
        }
    }

    private static string FileOf(string location)
    {
        int colon = location.LastIndexOf(':');
        return colon > 0 ? location[..colon] : location;
    }

    /// <summary>The first field present, as text: strings as they are, lists joined, objects by their name.</summary>
    private static string? First(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value) && AsText(value) is { } text && !string.IsNullOrWhiteSpace(text))
                return text;
        }
        return null;
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(AsText).Where(s => !string.IsNullOrWhiteSpace(s))),
        JsonValueKind.Object => value.TryGetProperty("name", out var n) ? AsText(n) : null,
        _ => null,
    };
}
