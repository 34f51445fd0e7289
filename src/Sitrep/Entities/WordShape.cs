namespace Sitrep.Entities;

/// <summary>
/// Word shapes ("Xxxx", "X.X.", "dd-dd") and orthographic flags: how a word looks says much about
/// names the model has never seen, which is most of them in news.
/// </summary>
internal static class WordShape
{
    /// <summary>A shape longer than this keeps its tail only: the length beyond it says little.</summary>
    private const int MaxShape = 8;

    [Flags]
    public enum Flags : byte
    {
        None = 0,
        InitialCapital = 1,
        AllCapitals = 2,
        HasDigit = 4,
        HasHyphen = 8,
        SentenceInitial = 16,
        InCapitalisedSentence = 32,
        AllLower = 64,
        HasPeriod = 128,
    }

    public static char Class(char c) => char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;

    /// <summary>The shape with every character mapped: "McCain" → "XxXxxxx" (capped at 8 characters).</summary>
    public static string Shape(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, MaxShape)];
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = Class(word[i]);
        return new string(buffer);
    }

    /// <summary>The shape with runs collapsed: "McCain" → "XxXx", "1996-12-06" → "d-d-d".</summary>
    public static string ShortShape(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        int n = 0;
        foreach (char c in word)
        {
            char k = Class(c);
            if (n == 0 || buffer[n - 1] != k)
                buffer[n++] = k;
        }
        return new string(buffer[..n]);
    }

    internal static uint ShapeHash(ReadOnlySpan<char> word)
    {
        uint h = FeatureHash.Seed;
        int n = Math.Min(word.Length, MaxShape);
        for (int i = 0; i < n; i++)
            h = FeatureHash.Step(h, Class(word[i]));
        return h;
    }

    internal static uint ShortShapeHash(ReadOnlySpan<char> word)
    {
        uint h = FeatureHash.Seed;
        char last = '\0';
        foreach (char c in word)
        {
            char k = Class(c);
            if (k != last)
                h = FeatureHash.Step(h, k);
            last = k;
        }
        return h;
    }

    public static Flags Of(ReadOnlySpan<char> word)
    {
        var flags = Flags.None;
        bool anyUpper = false, anyLower = false;
        foreach (char c in word)
        {
            if (char.IsUpper(c))
                anyUpper = true;
            else if (char.IsLower(c))
                anyLower = true;
            else if (char.IsDigit(c))
                flags |= Flags.HasDigit;
            else if (c == '-')
                flags |= Flags.HasHyphen;
            else if (c == '.')
                flags |= Flags.HasPeriod;
        }
        if (word.Length > 0 && char.IsUpper(word[0]))
            flags |= Flags.InitialCapital;
        if (anyUpper && !anyLower)
            flags |= Flags.AllCapitals;
        if (anyLower && !anyUpper)
            flags |= Flags.AllLower;
        return flags;
    }
}
