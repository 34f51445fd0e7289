namespace Sitrep.Pipeline;

/// <summary>What a stage needs from the stages before it and what it adds.</summary>
[Flags]
public enum Layers
{
    None = 0,
    RawText = 1 << 0,
    Body = 1 << 1,
    Removed = 1 << 2,
    Captions = 1 << 3,
    PageHints = 1 << 4,
    Language = 1 << 5,
    Metadata = 1 << 6,
    Tokens = 1 << 7,
    Mentions = 1 << 8,
    Coreference = 1 << 9,
}
