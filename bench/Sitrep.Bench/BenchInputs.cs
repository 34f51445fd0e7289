using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Bench;

/// <summary>The first articles of the named inputs, read into memory so a timed loop reads no files.</summary>
internal static class BenchInputs
{
    public static List<ArticleInput> ReadArticles(IReadOnlyList<string> inputs, int limit)
    {
        var articles = new List<ArticleInput>();
        using var resolver = new InputResolver([.. inputs]);
        foreach (var item in resolver.Items())
        {
            if (articles.Count >= limit)
                break;
            if (item.Article is { } a)
                articles.Add(a);
        }
        return articles;
    }
}
