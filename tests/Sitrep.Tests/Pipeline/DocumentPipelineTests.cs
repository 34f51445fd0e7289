using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Pipeline;

public sealed class DocumentPipelineTests
{
    private static readonly string[] Places = ["Tarvis", "Velmora", "Dravno", "Orlec", "Kessburg", "Lindhaven", "Marrow Bay", "Ostrel"];
    private static readonly string[] Events = ["a bridge collapsed", "a strike began at the port", "the river burst its banks", "a fire destroyed the market", "the council voted to close the mine"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [Fact]
    public void A_document_keeps_the_input_and_records_the_pipeline_version()
    {
        var pipeline = Sitrep.Tests.TestSupport.TestPipelines.Text;
        var input = new ArticleInput("feeds/tarvis.txt", "tarvis", InputFormat.PlainText, Story(3), StatedMetadata.None, ["not valid UTF-8; decoded as Windows-1252"]);

        var doc = pipeline.Analyze(input);

        Assert.Equal("tarvis", doc.Id);
        Assert.Equal("feeds/tarvis.txt", doc.Source);
        Assert.Equal(Story(3), doc.RawText);
        Assert.Equal(input.ContentHash, doc.ContentHash);
        Assert.Equal(pipeline.Version, doc.PipelineVersion);
        Assert.Contains("not valid UTF-8; decoded as Windows-1252", doc.Notes);
    }

    [Fact]
    public void Every_body_character_maps_back_to_the_same_raw_character()
    {
        var doc = Sitrep.Tests.TestSupport.TestPipelines.Text.Analyze(new ArticleInput("x.txt", "x", InputFormat.PlainText, Story(5), StatedMetadata.None, []));

        Assert.NotEmpty(doc.Text);
        for (int i = 0; i < doc.Text.Length; i++)
        {
            char c = doc.Text[i];
            if (c is '\n' or ' ')
                continue;
            Assert.Equal(c, doc.RawText[doc.Map.ToRaw(i)]);
        }
    }

    [Fact]
    public void Analyses_on_many_threads_at_once_give_the_same_results_as_one_after_another()
    {
        var pipeline = Sitrep.Tests.TestSupport.TestPipelines.Text;
        var inputs = Enumerable.Range(0, 200)
            .Select(i => new ArticleInput($"feeds/{i}.txt", $"story-{i}", InputFormat.PlainText, Story(i), StatedMetadata.None, []))
            .ToArray();

        var sequential = inputs.Select(pipeline.Analyze).ToArray();
        var parallel = new Document[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = pipeline.Analyze(inputs[i]));

        for (int i = 0; i < inputs.Length; i++)
        {
            var s = sequential[i];
            var p = parallel[i];

            // What the text says, checked against what was written, so an empty result cannot pass.
            Assert.Contains(KeySentence(i), s.Text, StringComparison.Ordinal);
            Assert.Equal(ExpectedDate(i), s.Metadata.Published);
            Assert.Equal(i % 4 == 3 ? "de" : "en", s.Metadata.Language);

            Assert.Equal(s.Text, p.Text);
            Assert.Equal(s.Map.Segments, p.Map.Segments);
            Assert.Equal(s.Metadata, p.Metadata);
            Assert.Equal(s.Removed, p.Removed);
            Assert.Equal(s.Captions, p.Captions);
            Assert.Equal(s.Notes, p.Notes);
            Assert.Equal(s.ContentHash, p.ContentHash);
        }
    }

    /// <summary>An invented story, different for every <paramref name="i"/>; every fourth one in German.</summary>
    private static string Story(int i)
    {
        var place = Places[i % Places.Length];
        var other = Places[(i + 3) % Places.Length];
        int day = 1 + (i % 28);
        var month = Months[i % 12];
        int year = 2015 + (i % 9);
        if (i % 4 == 3)
        {
            return $"Neue Lage in {place}\n\n"
                + $"{KeySentence(i)} Am {day}. {GermanMonth(i % 12)} {year} trafen sich die Vertreter der Stadt mit den Behörden aus {other}. "
                + "Die Gespräche dauerten bis in die Nacht, sagte ein Sprecher der Verwaltung. "
                + $"Etwa {100 + i} Menschen warteten vor dem Rathaus auf eine Entscheidung über die Zukunft der Region.\n";
        }
        var what = Events[i % Events.Length];
        return $"Residents of {place} Count the Cost\n\n"
            // The weekday ties the day to the week of the news, so the day dates the article.
            + $"{KeySentence(i)} Officials said {what} on {new DateOnly(year, 1 + (i % 12), day).DayOfWeek}, {month} {day}, {year}, forcing {100 + i} families from their homes. "
            + $"Emergency crews from {other} arrived the next morning, a spokesman for the regional office said.\n\n"
            + $"The mayor of {place} said the town would need weeks to recover and asked the province for help.\n";
    }

    private static string KeySentence(int i) => i % 4 == 3
        ? $"Die Meldung Nummer {i.ToString(CultureInfo.InvariantCulture)} kam am Morgen."
        : $"Report number {i.ToString(CultureInfo.InvariantCulture)} came in overnight.";

    /// <summary>The English stories date themselves; the date finder reads English only, so the German ones do not.</summary>
    private static string? ExpectedDate(int i) => i % 4 == 3
        ? null
        : new DateOnly(2015 + (i % 9), 1 + (i % 12), 1 + (i % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string GermanMonth(int index) =>
        ((string[])["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"])[index];
}
