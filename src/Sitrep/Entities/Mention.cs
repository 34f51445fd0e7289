namespace Sitrep.Entities;

/// <summary>
/// A name in the body: its range, its type (PERSON, ORG, GPE, LOC, FACILITY, MEDIA, MISC), and which
/// of the document's entities (<see cref="EntityLayers.DocumentEntities"/>) it names (-1 before coreference has run).
/// </summary>
public readonly record struct Mention(int Start, int End, string Type)
{
    public int Entity { get; init; } = -1;

    /// <summary>
    /// The mention is a nationality word ("Iraqi", "Americans") standing for its country's entity: it
    /// links to the country without being one of its names, so it never ranks as an actor of its own.
    /// </summary>
    public bool Demonym { get; init; }

    /// <summary>
    /// The article itself says what kind of thing the name is, beside the tagger's guess: a rule read a cue in
    /// the text (a company noun, a legal form, a title, a head noun, a place list, a publisher noun). Passing:
    /// it weighs the document entity's type vote across articles (<see cref="Resolution.DocumentEntity.TypeCued"/>);
    /// a mention whose type a later step changes loses it.
    /// </summary>
    public bool Cued { get; init; }

    public string Text(string body) => body[Start..End];
}
