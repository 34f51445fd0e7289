namespace Sitrep.Entities;

/// <summary>A recognised name: its character range in the text, its type (PER, ORG, LOC, MISC) and its tokens.</summary>
public readonly record struct EntityMention(int Start, int End, string Type, int FirstToken, int TokenCount)
{
    public string Text(string text) => text[Start..End];
}
