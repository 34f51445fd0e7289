using Sitrep.Documents;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Metadata;

/// <summary>
/// The example corpus as a new user reads it (issue 14): each text file that names its outlet in a
/// masthead, a copyright notice or its appeal gets it; a copyright line is no photo caption; both
/// authors of a two-author byline and the reporters of a "Reporting by" line are the byline.
/// </summary>
public sealed class ExampleCorpusMetadataTests
{
    [Theory]
    [InlineData("kta_2025-03-04.txt", "Korvethi Telegraph Agency")]
    [InlineData("meridian-monitor_2025-03-10.txt", "The Meridian Monitor")]
    [InlineData("valdorian-sentinel_2025-03-11.txt", "The Valdorian Sentinel")]
    [InlineData("serin-dispatch_2025-03-08.txt", "The Serin Dispatch")]
    [InlineData("harbor-ledger_2025-03-03.txt", "Harbor Ledger")]
    [InlineData("eastgate-review_2025-03-09.txt", "Eastgate Review")]
    public void The_outlet_a_text_names_for_itself_is_its_outlet(string file, string outlet)
    {
        Assert.Equal(outlet, Analyze(file).Metadata.Outlet);
    }

    [Fact]
    public void A_copyright_line_is_not_a_photo_caption()
    {
        var doc = Analyze("kta_2025-03-04.txt");

        Assert.DoesNotContain(doc.Captions, c => c.Text.StartsWith('©'));
        Assert.Contains(doc.Removed, r => r.Text.StartsWith('©') && r.Reason == RemovalReason.Other);
    }

    [Theory]
    [InlineData("serin-dispatch_2025-03-08.txt", "Tomas Reyl, Lina Odvarsk")]
    [InlineData("mps_2025-03-05.txt", "Anika Brandt, Tomas Ilvey")]
    [InlineData("valdorian-sentinel_2025-03-11.txt", "Ruben Kessary")]
    public void Every_author_of_the_byline_and_no_one_else(string file, string byline)
    {
        Assert.Equal(byline, Analyze(file).Metadata.Byline);
    }

    [Theory]
    [InlineData("kta_2025-03-04.txt")]
    [InlineData("meridian-monitor_2025-03-10.txt")]
    public void A_day_without_a_year_is_not_dated_before_a_month_the_text_reports_as_past(string file)
    {
        // These texts say "4 March" and also report months of a later year as past; the year of
        // "4 March" is not stated, so no date is better than a year too early.
        var published = Analyze(file).Metadata.Published;

        Assert.True(published is null || string.CompareOrdinal(published, "2024") > 0, $"published {published}");
    }

    private static Document Analyze(string file)
    {
        var path = Path.Combine(RepoPaths.Examples, file);
        var input = new ArticleInput(path, Path.GetFileNameWithoutExtension(file), InputFormat.PlainText, File.ReadAllText(path), StatedMetadata.None, []);
        return TestPipelines.Text.Analyze(input);
    }
}
