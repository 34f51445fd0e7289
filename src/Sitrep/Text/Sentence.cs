namespace Sitrep.Text;

/// <summary>A sentence: its range of the body and its tokens' range in the token array.</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount);
