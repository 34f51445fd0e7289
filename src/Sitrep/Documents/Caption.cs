namespace Sitrep.Documents;

/// <summary>A photo caption: not body text, kept for the facts it carries.</summary>
public sealed record Caption(string Text, TextRange Raw);
