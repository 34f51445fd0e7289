using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

/// <summary>An invented training corpus: a few patterns filled with invented names, IOB2 tagged.</summary>
internal static class TinyCorpus
{
    private static readonly string[] People = ["Velko Amrani", "Tessa Morlund", "Iven Castrel", "Dara Quillon", "Oren Faldek", "Mina Sorrow", "Kasper Vuolle", "Lea Brannick"];
    private static readonly string[] Places = ["Tarvis", "Oskovia", "Brelmont", "Quenza", "Valdria", "Moresk"];
    private static readonly string[] Organisations = ["Norvale Bank", "Corvex Group", "Altrima Council", "Selbrook Union"];

    private static readonly string[] Patterns =
    [
        "{P} visited {L} on Monday .",
        "Minister {P} said the talks in {L} would continue .",
        "{O} reported a loss , chief executive {P} said .",
        "Fighting broke out near {L} , officials in {L2} said .",
        "{P} , a spokesman for {O} , declined to comment .",
        "Protesters marched through {L} on Friday .",
    ];

    public static List<ConllSentence> Sentences(int count, int offset = 0)
    {
        var sentences = new List<ConllSentence>();
        for (int i = 0; i < count; i++)
        {
            int k = i + offset;
            sentences.Add(Make(Patterns[k % Patterns.Length], People[k % People.Length], Places[k % Places.Length], Places[(k + 1) % Places.Length], Organisations[k % Organisations.Length], i == 0));
        }
        return sentences;
    }

    public static ConllSentence Make(string pattern, string person, string place, string place2, string organisation, bool startsDocument = false)
    {
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var slot in pattern.Split(' '))
        {
            var (name, type) = slot switch
            {
                "{P}" => (person, "PER"),
                "{L}" => (place, "LOC"),
                "{L2}" => (place2, "LOC"),
                "{O}" => (organisation, "ORG"),
                _ => (slot, ""),
            };
            var parts = name.Split(' ');
            for (int i = 0; i < parts.Length; i++)
            {
                words.Add(parts[i]);
                tags.Add(type.Length == 0 ? "O" : (i == 0 ? "B-" : "I-") + type);
            }
        }
        return new ConllSentence([.. words.Select((w, i) => w + " " + tags[i])], [.. words], [.. tags], startsDocument);
    }
}
