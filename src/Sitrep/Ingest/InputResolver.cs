using System.Text;
using Sitrep.Documents;
using Sitrep.Ingest.Feeds;
using Sitrep.Ingest.Web;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// Expands the inputs named on a command line (files and folders, recursively) into articles,
/// lazily, in a stable order, with the ids the contract asks for.
/// </summary>
public sealed class InputResolver : IDisposable
{
    /// <summary>Larger files are refused: no article is this long, and reading one would only cost memory.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    private static readonly string[] TextExtensions = [".txt", ".text"];
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"];
    private static readonly string[] JsonlExtensions = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"];
    private static readonly string[] FeedExtensions = [".rss", ".atom", ".xml", ".rss.gz", ".atom.gz", ".xml.gz"];

    /// <summary>A feed item whose content carries less text than this is only a summary: its page is fetched.</summary>
    private const int FullContentChars = 600;

    private readonly List<Uri> _urls = [];
    private readonly Func<WebFetcher> _fetcher;
    private readonly IFeedStateStore? _feedStates;
    private WebFetcher? _ownFetcher;

    private readonly List<(string Path, string Display, string Relative, string Stem)> _files = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<InputFailure> _missing = [];
    private long _doneBytes;
    private long _currentBytes;

    public InputResolver(IEnumerable<string> inputs)
        : this(inputs, null, null)
    {
    }

    /// <param name="inputs">Files, folders and http(s) URLs of pages or feeds.</param>
    /// <param name="fetcher">Fetches URLs; one with the default limits is made on first use when null.</param>
    /// <param name="feedStates">Remembers feed validators so re-polling is conditional; none when null.</param>
    public InputResolver(IEnumerable<string> inputs, WebFetcher? fetcher, IFeedStateStore? feedStates)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        _fetcher = fetcher is not null ? () => fetcher : () => _ownFetcher ??= new WebFetcher();
        _feedStates = feedStates;
        foreach (var input in inputs)
            Add(input);
        AssignIds();
        foreach (var (path, _, _, _) in _files)
        {
            try
            {
                TotalBytes += new FileInfo(path).Length;
            }
            catch (IOException)
            {
                // Reported when it is read.
            }
        }
    }

    /// <summary>
    /// A file's id is its name without extension; where names repeat, its path relative to the
    /// folder named; where those repeat too (two named folders), the path as named.
    /// </summary>
    private void AssignIds()
    {
        var stems = _files.GroupBy(f => f.Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var relatives = _files.GroupBy(f => RelativeId(f.Relative), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var f in _files)
        {
            string id = f.Stem;
            if (stems[f.Stem] > 1)
                id = relatives[RelativeId(f.Relative)] > 1 ? RelativeId(f.Display) : RelativeId(f.Relative);
            _ids[f.Path] = id;
        }
    }

    /// <summary>How many files the inputs name (a JSONL file counts once, whatever it holds).</summary>
    public int FileCount => _files.Count;

    public bool AllFilesAreSingleArticles => _urls.Count == 0 && _files.TrueForAll(f => IsText(f.Path) || IsHtml(f.Path));

    /// <summary>Whether the inputs name URLs (how much is left to read cannot be known then).</summary>
    public bool HasUrls => _urls.Count > 0;

    /// <summary>The size on disk of every file named (compressed, for .gz): what <see cref="BytesRead"/> counts towards.</summary>
    public long TotalBytes { get; private set; }

    /// <summary>
    /// How many bytes of the files (as on disk: compressed for .gz) have been read so far; safe to ask
    /// from another thread while <see cref="Items"/> is enumerated, for a progress bar.
    /// </summary>
    public long BytesRead => Interlocked.Read(ref _doneBytes) + Interlocked.Read(ref _currentBytes);

    private void Add(string input)
    {
        if (UrlCanonicalizer.TryParseHttpUrl(input, out var url))
        {
            _urls.Add(url);
            return;
        }
        if (Directory.Exists(input))
        {
            var root = Path.GetFullPath(input);
            var files = FilesUnder(root, input)
                .Where(f => IsText(f) || IsJsonl(f) || IsHtml(f) || IsFeed(f))
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => (Path: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
                .OrderBy(f => f.Relative, StringComparer.Ordinal);
            foreach (var (path, relative) in files)
                _files.Add((path, Path.Combine(input, relative).Replace('\\', '/'), relative, StemOf(relative)));
        }
        else if (File.Exists(input))
        {
            _files.Add((Path.GetFullPath(input), input, input.Replace('\\', '/'), StemOf(Path.GetFileName(input))));
        }
        else if (OtherScheme(input) is { } scheme)
        {
            _missing.Add(new InputFailure(input, scheme is "http" or "https"
                ? "not a URL Sitrep can fetch"
                : $"unsupported URL scheme '{scheme}': Sitrep reads http and https URLs, files and folders"));
        }
        else
        {
            _missing.Add(new InputFailure(input, "no such file or folder"));
        }
    }

    /// <summary>The deepest folder read under an input folder: a backstop against links that loop in ways a path cannot tell.</summary>
    private const int MaxFolderDepth = 64;

    /// <summary>
    /// The files under <paramref name="root"/>, hidden ones skipped, following links to folders once:
    /// a link back to a folder already read (<c>loop -> ..</c>) is reported and skipped. .NET's own
    /// recursion follows such a link until the path is too long, which with two of them takes
    /// exponential time.
    /// </summary>
    private IEnumerable<string> FilesUnder(string root, string input)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var seen = new HashSet<string>(StringComparer.Ordinal) { RealPath(root) };
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (folder, depth) = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(folder, "*", options);
                folders = Directory.GetDirectories(folder, "*", options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _missing.Add(new InputFailure(Display(root, input, folder), e is UnauthorizedAccessException ? "folder cannot be read: permission denied" : $"folder cannot be read: {e.Message}"));
                continue;
            }
            foreach (var file in files)
            {
                // Named pipes and sockets in a folder are skipped (with a reason); a pipe named on the command line is read.
                if ((IsText(file) || IsJsonl(file) || IsHtml(file) || IsFeed(file)) && !Path.GetFileName(file).StartsWith('.') && RegularFiles.NotAFile(file) is { } notAFile)
                {
                    _missing.Add(new InputFailure(Display(root, input, file), notAFile));
                    continue;
                }
                yield return file;
            }
            foreach (var sub in folders)
            {
                if (depth + 1 > MaxFolderDepth)
                {
                    _missing.Add(new InputFailure(Display(root, input, sub), $"folder nested more than {MaxFolderDepth} deep; skipped"));
                    continue;
                }
                if (!seen.Add(RealPath(sub)))
                {
                    _missing.Add(new InputFailure(Display(root, input, sub), "a link to a folder already read (a loop?); skipped"));
                    continue;
                }
                pending.Push((sub, depth + 1));
            }
        }
    }

    private static string Display(string root, string input, string path) => Path.Combine(input, Path.GetRelativePath(root, path)).Replace('\\', '/');

    /// <summary>The folder's path with every link in it resolved, as far as .NET tells; the path itself when it cannot.</summary>
    private static string RealPath(string folder, int links = 0)
    {
        try
        {
            var full = Path.GetFullPath(folder);
            // Links that resolve through each other (a -> b/c, b -> a/d) end here, not in a stack overflow.
            if (links > 40)
                return full;
            var parent = Path.GetDirectoryName(full);
            var real = parent is null ? full : Path.Combine(RealPath(parent, links + 1), Path.GetFileName(full));
            var info = new DirectoryInfo(real);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                return RealPath(target.FullName, links + 1);
            return real;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Path.GetFullPath(folder);
        }
    }

    /// <summary>The scheme of a URL that is not http(s) (<c>ftp://…</c>, <c>file:…</c>), or null for anything else.</summary>
    private static string? OtherScheme(string input)
    {
        int colon = input.IndexOf(':', StringComparison.Ordinal);
        // One letter before the colon is a Windows drive, not a scheme.
        if (colon < 2 || !Uri.TryCreate(input, UriKind.Absolute, out var uri) || !input.AsSpan(colon).StartsWith("://") && uri.Scheme != "file" && uri.Scheme != "mailto")
            return null;
        return uri.Scheme;
    }

    public IEnumerable<InputItem> Items()
    {
        foreach (var failure in _missing)
            yield return InputItem.Failed(failure.Source, failure.Reason);
        foreach (var url in _urls)
        {
            foreach (var item in ReadUrl(url))
                yield return item;
        }
        foreach (var (path, display, _, _) in _files)
        {
            long length = 0;
            try
            {
                length = new FileInfo(path).Length;
            }
            catch (IOException)
            {
                // Reported when it is read.
            }
            if (IsJsonl(path))
            {
                foreach (var item in JsonlRecordReader.Read(path, display, position => Interlocked.Exchange(ref _currentBytes, Math.Min(position, length))))
                    yield return item;
            }
            else if (IsText(path) || IsHtml(path))
            {
                yield return ReadFile(path, display, _ids[path]);
            }
            else if (IsFeed(path))
            {
                foreach (var item in ReadFeedFile(path, display))
                    yield return item;
            }
            else
            {
                yield return InputItem.Failed(display, $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", TextExtensions.Concat(HtmlExtensions).Concat(JsonlExtensions))})");
            }
            Interlocked.Exchange(ref _currentBytes, 0);
            Interlocked.Add(ref _doneBytes, length);
        }
    }

    /// <summary>How file contents are read; tests replace it to play a file system that refuses access (they run as root).</summary>
    internal Func<string, byte[]> ReadAllBytes { get; init; } = path => ReadAtMost(path, MaxFileBytes);

    /// <summary>
    /// The file's bytes, refused past <paramref name="maxBytes"/> however long the file says it is: a device linked
    /// into a folder (/dev/zero, /dev/urandom) reports length 0 and never ends, and File.ReadAllBytes would read it
    /// until memory ran out.
    /// </summary>
    internal static byte[] ReadAtMost(string path, long maxBytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        // FileInfo.Length of a link is the link's own size; the open stream's is its target's.
        if (file.Length > maxBytes)
            throw new InputRejectedException($"file too large for an article ({file.Length / (1024.0 * 1024):N0} MB; the limit is {maxBytes / (1024 * 1024)} MB)");
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
                throw new InputRejectedException($"more than {maxBytes / (1024 * 1024)} MB read from a file that says it is {file.Length:N0} bytes long (a device, or a file still being written?); skipped");
            output.Write(buffer, 0, read);
        }
        return output.ToArray();
    }

    private InputItem ReadFile(string path, string display, string id)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
                return InputItem.Failed(display, $"file too large for an article ({info.Length / (1024.0 * 1024):N0} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB)");
            var bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? GzipReader.ReadAll(path, MaxFileBytes) : ReadAllBytes(path);
            var notes = new List<string>();
            bool html = IsHtml(path);
            var text = html ? TextDecoder.DecodeHtml(bytes, notes) : TextDecoder.Decode(bytes, notes);
            return InputItem.Of(new ArticleInput(path, id, html ? InputFormat.Html : InputFormat.PlainText, text, StatedMetadata.None, notes));
        }
        catch (InputRejectedException e)
        {
            return InputItem.Failed(display, e.Message);
        }
        catch (FileNotFoundException)
        {
            return InputItem.Failed(display, "the file disappeared before it could be read");
        }
        catch (DirectoryNotFoundException)
        {
            return InputItem.Failed(display, "the file disappeared before it could be read");
        }
        catch (UnauthorizedAccessException)
        {
            return InputItem.Failed(display, "permission denied");
        }
        catch (IOException e)
        {
            return InputItem.Failed(display, $"cannot read: {e.Message}");
        }
    }

    public void Dispose() => _ownFetcher?.Dispose();

    /// <summary>A page or a feed, told apart by what the server says it is and by what it looks like.</summary>
    private IEnumerable<InputItem> ReadUrl(Uri url)
    {
        var key = UrlCanonicalizer.Canonicalize(url.AbsoluteUri);
        var state = _feedStates?.GetFeedState(key);
        var notes = new List<string>();
        FetchResult result;
        string text;
        try
        {
            result = _fetcher().Fetch(url, state?.ETag, state?.LastModified);
            text = result.NotModified ? "" : DecodeFetched(result, notes);
        }
        catch (Exception e) when (e is FetchException or InputRejectedException)
        {
            return [InputItem.Failed(url.ToString(), e.Message)];
        }
        return result.NotModified ? [InputItem.Unchanged(url.ToString())] : FetchedItems(url, key, result, text, notes);
    }

    private IEnumerable<InputItem> FetchedItems(Uri url, string key, FetchResult result, string text, List<string> notes)
    {
        if (IsFeedMediaType(result.ContentType) || FeedReader.LooksLikeFeed(text))
        {
            foreach (var item in ReadFeed(text, result.FinalUrl, url.ToString()))
                yield return item;
            if (result.ETag is not null || result.LastModified is not null)
                _feedStates?.SaveFeedState(key, new FeedState(result.ETag, result.LastModified));
            yield break;
        }
        yield return PageInput(result.FinalUrl, text, StatedMetadata.None, notes, FormatOf(result.ContentType));
    }

    /// <summary>A page the server says is plain text is read as plain text, as the same file from disk would be.</summary>
    private static InputFormat FormatOf(string? mediaType) =>
        string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase) ? InputFormat.PlainText : InputFormat.Html;

    private IEnumerable<InputItem> ReadFeedFile(string path, string display)
    {
        string text;
        try
        {
            var bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? GzipReader.ReadAll(path) : ReadAtMost(path, GzipReader.DefaultMaxBytes);
            text = TextDecoder.Decode(bytes, []);
        }
        catch (Exception e) when (e is InputRejectedException or IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(display, e.Message)];
        }
        return ReadFeed(text, null, display);
    }

    /// <summary>Each item with its full text is an article as it stands; an item with only a summary has its page fetched.</summary>
    private IEnumerable<InputItem> ReadFeed(string xml, Uri? baseUrl, string display)
    {
        Feed feed;
        try
        {
            feed = FeedReader.Parse(xml, baseUrl);
        }
        catch (InputRejectedException e)
        {
            return [InputItem.Failed(display, e.Message)];
        }
        return FeedItems(feed, display);
    }

    private IEnumerable<InputItem> FeedItems(Feed feed, string display)
    {
        foreach (var error in feed.Errors)
            yield return InputItem.Failed($"{display}#item{error.Index + 1}", error.Reason);
        foreach (var item in feed.Items)
        {
            var stated = new StatedMetadata
            {
                Title = item.Title,
                Byline = item.Author,
                Outlet = feed.Title,
                Published = item.Published,
                Url = item.Link is null ? null : UrlCanonicalizer.Canonicalize(item.Link),
            };
            var content = item.ContentHtml ?? item.Summary;
            if (content is not null && TextLength(content) >= FullContentChars)
            {
                var source = stated.Url ?? $"{display}#{item.Id ?? item.Title}";
                yield return InputItem.Of(new ArticleInput(source, "u" + Hashing.Hex(source, 16), InputFormat.Html, content, stated, ["text from the feed item"]));
                continue;
            }
            if (item.Link is null || !UrlCanonicalizer.TryParseHttpUrl(item.Link, out var link))
            {
                yield return InputItem.Failed($"{display}#{item.Title}", "feed item has neither its full text nor a link to fetch");
                continue;
            }
            InputItem fetched;
            try
            {
                var notes = new List<string>();
                var page = _fetcher().Fetch(link);
                fetched = PageInput(page.FinalUrl, DecodeFetched(page, notes), stated, notes, FormatOf(page.ContentType));
            }
            catch (Exception e) when (e is FetchException or InputRejectedException)
            {
                fetched = InputItem.Failed(link.ToString(), e.Message);
            }
            yield return fetched;
        }
    }

    private static InputItem PageInput(Uri finalUrl, string content, StatedMetadata stated, List<string> notes, InputFormat format)
    {
        var canonical = UrlCanonicalizer.Canonicalize(finalUrl.AbsoluteUri);
        stated = stated with { Url = stated.Url ?? canonical };
        return InputItem.Of(new ArticleInput(canonical, "u" + Hashing.Hex(canonical, 16), format, content, stated, notes));
    }

    private static string DecodeFetched(FetchResult result, List<string> notes)
    {
        if (result.Charset is { } charset)
        {
            try
            {
                var encoding = Encoding.GetEncoding(charset);
                if (encoding.CodePage != Encoding.UTF8.CodePage)
                    return encoding.GetString(result.Body);
            }
            catch (ArgumentException)
            {
                notes.Add($"unknown charset '{charset}' in Content-Type");
            }
        }
        return TextDecoder.DecodeHtml(result.Body, notes);
    }

    private static bool IsFeedMediaType(string? mediaType) =>
        mediaType is not null && (mediaType.Contains("rss", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("atom", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase));

    private static int TextLength(string html)
    {
        int n = 0;
        bool inTag = false;
        foreach (char c in html)
        {
            if (c == '<')
                inTag = true;
            else if (c == '>')
                inTag = false;
            else if (!inTag && !char.IsWhiteSpace(c))
                n++;
        }
        return n;
    }

    private static bool IsFeed(string path) => FeedExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsHtml(string path) => HtmlExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsText(string path) => TextExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsJsonl(string path) => JsonlExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string StemOf(string relativeOrName)
    {
        var name = Path.GetFileName(relativeOrName);
        foreach (var ext in TextExtensions.Concat(JsonlExtensions).Concat(HtmlExtensions).Concat(FeedExtensions).OrderByDescending(e => e.Length))
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
                return name[..^ext.Length];
        }
        return Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>Two inputs share a name: the path as named, without its extension, tells them apart.</summary>
    private static string RelativeId(string relative)
    {
        var trimmed = relative.TrimStart('.', '/');
        var dir = Path.GetDirectoryName(trimmed)?.Replace('\\', '/');
        var stem = StemOf(trimmed);
        return string.IsNullOrEmpty(dir) ? stem : $"{dir}/{stem}";
    }
}
