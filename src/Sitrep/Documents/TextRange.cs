namespace Sitrep.Documents;

/// <summary>A half-open range of UTF-16 code units, <c>[Start, End)</c>, into one string.</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start}, {End})";
}
