using System.Collections.Frozen;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Common nouns that head organisation names. A shorter name ending in one ("the Revolutionary
/// Guards", "the Guards") is a short form of the longer one in the same article; a shorter name
/// that is itself a proper name ("Hezbollah" inside "Kata'ib Hezbollah") is not.
/// </summary>
internal static class OrganisationHeads
{
    public static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
        ["guards", "guard", "corps", "forces", "force", "army", "brigades", "brigade", "battalions", "battalion", "party", "movement", "front",
         "council", "committee", "ministry", "militia", "militias", "group", "organization", "organisation", "union", "association", "institute",
         "center", "centre", "foundation", "court", "parliament", "assembly", "regiment", "division", "coalition", "alliance", "league",
         "federation", "commission", "authority", "agency", "department", "office", "navy", "command", "service", "services", "police",
         "units", "unit", "mobilization", "mobilisation", "congress", "senate", "cabinet", "government"],
        StringComparer.Ordinal);
}
