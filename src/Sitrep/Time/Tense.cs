using System.Collections.Frozen;
using Sitrep.Lexicons;
using Sitrep.Text;

namespace Sitrep.Time;

/// <summary>Which way from the reference date a sentence points an expression that leaves it open ("Friday", "March 3").</summary>
internal enum Tense : byte
{
    None,
    Past,
    Future,

    /// <summary>A present-tense verb is nearest: no direction, but the search stops there ("The meeting is on Friday").</summary>
    Present,
}

/// <summary>
/// Reads the tense nearest a temporal expression from the verbs around it in its sentence: no part
/// of speech tagger, only auxiliaries, reporting verbs, -ed forms and the closed class of irregular
/// past forms. "said Friday" is past, "will meet Friday" future, "is due on Friday" future.
/// </summary>
internal static class TenseReader
{
    /// <summary>How far (in tokens) a verb may be from the expression and still decide its tense.</summary>
    private const int Window = 12;

    /// <summary>A reporting verb dates the report, not what it reports: it decides only beside the expression ("said Friday").</summary>
    private const int ReportingWindow = 4;

    private const int SignalDistance = 5;

    /// <summary>How near a verb must be to overrule a word such as "effective" before the date.</summary>
    private const int FallbackWindow = 4;

    /// <summary>The open word lists (resources/lexicons/tense-words.tsv); closed ones (perfect auxiliaries, determiners) stay below.</summary>
    private static readonly Lexicon Words = Lexicon.Get("tense-words");

    /// <summary>Verbs that move a date ahead even in the past tense: "extended to Nov. 20", "postponed until Tuesday".</summary>
    private static readonly FrozenSet<string> Deferrals = Words.Tagged("deferral");

    private static readonly FrozenSet<string> FutureWords = Words.Tagged("future");

    private static readonly FrozenSet<string> PastWords = Words.Tagged("past");

    private static readonly FrozenSet<string> PresentWords = Words.Tagged("present");

    /// <summary>The present perfect does not take a definite past time ("has said Friday" is not English): not a cue.</summary>
    private static readonly FrozenSet<string> Perfect = FrozenSet.ToFrozenSet(
        ["has", "have", "'ve", "’ve", "been", "having"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> ReportingVerbs = Words.Tagged("reporting");

    /// <summary>Present forms that announce a scheduled event ("the rights expire on Nov. 21", "the session opens Monday").</summary>
    private static readonly FrozenSet<string> ScheduleVerbs = Words.Tagged("schedule");

    private static readonly FrozenSet<string> Determiners = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those", "that", "some", "any", "no", "every", "each"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Auxiliaries after which an -ed form is a participle (passive), not a past tense: the auxiliary decides.</summary>
    private static readonly FrozenSet<string> Passive = FrozenSet.ToFrozenSet(
        ["be", "been", "being", "is", "are", "was", "were", "am", "get", "got", "gets", "become", "remain", "'s", "’s"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words ending in -ed that are not past forms.</summary>
    private static readonly FrozenSet<string> NotPast = Words.Tagged("not-past");

    /// <summary>Verbs of agreeing or deciding: a date after their infinitive dates what was agreed ("agreed to buy the unit in February").</summary>
    private static readonly FrozenSet<string> Commitments = Words.Tagged("commitment");

    /// <summary>"effective Feb. 1", "starting Monday": ahead, unless a verb of the sentence says otherwise ("raised taxes effective Jan. 1").</summary>
    private static readonly FrozenSet<string> FallbackFuture = Words.Tagged("fallback-future");

    /// <summary>The tense of the verb nearest to [<paramref name="start"/>, <paramref name="end"/>) in its sentence.</summary>
    public static Tense Read(string text, Token[] tokens, Sentence sentence, int start, int end) => Read(text, tokens, sentence, start, end, out _);

    /// <summary>The tense nearest the expression, and how many tokens away its cue is (0 for a signal such as "until" just before it).</summary>
    public static Tense Read(string text, Token[] tokens, Sentence sentence, int start, int end, out int distance)
    {
        distance = int.MaxValue;
        int first = sentence.FirstToken, last = sentence.FirstToken + sentence.TokenCount - 1;
        if (first > last || tokens.Length == 0)
            return Tense.None;
        // The tokens just before and just after the expression.
        int before = -1, after = -1;
        for (int i = first; i <= last; i++)
        {
            if (tokens[i].End <= start)
                before = i;
            else if (tokens[i].Start >= end && after < 0)
                after = i;
        }
        // "until Friday", "by Jan. 14", "as soon as Tuesday": a deadline or an earliest date lies ahead, unless the sentence looks back from a past perfect.
        // A signal says which way, not how far: its distance counts as a verb's some words away.
        if (before >= first && Signals(text, tokens, before, first) && !HasWord(text, tokens, first, last, "had"))
        {
            distance = SignalDistance;
            // "17,000 people were murdered by July", "By the end of January, scientists began releasing data": "by" says
            // what was done at the latest, and a past verb of its clause puts that behind.
            return ByLooksBack(text, tokens, before, after, first, last) ? Tense.Past : Tense.Future;
        }
        // "has extended the loans through January": a date an extension or postponement runs through lies ahead, like "extended to".
        if (before >= first && tokens[before].Span(text) is "through" or "thru" && Extends(text, tokens, before, first))
        {
            distance = SignalDistance;
            return Tense.Future;
        }
        // "since year-end", "since Monday": the date is behind.
        if (before >= first && tokens[before].Span(text).Equals("since", StringComparison.OrdinalIgnoreCase))
        {
            distance = SignalDistance;
            return Tense.Past;
        }
        // A quotation mark, colon or semicolon bounds the search: the words past it have their own tense.
        bool beforeOpen = true, afterOpen = true;
        // "had said in a statement on Wednesday he would not run", "a law that came into force on Jan. 1 that can impose fines":
        // a subject pronoun or a relative word right after a date inside the sentence opens another clause, whose verbs
        // are not the date's. A date that opens its sentence or clause still takes the main clause after it ("On Monday he will
        // ...", "; the next year he won").
        // Only after a main clause: "In an interview Friday, Goodlatte said", "Bernanke, speaking on Thursday, said" are the saying's.
        bool attributionAfterComma = after >= 0 && before >= first + 2 && tokens[before].Kind == TokenKind.Word && VerbBefore(text, tokens, before, first, last);
        // A relative clause ("contests in November that will test ...") still tells of its noun's time: its verbs are read
        // only when the words before the date give no tense.
        bool relative = false;
        if (after >= 0 && before >= first + 2 && tokens[before].Kind == TokenKind.Word && OpensClause(text, tokens, after, last))
        {
            afterOpen = false;
            // "told the Post in an interview Saturday that he would prefer": after a verb of saying, "that" opens what was said.
            relative = tokens[after].Span(text) is "which" or "who"
                || tokens[after].Span(text) is "that" && !ReportedBefore(text, tokens, before, first);
        }
        // "Manafort, who took over after Lewandowski left in June, will keep his title": a date inside a relative clause set off
        // by a comma belongs to that clause; the comma that closes it ends the words after the date that may decide.
        bool commaRelative = before >= first && InCommaRelative(text, tokens, before, first);
        // "effective Feb. 1": ahead unless a verb close by says otherwise ("rose effective Jan. 1"; "named a chairman, effective Feb. 1" stays ahead).
        bool fallback = before >= first && FallbackFuture.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[before].Span(text));
        var deferred = Tense.None;
        int deferredDistance = int.MaxValue;
        for (int d = 0; d < (fallback ? FallbackWindow : Window); d++)
        {
            if (beforeOpen && before >= 0 && before - d >= first && Bounds(text, tokens[before - d]))
                beforeOpen = false;
            if (afterOpen && after >= 0 && after + d <= last && (Bounds(text, tokens[after + d]) || Conjunct(text, tokens, after + d, last)
                || commaRelative && ClosesRelative(text, tokens, after + d, last)))
            {
                afterOpen = false;
            }
            if (beforeOpen && before >= 0 && before - d >= first)
            {
                // "agreed to purchase the line for $22 million in February": the purchase lies ahead of the agreement,
                // so the date reads ahead (nearest the publication date that way), not back from "agreed".
                // Only a date that is an adverbial of its own ("in February", "on Monday"), not one inside a noun
                // phrase ("vowed to take revenge for the January attack": the attack is past).
                if (d > 1 && tokens[before].Span(text) is "in" or "on" && Commits(text, tokens, before - d, before))
                {
                    distance = d;
                    return Tense.Future;
                }
                var t = Classify(text, tokens, before - d, last, d);
                if (t != Tense.None)
                {
                    distance = d;
                    // "was the subject of a summit in July that brought together ...": a relative clause of the same tense
                    // brings the cue as near as its verb.
                    if (relative && RelativeTense(text, tokens, after, last, out int near) == t)
                        distance = Math.Min(d, near);
                    return t;
                }
            }
            if (afterOpen && after >= 0 && after + d <= last)
            {
                var t = Classify(text, tokens, after + d, last, d);
                // "will be the nominee in November, according to the party", "..., the minister said": an attribution after a
                // comma dates the report, not the date inside the sentence before it (a date that opens its sentence or clause
                // is the saying's: "On Friday, officials said ...").
                if (t == Tense.Past && attributionAfterComma && ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[after + d].Span(text))
                    && CommaBetween(text, tokens, after, after + d))
                {
                    t = Tense.None;
                }
                // "Tuesday night, Trump is scheduled to speak", "A day later, the president is scheduled to visit": a date that
                // opens its sentence is the main clause's, and a present "be" before a participle of planning is its future.
                // Only there: after a date inside the sentence the verb may belong to another clause ("which had been
                // scheduled to kick in Jan. 2, are expected to ...").
                if (t == Tense.Present && before < first + 2 && PlanFollows(text, tokens, after + d + 1, last))
                    t = Tense.Future;
                // "In March, her government postponed an election", "Following the Wednesday vote, the legislature adjourned": a
                // verb of deferral after the date tells of the deferring, past; only before the date it points at what was
                // moved ahead ("postponed the vote to Friday", "adjourned until Thursday").
                if (t == Tense.Future && tokens[after + d].Span(text).EndsWith("ed", StringComparison.Ordinal) && Deferrals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[after + d].Span(text)))
                    t = Tense.Past;
                // "the plant, which halted production in March, could reopen": a modal of possibility past a comma after a date
                // inside its sentence may be another clause's; it decides only when no verb before the date does within the
                // window ("If Trump isn't elected in November, the rules could sway": it does; a date that opens its sentence
                // is the main clause's: "In November, Democrats could win").
                // "who were invited to the White House Monday to be briefed": an infinitive right after a date inside the
                // sentence tells what the act was for; the verb before the date decides when it was, and "to be" only when none does.
                if (t == Tense.Future && before >= first + 2 && d == 0 && tokens[after].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase))
                {
                    if (deferred == Tense.None)
                        (deferred, deferredDistance) = (t, d);
                    t = Tense.None;
                    afterOpen = false;
                }
                if (t == Tense.Future && before >= first + 2 && tokens[after + d].Span(text) is "could" or "might" or "may"
                    && CommaBetween(text, tokens, after, after + d))
                {
                    if (deferred == Tense.None)
                        (deferred, deferredDistance) = (t, d);
                    t = Tense.None;
                    afterOpen = false;
                }
                if (t != Tense.None)
                {
                    distance = d;
                    return t;
                }
            }
        }
        if (fallback)
        {
            distance = SignalDistance;
            return Tense.Future;
        }
        if (deferred != Tense.None)
        {
            distance = deferredDistance;
            return deferred;
        }
        if (relative && RelativeTense(text, tokens, after, last, out int relativeDistance) is var rt and not Tense.None)
        {
            distance = relativeDistance;
            return rt;
        }
        // "Collins will be named commander of the Space Shuttle Columbia for a mission in December": the search stopped at
        // "be", whose tense is its modal's just past the window; the verb group is one verb, so the modal decides (from as far).
        // Not in a sentence that looks back from a past perfect ("had ruled that he must be returned …, and set Friday"), as for "until".
        int edge = before - Window;
        if (beforeOpen && edge >= first && tokens[edge + 1].Span(text).Equals("be", StringComparison.OrdinalIgnoreCase) && !HasWord(text, tokens, first, last, "had")
            && !tokens[edge].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase) && Classify(text, tokens, edge, last, Window) == Tense.Future)
        {
            distance = Window;
            return Tense.Future;
        }
        // "two new flights would leave on Monday nights from March 30, with the third departing each Thursday from August 6":
        // a date in an absolute clause (", with" and a noun and its -ing participle, no tense of its own) takes the tense of
        // the main clause before it, however far its verb; a quotation mark, colon or semicolon still ends the search.
        if (beforeOpen && before >= first && AbsoluteWith(text, tokens, before, first) is int with and > 0)
        {
            for (int k = with - 2; k >= first; k--)
            {
                if (Bounds(text, tokens[k]))
                    break;
                // "agreed to sell its bus unit, with the rest following in February": what was agreed, ahead, as above.
                if (tokens[before].Span(text) is "in" or "on" && Commits(text, tokens, k, before))
                {
                    distance = before - k;
                    return Tense.Future;
                }
                var t = Classify(text, tokens, k, last, before - k);
                if (t != Tense.None)
                {
                    distance = before - k;
                    return t;
                }
            }
        }
        // "worked at defense contractors Boeing and Lockheed Martin before joining the administration in January", "the president
        // told NBC News's Lester Holt in May": with no verb near, the first verb of the clause before the date, however far, decides
        // when it is past (a reporting verb too, which dates the report the date belongs to); a quotation mark, colon or semicolon,
        // a comma, dash or relative word ends the search, and a future or present verb, a modal or an infinitive on the way leaves
        // the date open.
        if (before >= first)
        {
            for (int k = before; k >= first; k--)
            {
                if (Bounds(text, tokens[k]))
                    break;
                // Only the date's own clause: a comma, dash or relative word ends it ("the plan -- which calls for funding the
                // government through January -- was rejected"), and a modal, a present "be" or "say" leaves the date open
                // ("researchers involved in the process say the doses could be ready in September").
                if (k < before && (tokens[k].Kind is TokenKind.Punctuation or TokenKind.Dash or TokenKind.Bracket
                    || tokens[k].Span(text) is "which" or "that" or "who" or "whom" or "whose" or "where" or "when" or "while" or "because" or "if"
                        or "could" or "would" or "may" or "might" or "can" or "should" or "must" or "will" or "shall" or "be" or "is" or "are" or "am" or "say" or "says"))
                    break;
                // "announced an agreement to acquire the bank in January": the infinitive's act may lie ahead.
                if (k < before && tokens[k].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase) && tokens[k + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[k + 1].Start]))
                    break;
                var t = Classify(text, tokens, k, last, 0);
                if (t == Tense.None)
                    continue;
                if (t == Tense.Past)
                {
                    distance = before - k;
                    return t;
                }
                break;
            }
        }
        // "In January, a week after the anniversary of the ruling, a bombing in Birmingham killed a guard": a date
        // that opens its sentence dates the main clause after it, however long the words between ("said" included).
        if (afterOpen && after >= 0 && before < first + 2 && after <= last && tokens[after].Kind == TokenKind.Punctuation && text[tokens[after].Start] == ',')
        {
            for (int k = after + Window; k <= last; k++)
            {
                if (Bounds(text, tokens[k]))
                    break;
                var t = Classify(text, tokens, k, last, 0);
                if (t != Tense.None)
                {
                    distance = k - after;
                    return t;
                }
            }
        }
        return Tense.None;
    }

    /// <summary>
    /// "and" or "but" before an auxiliary: a second verb phrase begins ("planned a march on Saturday and were planning to
    /// block the road", "met on Wednesday and were going home"); a date before it belongs to the first, so its verbs do not
    /// decide the date's tense.
    /// </summary>
    private static bool Conjunct(string text, Token[] tokens, int i, int last) =>
        i < last && tokens[i].Span(text) is "and" or "but" && tokens[i + 1].Span(text) is "was" or "were" or "is" or "are" or "has" or "have" or "had"
            or "will" or "would" or "could" or "should" or "may" or "might" or "did" or "does" or "do";

    /// <summary>Nouns of events held on a set date ("election", "ballot", "debate"): a date naming one is read to the nearest.</summary>
    private static readonly FrozenSet<string> ScheduledEvents = Words.Tagged("scheduled-event");

    /// <summary>
    /// Nouns of a time limit ("deadline"): the verbs around one tell when it was set, faced or missed, not which way the limit
    /// lies ("a judge set a May 28 deadline", "were racing a Sept. 30 deadline", "missed a Feb. 15 deadline").
    /// </summary>
    private static readonly FrozenSet<string> TimeLimits = Words.Tagged("time-limit");

    /// <summary>
    /// Whether the date at [<paramref name="start"/>, <paramref name="end"/>) names a scheduled event: followed (after an
    /// optional "'s" and up to two lower-case modifiers) by a noun of such an event, "the November presidential election",
    /// "November's midterm elections". 0: no; 2: after "for", "before", "ahead of", "until" (the nearest such event);
    /// -1: after "after" or "since" (read back as any date); 3: a time limit otherwise ("the Oct. 17 deadline": the nearest
    /// such day, whatever the verbs); 1: otherwise.
    /// </summary>
    public static int NamesScheduledEvent(string text, int start, int end)
    {
        int i = end;
        if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's')
            i += 2;
        for (int words = 0; words < 3; words++)
        {
            if (i >= text.Length || text[i] != ' ')
                return 0;
            int s = ++i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-'))
                i++;
            if (i == s || !char.IsLower(text[s]))
                return 0;
            bool limit = TimeLimits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, i - s));
            if (limit || ScheduledEvents.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(s, i - s)))
            {
                // "for (before, ahead of, until) the November election" looks ahead to it; "after (since) the November elections" back.
                var word = WordBefore(text, start);
                if (word is "after" or "since" or "After" or "Since")
                    return -1;
                if (word is "for" or "before" or "until" or "till" or "toward" or "towards" or "For" or "Before" or "Until"
                    || word is "of" && WordBefore(text, start, 2) is "ahead" or "Ahead")
                {
                    return 2;
                }
                return limit ? 3 : 1;
            }
        }
        return 0;
    }

    /// <summary>
    /// The tense a time limit after "by" takes from the finite verb of its clause: "reached its goal of enrolling 6 million
    /// people by its self-imposed [March 31] deadline" (behind), "will purchase coverage by the [Jan. 1] deadline" (ahead).
    /// The noun phrase's determiner and up to three lower-case modifiers lie between "by" and the date. An infinitive ("to
    /// draft a budget by an April 15 deadline"), a participle right before "by" ("the government funded by"), a comma, a
    /// relative or "whether", a quotation mark, colon or semicolon, or an earlier "by" ("challenges posed by setting up exchanges by") end the search
    /// with no tense: the nearest such day, as for any time limit.
    /// </summary>
    public static Tense LimitAfterBy(string text, Token[] tokens, Sentence sentence, int start)
    {
        int first = sentence.FirstToken, last = first + sentence.TokenCount - 1;
        int i = -1;
        for (int k = first; k <= last && tokens[k].End <= start; k++)
            i = k;
        for (int skipped = 0; i >= first && skipped < 5; skipped++, i--)
        {
            var w = tokens[i].Span(text);
            if (w.Equals("by", StringComparison.OrdinalIgnoreCase))
                break;
            bool modifier = tokens[i].Kind == TokenKind.Word && char.IsLower(w[0])
                || tokens[i].Kind is TokenKind.Dash or TokenKind.Punctuation && w is "-";
            if (!modifier && !Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
                return Tense.None;
        }
        if (i < first || !tokens[i].Span(text).Equals("by", StringComparison.OrdinalIgnoreCase))
            return Tense.None;
        int by = i;
        for (int k = by - 1; k >= first && by - k <= Window; k--)
        {
            var w = tokens[k].Span(text);
            // "who", "which", "whether" open the clause ("that" is as often a determiner: "will purchase that coverage by").
            if (Bounds(text, tokens[k]) || tokens[k].Kind == TokenKind.Punctuation && w is "," || w.Equals("by", StringComparison.OrdinalIgnoreCase)
                || w is "who" or "which" or "whether"
                || w.Equals("to", StringComparison.OrdinalIgnoreCase) && k < last && tokens[k + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[k + 1].Start]))
            {
                return Tense.None;
            }
            var t = Classify(text, tokens, k, last, int.MaxValue);
            // "to get three recounts done by the Thursday deadline": a participle right before "by", regular or not, is no
            // finite verb unless an auxiliary stands before it ("were counted by").
            if (k == by - 1 && (t == Tense.Past || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
                && !(k > first && Passive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[k - 1].Span(text))))
            {
                return Tense.None;
            }
            if (t != Tense.None)
                return t is Tense.Past or Tense.Future ? t : Tense.None;
        }
        return Tense.None;
    }

    /// <summary>The <paramref name="nth"/> word before the date, its determiner skipped ("for [the] November election"), or null.</summary>
    private static string? WordBefore(string text, int start, int nth = 1)
    {
        bool skipped = false;
        while (true)
        {
            int e = start;
            while (e > 0 && text[e - 1] == ' ')
                e--;
            int s = e;
            while (s > 0 && char.IsLetter(text[s - 1]))
                s--;
            if (s == e)
                return null;
            var word = text[s..e];
            start = s;
            if (!skipped && Determiners.Contains(word))
            {
                skipped = true;
                continue;
            }
            skipped = true;
            if (--nth == 0)
                return word;
        }
    }

    /// <summary>
    /// Whether the token <paramref name="before"/> the date lies in a relative clause opened by ", who" or ", which" with no
    /// punctuation, dash or bracket between it and the date ("Manafort, who took over in June").
    /// </summary>
    private static bool InCommaRelative(string text, Token[] tokens, int before, int first)
    {
        for (int k = before; k > first; k--)
        {
            if (tokens[k].Kind is TokenKind.Punctuation or TokenKind.Dash or TokenKind.Bracket or TokenKind.Quote)
                return false;
            if (tokens[k].Span(text) is "who" or "which")
                return tokens[k - 1].Kind == TokenKind.Punctuation && text[tokens[k - 1].Start] == ',';
        }
        return false;
    }

    /// <summary>
    /// A comma that closes a relative clause: the main clause's words follow ("…, in June, will keep"), not an infinitive that
    /// goes on with the clause ("decided to speak Tuesday, to be posted online").
    /// </summary>
    private static bool ClosesRelative(string text, Token[] tokens, int i, int last) =>
        tokens[i].Kind == TokenKind.Punctuation && text[tokens[i].Start] == ','
        && !(i < last && tokens[i + 1].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase));

    /// <summary>A relative word or a subject pronoun followed by a word: the start of another clause ("... Jan. 1 that can impose", "... Wednesday he would").</summary>
    private static bool OpensClause(string text, Token[] tokens, int i, int last) =>
        i < last && tokens[i + 1].Kind == TokenKind.Word
        && tokens[i].Span(text) is "that" or "which" or "who" or "he" or "she" or "they" or "we" or "I";

    /// <summary>A verb with a tense (or a modal) among the words of the sentence before <paramref name="before"/>: the date stands after a main clause.</summary>
    private static bool VerbBefore(string text, Token[] tokens, int before, int first, int last)
    {
        for (int k = before; k >= first; k--)
        {
            if (Classify(text, tokens, k, last, 0) != Tense.None)
                return true;
        }
        return false;
    }

    /// <summary>A comma among the tokens [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static bool CommaBetween(string text, Token[] tokens, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] == ',')
                return true;
        }
        return false;
    }

    /// <summary>The first tense cue of the relative clause that opens at <paramref name="after"/> ("that will test"), and how far it is.</summary>
    private static Tense RelativeTense(string text, Token[] tokens, int after, int last, out int distance)
    {
        distance = int.MaxValue;
        for (int d = 1; d < Window && after + d <= last; d++)
        {
            if (Bounds(text, tokens[after + d]))
                break;
            var t = Classify(text, tokens, after + d, last, d);
            if (t != Tense.None)
            {
                distance = d;
                return t;
            }
        }
        return Tense.None;
    }

    /// <summary>A reporting verb among the words before the date in its clause ("told the Post in an interview Saturday").</summary>
    private static bool ReportedBefore(string text, Token[] tokens, int before, int first)
    {
        for (int k = before; k >= first && k > before - Window; k--)
        {
            if (Bounds(text, tokens[k]))
                return false;
            if (ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[k].Span(text)))
                return true;
        }
        return false;
    }

    /// <summary>How far before "by" a past verb may stand and still make it look back.</summary>
    private const int ByWindow = 5;

    /// <summary>
    /// "by" (at <paramref name="by"/>) after a past verb of its own clause ("were murdered by July", "sold 500 units by March"),
    /// or opening a sentence whose main clause is past ("By the end of January, scientists began ..."). An infinitive, a modal
    /// or a plan on the way keeps it ahead ("ordered them to comply by Friday", "is expected to be done by March"); a
    /// reporting verb is no cue (it dates the report).
    /// </summary>
    private static bool ByLooksBack(string text, Token[] tokens, int by, int after, int first, int last)
    {
        if (!tokens[by].Span(text).Equals("by", StringComparison.OrdinalIgnoreCase))
            return false;
        for (int k = by - 1; k >= first; k--)
        {
            if (Bounds(text, tokens[k]) || tokens[k].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase) && k < last
                && tokens[k + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[k + 1].Start]))
            {
                return false;
            }
            // "with decisions issued by summer", "27 million projected by November": a participle right before "by" may be a
            // reduced clause, which says nothing of when; after "was", "were" ("were murdered by July") the auxiliary decides.
            if (k == by - 1 && tokens[k].Span(text).EndsWith("ed", StringComparison.OrdinalIgnoreCase)
                && !(k > first && Passive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[k - 1].Span(text))))
            {
                return false;
            }
            var t = Classify(text, tokens, k, last, int.MaxValue);
            if (t != Tense.None)
                return t == Tense.Past && by - k <= ByWindow;
        }
        // Nothing before "by" in its sentence: an opening phrase, dated by the main clause after its comma.
        if (after < 0 || after > last || tokens[after].Kind != TokenKind.Punctuation || text[tokens[after].Start] != ',')
            return false;
        for (int k = after + 1; k <= last && k <= after + Window; k++)
        {
            if (Bounds(text, tokens[k]))
                return false;
            var t = Classify(text, tokens, k, last, int.MaxValue);
            if (t != Tense.None)
                return t == Tense.Past;
        }
        return false;
    }

    /// <summary>A quotation mark, colon or semicolon: the words past it belong to another clause, with its own tense.</summary>
    private static bool Bounds(string text, Token token) =>
        token.Kind == TokenKind.Quote || token.Kind == TokenKind.Punctuation && token.End - token.Start == 1 && text[token.Start] is ';' or ':';

    private static bool Signals(string text, Token[] tokens, int i, int first)
    {
        var w = tokens[i].Span(text);
        // "until 9 a.m. Tuesday", "by noon Friday": look past a clock time.
        if (w is "at" && i > first)
            w = tokens[--i].Span(text);
        if (w.Equals("until", StringComparison.OrdinalIgnoreCase) || w.Equals("till", StringComparison.OrdinalIgnoreCase)
            || w.Equals("by", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // "extended to Nov. 20", "pushed back to March", "postponed to Friday".
        if (w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("for", StringComparison.OrdinalIgnoreCase) || w.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            for (int k = i - 1; k >= first && k >= i - 2; k--)
            {
                // "postponed on Monday" dates the postponing unless the verb stands right before "on".
                if (Deferrals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[k].Span(text))
                    && !(w is "on" && (k != i - 1 || tokens[k].Span(text) is not ("postponed" or "rescheduled"))))
                {
                    return true;
                }
            }
        }
        return w.Equals("as", StringComparison.OrdinalIgnoreCase) && i - 2 >= first
            && tokens[i - 2].Span(text).Equals("as", StringComparison.OrdinalIgnoreCase)
            && tokens[i - 1].Span(text) is "soon" or "early";
    }

    /// <summary>
    /// The index of "with" when the date stands in an absolute clause ", with the third departing each Thursday from":
    /// a comma, "with", then a participle in -ing before the date with no finite verb cue between; otherwise -1.
    /// </summary>
    private static int AbsoluteWith(string text, Token[] tokens, int before, int first)
    {
        bool participle = false;
        for (int k = before; k > first; k--)
        {
            var w = tokens[k].Span(text);
            if (Bounds(text, tokens[k]))
                return -1;
            if (w.Equals("with", StringComparison.OrdinalIgnoreCase))
                return participle && tokens[k - 1].Span(text) is "," ? k : -1;
            if (tokens[k].Kind == TokenKind.Word && w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(w[0]))
                participle = true;
            else if (Classify(text, tokens, k, tokens.Length - 1, 0) is Tense.Past or Tense.Future or Tense.Present)
                return -1;
        }
        return -1;
    }

    /// <summary>A verb of extending or postponing within the clause before "through" (<paramref name="through"/>), no quotation mark, colon or semicolon between.</summary>
    private static bool Extends(string text, Token[] tokens, int through, int first)
    {
        for (int k = through - 1; k >= first && k >= through - Window; k--)
        {
            if (Bounds(text, tokens[k]))
                return false;
            if (Deferrals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[k].Span(text)))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A verb of agreeing or deciding followed by "to" and a verb before the date: "agreed to buy", "voted to close".
    /// "agreed to terms", "agreed to the plan", "agreed to 5%" are objects, not infinitives: a plural, a determiner,
    /// a number or a name after "to" does not count.
    /// </summary>
    private static bool Commits(string text, Token[] tokens, int i, int before)
    {
        if (i + 2 > before || !Commitments.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i].Span(text))
            || !tokens[i + 1].Span(text).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var verb = tokens[i + 2];
        var w = verb.Span(text);
        return verb.Kind == TokenKind.Word && w.Length > 1 && char.IsLower(w[0]) && !w.EndsWith('s')
            && !Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w);
    }

    private static bool HasWord(string text, Token[] tokens, int first, int last, string word)
    {
        for (int i = first; i <= last; i++)
        {
            if (tokens[i].Span(text).Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static Tense Classify(string text, Token[] tokens, int i, int last, int distance)
    {
        var token = tokens[i];
        if (token.Kind != TokenKind.Word)
            return Tense.None;
        var word = token.Span(text);
        if (word.Length < 2 || char.IsUpper(word[0]) && i > 0 && !IsSentenceStart(text, tokens, i))
            return Tense.None;
        // "could weaken his chances by putting Wisconsin in play in November", "could plan votes in September": a modal of
        // possibility looks ahead as "would" does ("may" only in lower case: "May" is the month or a name). "could have
        // carried out tests from February" looks back: no cue, the participle after it decides; so does "could" before a
        // negation or "barely", mostly the past of "can" ("after Comey's Friday bombshell, aides could barely contain their glee").
        if (word is "could" or "Could" or "might" or "Might" or "may")
        {
            if (i < last && tokens[i + 1].Span(text) is "have" or "'ve" or "’ve"
                || word is "could" or "Could" && (i < last && tokens[i + 1].Span(text) is "not" or "n't" or "n’t" or "barely" or "hardly" or "never" or "scarcely"
                    || NegativeSubject(text, tokens, i)))
            {
                return Tense.None;
            }
            return Tense.Future;
        }
        // "inflation eased more than expected in May", "as planned": a participle of planning after "than" or "as" compares
        // with a forecast; it says nothing of when.
        if (i > 0 && tokens[i - 1].Span(text) is "than" or "as" && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && FutureWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return Tense.None;
        }
        var lookup = FutureWords.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            // "to" and "set", "going" count only before a verb: "set to", "going to", "to be held".
            // "Many had expected the bill to be adopted in May": an expectation in the past perfect was looked at from the past.
            // "rode the wave into the House only to be swept away in November": "only to" tells what came of it, not what lies ahead.
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase))
                return i < last && NextIs(text, tokens, i, "be") && !PreviousIs(text, tokens, i, "only") ? HadBefore(text, tokens, i) ? Tense.Past : Tense.Future : Tense.None;
            if (word.Equals("set", StringComparison.OrdinalIgnoreCase) || word.Equals("going", StringComparison.OrdinalIgnoreCase))
                return i < last && (NextIs(text, tokens, i, "to") || NextIs(text, tokens, i, "for")) ? Tense.Future : Tense.None;
            // "plans to", "plan to": a verb; "vacation plans" a noun.
            // "approached the White House with a plan to use existing laws": after a determiner, a noun.
            if (word.StartsWith("plan", StringComparison.OrdinalIgnoreCase) && (!(i < last && NextIs(text, tokens, i, "to"))
                || i > 0 && Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 1].Span(text))))
            {
                return Tense.None;
            }
            // "had been scheduled to expire Friday": a plan seen from after it.
            if (PreviousIs(text, tokens, i, "had") || i > 1 && PreviousIs(text, tokens, i, "been") && PreviousIs(text, tokens, i - 1, "had"))
                return Tense.Past;
            return Tense.Future;
        }
        if (Perfect.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            return Tense.None;
        if (ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            return distance <= ReportingWindow && !word.StartsWith("say", StringComparison.OrdinalIgnoreCase) ? Tense.Past : Tense.None;
        // "could be formally unveiled on Friday": an adverb in -ly between the auxiliary and the participle.
        int aux = i > 1 && tokens[i - 1].Span(text) is { Length: > 4 } adverb && adverb.EndsWith("ly", StringComparison.Ordinal) ? i - 2 : i - 1;
        bool participle = aux >= 0 && Passive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[aux].Span(text));
        // "he continued to insist", "we learned", "they unveiled": an -ed form right after a subject pronoun is a past verb,
        // even one that elsewhere qualifies a noun ("continued support", "an unveiled plan").
        if (i > 0 && word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("eed", StringComparison.OrdinalIgnoreCase)
            && tokens[i - 1].Span(text) is "he" or "she" or "they" or "we" or "I" or "He" or "She" or "They" or "We"
            && !FutureWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return Tense.Past;
        }
        // "Things could get more heated on Wednesday", "a very divided Senate": an -ed form after an adverb of degree is an adjective.
        if (i > 0 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !PastWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            && tokens[i - 1].Span(text) is "more" or "less" or "most" or "least" or "very" or "too" or "so" or "increasingly" or "Very" or "More" or "Less")
        {
            return Tense.None;
        }
        if (PastWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            return participle ? Tense.None : Tense.Past;
        if (PresentWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            return i < last && NextIs(text, tokens, i, "to") ? Tense.Future : Tense.Present;
        // Not after a determiner ("the close") nor "to" ("fell on Friday to close at $20"); "became effective Jan. 1" is past.
        if (distance <= 2 && ScheduleVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            && !(i > 0 && (Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 1].Span(text))
                           || tokens[i - 1].Span(text) is "to" or "became" or "was" or "were" or "had" or "been" or "did")))
        {
            return Tense.Future;
        }
        // "its preferred shares", "an armed man": after a determiner an -ed form qualifies a noun.
        if (i > 0 && Determiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(tokens[i - 1].Span(text)))
            return Tense.None;
        // "unspecified", "undisclosed": adjectives, not verbs.
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("un", StringComparison.OrdinalIgnoreCase)
            && !word.EndsWith("eed", StringComparison.OrdinalIgnoreCase) && !NotPast.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return participle ? Tense.None : Tense.Past;
        }
        if (word.EndsWith("eed", StringComparison.OrdinalIgnoreCase)
            && (word.Equals("agreed", StringComparison.OrdinalIgnoreCase) || word.Equals("freed", StringComparison.OrdinalIgnoreCase)
                || word.Equals("guaranteed", StringComparison.OrdinalIgnoreCase) || word.Equals("decreed", StringComparison.OrdinalIgnoreCase)))
        {
            return Tense.Past;
        }
        return Tense.None;
    }

    /// <summary>"Neither he nor his grandparents could be located Wednesday", "no one could": a negative subject shortly before "could" in its clause.</summary>
    private static bool NegativeSubject(string text, Token[] tokens, int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 6; k--)
        {
            if (tokens[k].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Dash)
                return false;
            if (tokens[k].Span(text) is "nor" or "Neither" or "neither" or "nobody" or "Nobody" or "none" or "None"
                || tokens[k].Span(text) is "one" && k > 0 && tokens[k - 1].Span(text) is "no" or "No")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A participle of planning at <paramref name="i"/>, after a present "be": "scheduled", "expected", "slated", "due";
    /// "set", "going" and "planning" only before "to" ("is set to speak"). Not "awaiting" (a present of its own).
    /// </summary>
    private static bool PlanFollows(string text, Token[] tokens, int i, int last)
    {
        if (i > last)
            return false;
        var next = tokens[i].Span(text);
        if (!FutureWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next))
            return false;
        if (next.Equals("set", StringComparison.OrdinalIgnoreCase) || next.Equals("going", StringComparison.OrdinalIgnoreCase)
            || next.Equals("planning", StringComparison.OrdinalIgnoreCase))
        {
            return i < last && NextIs(text, tokens, i, "to");
        }
        return next.Equals("due", StringComparison.OrdinalIgnoreCase) || next.EndsWith("ed", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"had" among the few words before <paramref name="i"/> in its clause: "had expected the bill to".</summary>
    private static bool HadBefore(string text, Token[] tokens, int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 6; k--)
        {
            if (tokens[k].Kind is TokenKind.Punctuation or TokenKind.Quote or TokenKind.Dash)
                return false;
            if (tokens[k].Span(text).Equals("had", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static bool PreviousIs(string text, Token[] tokens, int i, string word) =>
        i > 0 && tokens[i - 1].Span(text).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool NextIs(string text, Token[] tokens, int i, string word) =>
        i + 1 < tokens.Length && tokens[i + 1].Span(text).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsSentenceStart(string text, Token[] tokens, int i) =>
        i == 0 || tokens[i - 1].Kind is TokenKind.Punctuation or TokenKind.Quote && text[tokens[i - 1].Start] is '.' or '"' or '“' or '`' or '!' or '?';
}
