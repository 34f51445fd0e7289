using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Cleaning;

/// <summary>Produces the body, its map to the raw text, removed blocks, captions and page hints.</summary>
public sealed class CleaningStage : IDocumentStage
{
    private readonly PlainTextCleaner _plainText = new();
    private readonly Html.HtmlCleaner _html = new();

    public string Name => "clean";

    public Layers Requires => Layers.RawText;

    public Layers Produces => Layers.Body | Layers.Removed | Layers.Captions | Layers.PageHints;

    public void Process(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = context.Input.Format switch
        {
            InputFormat.Html => _html.Clean(context.Input.RawText),
            _ => _plainText.Clean(context.Input.RawText),
        };
        context.Text = result.Text;
        context.Map = result.Map;
        context.Removed.AddRange(result.Removed);
        context.Captions.AddRange(result.Captions);
        context.Hints = result.Hints;
    }
}
