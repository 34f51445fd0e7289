using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class LanguageStageTests
{
    private const string English =
        "Floodwaters cut off three villages north of Tarvis on Monday, the regional emergency office said. "
        + "About 400 residents were moved to a school gymnasium in the town.";

    private const string German =
        "Die Regierung in Velmora hat am Dienstag neue Hilfen für die Bauern im Norden des Landes angekündigt. "
        + "Nach den schweren Überschwemmungen der vergangenen Wochen sollen die Betriebe schnell Geld erhalten, "
        + "sagte ein Sprecher des Ministeriums. Viele Felder stehen noch immer unter Wasser.";

    /// <summary>A page that opens with a run of headlines and names before its prose (a site's related links).</summary>
    private const string HeadlineRun =
        "Senate Majority Leader Dana Whitcomb Dana Ellen WhitcombSenators weigh budget deal Governor signs water bill "
        + "Court hears appeal on zoning rules Mayor Alder Raymond Alder: city budget 'on track' Farm aid package clears committee "
        + "Storm damage estimates rise Lawmakers question transit plan ";

    private static readonly DocumentPipeline Pipeline = Sitrep.Tests.TestSupport.TestPipelines.Text;

    [Fact]
    public void An_english_article_is_english()
    {
        Assert.Equal("en", Analyze(English).Metadata.Language);
    }

    [Fact]
    public void A_german_paragraph_is_german()
    {
        Assert.Equal("de", Analyze(German).Metadata.Language);
    }

    [Theory]
    [InlineData("Here is the news. Russian troops shelled Kharkiv on June 1.")]
    [InlineData("Police arrested the driver in Leeds on Monday.")]
    [InlineData("The European Union imposed sanctions on the bank.")]
    public void A_short_english_brief_is_english(string text) => Assert.Equal("en", LanguageStage.Detect(text));

    [Theory]
    [InlineData("Russian troops shelled Kharkiv on June 1.")]
    [InlineData("Turkish soldiers killed rebel commander Ahmed Karim near Aleppo on June 2.")]
    public void A_short_english_brief_is_never_taken_for_another_language(string text) => Assert.True(LanguageStage.Detect(text) is null or "en", LanguageStage.Detect(text));

    [Theory]
    [InlineData("Die Polizei hat den Fahrer am Montag in Leipzig festgenommen.", "de")]
    [InlineData("La police a arrêté le conducteur lundi à Lyon.", "fr")]
    [InlineData("Politiet anholdt føreren i Aarhus mandag.", "da")]
    public void A_short_brief_in_another_language_is_not_english(string text, string language) => Assert.Equal(language, LanguageStage.Detect(text));

    [Fact]
    public void An_english_article_that_opens_with_a_run_of_headlines_is_english_without_the_ngram_detector()
    {
        var text = HeadlineRun + string.Join(" ", Enumerable.Repeat(English, 12));
        var sample = text.AsSpan(0, 600);

        Assert.False(EnglishFastPath.IsEnglish(sample));
        Assert.True(EnglishFastPath.IsEnglishPastOpening(sample, text.AsSpan(0, Math.Min(text.Length, EnglishFastPath.WideLength))));
        Assert.Equal("en", LanguageStage.Detect(text));
    }

    [Fact]
    public void A_german_article_under_an_english_headline_stays_german()
    {
        var text = "Floods cut off villages north of Tarvis\n\n" + German + " " + German + " " + German + " " + German + " " + German;

        Assert.False(EnglishFastPath.IsEnglishPastOpening(text.AsSpan(0, 600), text.AsSpan(0, Math.Min(text.Length, EnglishFastPath.WideLength))));
        Assert.Equal("de", LanguageStage.Detect(text));
    }

    [Fact]
    public void A_timetable_before_english_prose_is_not_decided_by_the_prose_after_it()
    {
        var timetable = string.Concat(Enumerable.Repeat("September 10   12pm- 1pm   SAAC 217   Carrie Menke, Ph.D   ", 7));
        var text = timetable + string.Join(" ", Enumerable.Repeat(English, 16));

        Assert.True(EnglishFastPath.IsEnglish(text.AsSpan(0, Math.Min(text.Length, EnglishFastPath.WideLength))));
        Assert.False(EnglishFastPath.IsEnglishPastOpening(text.AsSpan(0, 600), text.AsSpan(0, Math.Min(text.Length, EnglishFastPath.WideLength))));
    }

    [Fact]
    public void A_text_without_letters_has_no_language()
    {
        const string figures = "2021 2022 2023\n\n14.5 / 17.25 / 19.0\n\n+4 % -3 % 0 %\n";

        Assert.Null(Analyze(figures).Metadata.Language);
        Assert.Equal("en", Analyze(figures + "\n" + English + "\n").Metadata.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Tarvis 2021")]
    [InlineData("12 345 678 — 90 %")]
    public void Too_few_letters_to_tell_gives_no_language(string text)
    {
        Assert.Null(LanguageStage.Detect(text));
        Assert.Equal("en", LanguageStage.Detect(text + " " + English));
    }

    [Fact]
    public void The_stage_sets_the_language_of_the_body_not_of_the_raw_text()
    {
        var context = new DocumentContext(new ArticleInput("x.txt", "x", InputFormat.PlainText, English, StatedMetadata.None, []));
        context.Set(CoreLayers.Body, new CleanedBody(German, OffsetMap.Identity(German.Length), [], []));

        new LanguageStage().Process(context);

        Assert.Equal("de", context.Get(CoreLayers.Language).Code);
    }

    private static Document Analyze(string text) =>
        Pipeline.Analyze(new ArticleInput("tests/lang.txt", "lang", InputFormat.PlainText, text, StatedMetadata.None, []));
}
