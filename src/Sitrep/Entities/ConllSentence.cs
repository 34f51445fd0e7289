namespace Sitrep.Entities;

/// <summary>
/// One sentence of a CoNLL file: its original lines (kept so a prediction can be appended to them
/// unchanged), the words (first column) and the gold tags (the chosen column, as written in the file).
/// </summary>
public sealed record ConllSentence(string[] Lines, string[] Words, string[] Tags, bool StartsDocument);
