using System.IO.Compression;
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

    /// <summary>
    /// The longest line read: an article's text is at most <see cref="InputResolver.MaxFileBytes"/>, and
    /// JSON escapes can triple it. A longer line is skipped without being held in memory.
    /// </summary>
    public const int MaxLineBytes = 3 * (int)InputResolver.MaxFileBytes;

    /// <summary>A .jsonl.gz that decompresses to more than this many times its size is a bomb, not a dump (news text compresses 4-10 times).</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Below this much output the ratio is not checked: a tiny file may compress well.</summary>
    private const long RatioCheckedFrom = 64L * 1024 * 1024;

    /// <param name="path">The file.</param>
    /// <param name="displayPath">How failures name it.</param>
    /// <param name="position">Told, after each line, how many bytes of the file (compressed, for .gz) have been read.</param>
    public static IEnumerable<InputItem> Read(string path, string displayPath, Action<long>? position = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream file;
        Stream stream;
        GzipTrailerCheck? check = null;
        try
        {
            file = File.OpenRead(path);
            stream = file;
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                if (GzipTrailerCheck.NotGzip(file) is { } notGzip)
                {
                    file.Dispose();
                    return [InputItem.Failed(displayPath, notGzip)];
                }
                check = GzipTrailerCheck.Read(file);
                stream = check.Wrap(new GZipStream(file, CompressionMode.Decompress));
            }
            stream = Utf16Lines.AsUtf8(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return [InputItem.Failed(displayPath, e is InvalidDataException ? $"corrupt gzip data: {e.Message}" : $"cannot open: {e.Message}")];
        }
        return ReadLines(stream, file, displayPath, check, position);
    }

    private static IEnumerable<InputItem> ReadLines(Stream stream, FileStream file, string displayPath, GzipTrailerCheck? check, Action<long>? position)
    {
        using var owned = stream;
        Func<long, string?>? guard = check is null ? null : decompressed =>
            decompressed > RatioCheckedFrom && decompressed > MaxCompressionRatio * Math.Max(1, file.Position)
                ? $"decompresses to more than {MaxCompressionRatio} times its size ({decompressed / (1024 * 1024):N0} MB from {file.Position / 1024.0:N0} KB); stopped (a gzip bomb?)"
                : null;
        var reader = new CappedLineReader(stream, MaxLineBytes, guard);
        int lineNumber = 0;
        // One line is held back: when the file turns out to be cut, its last line is a fragment,
        // reported with the truncation rather than as a line that is not JSON.
        LineRead? pending = null;
        while (true)
        {
            LineRead read;
            string? readError = null;
            try
            {
                read = reader.Next();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                read = default;
                readError = e.Message;
            }
            if (readError is not null)
            {
                yield return InputItem.Failed($"{displayPath}:{Math.Max(1, lineNumber)}", $"cannot read further: {readError}; the records from line {Math.Max(1, lineNumber)} on are lost");
                yield break;
            }
            position?.Invoke(file.Position);
            if (read.Kind == LineKind.End)
            {
                if (read.StopReason is not null)
                {
                    if (pending is { } last)
                        yield return ParseRecord(last.Line!, $"{displayPath}:{lineNumber}");
                    yield return InputItem.Failed($"{displayPath}:{lineNumber + 1}", read.StopReason);
                    yield break;
                }
                // GZipStream ends a truncated file quietly; the trailer's length tells.
                if (check is not null && !check.Complete)
                {
                    if (pending is { EndedWithNewline: true } whole)
                    {
                        // Only the trailer is missing: the last line arrived whole.
                        yield return ParseRecord(whole.Line!, $"{displayPath}:{lineNumber}");
                        yield return InputItem.Failed($"{displayPath}:{lineNumber + 1}", $"truncated or corrupt gzip file: it ends after {check.DecompressedBytes:N0} bytes without its trailer; anything after line {lineNumber} is lost");
                        yield break;
                    }
                    yield return InputItem.Failed($"{displayPath}:{lineNumber}", $"truncated or corrupt gzip file: it ends after {check.DecompressedBytes:N0} bytes, in line {lineNumber}; the records from there on are lost");
                    yield break;
                }
                if (pending is { } final)
                    yield return ParseRecord(final.Line!, $"{displayPath}:{lineNumber}");
                yield break;
            }
            if (pending is { } previous)
                yield return ParseRecord(previous.Line!, $"{displayPath}:{lineNumber}");
            pending = null;
            lineNumber++;
            switch (read.Kind)
            {
                case LineKind.Binary:
                    yield return InputItem.Failed($"{displayPath}:{lineNumber}", "binary data (NUL bytes), not JSON lines; the rest of the file is not read");
                    yield break;
                case LineKind.SkippedBinary:
                    yield return InputItem.Failed($"{displayPath}:{lineNumber}", "binary data (NUL bytes) in the line, not JSON; skipped");
                    break;
                case LineKind.TooLong:
                    yield return InputItem.Failed($"{displayPath}:{lineNumber}", $"line too long for an article ({read.Length / (1024.0 * 1024):N0} MB; the limit is {MaxLineBytes / (1024 * 1024)} MB); skipped");
                    break;
                default:
                    if (!string.IsNullOrWhiteSpace(read.Line))
                        pending = read;
                    break;
            }
        }
    }

    /// <summary>One JSONL line as an article, or the reason it is not one.</summary>
    public static InputItem ParseRecord(string line, string location)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return ParseObject(line, location, []);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a string with an escaped half of a surrogate pair ("\ud800"),
            // which dumps of scraped text carry: the half becomes U+FFFD, noted, and the record is read.
            var repaired = LoneSurrogateEscapes.Replace(line, out int count);
            if (count == 0)
                return InputItem.Failed(location, "text the JSON reader cannot decode");
            try
            {
                return ParseObject(repaired, location, [$"{count:N0} unpaired UTF-16 surrogate escape{(count == 1 ? "" : "s")} (\\uD800-\\uDFFF) replaced by U+FFFD"]);
            }
            catch (InvalidOperationException)
            {
                return InputItem.Failed(location, "text the JSON reader cannot decode");
            }
        }
    }

    private static InputItem ParseObject(string line, string location, IReadOnlyList<string> notes)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return InputItem.Failed(location, $"not JSON: {JsonError(e)}");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return InputItem.Failed(location, "not a JSON object");
            var root = json.RootElement;
            // The body must be a string: {"text": 42} is no article "42".
            var text = FirstString(root, TextFields);
            var html = FirstString(root, HtmlFields);
            var url = First(root, UrlFields);
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
                return InputItem.Failed(location, NotAString(root, TextFields) ?? NotAString(root, HtmlFields) ?? $"no text or html field (looked for {string.Join(", ", TextFields.Concat(HtmlFields))})");
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
            return InputItem.Of(new ArticleInput(source, id, isText ? InputFormat.PlainText : InputFormat.Html, raw, stated, notes));
        }
    }

    /// <summary>
    /// The first of <paramref name="names"/> present with a value that is not text, said as a reason
    /// (<c>{"text": 42}</c> is no article "42"); null when none is.
    /// </summary>
    private static string? NotAString(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.String)
                continue;
            var kind = value.ValueKind switch
            {
                JsonValueKind.Number => "a number",
                JsonValueKind.True or JsonValueKind.False => "true or false",
                JsonValueKind.Array => "a list",
                _ => "an object",
            };
            return $"field \"{name}\" is {kind}, not text";
        }
        return null;
    }

    /// <summary>System.Text.Json's message without its position suffix (its line number is always 0 here), with the column in the line instead.</summary>
    private static string JsonError(JsonException e)
    {
        var message = e.Message;
        int at = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (at < 0)
            at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0)
            message = message[..at];
        message = message.TrimEnd();
        if (e.BytePositionInLine is { } column)
            message += $" (at byte {column + 1} of the line)";
        return message;
    }

    private static string FileOf(string location)
    {
        int colon = location.LastIndexOf(':');
        return colon > 0 ? location[..colon] : location;
    }

    /// <summary>The first field present whose value is a string that is not blank.</summary>
    private static string? FirstString(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
                return text;
        }
        return null;
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
