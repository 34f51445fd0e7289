using System.Collections.Frozen;

namespace Sitrep.Entities;

/// <summary>
/// Maps the entity types of the corpora we read (CoNLL, GMB, GUM, OntoNotes-style) onto the four
/// CoNLL types the tagger predicts, so corpora can be mixed and output scored against CoNLL files.
/// </summary>
public static class EntityTypes
{
    public const string Person = "PER";
    public const string Organization = "ORG";
    public const string Location = "LOC";
    public const string Miscellaneous = "MISC";

    private static readonly FrozenDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["PER"] = Person,
        ["PERSON"] = Person,
        ["ORG"] = Organization,
        ["ORGANIZATION"] = Organization,
        ["MEDIA"] = Organization,
        ["LOC"] = Location,
        ["LOCATION"] = Location,
        ["GPE"] = Location,
        ["GEO"] = Location,
        ["FACILITY"] = Location,
        ["FAC"] = Location,
        ["PLACE"] = Location,
        ["MISC"] = Miscellaneous,
        ["NORP"] = Miscellaneous,
        ["EVENT"] = Miscellaneous,
        ["EVE"] = Miscellaneous,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The CoNLL type for a corpus type, or null for types CoNLL does not mark (dates, numbers...).</summary>
    public static string? Normalize(string type) => Map.GetValueOrDefault(type);
}
