using Sitrep.Cleaning;

namespace Sitrep.Tests.Cleaning;

/// <summary>
/// A text whose input states its headline apart (a JSONL record's title) has no headline by
/// position: its first line, written as a sentence, is body; page furniture above it still goes.
/// </summary>
public sealed class StatedTitleTests
{
    private const string Text = """
        Skip to content
        Brexit is delayed, again.
        Copyright © 2025 The Harbor Ledger. All rights reserved.
        Ministers in Aldmere agreed late on Thursday to push back the vote on the trade treaty for a third time, after the Brigades refused to back the new customs rules.
        The vote is now due in May.
        """;

    [Fact]
    public void First_sentence_line_is_body_when_the_title_is_stated()
    {
        var result = new PlainTextCleaner().Clean(Text, "Aldmere puts off the treaty vote");

        Assert.StartsWith("Brexit is delayed, again.\n\nMinisters in Aldmere", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip to content", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void First_sentence_line_is_the_headline_when_no_title_is_stated()
    {
        var result = new PlainTextCleaner().Clean(Text);

        Assert.StartsWith("Ministers in Aldmere", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removed, r => r.Text == "Brexit is delayed, again.");
    }

    private const string CaptionedHeadline = """
        Harbor chief Lida Varn speaks to reporters at the Merraven quays on Monday. | Pell Arvo/Courier Photo Ports Merraven delays the Ostrel dredging vote Two board members want the bids reviewed first.
        The Merraven harbor authority on Monday postponed a vote on a 40 million crown dredging contract.
        "Merraven delays the Ostrel dredging vote" was the headline the board feared, Varn said.
        """;

    [Fact]
    public void A_caption_glued_to_the_stated_headline_is_not_the_first_paragraph()
    {
        var result = new PlainTextCleaner().Clean(CaptionedHeadline, "Merraven delays the Ostrel dredging vote");

        Assert.StartsWith("The Merraven harbor authority on Monday", result.Text, StringComparison.Ordinal);
        Assert.Contains(result.Removed, r => r.Text.StartsWith("Harbor chief Lida Varn", StringComparison.Ordinal));
        // A later paragraph that quotes the headline is the story's.
        Assert.Contains("was the headline the board feared", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_paragraph_with_a_bar_but_without_the_headline_stays()
    {
        const string text = """
            Dock workers | crane drivers and pilots walked out on Monday over the new night shifts at the Merraven quays.
            The strike is the third this year.
            """;
        var result = new PlainTextCleaner().Clean(text, "Merraven delays the Ostrel dredging vote");

        Assert.StartsWith("Dock workers | crane drivers", result.Text, StringComparison.Ordinal);
    }
}
