using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

/// <summary>
/// A time pattern that gives up on a pathological window (its match timeout) loses only that window's
/// matches, and the document says so: a note under the times stage, not a silent gap in its times.
/// </summary>
public sealed class TimexTimeoutTests
{
    /// <summary>Backtracks exponentially on "Zyx" followed by a long run of letters with no semicolon; 1 ms to give up.</summary>
    private static readonly TimexRecognizer.Pattern Hostile = new(
        "HostileForTest",
        new Regex(@"Zyx (\w+\s?)*;", RegexOptions.None, TimeSpan.FromMilliseconds(1)),
        Triggers.Weekdays,
        20,
        80,
        (_, _, _) => { });

    private static readonly IReadOnlyList<TimexRecognizer.Pattern> WithHostile = [Hostile, .. TimexRecognizer.Patterns];

    private static readonly string HostileLine = "Zyx Sun " + string.Concat(Enumerable.Repeat("abcdefgh ", 6)) + "!";

    private static string Article => "Talks opened in Dravno on March 3, 2021, the ministry said.\n\n" + HostileLine
        + "\n\nThe ministry said the next round would start on Friday.";

    [Fact]
    public void A_window_whose_pattern_gave_up_is_noted_and_the_other_times_are_still_found()
    {
        var notes = new List<string>();
        var text = Article;
        var tokens = Sitrep.Text.Tokenizer.Tokenize(text);

        var found = TimeExpressions.Find(text, tokens, Sitrep.Text.SentenceSplitter.Split(text, tokens), "2021-03-05", null, notes.Add, WithHostile);

        var note = Assert.Single(notes);
        Assert.Contains("'HostileForTest' gave up", note, StringComparison.Ordinal);
        Assert.Contains("times there may be missing", note, StringComparison.Ordinal);
        // The window named is the hostile line's, not the whole text.
        int at = text.IndexOf(HostileLine, StringComparison.Ordinal);
        var range = Regex.Match(note, @"characters (\d+)-(\d+)");
        int from = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        int to = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(from <= at && to > at && to - from < 200 && to <= text.Length, $"{note} (the hostile line starts at {at})");
        // The other patterns, and the other windows, still ran.
        Assert.Equal(["2021-03-03", "2021-03-05"], found.Select(t => t.Value));
    }

    [Fact]
    public void A_window_that_timed_out_once_is_read_again_with_nothing_lost_or_found_twice()
    {
        // The time-out is wall-clock time: under load an ordinary window can pass it once. The window is read
        // again from its start; what its first reading added before it gave up is taken back.
        int reads = 0;
        var once = new TimexRecognizer.Pattern(
            "OnceForTest",
            new Regex(@"Friday", RegexOptions.None, TimeSpan.FromSeconds(10)),
            Triggers.Weekdays,
            20,
            80,
            (m, _, into) =>
            {
                // The first reading blocks "Friday" (a candidate that yields nothing), then gives up; kept, it would hide the day.
                if (++reads > 1)
                    return;
                into.Add(new Candidate { Start = m.Index, End = m.Index + m.Length, Rule = Rule.Block });
                throw new RegexMatchTimeoutException(m.Value, "Friday", TimeSpan.FromSeconds(10));
            });
        var notes = new List<string>();
        const string text = "Talks opened in Dravno on March 3, 2021. The next round starts on Friday.";
        var tokens = Sitrep.Text.Tokenizer.Tokenize(text);

        var plain = TimeExpressions.Find(text, tokens, Sitrep.Text.SentenceSplitter.Split(text, tokens), "2021-03-05", null, _ => { }, TimexRecognizer.Patterns);
        var found = TimeExpressions.Find(text, tokens, Sitrep.Text.SentenceSplitter.Split(text, tokens), "2021-03-05", null, notes.Add, [once, .. TimexRecognizer.Patterns]);

        Assert.Empty(notes);
        Assert.Equal(2, reads);
        Assert.Contains(found, t => t.Value == "2021-03-05");
        Assert.Equal(plain.Select(t => (t.Start, t.End, t.Value)), found.Select(t => (t.Start, t.End, t.Value)));
    }

    [Fact]
    public void A_text_on_which_no_pattern_gives_up_has_no_note()
    {
        var notes = new List<string>();
        const string text = "Talks opened in Dravno on March 3, 2021. Zyx Sun abc; the next round starts on Friday.";
        var tokens = Sitrep.Text.Tokenizer.Tokenize(text);

        var found = TimeExpressions.Find(text, tokens, Sitrep.Text.SentenceSplitter.Split(text, tokens), "2021-03-05", null, notes.Add, WithHostile);

        Assert.Empty(notes);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void The_times_stage_notes_a_window_its_pattern_gave_up_on_and_the_document_keeps_its_other_times()
    {
        var features = Features.All.Select(f => f is TimesFeature ? new TimesFeature(WithHostile) : f).ToList();
        var pipeline = Features.Build(features, ["text", "times"]);
        var input = new ArticleInput("in/talks.txt", "talks", InputFormat.PlainText, Article, StatedMetadata.None with { Published = "2021-03-05" }, []);

        var document = pipeline.Analyze(input);

        var note = Assert.Single(document.StageNotes);
        Assert.StartsWith("times: the time pattern 'HostileForTest' gave up after", note, StringComparison.Ordinal);
        Assert.DoesNotContain(document.StageNotes, n => n.Contains("failed", StringComparison.Ordinal));
        Assert.Equal(["2021-03-03", "2021-03-05"], document.Layers.Get(TimesFeature.Times)!.Select(t => t.Value));
    }

    [Fact]
    public void The_real_patterns_give_up_on_no_window_of_an_ordinary_article()
    {
        var document = Features.Build(Features.All, ["text", "times"]).Analyze(
            new ArticleInput("in/talks.txt", "talks", InputFormat.PlainText, Article, StatedMetadata.None with { Published = "2021-03-05" }, []));

        Assert.Empty(document.StageNotes);
        Assert.Contains(document.Layers.Get(TimesFeature.Times)!, t => t.Value == "2021-03-05");
    }
}
