using Sitrep.Entities;
using Sitrep.Text;

namespace Sitrep.Tests.Entities;

public sealed class DatelinesTests
{
    [Fact]
    public void A_dateline_place_and_agency_replace_what_the_tagger_made_of_them()
    {
        const string text = "KESTRELBURG (Ledger Wire) - Ferries to Aldmere resumed.";
        var tokens = Tokenizer.Tokenize(text);
        // As a tagger trained on other datelines might read it: the place an organisation, the agency missed.
        int aldmere = text.IndexOf("Aldmere", StringComparison.Ordinal);
        List<EntityMention> tagged = [new(0, 11, EntityTypes.Organization, 0, 1), new(aldmere, aldmere + 7, EntityTypes.Location, 8, 1)];

        var result = Datelines.Apply(text, tokens, tagged);

        Assert.Equal(["KESTRELBURG/LOC", "Ledger Wire/ORG", "Aldmere/LOC"], result.Select(m => $"{m.Text(text)}/{m.Type}").ToArray());
        Assert.True(Datelines.IsAgency(text, text.IndexOf("Ledger", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_acronym_spelled_out_in_brackets_is_not_a_dateline()
    {
        const string text = "MLF (Marren Liberation Front) - the group said it would talk.";
        var tokens = Tokenizer.Tokenize(text);
        List<EntityMention> tagged = [new(0, 3, EntityTypes.Organization, 0, 1), new(5, 28, EntityTypes.Organization, 2, 3)];

        Assert.Same(tagged, Datelines.Apply(text, tokens, tagged));
        Assert.False(Datelines.IsAgency(text, 5));
    }
}
