using System.Collections.Frozen;

namespace Sitrep.Entities.Resolution;

/// <summary>Nouns that name a position a person holds, as news English writes them in lower case in appositions.</summary>
internal static class RoleWords
{
    public static readonly FrozenSet<string> Nouns = FrozenSet.ToFrozenSet(
        ["president", "minister", "secretary", "commander", "chief", "leader", "general", "spokesman", "spokeswoman", "spokesperson", "adviser",
         "advisor", "director", "governor", "senator", "ambassador", "envoy", "chairman", "chairwoman", "speaker", "mayor", "deputy", "head",
         "founder", "cleric", "lawmaker", "legislator", "member", "premier", "chancellor", "king", "queen", "prince", "emir", "judge",
         "prosecutor", "editor", "correspondent", "analyst", "professor", "researcher", "fellow", "expert", "officer", "colonel", "captain",
         "admiral", "marshal", "lieutenant", "sheikh", "ayatollah", "imam", "representative", "negotiator", "coordinator", "aide", "candidate",
         "nominee", "designate", "secretary-general", "ceo", "chairperson", "counsel", "attorney", "inspector", "administrator", "delegate"],
        StringComparer.OrdinalIgnoreCase);
}
