using Sitrep.Quotes;

namespace Sitrep.Tests.Quotes;

public sealed class QuoteMarksTests
{
    private static List<string> Quoted(string text) =>
        QuoteMarks.Find(text).Where(s => s.Depth == 0).Select(s => text[s.Start..s.End]).ToList();

    [Theory]
    [InlineData("He said, “We will win.” Then he left.", "We will win.")]
    [InlineData("He said, \"We will win.\" Then he left.", "We will win.")]
    [InlineData("He said, ‘We will win.’ Then he left.", "We will win.")]
    [InlineData("Er sagte: „Wir gewinnen.“ Dann ging er.", "Wir gewinnen.")]
    [InlineData("Il a dit : « Nous gagnerons. » Puis il est parti.", " Nous gagnerons. ")]
    [InlineData("''We will win,'' he said.", "We will win,")]
    public void Pairs_every_kind_of_mark(string text, string words) => Assert.Equal([words], Quoted(text));

    [Fact]
    public void Apostrophes_are_not_quotes()
    {
        Assert.Empty(Quoted("The soldiers' families don't know the Brigades' plans for the '90s."));
    }

    [Fact]
    public void A_quote_reopened_in_the_next_paragraph_runs_on()
    {
        var text = "“First paragraph of the quote.\n\n“Second paragraph,” he said.";
        var spans = QuoteMarks.Find(text);
        var span = Assert.Single(spans);
        Assert.True(span.Spanning);
        Assert.Equal("First paragraph of the quote.\n\n“Second paragraph,", text[span.Start..span.End]);
    }

    [Fact]
    public void An_unclosed_quote_ends_with_its_paragraph()
    {
        var text = "Ruvane said: \"We don't accept it\n\nOstrow replied that the Brigades' position\" had not changed.";
        var span = Assert.Single(QuoteMarks.Find(text));
        Assert.False(span.Closed);
        Assert.Equal("We don't accept it", text[span.Start..span.End]);
    }

    [Fact]
    public void Nested_single_quotes_are_inside_the_double_quote()
    {
        var text = "“He told me ‘get out’ and left,” she said.";
        var spans = QuoteMarks.Find(text);
        Assert.Equal(2, spans.Count);
        Assert.Equal("He told me ‘get out’ and left,", text[spans[0].Start..spans[0].End]);
        Assert.Equal(1, spans[1].Depth);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("”’”“‘")]
    [InlineData("a \" b \" c \" d")]
    [InlineData("«")]
    [InlineData("'' ''")]
    public void Odd_marks_never_throw(string text) => _ = QuoteMarks.Find(text);
}
