using Sitrep.Cleaning;
using Sitrep.Cleaning.Html;

namespace Sitrep.Tests.Robustness;

/// <summary>Text shaped to make a backtracking pattern explode is cleaned in reasonable time.</summary>
public sealed class PathologicalTextTests
{
    /// <summary>Found by fuzzing the HTML path: a meta tag broken by a stray character spills its list of ids into the text.</summary>
    private const string CommaSeparatedIds = "526198127405784,1583851541911383,1588113081458198,1596218533974035,1602646926431957,1603698749645413,1621466394844549,1627621717510471,1667234726635829,1725861847686522,1747180218844657,1759005871036426,1774393409526131,1797367867256626,1847787168808886,1878073225844519,1946209538938897,1972936962947967,2047091012096533\" name=\"fb:pages\">";

    [Fact(Timeout = 20_000)]
    public async Task A_line_of_comma_separated_ids_does_not_hang_the_plain_text_rules()
    {
        var text = "A short article about the harbour.\n\n" + CommaSeparatedIds + "\n\nThe ferries ran late on Thursday, the port authority said, and passengers waited for hours on the quay.";
        var result = await Task.Run(() => new PlainTextCleaner().Clean(text), TestContext.Current.CancellationToken);
        Assert.Contains("The ferries ran late", result.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task The_same_line_in_a_page_does_not_hang_the_html_cleaner()
    {
        var html = "<html><body><article><p>" + CommaSeparatedIds + "</p><p>The ferries ran late on Thursday, the port authority said, and passengers waited for hours on the quay before the first boat left.</p></article></body></html>";
        var result = await Task.Run(() => new HtmlCleaner().Clean(html), TestContext.Current.CancellationToken);
        Assert.Contains("The ferries ran late", result.Text, StringComparison.Ordinal);
    }
}
