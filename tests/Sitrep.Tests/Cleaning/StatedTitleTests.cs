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
}
