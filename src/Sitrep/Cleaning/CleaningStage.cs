using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Cleaning;

/// <summary>Produces the body, its map to the raw text, removed blocks, captions and page hints.</summary>
public sealed class CleaningStage : IDocumentStage
{
    private readonly PlainTextCleaner _plainText = new();
    private readonly Html.HtmlCleaner _html = new();

    public string Name => "clean";

    /// <summary>Bump when the body, removed blocks, captions or page hints change for the same input.</summary>
    public string Version => StageVersion.Of("20", Lexicons.Lexicon.Hashes([.. Html.HtmlCleaner.LexiconNames, FurnitureLines.LexiconName]));

    public IReadOnlyList<Layer> Requires => [];

    public IReadOnlyList<Layer> Produces { get; } = [CoreLayers.Body, CoreLayers.PageHints];

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.Input.Format switch
        {
            InputFormat.Html => _html.Clean(context.Input.RawText),
            _ => _plainText.Clean(context.Input.RawText, context.Input.Stated.Title),
        };
        // A page whose markup holds no text (only scripts, styles, an empty body) is refused like an empty file,
        // not stored as an empty document without a word said.
        if (context.Input.Format == InputFormat.Html && string.IsNullOrWhiteSpace(result.Text))
            throw new InputRejectedException("no text in the page (only markup, scripts or styles)");
        context.Set(CoreLayers.Body, new CleanedBody(result.Text, result.Map, result.Removed, result.Captions));
        context.Set(CoreLayers.PageHints, result.Hints);
    }
}
