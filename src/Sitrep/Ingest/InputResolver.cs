using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// Expands the inputs named on a command line (files and folders, recursively) into articles,
/// lazily, in a stable order, with the ids the contract asks for.
/// </summary>
public sealed class InputResolver
{
    /// <summary>Larger files are refused: no article is this long, and reading one would only cost memory.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    private static readonly string[] TextExtensions = [".txt", ".text"];
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"];
    private static readonly string[] JsonlExtensions = [".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"];

    private readonly List<(string Path, string Display, string Relative, string Stem)> _files = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly List<InputFailure> _missing = [];

    public InputResolver(IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
            Add(input);
        AssignIds();
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

    public bool AllFilesAreSingleArticles => _files.TrueForAll(f => IsText(f.Path) || IsHtml(f.Path));

    private void Add(string input)
    {
        if (Directory.Exists(input))
        {
            var root = Path.GetFullPath(input);
            var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                .Where(f => IsText(f) || IsJsonl(f) || IsHtml(f))
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
        else
        {
            _missing.Add(new InputFailure(input, "no such file or folder"));
        }
    }

    public IEnumerable<InputItem> Items()
    {
        foreach (var failure in _missing)
            yield return InputItem.Failed(failure.Source, failure.Reason);
        foreach (var (path, display, _, _) in _files)
        {
            if (IsJsonl(path))
            {
                foreach (var item in JsonlRecordReader.Read(path, display))
                    yield return item;
            }
            else if (IsText(path) || IsHtml(path))
            {
                yield return ReadFile(path, display, _ids[path]);
            }
            else
            {
                yield return InputItem.Failed(display, $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", TextExtensions.Concat(HtmlExtensions).Concat(JsonlExtensions))})");
            }
        }
    }

    private static InputItem ReadFile(string path, string display, string id)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
                return InputItem.Failed(display, $"file too large ({info.Length / (1024 * 1024)} MB; the limit is {MaxFileBytes / (1024 * 1024)} MB)");
            var bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? GzipReader.ReadAll(path) : File.ReadAllBytes(path);
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

    private static bool IsHtml(string path) => HtmlExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsText(string path) => TextExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static bool IsJsonl(string path) => JsonlExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string StemOf(string relativeOrName)
    {
        var name = Path.GetFileName(relativeOrName);
        foreach (var ext in TextExtensions.Concat(JsonlExtensions).Concat(HtmlExtensions).OrderByDescending(e => e.Length))
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
