using System.Text.RegularExpressions;
using Sitrep.Events;
using Sitrep.Lexicons;

namespace Sitrep.Contradictions;

/// <summary>
/// Opposing claims whether something happened: one article says in its own words that an actor has
/// only done a weaker thing, or nothing yet ("X has so far only imposed sanctions", "X has shown
/// restraint", "X has yet to respond": <c>claim-restrictions</c>), while another asserts, in its own
/// words, a use of force by the same actor (an asserted ASSAULT event whose actor is the same stored
/// entity) before the first was published and recent enough to fall within its "so far"
/// (<see cref="RecentDays"/>). Not a contradiction: words someone is quoted saying (a denial quoted as
/// such), an action the restricting article itself reports, an action dated after the restriction
/// was written, or one the later article marks as new ("for the first time", "now").
/// </summary>
internal static partial class ClaimContradictions
{
    private static readonly Lexicon Restrictions = Lexicon.Get("claim-restrictions");

    /// <summary>An action older than this before the restricting article is history, not what "so far" weighs.</summary>
    private const int RecentDays = 45;

    private static readonly Lazy<Regex> Phrase = new(() => new Regex(
        @"\b(?<phrase>" + string.Join("|", Restrictions.Entries.Where(e => e.Tags.Contains("only") || e.Tags.Contains("none") || e.Tags.Contains("action"))
            .Select(e => e.Text).OrderByDescending(t => t.Length).Select(t => Regex.Escape(t).Replace("\\ ", "\\s+", StringComparison.Ordinal))) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds)));

    [GeneratedRegex(@"\G\s*(?<word>[\p{L}\-]+)", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex NextWord();

    [GeneratedRegex(@"\b(?:for\s+the\s+first\s+time|first[-\s]ever|now|new|newly|latest|fresh)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex Novelty();

    /// <summary>Words that end the verb phrase after "only": prepositions, conjunctions and the like.</summary>
    private static readonly HashSet<string> Stops = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "against", "for", "to", "at", "with", "after", "as", "by", "from", "over", "regarding", "since", "and", "or", "but", "while",
        "because", "though", "although", "which", "that", "who", "despite", "amid", "of", "into", "toward", "towards", "when", "yet",
    };

    public static IEnumerable<Contradiction> Find(IReadOnlyList<StoryText> documents)
    {
        var restrictions = documents.SelectMany(Restricted).ToList();
        foreach (var actor in restrictions.GroupBy(r => r.Actor, StringComparer.Ordinal))
        {
            var claimants = actor.Select(r => r.Document.Id).ToHashSet(StringComparer.Ordinal);
            var sides = actor.GroupBy(r => r.Document.Id, StringComparer.Ordinal).Select(g => g.First())
                .Select(r => new ContradictionSide(r.Document.Id, r.Start, r.End, r.Document.Text[r.Start..r.End])).ToList();
            int restricting = sides.Count;
            foreach (var d in documents.Where(d => !claimants.Contains(d.Id)))
            {
                var force = Forces(d, actor.Key, actor.ToList()).ToList();
                var best = force.FirstOrDefault(e => e.Target >= 0) ?? force.FirstOrDefault();
                if (best is null)
                    continue;
                var (start, end) = Clause(d, best.CueStart);
                sides.Add(new ContradictionSide(d.Id, start, end, d.Text[start..end]));
            }
            if (sides.Count == restricting)
                continue;
            var first = actor.First();
            yield return new Contradiction(ContradictionKind.Claim, $"whether {first.ActorName} has used force, or only: {first.Document.Text[first.PhraseStart..first.End]}", sides);
        }
    }

    /// <summary>The asserted uses of force by <paramref name="actor"/> in the document's own words that the restrictions' "so far" covers.</summary>
    private static IEnumerable<Event> Forces(StoryText d, string actor, IReadOnlyList<Restriction> restrictions)
    {
        foreach (var e in d.Events)
        {
            if (e.Type != "ASSAULT" || e.Status != EventStatus.Asserted || e.Quote >= 0 || d.Key(e.Actor) != actor || d.InQuote(e.CueStart, e.CueEnd))
                continue;
            var when = StoryText.Day(e.Date ?? e.From) is { } day && !e.DateInferred ? day : (DateOnly?)null;
            var (sentenceStart, sentenceEnd) = d.Sentence(e.CueStart);
            bool covered = restrictions.Any(r =>
            {
                var written = r.Document.Published ?? d.Published;
                if (written is not { } w)
                    return true;
                if (when is { } x)
                    return x <= w && w.DayNumber - x.DayNumber <= RecentDays;
                // Undated: told after the restriction and marked as new, it is an update.
                return !(d.Published is { } p && p > w && Novelty().IsMatch(d.Text[sentenceStart..sentenceEnd]));
            });
            if (covered)
                yield return e;
        }
    }

    /// <summary>From the cue to the end of its clause (a comma, semicolon, dash or the sentence's end), at most 120 characters.</summary>
    private static (int Start, int End) Clause(StoryText d, int cueStart)
    {
        var (_, sentenceEnd) = d.Sentence(cueStart);
        int end = cueStart;
        while (end < sentenceEnd && end - cueStart < 120 && d.Text[end] is not (',' or ';' or '.' or '—' or '–' or ':' or '\n' or '?' or '!'))
            end++;
        while (end > cueStart && char.IsWhiteSpace(d.Text[end - 1]))
            end--;
        return (cueStart, end);
    }

    /// <summary>English irregular past participles that do not end in -ed or -en (a closed class of the grammar).</summary>
    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "made", "sent", "said", "held", "put", "set", "kept", "brought", "paid", "told", "built", "spent", "done", "cut", "led", "lent", "left",
        "lost", "met", "meant", "read", "sought", "sold", "shot", "sat", "stood", "struck", "taught", "thought", "understood", "won", "hit", "bought",
        "caught", "fought", "found", "had", "heard", "let", "dealt", "felt", "fled", "got", "hung", "laid", "run", "sprung", "swung", "shut", "spread",
    };

    private static bool Participle(string word) =>
        word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("en", StringComparison.OrdinalIgnoreCase)
        || word.EndsWith("wn", StringComparison.OrdinalIgnoreCase) || IrregularParticiples.Contains(word);

    /// <summary>The restricting claims in a document's own words, each with its actor (the name right before the phrase).</summary>
    internal static IEnumerable<Restriction> Restricted(StoryText d)
    {
        var text = d.Text;
        foreach (Match m in Phrase.Value.Matches(text))
        {
            var group = m.Groups["phrase"];
            if (d.InQuote(group.Index, group.Index + group.Length))
                continue;
            var phrase = string.Join(' ', group.Value.ToLowerInvariant().Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
            var tags = Restrictions.Entries.Where(e => e.Text.Equals(phrase, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Tags).ToHashSet(StringComparer.Ordinal);
            int mention = -1;
            for (int i = d.Mentions.Count - 1; i >= 0; i--)
            {
                if (d.Mentions[i].End <= group.Index)
                {
                    if (string.IsNullOrWhiteSpace(text[d.Mentions[i].End..group.Index]))
                        mention = i;
                    break;
                }
            }
            if (mention < 0 || d.Key(d.Mentions[mention].Entity) is not { } actor)
                continue;
            int end = group.Index + group.Length;
            if (!tags.Contains("none"))
            {
                // The verb phrase after the phrase: up to four words before a preposition or a stop.
                var words = new List<(string Word, int End)>();
                int at = end;
                while (words.Count < 4)
                {
                    var w = NextWord().Match(text, at);
                    if (!w.Success || Stops.Contains(w.Groups["word"].Value))
                        break;
                    words.Add((w.Groups["word"].Value, w.Index + w.Length));
                    at = w.Index + w.Length;
                }
                if (words.Count == 0)
                    continue;
                if (tags.Contains("action") && !Restrictions.Tagged("act").Contains(words[0].Word))
                    continue;
                // "has only imposed sanctions" tells what was done; "has only 20 bases" tells what there is.
                if (tags.Contains("only") && !Participle(words[0].Word))
                    continue;
                // "has only invoked Article 5 once", "has only lost two games": an "only" claim is one of
                // restraint when what was done is a weaker kind of act (sanctions, warnings, condemnation).
                if (tags.Contains("only") && !words.Any(w => Restrictions.Tagged("weak").Contains(w.Word.ToLowerInvariant())))
                    continue;
                // "has only struck empty buildings" is no weaker thing than an attack.
                if (tags.Contains("only") && words.Any(w => Restrictions.Tagged("strong").Contains(w.Word)))
                    continue;
                end = tags.Contains("action") ? words[0].End : words[^1].End;
            }
            int start = d.Mentions[mention].Start;
            if (start >= 4 && text[(start - 4)..start].Equals("the ", StringComparison.OrdinalIgnoreCase))
                start -= 4;
            yield return new Restriction(d, actor, d.Name(d.Mentions[mention].Entity) ?? d.Mentions[mention].Text(text), start, group.Index, end);
        }
    }

    internal sealed record Restriction(StoryText Document, string Actor, string ActorName, int Start, int PhraseStart, int End);
}
