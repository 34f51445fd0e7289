namespace Sitrep.Contradictions;

/// <summary>What a contradiction is about: when something happened, who holds an office, how many, whether something was done.</summary>
public enum ContradictionKind
{
    Date,
    Role,
    Number,
    Claim,
}

/// <summary>One side of a contradiction: the words in one document that carry its claim, [<see cref="Start"/>, <see cref="End"/>) in UTF-16 units of the cleaned text.</summary>
public sealed record ContradictionSide(string Document, int Start, int End, string Text);

/// <summary>Two or more documents of one story that say different things about the same event, person or fact.</summary>
public sealed record Contradiction(ContradictionKind Kind, string About, IReadOnlyList<ContradictionSide> Sides)
{
    /// <summary>"date", "role", "number", "claim": as written in the JSON.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
