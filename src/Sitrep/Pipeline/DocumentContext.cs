using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>The per-document state stages read and add to. One per document, never shared.</summary>
public sealed class DocumentContext
{
    public DocumentContext(ArticleInput input) => Input = input;

    public ArticleInput Input { get; }

    public string? Text { get; set; }
    public OffsetMap? Map { get; set; }
    public List<RemovedBlock> Removed { get; } = [];
    public List<Caption> Captions { get; } = [];
    public PageHints Hints { get; set; } = PageHints.None;
    public string? Language { get; set; }
    public DocumentMetadata? Metadata { get; set; }
    public List<string> Notes { get; } = [];
    public Text.Token[] Tokens { get; set; } = [];
    public Text.Sentence[] Sentences { get; set; } = [];
    public List<Mention> Mentions { get; } = [];
    public List<Entities.Resolution.DocumentEntity> Entities { get; } = [];
}
