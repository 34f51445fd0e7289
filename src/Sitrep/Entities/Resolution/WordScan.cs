namespace Sitrep.Entities.Resolution;

/// <summary>
/// The words of a stretch of text as the expression <c>[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s\p{L}\p{N}]</c>
/// reads them (with <c>&amp;</c> inside a word when asked): a letter or digit with the letters, digits,
/// apostrophes, full stops and hyphens after it, or any other character that is not white space.
/// Written out instead of run as a regular expression: the role and affiliation readers split the text
/// around every mention of most entities, and the expression's scan was a third of the coreference
/// stage in a processor profile (2026-12-05). <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>,
/// <c>\p{L}</c> <see cref="char.IsLetter(char)"/>, <c>\p{N}</c> <see cref="char.IsNumber(char)"/>;
/// the expression, like this, reads a lone surrogate as a character of its own.
/// </summary>
internal static class WordScan
{
    /// <summary>
    /// The first word at or after <paramref name="start"/>, the text read as ending at <paramref name="end"/>:
    /// moves <paramref name="start"/> to it and gives its length; false when no word begins before the end.
    /// </summary>
    public static bool Next(string text, ref int start, int end, bool ampersand, out int length)
    {
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        if (i >= end)
        {
            length = 0;
            return false;
        }
        int j = i + 1;
        if (IsLetterOrNumber(text[i]))
        {
            while (j < end && (IsLetterOrNumber(text[j]) || text[j] is '.' or '\'' or '’' or '-' || (ampersand && text[j] == '&')))
                j++;
        }
        start = i;
        length = j - i;
        return true;
    }

    /// <summary>ASCII answered by ranges (the same answer as <see cref="char.IsLetter(char)"/> or <see cref="char.IsNumber(char)"/>
    /// gives it); the scans around mentions read mostly ASCII.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterOrNumber(char c) => c < 128
        ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9
        : char.IsLetter(c) || char.IsNumber(c);

    /// <summary>
    /// A position from which <see cref="Next"/> reads the same words as from <paramref name="from"/> once past it: the
    /// first after a white space at or before <paramref name="near"/> (a word never holds white space, so a scan from
    /// there is where a scan from further back would be), or <paramref name="from"/> when there is none after it.
    /// Readers that need only the last few words before a mention start here and go back to <paramref name="from"/>
    /// only when those few words do not answer them.
    /// </summary>
    public static int StartNear(string text, int from, int near)
    {
        int i = near;
        while (i > from && !char.IsWhiteSpace(text[i - 1]))
            i--;
        return i > from ? i : from;
    }

    /// <summary>The first word from <paramref name="start"/>, the text read as ending at <paramref name="end"/>, is a comma.</summary>
    public static bool OpensWithComma(string text, int start, int end)
    {
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
            i++;
        return i < end && text[i] == ',';
    }
}
