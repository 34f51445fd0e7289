using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class JsonlRecordReaderParseTests
{
    private const string Location = "dump.jsonl:7";
    private const string Story = "Ferries between Velmora and Dravno resumed on Tuesday after a week of storms.";

    [Theory]
    [InlineData("text")]
    [InlineData("content")]
    [InlineData("content_original")]
    [InlineData("body")]
    public void Each_text_field_name_gives_the_article_text(string field)
    {
        var article = Parse($$"""{"{{field}}": "{{Story}}"}""");

        Assert.Equal(Story, article.RawText);
        Assert.Equal(InputFormat.PlainText, article.Format);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("headline")]
    public void Title_and_headline_give_the_stated_title(string field)
    {
        var article = Parse($$"""{"text": "{{Story}}", "{{field}}": "Ferries Return to the Strait"}""");

        Assert.Equal("Ferries Return to the Strait", article.Stated.Title);
    }

    [Theory]
    [InlineData("outlet")]
    [InlineData("source")]
    [InlineData("site")]
    [InlineData("publisher")]
    public void Outlet_field_names_give_the_stated_outlet(string field)
    {
        var article = Parse($$"""{"text": "{{Story}}", "{{field}}": "Harbor Gazette"}""");

        Assert.Equal("Harbor Gazette", article.Stated.Outlet);
    }

    [Fact]
    public void A_publisher_object_gives_its_name_as_the_outlet()
    {
        var article = Parse($$"""{"text": "{{Story}}", "publisher": {"@type": "Organization", "name": "Dravno Evening Post"} }""");

        Assert.Equal("Dravno Evening Post", article.Stated.Outlet);
    }

    [Theory]
    [InlineData("published")]
    [InlineData("date")]
    [InlineData("published_at")]
    [InlineData("datePublished")]
    public void Date_field_names_give_the_stated_publication_date(string field)
    {
        var article = Parse($$"""{"text": "{{Story}}", "{{field}}": "2021-06-14T09:30:00Z"}""");

        Assert.Equal("2021-06-14T09:30:00Z", article.Stated.Published);
    }

    [Theory]
    [InlineData("byline")]
    [InlineData("author")]
    [InlineData("authors")]
    public void Author_field_names_give_the_stated_byline(string field)
    {
        var article = Parse($$"""{"text": "{{Story}}", "{{field}}": "Lena Marsh"}""");

        Assert.Equal("Lena Marsh", article.Stated.Byline);
    }

    [Fact]
    public void A_list_of_authors_is_joined_with_commas()
    {
        var article = Parse($$"""{"text": "{{Story}}", "authors": ["Lena Marsh", "Tomas Vell", "Ari Okonkwo"]}""");

        Assert.Equal("Lena Marsh, Tomas Vell, Ari Okonkwo", article.Stated.Byline);
    }

    [Fact]
    public void A_url_is_the_source_and_the_stated_url()
    {
        var article = Parse($$"""{"text": "{{Story}}", "url": "https://gazette.example/ferries"}""");

        Assert.Equal("https://gazette.example/ferries", article.Source);
        Assert.Equal("https://gazette.example/ferries", article.Stated.Url);
    }

    [Fact]
    public void The_id_of_a_record_with_a_url_is_stable_and_follows_the_url()
    {
        var first = Parse($$"""{"text": "{{Story}}", "url": "https://gazette.example/ferries"}""");
        var sameUrlNewText = ParseAt($$"""{"text": "Ferries were cancelled again on Friday.", "url": "https://gazette.example/ferries"}""", "other.jsonl:99");
        var otherUrl = Parse($$"""{"text": "{{Story}}", "url": "https://gazette.example/ferries-2"}""");

        Assert.Matches(new Regex("^j[0-9a-f]{16}$"), first.Id);
        Assert.Equal(first.Id, sameUrlNewText.Id);
        Assert.NotEqual(first.Id, otherUrl.Id);
    }

    [Fact]
    public void Without_a_url_the_id_follows_the_text_and_the_source_is_the_location()
    {
        var first = ParseAt($$"""{"text": "{{Story}}"}""", "a.jsonl:1");
        var sameText = ParseAt($$"""{"text": "{{Story}}", "title": "Another title"}""", "b.jsonl:40");
        var otherText = ParseAt("""{"text": "Ferries were cancelled again on Friday."}""", "a.jsonl:2");

        Assert.Equal("a.jsonl:1", first.Source);
        Assert.Matches(new Regex("^j[0-9a-f]{16}$"), first.Id);
        Assert.Equal(first.Id, sameText.Id);
        Assert.NotEqual(first.Id, otherText.Id);
    }

    [Fact]
    public void A_blank_text_field_does_not_hide_a_body_field()
    {
        var article = Parse($$"""{"text": "  ", "body": "{{Story}}"}""");

        Assert.Equal(Story, article.RawText);
    }

    [Fact]
    public void A_record_with_only_html_is_an_html_input()
    {
        var article = Parse("""{"html": "<html><body><p>Ferries resumed.</p></body></html>", "title": "Ferries"}""");

        Assert.Equal(InputFormat.Html, article.Format);
        Assert.Equal("<html><body><p>Ferries resumed.</p></body></html>", article.RawText);
    }

    [Fact]
    public void A_record_with_neither_text_nor_html_fails_naming_the_fields_it_looked_for()
    {
        var item = JsonlRecordReader.ParseRecord("""{"title": "Ferries", "url": "https://gazette.example/ferries"}""", Location);

        Assert.Null(item.Article);
        Assert.NotNull(item.Failure);
        Assert.Equal(Location, item.Failure.Source);
        Assert.Contains("text", item.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains("content", item.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains("body", item.Failure.Reason, StringComparison.Ordinal);
        Assert.Contains("html", item.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_is_not_json_fails_as_not_json()
    {
        var item = JsonlRecordReader.ParseRecord("Ferries resumed on Tuesday {", Location);

        Assert.Null(item.Article);
        Assert.NotNull(item.Failure);
        Assert.Equal(Location, item.Failure.Source);
        Assert.StartsWith("not JSON", item.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_array_line_fails()
    {
        var item = JsonlRecordReader.ParseRecord($$"""[{"text": "{{Story}}"}]""", Location);

        Assert.Null(item.Article);
        Assert.NotNull(item.Failure);
        Assert.Equal(Location, item.Failure.Source);
        Assert.Contains("object", item.Failure.Reason, StringComparison.Ordinal);
    }

    private static ArticleInput Parse(string line) => ParseAt(line, Location);

    private static ArticleInput ParseAt(string line, string location)
    {
        var item = JsonlRecordReader.ParseRecord(line, location);
        Assert.Null(item.Failure);
        Assert.NotNull(item.Article);
        return item.Article;
    }
}
