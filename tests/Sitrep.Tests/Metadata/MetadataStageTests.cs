using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Metadata;

public sealed class MetadataStageTests
{
    private const string Article =
        "Floodwaters Cut Off Three Villages North of Tarvis\n"
        + "By Lena Marsh\n"
        + "\n"
        + "Floodwaters cut off three villages north of Tarvis on Monday, March 8, 2021, the regional emergency office said. "
        + "About 400 residents were moved to a school gymnasium in the town, a spokesman for the office said.\n"
        + "\n"
        + "The river rose by two metres overnight after four days of heavy rain, the weather service said. "
        + "Road crews closed the bridge at Orlec and a rail line to the coast was suspended, the transport ministry said.\n"
        + "\n"
        + "The mayor of Tarvis, Ilse Brandt, said the town had enough food and blankets for a week. "
        + "No deaths were reported, police said, though two people were treated for hypothermia.\n";

    private static readonly DocumentPipeline Pipeline = Sitrep.Tests.TestSupport.TestPipelines.Text;

    [Fact]
    public void Without_stated_metadata_the_page_gives_title_and_byline_and_the_text_gives_the_date()
    {
        var doc = Pipeline.Analyze(Input(Article, StatedMetadata.None));

        Assert.Equal("Floodwaters Cut Off Three Villages North of Tarvis", doc.Metadata.Title);
        Assert.Equal("Lena Marsh", doc.Metadata.Byline);
        Assert.Equal("2021-03-08", doc.Metadata.Published);
        Assert.True(doc.Metadata.PublishedInferred);
        Assert.Null(doc.Metadata.Url);
    }

    [Fact]
    public void Stated_metadata_wins_over_the_page_and_is_not_flagged_inferred()
    {
        var stated = new StatedMetadata
        {
            Title = "Villages Cut Off by Flood",
            Byline = "Tomas Vell",
            Outlet = "Harbor Gazette",
            Published = "2021-03-09T06:00:00+01:00",
            Url = "https://gazette.example/flood",
        };

        var doc = Pipeline.Analyze(Input(Article, stated));

        Assert.Equal("Villages Cut Off by Flood", doc.Metadata.Title);
        Assert.Equal("Tomas Vell", doc.Metadata.Byline);
        Assert.Equal("Harbor Gazette", doc.Metadata.Outlet);
        Assert.Equal("2021-03-09T06:00:00+01:00", doc.Metadata.Published); // the stated offset kept: the day is the outlet's
        Assert.False(doc.Metadata.PublishedInferred);
        Assert.Equal("https://gazette.example/flood", doc.Metadata.Url);
        Assert.Equal(stated, doc.Stated);
    }

    [Fact]
    public void Blank_stated_fields_do_not_hide_what_the_page_says()
    {
        var stated = new StatedMetadata { Title = "   ", Byline = "" };

        var doc = Pipeline.Analyze(Input(Article, stated));

        Assert.Equal("Floodwaters Cut Off Three Villages North of Tarvis", doc.Metadata.Title);
        Assert.Equal("Lena Marsh", doc.Metadata.Byline);
    }

    [Fact]
    public void A_stated_date_that_cannot_be_read_falls_back_to_the_text_and_is_flagged_inferred()
    {
        var doc = Pipeline.Analyze(Input(Article, new StatedMetadata { Published = "unknown" }));

        Assert.Equal("2021-03-08", doc.Metadata.Published);
        Assert.True(doc.Metadata.PublishedInferred);
    }

    [Fact]
    public void A_date_printed_on_the_page_wins_over_the_text_and_is_not_flagged_inferred()
    {
        var raw = Article.Replace("By Lena Marsh\n", "By Lena Marsh\nPublished: March 10, 2021\n", StringComparison.Ordinal);

        var doc = Pipeline.Analyze(Input(raw, StatedMetadata.None));

        Assert.Equal("2021-03-10", doc.Metadata.Published);
        Assert.False(doc.Metadata.PublishedInferred);
        Assert.DoesNotContain("Published:", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_detected_language_is_part_of_the_metadata()
    {
        var doc = Pipeline.Analyze(Input(Article, StatedMetadata.None));

        Assert.Equal("en", doc.Metadata.Language);
    }

    [Fact]
    public void A_wire_report_is_classified_as_news()
    {
        var doc = Pipeline.Analyze(Input(Article, StatedMetadata.None));

        Assert.Equal(Genre.News, doc.Metadata.Genre);
    }

    private static ArticleInput Input(string text, StatedMetadata stated) =>
        new("tests/flood.txt", "flood", InputFormat.PlainText, text, stated, []);
}
