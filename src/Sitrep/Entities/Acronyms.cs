namespace Sitrep.Entities;

/// <summary>
/// The shape of an acronym, read in place. The entity stage, the place evidence and the mention evidence each had a copy
/// of the first test; the mention evidence's looser one lives here beside it so the two are read and changed together.
/// </summary>
internal static class Acronyms
{
    /// <summary>Two capitals or more and nothing but capitals, dots and "&amp;" ("ACLU", "U.N.", "AT&amp;T").</summary>
    public static bool IsAcronym(ReadOnlySpan<char> s)
    {
        int capitals = 0;
        foreach (char c in s)
        {
            if (char.IsUpper(c))
                capitals++;
            else if (c is not ('.' or '&'))
                return false;
        }
        return capitals >= 2;
    }

    /// <summary>
    /// Two capitals or more and no lower-case letter ("IRGC", "U.S.", and also "COVID-19", "U.S. NSA"): the looser test the
    /// mention evidence reads a name left before a cut title with, where digits, hyphens and spaces may stand in an acronym.
    /// </summary>
    public static bool HasNoLowerCase(ReadOnlySpan<char> s)
    {
        int capitals = 0;
        foreach (char c in s)
        {
            if (char.IsLower(c))
                return false;
            if (char.IsUpper(c))
                capitals++;
        }
        return capitals >= 2;
    }
}
