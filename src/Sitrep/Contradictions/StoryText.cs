using System.Globalization;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Quotes;
using Sitrep.Time;

namespace Sitrep.Contradictions;

/// <summary>
/// What the contradiction finders read of one stored document: its text and day, its mentions with
/// the entity each names across the store (the stored id, so "Washington" in one article and "the
/// United States" in another are one actor), its time expressions, events and quotes. Read once per
/// document from the stored layers; nothing here runs a model.
/// </summary>
internal sealed class StoryText
{
    private readonly string?[] _keys;
    private readonly string?[] _names;

    public StoryText(Document document, IDocumentStore? store)
    {
        Document = document;
        Text = document.Text;
        Published = Day(document.Metadata.Published);
        Mentions = document.Mentions();
        Entities = document.Entities();
        var resolved = MentionsTable.EntitiesOf(document, store?.Feature<IEntityDirectory>());
        _keys = new string?[Entities.Count];
        var demonyms = Mentions.Where(m => m.Demonym).Select(m => m.Entity).ToHashSet();
        _names = new string?[Entities.Count];
        for (int i = 0; i < Entities.Count; i++)
        {
            // A country (or the country a demonym stands for) is known by its code: resolution may keep the demonym's "Türkiye" apart from "Turkey"; any
            // other entity by its stored id, or without a store by its name within the documents read together.
            _keys[i] = Entities[i].Type == "GPE" && (Entities[i].Country ?? (demonyms.Contains(i) ? Entities[i].Nationality : null)) is { } country ? "country:" + country
                : i < resolved.Length && resolved[i] is { } s ? MentionsTable.EntityId(s.Id)
                : "name:" + Entities[i].Name.ToLowerInvariant();
            _names[i] = i < resolved.Length && resolved[i] is { } t ? t.Name : Entities[i].Name;
        }
        Times = document.Layers.Get(TimesFeature.Times) ?? [];
        Events = document.Layers.Get(EventsFeature.Events) ?? [];
        Quotes = document.Layers.Get(QuotesFeature.Quotes)?.Quotes ?? [];
    }

    public Document Document { get; }

    public string Id => Document.Id;

    public string Text { get; }

    public DateOnly? Published { get; }

    public IReadOnlyList<Mention> Mentions { get; }

    public IReadOnlyList<DocumentEntity> Entities { get; }

    public IReadOnlyList<TimeExpression> Times { get; }

    public IReadOnlyList<Event> Events { get; }

    public IReadOnlyList<Quote> Quotes { get; }

    /// <summary>The entity's key across the documents read together ("E12"), or null.</summary>
    public string? Key(int entity) => entity >= 0 && entity < _keys.Length ? _keys[entity] : null;

    public string? Name(int entity) => entity >= 0 && entity < _names.Length ? _names[entity] : null;

    public string? Type(int entity) => entity >= 0 && entity < Entities.Count ? Entities[entity].Type : null;

    /// <summary>The country an entity is (a country or its capital) or belongs to (ISO alpha-3), or null.</summary>
    public string? Country(int entity) => entity >= 0 && entity < Entities.Count ? Entities[entity].Country ?? Entities[entity].Nationality : null;

    /// <summary>Whether [start, end) lies inside words the article attributes to someone (a quote, direct or reported).</summary>
    public bool InQuote(int start, int end) => Quotes.Any(q => q.Holds(start, end));

    /// <summary>
    /// The sentence around <paramref name="at"/>: from after the last full stop, question or
    /// exclamation mark followed by a space and a capital (or a line break) to the next. A stop after
    /// a known abbreviation or an initial ("Gen.", "J.") does not end a sentence, and "Jan. 3" goes on
    /// with a digit. (The tokens that the sentence splitter reads are not stored; this is its rule in short.)
    /// </summary>
    public (int Start, int End) Sentence(int at)
    {
        int start = at;
        while (start > 0 && !EndsSentence(start - 1))
            start--;
        int end = at;
        while (end < Text.Length && !EndsSentence(end))
            end++;
        return (start, Math.Min(Text.Length, end + 1));
    }

    private bool EndsSentence(int i)
    {
        char c = Text[i];
        if (c == '\n')
            return true;
        if (c is not ('.' or '!' or '?'))
            return false;
        if (i + 2 >= Text.Length)
            return i + 1 >= Text.Length || char.IsWhiteSpace(Text[i + 1]);
        if (!char.IsWhiteSpace(Text[i + 1]))
            return false;
        int next = i + 1;
        while (next < Text.Length && Text[next] == ' ')
            next++;
        if (next >= Text.Length || !(char.IsUpper(Text[next]) || Text[next] is '"' or '“' or '\n'))
            return false;
        if (c != '.')
            return true;
        int w = i;
        while (w > 0 && (char.IsLetter(Text[w - 1]) || Text[w - 1] == '.'))
            w--;
        var word = Text[w..i].ToLowerInvariant();
        // "Gen." "Maj." "Jan." end no sentence (the splitter's list); an initial or dotted capitals ("U.S.") seldom do.
        return !Sitrep.Text.Abbreviations.Known.Contains(word) && word.Length > 1 && !word.Contains('.', StringComparison.Ordinal);
    }

    public static DateOnly? Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
