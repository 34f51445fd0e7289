using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class LabelConsistencyTests
{
    [Fact]
    public void The_same_name_takes_the_type_most_of_its_occurrences_got()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences =
        [
            ["Torvik", "beat", "Aldmere", "2-1", "."],
            ["Torvik", "scored", "twice", "."],
            ["Torvik", "now", "lead", "the", "league", "."],
        ];
        string[][] tags =
        [
            ["B-ORG", "O", "B-LOC", "O", "O"],
            ["B-LOC", "O", "O", "O"],
            ["B-ORG", "O", "O", "O", "O", "O"],
        ];
        LabelConsistency.Apply(sentences, tags);
        Assert.Equal("B-ORG", tags[1][0]);
        Assert.Equal("B-LOC", tags[0][2]);
    }

    [Fact]
    public void A_tie_changes_nothing()
    {
        IReadOnlyList<IReadOnlyList<string>> sentences = [["Jordan", "won", "."], ["Jordan", "lost", "."]];
        string[][] tags = [["B-PER", "O", "O"], ["B-LOC", "O", "O"]];
        LabelConsistency.Apply(sentences, tags);
        Assert.Equal("B-PER", tags[0][0]);
        Assert.Equal("B-LOC", tags[1][0]);
    }
}
