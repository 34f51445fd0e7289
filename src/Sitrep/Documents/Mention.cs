namespace Sitrep.Documents;

/// <summary>A name in the body: its range and its type (PERSON, ORG, GPE, LOC, FACILITY, MEDIA, MISC).</summary>
public readonly record struct Mention(int Start, int End, string Type)
{
    public string Text(string body) => body[Start..End];
}
