using System.Collections.Frozen;
using Sitrep.Entities;

namespace Sitrep.Quotes;

internal sealed partial class FinderRun
{
    /// <summary>Evidence a title, honorific or gendered noun gives (against one pronoun of the article's chain).</summary>
    private const int StrongEvidence = 3;

    private PersonGender[]? _genders;

    /// <summary>Whether the person entity <paramref name="entity"/> may be called "he" (<paramref name="male"/>) or "she": unknown gender fits both.</summary>
    private bool FitsPronoun(int entity, bool male)
    {
        _genders ??= FindGenders();
        if (entity < 0 || entity >= _genders.Length)
            return true;
        return _genders[entity] switch
        {
            PersonGender.Male => male,
            PersonGender.Female => !male,
            _ => true,
        };
    }

    /// <summary>
    /// The gender of each person entity, from the article's own evidence outside quotations: an honorific
    /// or gendered noun right before a name ("Mrs. X", "Congresswoman X", "his wife, X"), a gendered noun in
    /// an apposition right after it ("X, the chairwoman of …", "X, a mother of two"), a role the entity layer
    /// found; "he"/"his"/"him" or "she"/"her" later in a sentence that names that one person and no
    /// other ("X said her office …"); and a given name that the US baby-name files give to one sex ("Nancy X").
    /// Each title counts as three pronouns, a given name as two; a gender needs a score of two and twice
    /// the other's, so a lone pronoun decides nothing, a given name holds against one pronoun but not two, and titles both ways leave it unknown.
    /// </summary>
    private PersonGender[] FindGenders()
    {
        int n = _input.Entities.Count;
        var male = new int[n];
        var female = new int[n];
        var lexicon = PersonGenders.Nouns.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[40];

        void Add(int entity, PersonGender g, int weight)
        {
            if (entity < 0 || entity >= n)
                return;
            if (g == PersonGender.Male)
                male[entity] += weight;
            else if (g == PersonGender.Female)
                female[entity] += weight;
        }

        PersonGender NounAt(int k, Span<char> buffer, bool titleOnly = false)
        {
            if (k < 0 || k >= _tokens.Length || !_view.IsWord(k) || _view.TokenMention[k] >= 0 || _view.Word(k).Length > buffer.Length)
                return PersonGender.Unknown;
            var w = CueFeatures.Lower(_view.Word(k), buffer);
            if (w.Length > 1 && w[^1] == '.')
                w = w[..^1];
            if (!lexicon.TryGetValue(w, out var entry))
                return PersonGender.Unknown;
            // An honorific ("Miss", "Mr") is one only capitalised and right before the name.
            return entry.Honorific && !(titleOnly && _view.IsCapitalised(k)) ? PersonGender.Unknown : entry.Gender;
        }

        // Titles and nouns around each person's mention.
        for (int i = 0; i < _input.Mentions.Count; i++)
        {
            var m = _input.Mentions[i];
            if (m.Type != "PERSON" || m.Entity < 0 || m.Entity >= n)
                continue;
            int first = _view.FirstTokenAtOrAfter(m.Start);
            if (first >= _tokens.Length || _view.TokenQuote[first] >= 0)
                continue;
            int last = _view.LastTokenBefore(m.End);
            // Right before: "Mrs. X", "Mrs X", "Congresswoman X", "his wife, X".
            int b = first - 1;
            if (IsPunct(b, '.') && b >= 1 && _tokens[b].Start == _tokens[b - 1].End)
                b--;
            var before = NounAt(b, buffer, titleOnly: true);
            if (before == PersonGender.Unknown && IsComma(b))
                before = NounAt(b - 1, buffer);
            Add(m.Entity, before, StrongEvidence);
            // An apposition right after: "X, the chairwoman of …", "X, a Republican congresswoman".
            if (IsComma(last + 1))
            {
                for (int k = last + 2; k < _tokens.Length && k <= last + 5; k++)
                {
                    if (!_view.IsWord(k) || _view.TokenQuote[k] >= 0 || WordIn(k, SpeechWords.PhraseStops) || IsCue(k))
                        break;
                    var g = NounAt(k, buffer);
                    if (g != PersonGender.Unknown)
                    {
                        // The noun heads the apposition only when a comma, period, "of" or "from" follows it.
                        int next = k + 1;
                        if (next >= _tokens.Length || !_view.IsWord(next) || WordIs(next, "of") || WordIs(next, "from") || WordIs(next, "and"))
                            Add(m.Entity, g, StrongEvidence);
                        break;
                    }
                }
            }
        }
        // Roles the entity layer found ("congresswoman", "chairwoman"), and titles run into the name ("Congresswoman X", "Mrs X").
        for (int e = 0; e < n; e++)
        {
            if (_input.Entities[e].Type != "PERSON")
                continue;
            foreach (var role in _input.Entities[e].Roles)
            {
                foreach (var word in role.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (lexicon.TryGetValue(word.ToLowerInvariant(), out var entry) && !entry.Honorific)
                        Add(e, entry.Gender, StrongEvidence);
                }
            }
            var words = _input.Entities[e].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int w = 0; w < words.Length - 1; w++)
            {
                if (lexicon.TryGetValue(words[w].TrimEnd('.').ToLowerInvariant(), out var entry))
                {
                    Add(e, entry.Gender, StrongEvidence);
                    break;
                }
            }
        }
        // The article's pronouns in sentences that name one person only.
        foreach (var sentence in _input.Sentences)
        {
            int start = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            int person = -1, firstAt = -1;
            bool single = true;
            for (int k = start; k < end && single; k++)
            {
                if (_view.TokenQuote[k] >= 0 || _view.TokenMention[k] < 0)
                    continue;
                var m = _input.Mentions[_view.TokenMention[k]];
                if (m.Type != "PERSON" || m.Entity < 0)
                    continue;
                if (person < 0)
                {
                    person = m.Entity;
                    firstAt = k;
                }
                else if (m.Entity != person)
                    single = false;
            }
            if (person < 0 || !single)
                continue;
            bool he = false, she = false;
            for (int k = firstAt + 1; k < end; k++)
            {
                if (_view.TokenQuote[k] >= 0 || !_view.IsWord(k) || _view.Word(k).Length > buffer.Length)
                    continue;
                var w = CueFeatures.Lower(_view.Word(k), buffer);
                if (ContractedPronoun(w) is { Length: > 0 } stem)
                    w = stem;
                if (w is "he" or "him" or "his" or "himself")
                    he = true;
                else if (w is "she" or "her" or "hers" or "herself")
                    she = true;
            }
            if (he != she)
                Add(person, he ? PersonGender.Male : PersonGender.Female, 1);
        }
        // A given name before a surname, past titles ("Sen. Rand Paul", "Speaker Nancy Pelosi"): weaker than
        // a title, so the article's own evidence against it leaves the gender unknown.
        for (int e = 0; e < n; e++)
        {
            if (_input.Entities[e].Type != "PERSON")
                continue;
            Add(e, PersonGenders.OfName(_input.Entities[e].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), 2);
        }
        var genders = new PersonGender[n];
        for (int e = 0; e < n; e++)
        {
            if (male[e] >= 2 && male[e] >= 2 * female[e])
                genders[e] = PersonGender.Male;
            else if (female[e] >= 2 && female[e] >= 2 * male[e])
                genders[e] = PersonGender.Female;
        }
        return genders;
    }
}
