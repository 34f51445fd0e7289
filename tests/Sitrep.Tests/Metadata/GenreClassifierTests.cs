using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Metadata;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Metadata;

public sealed class GenreClassifierTests
{
    /// <summary>A wire-style report: events and attributions, no argument of its own (about 130 words).</summary>
    internal const string WireReport =
        "Floodwaters cut off three villages north of Tarvis on Monday, the regional emergency office said. "
        + "About 400 residents were moved to a school gymnasium in the town, a spokesman for the office said. "
        + "The river rose by two metres overnight after four days of heavy rain, the weather service said. "
        + "Road crews closed the bridge at Orlec and a rail line to the coast was suspended, the transport ministry said. "
        + "Farmers in the valley said water had reached their barns before dawn. "
        + "The mayor of Tarvis, Ilse Brandt, said the town had enough food and blankets for a week. "
        + "No deaths were reported, police said, though two people were treated for hypothermia. "
        + "Forecasters said more rain was expected on Wednesday.";

    /// <summary>An op-ed in the writer's own voice, full of argument markers (about 120 words).</summary>
    internal const string Argument =
        "The fact is that the province has ignored its rivers for twenty years, and the flood in Tarvis is the bill. "
        + "We must stop pretending that sandbags are a plan. The council should fund the levees it promised, "
        + "and it should do so this year, not after the next disaster. I believe the money exists; what is missing is will. "
        + "It is time to admit that the old channel cannot carry the water it once did. "
        + "Clearly, the engineers warned about this, and obviously nobody listened. "
        + "We need a commission with real powers, and we must give it a budget. "
        + "Anything less would be shameful. The truth is that the next flood is already on its way.";

    [Fact]
    public void An_opinion_label_makes_it_opinion_whatever_the_text()
    {
        Assert.Equal(Genre.Opinion, GenreClassifier.Classify(WireReport, new PageHints { OpinionLabel = true }));
    }

    [Fact]
    public void An_analysis_label_makes_it_analysis_whatever_the_text()
    {
        Assert.Equal(Genre.Analysis, GenreClassifier.Classify(Argument, new PageHints { AnalysisLabel = true }));
    }

    [Fact]
    public void An_author_who_is_a_fellow_at_an_institute_writes_analysis()
    {
        var hints = new PageHints { AuthorBio = "Mira Kessel is a senior fellow at the Varn Institute for River Policy." };

        Assert.Equal(Genre.Analysis, GenreClassifier.Classify(WireReport, hints));
    }

    [Fact]
    public void An_author_who_is_a_columnist_writes_opinion()
    {
        var hints = new PageHints { AuthorBio = "Jon Adler is a columnist for the Harbor Gazette." };

        Assert.Equal(Genre.Opinion, GenreClassifier.Classify(WireReport, hints));
    }

    [Fact]
    public void An_argument_in_the_writers_own_voice_is_opinion()
    {
        Assert.Equal(Genre.Opinion, GenreClassifier.Classify(Argument, PageHints.None));
    }

    [Fact]
    public void A_wire_style_report_is_news()
    {
        Assert.Equal(Genre.News, GenreClassifier.Classify(WireReport, PageHints.None));
    }

    [Fact]
    public void Argument_markers_inside_quotations_do_not_make_a_report_opinion()
    {
        const string text =
            "Hundreds of farmers marched through Velmora on Tuesday to demand compensation for flooded fields, police said. "
            + "\"We must be paid before the winter, and the ministry should know it,\" said Petra Lind, who farms near Orlec. "
            + "“The truth is we cannot wait. We need the money now, and they must act,” another farmer, Aron Feld, told reporters. "
            + "The agriculture ministry said in a statement that payments would begin next month. "
            + "\"Clearly the government should have moved sooner. It is time,\" said a union leader, Dana Roth. "
            + "Police said the march ended peacefully at the regional assembly, where a delegation of six farmers met officials. "
            + "The assembly is due to debate a relief bill on Thursday, a spokesman said.";

        Assert.Equal(Genre.News, GenreClassifier.Classify(text, PageHints.None));
    }

    [Fact]
    public void A_very_short_text_has_no_genre()
    {
        const string brief = "Flooding closed the Tarvis bridge on Monday, officials said.";

        Assert.Null(GenreClassifier.Classify(brief, PageHints.None));
        Assert.Equal(Genre.News, GenreClassifier.Classify(brief + " " + WireReport, PageHints.None));
    }

    /// <summary>The regex the marker counter replaced (2026-12-04), as it was: the counter must count what it counted.</summary>
    private static readonly Regex MarkerRegex = new("""
        (?ix)\b(the\ fact\ is|in\ fact|the\ truth\ is|the\ reality\ is|make\ no\ mistake|needless\ to\ say|there\ is\ no\ doubt|no\ doubt|undoubtedly|clearly|obviously|of\ course
        |must|should|ought\ to|it\ is\ time|it's\ time|we\ need|i\ believe|i\ think|in\ my\ (view|opinion)|arguably|regardless\ of\ whether|it\ is\ clear|it's\ clear
        |let\ us|let's|shameful|disgraceful|absurd|outrageous|hypocrisy|hypocritical|more\ importantly|most\ importantly|above\ all|worse\ still)\b
        """, RegexOptions.None, TimeSpan.FromSeconds(5));

    [Theory]
    [InlineData("There is no doubt, and no doubtful man doubts it: no doubt.")]
    [InlineData("IN MY OPINION it's clear; It's Time. Let's go, let us go, lets go.")]
    [InlineData("Mustard must; self-must, must_not, 2must, must2, \u00e9must, must\u00e9.")]
    [InlineData("the fact isn't the fact is. In factory in fact. Of courses of course")]
    [InlineData("the  fact is (two spaces), the\nfact is (a line break), the fact\u00a0is (no-break space)")]
    [InlineData("more importantly most importantly above all worse still regardless of whether")]
    [InlineData("it’s clear (curly apostrophe) and it's clear; we needn't but we need")]
    [InlineData("")]
    public void Argument_markers_are_counted_as_the_regex_counted_them(string text)
    {
        Assert.Equal(MarkerRegex.Count(text), GenreClassifier.ArgumentMarkers.Count(text));
    }

    [Fact]
    public void Argument_markers_of_the_example_texts_are_counted_as_the_regex_counted_them()
    {
        Assert.Equal(MarkerRegex.Count(Argument), GenreClassifier.ArgumentMarkers.Count(Argument));
        Assert.True(GenreClassifier.ArgumentMarkers.Count(Argument) >= 10);
        Assert.Equal(0, GenreClassifier.ArgumentMarkers.Count(WireReport));
    }
}
