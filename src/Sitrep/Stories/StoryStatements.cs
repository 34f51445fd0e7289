using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Quotes;

namespace Sitrep.Stories;

/// <summary>One quote of a statement: the document, the quote's index in its quotes, its words and date.</summary>
public sealed record StatementQuote(string Document, int Quote, string Words, string? Date);

/// <summary>The same statement reported by several articles of a story: the speaker (stored entity id and name) and every version.</summary>
public sealed record StoryStatement(string Speaker, string SpeakerName, IReadOnlyList<StatementQuote> Quotes);

/// <summary>
/// The same statement across outlets. Each article already groups its quotes of one speaker on one
/// occasion (a quote's statement number); those groups are joined across articles when the speaker
/// is the same stored entity, their dates do not conflict (an unknown date conflicts with none) and
/// the words they put in quotation marks agree: at least two content words in common that make up a
/// fair share of the shorter version, since one outlet may quote only part, or translate otherwise.
/// Paraphrase alone (reported speech) is the outlet's wording and does not match statements. A
/// speaker's two different statements share few words and stay apart.
/// </summary>
public static class StoryStatements
{
    /// <summary>Of the shorter version's content words, at least this share must be in the other.</summary>
    private const double MinShared = 0.25;

    private const int MinSharedWords = 2;

    public static IReadOnlyList<StoryStatement> Of(IReadOnlyList<Document> documents, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        var units = new List<Unit>();
        foreach (var document in documents)
        {
            var quotes = StoredQuotes.Of(document, store);
            foreach (var group in quotes.Where(q => q.SpeakerId is not null).GroupBy(q => (q.SpeakerId!, q.Quote.Statement)))
            {
                // Words in quotation marks are the speaker's; a reporter's paraphrase is the outlet's own words.
                var quoted = group.Where(q => q.Quote.Kind != QuoteKind.Indirect).ToList();
                if (quoted.Count == 0)
                    continue;
                var words = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var q in quoted)
                    StoryTerms.Count(q.Words, 1, words);
                // A date the article did not write beside the words (the publication date standing in) is no
                // evidence of the occasion, so it conflicts with none.
                var dates = group.Where(q => q.Quote.Cited is { DateInferred: false }).Select(q => q.Date).Where(d => d is { Length: 10 } && !d.StartsWith('X')).Distinct(StringComparer.Ordinal).ToList();
                units.Add(new Unit(document.Id, group.Key.Item1, group.First().Speaker ?? group.Key.Item1, [.. group], [.. words.Keys], dates.Count == 1 ? dates[0] : null));
            }
        }
        var sets = new DisjointSets(units.Count);
        for (int i = 0; i < units.Count; i++)
        {
            for (int j = i + 1; j < units.Count; j++)
            {
                if (Same(units[i], units[j]))
                    sets.Union(i, j);
            }
        }
        var statements = new List<StoryStatement>();
        foreach (var component in Enumerable.Range(0, units.Count).GroupBy(sets.Find).Select(g => g.Select(i => units[i]).ToList()))
        {
            if (component.Select(u => u.Document).Distinct(StringComparer.Ordinal).Count() < 2)
                continue;
            statements.Add(new StoryStatement(
                component[0].Speaker,
                component[0].SpeakerName,
                [.. component.SelectMany(u => u.Quotes).Select(q => new StatementQuote(q.Document, q.Index, q.Words, q.Date))]));
        }
        return statements;
    }

    private static bool Same(Unit a, Unit b)
    {
        if (a.Document == b.Document || a.Speaker != b.Speaker)
            return false;
        if (a.Date is not null && b.Date is not null && a.Date != b.Date)
            return false;
        var (small, large) = a.Words.Count <= b.Words.Count ? (a, b) : (b, a);
        if (small.Words.Count == 0)
            return false;
        var other = large.Words.ToHashSet(StringComparer.Ordinal);
        int shared = small.Words.Count(other.Contains);
        return shared >= MinSharedWords && shared >= MinShared * small.Words.Count;
    }

    private sealed record Unit(string Document, string Speaker, string SpeakerName, IReadOnlyList<StoredQuote> Quotes, IReadOnlyList<string> Words, string? Date);
}
