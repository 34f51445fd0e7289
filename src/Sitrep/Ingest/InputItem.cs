using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>One thing an input yielded: an article to analyse, or a failure to report. Never both.</summary>
public readonly record struct InputItem
{
    private InputItem(ArticleInput? article, InputFailure? failure)
    {
        Article = article;
        Failure = failure;
    }

    public ArticleInput? Article { get; }

    public InputFailure? Failure { get; }

    public static InputItem Of(ArticleInput article) => new(article, null);

    public static InputItem Failed(string source, string reason) => new(null, new InputFailure(source, reason));
}
