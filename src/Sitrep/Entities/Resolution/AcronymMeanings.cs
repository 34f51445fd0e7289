using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Sitrep.Entities.Actors;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// What the actor dictionaries (resources/actors/actors.tsv) say an acronym means: the names they list whose words'
/// initials it spells, when they list the acronym itself as a name ("un": the United Nations). An article that
/// writes "U.N." without spelling it out means that, not the "University of Nevada" it names elsewhere.
/// </summary>
internal static class AcronymMeanings
{
    /// <summary>Per table, its names of two words or more by the initials of their words (function words aside).</summary>
    private static readonly ConditionalWeakTable<ActorTable, FrozenDictionary<string, string[]>> ByInitials = [];

    /// <summary>
    /// The content words (<see cref="NameKeys.ContentWords"/>) of each listed name the acronym spells, or null when the
    /// dictionaries do not list the acronym or give it no such meaning.
    /// </summary>
    /// <param name="acronym">The acronym as written ("U.N.").</param>
    /// <param name="letters">Its letters as <see cref="NameKeys.Words"/> joins them ("un").</param>
    public static List<HashSet<string>>? Of(string acronym, string letters, ActorTable actors)
    {
        if (letters.Length < 2 || actors.OfKey(letters) is null)
            return null;
        var index = ByInitials.GetValue(actors, Build);
        if (!index.TryGetValue(letters, out var names))
            return null;
        List<HashSet<string>>? meanings = null;
        foreach (var name in names)
        {
            if (NameKeys.Abbreviates(acronym, name.Split(' ')))
                (meanings ??= []).Add(NameKeys.ContentWords(name));
        }
        return meanings;
    }

    /// <summary>Whether a name shares most words with one of the acronym's meanings (<see cref="NameKeys.ShareMostWords"/>).</summary>
    public static bool Means(List<HashSet<string>> meanings, string name)
    {
        var words = NameKeys.ContentWords(name);
        foreach (var meaning in meanings)
        {
            if (NameKeys.ShareMostWords(words, meaning))
                return true;
        }
        return false;
    }

    private static FrozenDictionary<string, string[]> Build(ActorTable actors)
    {
        var byInitials = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in actors.Keys)
        {
            var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
                continue;
            var initials = string.Concat(words.Where(w => w is not ("of" or "the" or "and" or "for" or "in")).Select(w => w[0]));
            if (initials.Length < 2)
                continue;
            if (!byInitials.TryGetValue(initials, out var list))
                byInitials[initials] = list = [];
            list.Add(key);
        }
        return byInitials.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
