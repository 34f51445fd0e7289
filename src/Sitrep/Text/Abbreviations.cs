using System.Collections.Frozen;

namespace Sitrep.Text;

/// <summary>
/// Abbreviations that end in a full stop without ending a sentence: titles, ranks, months, and
/// the like, as news English writes them. Dotted capitals (U.S., P.M.F.) and initials are
/// recognised by shape and need no list.
/// </summary>
internal static class Abbreviations
{
    /// <summary>Lower-cased, without the final full stop.</summary>
    public static readonly FrozenSet<string> Known = FrozenSet.ToFrozenSet(
        ["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "rev", "hon", "gov", "sen", "rep", "pres", "amb", "gen", "lt", "col", "maj", "capt",
         "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "lt.-col", "lt.-gen", "maj.-gen", "brig.-gen", "ret", "jan", "feb", "mar", "apr", "jun", "jul",
         "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "no", "nos", "vol", "vs", "v",
         "etc", "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est", "approx", "fig", "p", "pp", "ed", "eds", "al", "cf", "e.g", "i.e", "ca",
         "min", "max", "sq", "km", "mi", "kg", "lb", "lbs", "oz", "ave", "blvd", "rd", "hwy"],
        StringComparer.Ordinal);

    /// <summary>Abbreviations that may also end a sentence ("… in the U.S. The next day …").</summary>
    public static readonly FrozenSet<string> MayEndSentence = FrozenSet.ToFrozenSet(
        ["etc", "inc", "ltd", "co", "corp", "bros", "jr", "sr", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "ret"], StringComparer.Ordinal);
}
