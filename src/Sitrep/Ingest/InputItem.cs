using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>One thing an input yielded: an article to analyse, a failure to report, or a source that has not changed since it was last read.</summary>
public readonly record struct InputItem
{
    private InputItem(ArticleInput? article, InputFailure? failure)
    {
        Article = article;
        Failure = failure;
    }

    public ArticleInput? Article { get; }

    public InputFailure? Failure { get; }

    /// <summary>A feed whose server answered "not modified": read, with nothing new in it.</summary>
    public string? UnchangedSource { get; private init; }

    public static InputItem Of(ArticleInput article) => new(article, null);

    public static InputItem Failed(string source, string reason) => new(null, new InputFailure(source, reason));

    public static InputItem Unchanged(string source) => new(null, null) { UnchangedSource = source };
}
