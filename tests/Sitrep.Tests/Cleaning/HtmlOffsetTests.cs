using Sitrep.Cleaning.Html;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Cleaning;

/// <summary>The body of a page maps back to the characters of its HTML source, entities and all.</summary>
public sealed class HtmlOffsetTests
{
    /// <summary>Each body character sits where the map says: the same character, or the start of the entity or line break that encodes it.</summary>
    internal static void AssertBodyMapsToSource(Document doc)
    {
        foreach (var s in doc.Map.Segments)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char body = doc.Text[s.BodyStart + i];
                char raw = doc.RawText[s.RawStart + i];
                Assert.True(body == raw || raw == '&' || (char.IsWhiteSpace(body) && char.IsWhiteSpace(raw)),
                    $"body '{body}' at {s.BodyStart + i} maps to source '{raw}' at {s.RawStart + i}");
            }
        }
    }

    [Fact]
    public void Every_body_word_of_a_page_is_found_at_its_source_offset()
    {
        const string html = """
            <html><body><article>
            <p>Ferries between Lenz and Bellamar ran on &quot;reduced timetables&quot; on Thursday, the port authority&#x2019;s spokeswoman said.</p>
            <p>Passengers were told to expect delays of up to three hours &mdash; longer in the evening &amp; at night.</p>
            </article></body></html>
            """;
        var result = new HtmlCleaner().Clean(html);
        Assert.Equal("Ferries between Lenz and Bellamar ran on \"reduced timetables\" on Thursday, the port authority’s spokeswoman said.\n\nPassengers were told to expect delays of up to three hours — longer in the evening & at night.", result.Text);

        int Raw(string word) => result.Map.ToRaw(result.Text.IndexOf(word, StringComparison.Ordinal));
        Assert.Equal(html.IndexOf("Ferries", StringComparison.Ordinal), Raw("Ferries"));
        Assert.Equal(html.IndexOf("Passengers", StringComparison.Ordinal), Raw("Passengers"));
        Assert.Equal(html.IndexOf("&#x2019;", StringComparison.Ordinal), Raw("’s"));
        Assert.Equal(html.IndexOf("&mdash;", StringComparison.Ordinal), Raw("—"));
        Assert.Equal(html.IndexOf("at night", StringComparison.Ordinal), Raw("at night"));
    }

    [Fact]
    public void A_page_nested_a_hundred_thousand_deep_is_refused_with_a_reason()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>";
        var e = Assert.Throws<InputRejectedException>(() => new HtmlCleaner().Clean(html));
        Assert.Contains("nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Moderately_nested_layout_tables_are_still_read()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 300)) + "<p>The Lisorian foreign ministry confirmed on Friday that delegations from both countries had arrived in Bellamar for the talks.</p>" + string.Concat(Enumerable.Repeat("</div>", 300)) + "</body></html>";
        Assert.Contains("delegations from both countries", new HtmlCleaner().Clean(html).Text, StringComparison.Ordinal);
    }
}
