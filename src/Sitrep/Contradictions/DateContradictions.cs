using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Lexicons;
using Sitrep.Time;

namespace Sitrep.Contradictions;

/// <summary>
/// The date of one event told differently. Only events that can happen once are compared, so two
/// dates cannot be two events: a person's death (<c>fatal-events</c>: "killed X", "the killing of X",
/// "X, who was killed", "X's death", "X died"). The victim is the person mention the cue words point
/// at; the date is the time expression of the same sentence nearest to the cue and the victim, when
/// it names a day, month or year ("Jan. 3", "early January", "last September") and is no bound
/// ("since January", "before March"). Two reports contradict when their days cannot overlap: a range
/// that holds the other's day agrees with it ("early January" and "Jan. 3").
/// </summary>
internal static partial class DateContradictions
{
    private static readonly Lexicon Cues = Lexicon.Get("fatal-events");

    /// <summary>How far from the cue and victim the date may be, in characters of the same sentence.</summary>
    private const int DateReach = 60;

    /// <summary>How far after an active cue the victim may be named ("the killing of Iran's Qods Force commander X").</summary>
    private const int VictimReach = 70;

    [GeneratedRegex(@"\b[\p{L}]+\b", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex Word();

    [GeneratedRegex(@"^\s*,?\s*(?:who\s+|which\s+)?(?:was|were|had\s+been|has\s+been|have\s+been|is|got|being)\s+(?:\w+ly\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex PassiveGap();

    [GeneratedRegex(@"^\s*(?:,\s*(?:who|which)\s+)?(?:\w+ly\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex IntransitiveGap();

    [GeneratedRegex(@"^(?:'s|’s|')\s+(?:[\p{L}.\-]+\s+){0,3}$", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex PossessiveGap();

    [GeneratedRegex(@"\b(?:since|until|till|before|after|by|through|from|between|as\s+of)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex BoundBefore();

    public static IEnumerable<Contradiction> Find(IReadOnlyList<StoryText> documents)
    {
        var reports = documents.SelectMany(Reports).ToList();
        foreach (var victim in reports.GroupBy(r => r.Victim, StringComparer.Ordinal))
        {
            // One report a document: the first it dates plainly, else the first it dates.
            var byDocument = victim.GroupBy(r => r.Document.Id, StringComparer.Ordinal).Select(g => g.FirstOrDefault(r => r.Plain) ?? g.First()).ToList();
            // Two plain reports must disagree: a date read off a noun phrase some other verb governs
            // ("crowds protesting Brown's death on Wednesday") may be that verb's, and does not stand alone.
            bool conflict = false;
            for (int i = 0; i < byDocument.Count && !conflict; i++)
            {
                for (int j = i + 1; j < byDocument.Count && !conflict; j++)
                    conflict = byDocument[i].Plain && byDocument[j].Plain && Conflicts(byDocument[i].When, byDocument[j].When);
            }
            if (!conflict)
                continue;
            var first = byDocument[0];
            yield return new Contradiction(
                ContradictionKind.Date,
                $"when {first.VictimName} {(first.Died ? "died" : "was killed")}",
                [.. byDocument.Select(r => new ContradictionSide(r.Document.Id, r.Time.Start, r.Time.End, r.Document.Text[r.Time.Start..r.Time.End]))]);
        }
    }

    /// <summary>The dated reports of a death in one document.</summary>
    internal static IEnumerable<Report> Reports(StoryText d)
    {
        var text = d.Text;
        foreach (Match m in Word().Matches(text))
        {
            if (!Cues.Contains(m.ValueSpan))
                continue;
            var entry = Cues.Entries.First(e => e.Text.Equals(m.Value, StringComparison.OrdinalIgnoreCase));
            var (start, end) = d.Sentence(m.Index);
            int victim = Victim(d, entry.Tags, m.Index, m.Index + m.Length, start, end);
            if (victim < 0)
                continue;
            var mention = d.Mentions[victim];
            var key = d.Key(mention.Entity);
            if (key is null)
                continue;
            int lo = Math.Min(m.Index, mention.Start), hi = Math.Max(m.Index + m.Length, mention.End);
            TimeExpression? best = null;
            int bestDistance = int.MaxValue;
            DateSpan? when = null;
            foreach (var t in d.Times)
            {
                if (t.Start < start || t.End > end || t.Type != TimexType.Date)
                    continue;
                int distance = t.End <= lo ? lo - t.End : t.Start >= hi ? t.Start - hi : 0;
                if (distance > DateReach || distance >= bestDistance)
                    continue;
                if (BoundBefore().IsMatch(text[Math.Max(start, t.Start - 12)..t.Start]))
                    continue;
                if (DateSpan.Of(t) is not { } span)
                    continue;
                if (!Attached(text, t, lo, hi, start, entry.Tags.Contains("verb"), m.Index))
                    continue;
                // A date nearer another event's cue, in the same clause, is that event's ("arrested on Friday in connection with the death of X").
                // An event between the death and its date is how it came ("killed during a raid on March 2"): its date is the death's.
                if (d.Events.Any(e => e.CueStart >= start && e.CueEnd <= end && (e.CueEnd <= lo || e.CueStart >= hi) && Distance(t, e.CueStart, e.CueEnd) < distance
                        && !(e.CueStart >= hi && e.CueEnd <= t.Start) && !(e.CueEnd <= lo && e.CueStart >= t.End)
                        && !text[Math.Min(t.End, e.CueEnd)..Math.Max(t.Start, e.CueStart)].Contains(',', StringComparison.Ordinal)))
                    continue;
                (best, bestDistance, when) = (t, distance, span);
            }
            if (best is null || when is null)
                continue;
            // A death an article reports happened by the day it was written: a later date is a misreading.
            if (d.Published is { } written && when.YearKnown && when.From > written)
                continue;
            // Plain: told by a verb ("was killed on"), or the date is the cue's own modifier ("the January
            // killing", "X's death last March"), or the noun phrase opens its sentence ("The killing of X on
            // April 4 shocked…"), so no other verb can own the date.
            bool plain = entry.Tags.Contains("verb")
                || Adjacent(text, best, lo, hi)
                || text.AsSpan(start, lo - start).Trim(ClauseEdge) is { IsEmpty: true } or "The" or "the";
            yield return new Report(d, key, d.Name(mention.Entity) ?? mention.Text(text), entry.Tags.Contains("died"), best, when, plain);
        }
    }

    /// <summary>
    /// Whether a date of the sentence belongs to the death rather than to another clause: after the cue
    /// and victim ("killed on Jan. 3", "who was killed in a raid near the airport on Friday") nothing may
    /// open another clause or report it ("and", "that", "after", "said", a dash); before them the date
    /// is either the cue's modifier ("the January killing", "Friday's killing") or opens the sentence
    /// ("On Friday, X was killed"). So "officials confirmed late Tuesday that X, who was killed on Friday"
    /// dates the death Friday, and "X's death became public and, on Saturday, protests turned violent" or
    /// "Obama said Thursday, after X's death was announced" date nothing.
    /// </summary>
    private static bool Attached(string text, TimeExpression t, int lo, int hi, int sentenceStart, bool verb, int cueStart)
    {
        // A date right before another death's word is that death's ("Taylor's death, along with the May 25 death of Floyd").
        if (Word().Match(text, t.End) is { Success: true } next && next.Index != cueStart
            && (Cues.Contains(next.ValueSpan) || next.ValueSpan.EndsWith('s') && Cues.Contains(next.ValueSpan[..^1]))
            && string.IsNullOrWhiteSpace(text[t.End..next.Index]))
            return false;
        if (t.Start >= hi)
        {
            var after = text.AsSpan(hi, t.Start - hi);
            if (OpensClause(after) || HasAuxiliary(after))
                return false;
            // After a noun ("the death of X", "X's death") the date follows at once or through a preposition;
            // "the death of X grew more complex Thursday" dates something else.
            if (!verb)
            {
                var first = after.Trim();
                int blank = first.IndexOfAny(' ', '\n', '\t');
                var word = (blank < 0 ? first : first[..blank]).ToString().ToLowerInvariant();
                if (!first.IsEmpty && !Prepositions.Contains(word))
                    return false;
            }
            return true;
        }
        if (t.End > lo)
            return true;
        var gap = text.AsSpan(t.End, lo - t.End).Trim();
        var before = text.AsSpan(sentenceStart, t.Start - sentenceStart).TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n', '\t');
        var wordBefore = before[(space + 1)..].Trim(ClauseEdge);
        if (IsReportingVerb(wordBefore.ToString().ToLowerInvariant()))
            return false;
        if (gap.IsEmpty || gap is "'s" or "’s")
            return true;
        // The date opens the sentence or a clause of it: its start, an opening quote or colon, "that"
        // ("said that on Friday X was killed"), with at most "on" or "in" before it.
        var lead = before;
        if (lead.EndsWith("on", StringComparison.OrdinalIgnoreCase) || lead.EndsWith("in", StringComparison.OrdinalIgnoreCase))
        {
            var rest = lead[..^2];
            if (rest.IsEmpty || !char.IsLetterOrDigit(rest[^1]))
                lead = rest.TrimEnd();
        }
        bool opens = lead.IsEmpty || lead[^1] is '"' or '“' or '‘' or '\'' or ':' or ';' or '—' or '–' or '('
            || lead.EndsWith(" that", StringComparison.OrdinalIgnoreCase);
        // A verb of its own between a date and a death makes the date its own ("Wednesday is the anniversary of X's death").
        return opens && !OpensClause(gap) && !HasAuxiliary(gap);
    }

    private static bool Adjacent(string text, TimeExpression t, int lo, int hi)
    {
        if (t.End <= lo)
            return text.AsSpan(t.End, lo - t.End).Trim() is { IsEmpty: true } or "'s" or "’s";
        return t.Start < hi || string.IsNullOrWhiteSpace(text[hi..t.Start]);
    }

    /// <summary>Prepositions that tie a date or place to the noun before it (closed class).</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal) { "on", "in", "at", "near", "during", "outside", "inside", "around" };

    /// <summary>Auxiliaries and copulas (closed class): a finite verb of another clause.</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "were", "are", "has", "have", "had", "will", "would", "be", "been",
    };

    private static bool HasAuxiliary(ReadOnlySpan<char> gap)
    {
        foreach (var w in Word().EnumerateMatches(gap))
        {
            if (Auxiliaries.Contains(gap.Slice(w.Index, w.Length).ToString()))
                return true;
        }
        return false;
    }

    private const string ClauseEdge = " \t\n\"'“”‘’([,";

    /// <summary>Words that open another clause or report one, a closed class of the grammar; speech cues come from <c>speech-cues</c>.</summary>
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "but", "or", "that", "which", "who", "whom", "whose", "when", "while", "after", "before", "because", "since", "until", "where",
        "although", "though", "if", "as", "whereas",
    };

    /// <summary>
    /// A verb that reports ("said", "confirmed", "announced"): a word of the quotes' cue model that headed
    /// an attribution at least 20 times in its training data and in at least 30% of its uses, so that
    /// common words the model also counts ("made", "it") are left out.
    /// </summary>
    private static bool IsReportingVerb(string lowerWord) =>
        Quotes.CueModel.Default.Stats(lowerWord) is { Cue: >= 20 } stats && stats.Share >= 0.3f;

    private static bool OpensClause(ReadOnlySpan<char> gap)
    {
        if (gap.IndexOfAny(";–—()\"“”") >= 0)
            return true;
        foreach (var w in Word().EnumerateMatches(gap))
        {
            var word = gap.Slice(w.Index, w.Length).ToString().ToLowerInvariant();
            if (ClauseWords.Contains(word) || IsReportingVerb(word))
                return true;
        }
        return false;
    }

    private static int Distance(TimeExpression t, int start, int end) => t.End <= start ? start - t.End : t.Start >= end ? t.Start - end : 0;

    /// <summary>The index of the mention of the person who died, or -1.</summary>
    private static int Victim(StoryText d, IReadOnlyList<string> tags, int cueStart, int cueEnd, int sentenceStart, int sentenceEnd)
    {
        var text = d.Text;
        for (int i = d.Mentions.Count - 1; i >= 0; i--)
        {
            var m = d.Mentions[i];
            if (m.End > cueStart || m.Start < sentenceStart)
                continue;
            if (m.Type != "PERSON")
                continue;
            var gap = text[m.End..cueStart];
            if ((tags.Contains("passive") && PassiveGap().IsMatch(gap))
                || (tags.Contains("intransitive") && IntransitiveGap().IsMatch(gap))
                || (tags.Contains("possessive") && PossessiveGap().IsMatch(gap)))
                return i;
            break;
        }
        if (!tags.Contains("active"))
            return -1;
        for (int i = 0; i < d.Mentions.Count; i++)
        {
            var m = d.Mentions[i];
            if (m.Start < cueEnd)
                continue;
            if (m.Start - cueEnd > VictimReach || m.End > sentenceEnd)
                break;
            // The first name after the cue is the victim only when it is a person; "killed in Baghdad" names a place.
            return m.Type == "PERSON" ? i : -1;
        }
        return -1;
    }

    private static bool Conflicts(DateSpan a, DateSpan b)
    {
        if (a.YearKnown && b.YearKnown)
            return a.To < b.From || b.To < a.From;
        // A month without a year against a date: only the months can disagree.
        if (a.From.Month == a.To.Month && b.From.Month == b.To.Month && (a.From.Year == a.To.Year) && (b.From.Year == b.To.Year))
            return a.From.Month != b.From.Month;
        return false;
    }

    internal sealed record Report(StoryText Document, string Victim, string VictimName, bool Died, TimeExpression Time, DateSpan When, bool Plain);
}

/// <summary>The days a date expression can mean: a day, a month, a year or a range; <see cref="YearKnown"/> false for "XXXX-01".</summary>
internal sealed record DateSpan(DateOnly From, DateOnly To, bool YearKnown)
{
    public static DateSpan? Of(TimeExpression t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Mod is not (null or "START" or "MID" or "END"))
            return null;
        // A week named loosely ("last week" written on a Saturday of the day before) reaches into the next.
        if (t.Range is { } range)
            return new DateSpan(range.From, t.Value.Contains("-W", StringComparison.Ordinal) ? range.To.AddDays(7) : range.To, true);
        var v = t.Value;
        bool known = !v.StartsWith("XXXX", StringComparison.Ordinal);
        var normal = known ? v : "2000" + v[4..];
        if (normal.Length == 10 && DateOnly.TryParseExact(normal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateSpan(day, day, known);
        if (normal.Length == 7 && DateOnly.TryParseExact(normal + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return new DateSpan(month, month.AddMonths(1).AddDays(-1), known);
        if (known && v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is > 1000 and < 3000)
            return new DateSpan(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), true);
        return null;
    }
}
