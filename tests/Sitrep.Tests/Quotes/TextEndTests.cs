using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Quotes;
using Sitrep.Text;

namespace Sitrep.Tests.Quotes;

/// <summary>
/// Short wire snippets often stop right after the cue, with no full stop ("…, police said"). The reported
/// words before such a cue are still found, and no reading looks past the text's last token (a lead-in
/// check once did, and the quotes layer of every such snippet was lost to an index error).
/// </summary>
public sealed class TextEndTests
{
    [Theory]
    [InlineData("Gunmen attacked a checkpoint near the port of Veldra on Monday, killing four guards, police said", "police")]
    [InlineData("The ferry was turned back at the harbour mouth after the storm warning, Captain Ilse Marrow said", "Ilse Marrow")]
    [InlineData("Talks between the two unions will resume next week, a ministry spokesman said", "ministry spokesman")]
    public void A_text_that_ends_with_its_cue_keeps_its_quotes_and_fails_no_stage(string text, string speaker)
    {
        var input = new ArticleInput("end.txt", "end", InputFormat.PlainText, text, StatedMetadata.None, []);
        var document = Features.Default.Analyze(input);

        Assert.DoesNotContain(document.StageNotes, n => n.Contains("failed", StringComparison.Ordinal));
        var quotes = document.Layers.Get(QuotesFeature.Quotes);
        Assert.NotNull(quotes);
        var quote = Assert.Single(quotes!.Quotes);
        string body = document.Text;
        Assert.NotNull(quote.Speaker);
        Assert.Contains(speaker, body[quote.Speaker!.Start..quote.Speaker.End], StringComparison.Ordinal);
        // The words are the clause before the comma, not the cue or the speaker.
        Assert.StartsWith(text[..12], body[quote.Start..quote.End], StringComparison.Ordinal);
        Assert.DoesNotContain(" said", body[quote.Start..quote.End], StringComparison.Ordinal);
    }
}
