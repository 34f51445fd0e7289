using System.Globalization;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;
using Sitrep.Events;
using Sitrep.Ingest;
using Sitrep.Lexicons;
using Sitrep.Quotes;
using Sitrep.Time;

namespace Sitrep.Stories;

/// <summary>
/// One article's report of a story event: the document and its event (V3), the date that report gives
/// (ISO day, or a range) and whether the publication date stood in for it, the time expression the
/// date was read from (null when none), the cue and the sentence, the event's status and the quote it
/// is told in (null for the outlet's own words).
/// </summary>
public sealed record EventReport(
    string Document,
    string Event,
    string? Date,
    string? From,
    string? To,
    bool DateInferred,
    TextSpan? DateWords,
    TextSpan Cue,
    int Start,
    int End,
    EventStatus Status,
    int? Quote);

/// <summary>Characters of a document's text and the words there.</summary>
public sealed record TextSpan(int Start, int End, string Text);

/// <summary>
/// One real-world event as the story's articles report it: its PLOVER type, the date most reports give
/// (a day, else a range), its participants (stored entity ids, actors and targets first) and every
/// report. <see cref="DatesDisagree"/> is true when two reports written with a date give dates that
/// cannot both hold: the disagreement is kept, not resolved. <see cref="DateInferred"/> is true when no
/// report writes a date and the earliest publication day stands in (for an event told only in articles with
/// no publication date, the span from the story's first to its last dated article, as From and To).
/// </summary>
public sealed record StoryEvent(
    string Type,
    string? Date,
    string? From,
    string? To,
    IReadOnlyList<string> Participants,
    IReadOnlyList<EventReport> Reports,
    bool DatesDisagree,
    bool DateInferred);

/// <summary>
/// Story events: the reports of one real-world event in the story's articles joined into one event.
/// Only events told as having happened (asserted, or claimed by someone) with a named actor or target
/// take part; what is threatened, planned, hypothetical or denied did not happen and is no report of
/// an event. Two reports are of one event when they have the same type and
/// <list type="bullet">
/// <item>both are dated by the words of their sentence, the dates overlap, and they agree on who acted
/// (the same actor, or one actor unknown and the same target): two similar attacks on different days
/// stay apart;</item>
/// <item>or a named person is killed in both: a person dies once, so reports that disagree on the date
/// stay one event and keep the disagreement;</item>
/// <item>or one report has no date of its own (the publication date stands in): it joins an event
/// of the same actor and the same target, dated no later than its publication and within
/// a month of it (a week for words rather than deeds: statements, threats, requests); when it fits
/// several events equally it joins none rather than guess;</item>
/// <item>or one article tells one actor's event of one type twice on dates that can both hold;</item>
/// <item>or both are words (a warning, a demand) whose cues introduce quotes of one story statement: the
/// same words quoted by several outlets are one occasion, whatever dates the outlets give it.</item>
/// </list>
/// A verbal report whose cue introduces a quote takes the quote's speaker as who acted (the quote stage
/// reads speakers, "X, who heads the Committee for Y, warned", better than an event's roles) and, when
/// its sentence gives no date, the date the article writes beside the quote.
/// Reports are taken with dated ones first (days before ranges), so an undated report finds the events
/// the dated ones made. The order of the story's documents is by day, so the result does not depend on
/// the order they were stored in.
/// </summary>
public static class StoryEvents
{
    /// <summary>Verbal event types: a report without its own date joins only an event at most this many days before its publication.</summary>
    private const int VerbalWindowDays = 7;

    /// <summary>Deeds: an undated report ("the attack on the base") speaks of something recent; older ones are dated in the text or named by a person killed.</summary>
    private const int MaterialWindowDays = 31;

    // The words of a death, shared with the date contradictions: a person dies once.
    private static readonly Lexicon Lethal = Lexicon.Get("fatal-events");

    /// <summary>PLOVER's verbal types (statements, not deeds): repeated often, so an undated report is placed only near its publication.</summary>
    private static readonly HashSet<string> Verbal = new(StringComparer.Ordinal)
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    };

    public static IReadOnlyList<StoryEvent> Of(IReadOnlyList<Document> documents, IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        return Of(documents, store, StoryStatements.Of(documents, store));
    }

    /// <summary>The story events of <paramref name="documents"/>, given the statements several of them report (<see cref="StoryStatements.Of"/> of the same documents).</summary>
    public static IReadOnlyList<StoryEvent> Of(IReadOnlyList<Document> documents, IDocumentStore store, IReadOnlyList<StoryStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(statements);
        // Each quote that a story statement holds, by document and index: the statement's number.
        var statementOf = new Dictionary<(string, int), int>();
        for (int i = 0; i < statements.Count; i++)
        {
            foreach (var q in statements[i].Quotes)
                statementOf[(q.Document, q.Quote)] = i;
        }
        // Each document's stored quotes, read once (the statements' days and the spoken reports both need them).
        var quotesOf = new Dictionary<string, IReadOnlyList<StoredQuote>>(StringComparer.Ordinal);
        IReadOnlyList<StoredQuote> QuotesOf(Document document)
        {
            if (!quotesOf.TryGetValue(document.Id, out var list))
                quotesOf[document.Id] = list = StoredQuotes.Of(document, store);
            return list;
        }
        var statementDays = StatementDays(documents, statements, QuotesOf);
        var directory = store.Feature<IEntityDirectory>();
        // Each entity's type, read from the directory once per call (a story's reports name the same few entities).
        var types = new Dictionary<string, string?>(StringComparer.Ordinal);
        // Each actor's side, read once per call: the state it acts for, else itself.
        var sides = new Dictionary<string, string>(StringComparer.Ordinal);
        string SideOf(string id)
        {
            if (!sides.TryGetValue(id, out var side))
                sides[id] = side = Side(id, directory);
            return side;
        }
        string? TypeOf(string id)
        {
            if (!types.TryGetValue(id, out var type))
                types[id] = type = EntityType(id, directory);
            return type;
        }
        var reports = new List<Candidate>();
        // The days the story's dated articles appeared: an article with no date of its own is taken to have
        // appeared among them, so an event only it tells, with nothing else to date it, is placed in that
        // span (inferred), not left without a date.
        var publishedDays = documents.Select(d => Day(d.Metadata.Published)).OfType<DateOnly>().ToList();
        (DateOnly From, DateOnly To)? storySpan = publishedDays.Count == 0 ? null : (publishedDays.Min(), publishedDays.Max());
        foreach (var document in documents)
        {
            var times = document.Layers.Get(TimesFeature.Times) ?? [];
            DateOnly? published = Day(document.Metadata.Published);
            var circa = published is null ? storySpan : null;
            IReadOnlyList<StoredQuote>? quotes = null;
            foreach (var e in StoredEvents.Of(document, store))
            {
                if (e.Event.Status is not (EventStatus.Asserted or EventStatus.Claimed))
                    continue;
                // A statement, a warning, a demand whose cue is the verb that reports a quote ("the statement
                // cautioned, '…'", "X, who heads the Committee for Y, warned …"): the quote's speaker is who
                // spoke, found by the quote stage, which reads speakers better than an event's roles.
                Spoken? spoken = null;
                if (Verbal.Contains(e.Event.Type))
                {
                    quotes ??= QuotesOf(document);
                    spoken = Spoken.Of(e, quotes, document.Id, statementOf, statementDays);
                }
                if (e.ActorId is null && e.TargetId is null && spoken is null)
                    continue;
                var candidate = Candidate.From(document, e, times, published, TypeOf, SideOf, reports.Count, spoken);
                candidate.Circa = circa;
                reports.Add(candidate);
            }
        }

        // Dated reports first, days before ranges, then the undated; ties keep the story's order.
        var order = reports
            .OrderBy(r => r.Stated is null ? 2 : r.Stated.Value.From == r.Stated.Value.To ? 0 : 1)
            .ThenBy(r => r.Order)
            .ToList();
        var clusters = new List<Cluster>();
        var byKey = new Dictionary<(string Type, string Entity), List<Cluster>>();
        foreach (var r in order)
        {
            Cluster? best = null;
            int bestScore = 0;
            bool tie = false;
            var seen = new HashSet<Cluster>();
            var scores = new List<(Cluster Cluster, int Score)>();
            foreach (var entity in r.Keys)
            {
                if (!byKey.TryGetValue((r.Type, entity), out var list))
                    continue;
                foreach (var c in list)
                {
                    if (!seen.Add(c))
                        continue;
                    int score = Fit(r, c);
                    scores.Add((c, score));
                    if (score > bestScore)
                    {
                        (best, bestScore, tie) = (c, score, false);
                    }
                    else if (score == bestScore && score > 0)
                    {
                        tie = true;
                    }
                }
            }
            // An undated report that fits two events equally well joins neither: no guessing. But a plural
            // ("the attacks on the base", with two dated attacks on it) tells of each of them: it is a
            // report of every one it fits, and links none of them to another.
            List<Cluster> into;
            if (tie && r.Stated is null && r.Plural)
            {
                r.Shared = true;
                into = [.. scores.Where(x => x.Score == bestScore).Select(x => x.Cluster)];
            }
            else if (best is null || (tie && r.Stated is null))
            {
                best = new Cluster(r.Type);
                clusters.Add(best);
                into = [best];
            }
            else
            {
                into = [best];
            }
            foreach (var c in into)
            {
                c.Add(r);
                foreach (var entity in r.Keys)
                {
                    if (!byKey.TryGetValue((r.Type, entity), out var list))
                        byKey[(r.Type, entity)] = list = [];
                    if (!list.Contains(c))
                        list.Add(c);
                }
            }
        }

        // Join what the single pass left apart because the report that links two events came first;
        // sweeps repeat until none joins. Only events of one type can join, so each type is swept on
        // its own, in the story's order: the same joins, in the same order, as one sweep over all,
        // without comparing every event with every event of the other types.
        var joined = new HashSet<Cluster>();
        foreach (var ofType in clusters.GroupBy(c => c.Type, StringComparer.Ordinal))
        {
            var list = ofType.ToList();
            // A sweep after the first compares only pairs one of which joined another since the sweep
            // before began: the others were compared then, as they are, and found apart.
            int joins = 0, previousSweep = -1;
            for (bool merged = true; merged;)
            {
                merged = false;
                int sweep = joins;
                for (int i = 0; i < list.Count; i++)
                {
                    for (int j = i + 1; j < list.Count; j++)
                    {
                        if ((list[i].Joined <= previousSweep && list[j].Joined <= previousSweep) || !SameEvent(list[i], list[j]))
                            continue;
                        foreach (var r in list[j].Reports)
                            list[i].Add(r);
                        list[i].Joined = ++joins;
                        joined.Add(list[j]);
                        list.RemoveAt(j--);
                        merged = true;
                    }
                }
                previousSweep = sweep;
            }
        }
        clusters.RemoveAll(joined.Contains);

        return [.. clusters
            .Select(c => c.ToEvent())
            .OrderBy(e => e.From ?? e.Date ?? "9999", StringComparer.Ordinal)
            .ThenBy(e => e.Reports[0].Document, StringComparer.Ordinal)
            .ThenBy(e => e.Reports[0].Cue.Start)];
    }

    /// <summary>How well the report fits the event: 0 when it is not a report of it, else the participants they share (more is better).</summary>
    private static int Fit(Candidate r, Cluster c)
    {
        int shared = c.All.Count(r.All.Contains);
        // Words of one statement that several outlets quote (a story statement): one occasion, whatever
        // dates the outlets give it.
        if (r.Statement is { } statement && c.Statements.Contains(statement))
            return 200 + shared;
        // One sentence telling one happening with two words of one type ("the attack on the base, in which
        // three soldiers were killed"): one event, unless each names a different actor.
        if (c.Reports.Any(m => SameSentence(r, m)))
            return 60 + shared;
        if (shared == 0)
            return 0;
        if (r.KilledPerson is { } person && c.KilledPersons.Contains(person))
            return 100 + shared;
        // A report naming who acted joins no event another named actor did: a report whose actor is unknown
        // may fit both ("Security officials warned the United States" beside one group's warning and one
        // man's), but it does not make one event of the two.
        if (OtherActor(r, c))
            return 0;
        // One article telling one deed of one type twice, on dates that can both hold: one event, when it
        // names the same actor both times, or names it once and the same target both times ("Ghaani's
        // visit to Iraq" … "the visit to Iraq"). Not for an event a "recently" dates, nor by way of it: that
        // date holds with every undated deed of the doer, and joins only the same doer and target (below).
        if (!r.Vague && !c.Reports.Any(m => m.Vague) && c.Reports.Any(m => m.Report.Document == r.Report.Document && (r.Stated is null) == (m.Stated is null) && DatesFit(r, m)
            && (r.Actor is { } own ? m.Actor == own || (m.Actor is null && r.Target is { } t && m.Target == t) : r.Target is { } target && m.Target == target)))
            return 50 + shared;
        if (r.Stated is { } stated)
        {
            if (!c.Reports.Any(m => m.Stated is { } other && Overlap(stated, other)))
                return c.Reports.Any(m => m.Stated is not null) ? 0 : UndatedClusterFit(r, c, shared);
            // A date as loose as "recently" (the month before publication) overlaps many: a report so dated and
            // an event whose dates overlap only such a date are one only with the same doer and the same target.
            if (r.Vague || !c.Reports.Any(m => !m.Vague && m.Stated is { } other && Overlap(stated, other)))
                return SameDoerAndTarget(r, c) ? 10 + shared : 0;
            // Who acted must agree: the same actor, or an actor unknown on one side and the same target
            // or the same facility (a base, an airport) on the same days.
            bool agree = r.Actor is { } actor
                ? c.Actors.Contains(actor) || (r.Side is { } side && c.Sides.Contains(side)) || (c.Reports.Any(m => m.Actor is null) && ((r.Target is { } t && c.Targets.Contains(t)) || SharesFacility(r, c)))
                : (r.Target is { } target && c.Targets.Contains(target)) || SharesFacility(r, c);
            return agree ? 10 + shared : 0;
        }
        // No date of its own: it happened by the publication day. The same actor and the same target, or
        // no actor named and the same target ("the attacks on the base"; a shared place alone is weak: "US
        // attacks in Iraq" are many).
        var dated = c.Reports.Where(m => m.Stated is not null).Select(m => m.Stated!.Value).ToList();
        if (dated.Count == 0)
            return UndatedClusterFit(r, c, shared);
        if (!SameDoerAndTarget(r, c) && !(r.Actor is null && r.Target is { } own2 && c.Targets.Contains(own2)))
            return 0;
        if (r.Bound is not { } bound)
            return shared;
        var start = dated.Min(d => d.From);
        if (start > bound || bound.DayNumber - start.DayNumber > WindowDays(r.Type))
            return 0;
        return shared;
    }

    /// <summary>
    /// Two reports in one sentence whose actors and dates can be one ("attacks on March 11 and 14" are two; "recently
    /// filed a lawsuit", where "recently" dates only the verb next to it, is one with "the lawsuit").
    /// </summary>
    private static bool SameSentence(Candidate a, Candidate b) =>
        !a.Shared && !b.Shared && a.Report.Document == b.Report.Document && a.Report.Start == b.Report.Start
        && (ActorsAgree(a.Actor, b.Actor) || MeetingOfOneSide(a, b))
        && (a.Stated, b.Stated) switch
        {
            ({ } x, { } y) => Overlap(x, y),
            (null, null) => true,
            _ => a.Vague || b.Vague,
        };

    /// <summary>
    /// A meeting, a visit, talks (CONSULT) have two sides, and a sentence may name either one as the doer
    /// ("Burns held a meeting with Baradar … the highest-level encounter between the Taliban and …"): two
    /// such words of one sentence that name the same other side, or each other, are one meeting.
    /// </summary>
    private static bool MeetingOfOneSide(Candidate a, Candidate b) =>
        a.Type == "CONSULT"
        && ((a.Target is { } t && (t == b.Target || t == b.Actor)) || (b.Target is { } u && u == a.Actor));

    /// <summary>
    /// The report names who acted and the event already has a named actor that is another one. Entities
    /// resolved apart may still be one doer ("the Pentagon", "the U.S."), so this loses some joins; it keeps
    /// a report with no actor from chaining two doers' events into one.
    /// </summary>
    private static bool OtherActor(Candidate r, Cluster c) => r.Actor is { } actor && c.Actors.Count > 0 && !c.Actors.Contains(actor) && !(r.Side is { } side && c.Sides.Contains(side));

    /// <summary>
    /// Who a deed's actor acts for: a country named as itself ("the United States") and its government,
    /// military and police bodies ("U.S. Central Command", "the Pentagon") are one side, since one strike is
    /// told as the country's in one outlet and as its command's in another; anything else is itself.
    /// </summary>
    private static string Side(string id, IEntityDirectory? directory)
    {
        if (directory is null || Quotes.StoredQuotes.EntityId(id) is not { } n)
            return id;
        try
        {
            var entity = directory.Get(n);
            var (sector, country) = directory.Affiliation(n);
            if (country is null)
                return id;
            bool state = entity.Type == "GPE"
                ? CountryTable.Default.CountryOf(entity.Name) == country
                : entity.Type == "ORG" && sector is "government" or "military" or "police";
            return state ? "\u0003" + country : id;
        }
        catch (KeyNotFoundException)
        {
            return id;
        }
    }

    /// <summary>Two reports' actors can be one: the same, or one of them unknown.</summary>
    private static bool ActorsAgree(string? a, string? b) => a is null || b is null || a == b;

    /// <summary>The report and the event share a participant that is a facility (a base, an airport, a camp): a place that specific is one scene.</summary>
    private static bool SharesFacility(Candidate r, Cluster c) => r.Facilities.Overlaps(c.All);

    private static bool SameDoerAndTarget(Candidate r, Cluster c) =>
        r.Actor is { } actor && c.Actors.Contains(actor) && r.Target is { } target && c.Targets.Contains(target);

    /// <summary>Neither has a date of its own: the same actor and target, published within a week.</summary>
    private static int UndatedClusterFit(Candidate r, Cluster c, int shared)
    {
        // Neither dated: the same doer, one side naming the target and the other none, published within a
        // day ("Senate Republicans blocked the House bill" … "Senate Republicans blocked that effort").
        // When neither names a target, the same doer alone is too little: a governor signs many laws in a
        // week. A report with its own date joins an undated event only with the same doer and target.
        bool oneNamesTarget = r.Stated is null && r.Actor is { } actor && c.Actors.Contains(actor)
            && (r.Target is null) != (c.Targets.Count == 0)
            && r.Bound is { } day && c.Reports.All(m => m.Bound is { } other && Math.Abs(other.DayNumber - day.DayNumber) <= 1);
        if (!SameDoerAndTarget(r, c) && !oneNamesTarget)
            return 0;
        if (r.Bound is { } bound && c.Reports.Any(m => m.Bound is { } other && Math.Abs(other.DayNumber - bound.DayNumber) > VerbalWindowDays))
            return 0;
        return shared;
    }

    /// <summary>Every date written in a report of <paramref name="inner"/> overlaps one written in <paramref name="outer"/>.</summary>
    private static bool DatesWithin(Cluster inner, Cluster outer) =>
        inner.Reports.All(x => x.Stated is not { } sx || outer.Reports.Any(y => y.Stated is { } sy && Overlap(sx, sy)));

    /// <summary>Whether two reports' dates can both hold: overlapping written dates, or a written date no later than the other's publication (within a week for words).</summary>
    private static bool DatesFit(Candidate a, Candidate b)
    {
        if (a.Stated is { } x && b.Stated is { } y)
            return Overlap(x, y);
        var (dated, undated) = a.Stated is not null ? (a, b) : (b, a);
        if (dated.Stated is not { } d || undated.Bound is not { } bound)
            return true;
        return d.From <= bound && bound.DayNumber - d.From.DayNumber <= WindowDays(a.Type);
    }

    /// <summary>
    /// Two events are one when a report of one, written with a date (or naming a person killed), fits the
    /// other and no two reports of theirs give dates that cannot both hold (a person killed excepted):
    /// the single pass joins a report only to what came before it.
    /// </summary>
    private static bool SameEvent(Cluster a, Cluster b)
    {
        if (a.Type != b.Type)
            return false;
        if (a.Statements.Overlaps(b.Statements))
            return true;
        // Signatures of documents and of participants (one bit per id): sharing no bit, two events share
        // no sentence and no participant (the quick test of most pairs).
        if ((a.DocumentSignature & b.DocumentSignature) != 0 && a.Reports.Any(x => b.Reports.Any(y => SameSentence(x, y))))
            return true;
        if ((a.Signature & b.Signature) == 0 || !a.All.Overlaps(b.All))
            return false;
        bool killed = a.KilledPersons.Overlaps(b.KilledPersons);
        if (!killed && !DatesWithin(a, b) && !DatesWithin(b, a))
            return false;
        // Each names who acted, and no one in common: two doers' events (a killing excepted: a person dies once).
        if (!killed && a.Actors.Count > 0 && b.Actors.Count > 0 && !a.Actors.Overlaps(b.Actors) && !a.Sides.Overlaps(b.Sides))
            return false;
        return killed
            || b.Reports.Any(r => r.Stated is not null && Fit(r, a) > 0)
            || a.Reports.Any(r => r.Stated is not null && Fit(r, b) > 0);
    }

    /// <summary>
    /// The day of each story statement, as the articles write it beside its words (not the publication
    /// date standing in): present only when every day written for it is the same one.
    /// </summary>
    private static Dictionary<int, DateOnly> StatementDays(IReadOnlyList<Document> documents, IReadOnlyList<StoryStatement> statements, Func<Document, IReadOnlyList<StoredQuote>> quotesOf)
    {
        var days = new Dictionary<int, DateOnly>();
        if (statements.Count == 0)
            return days;
        var byId = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var d in documents)
            byId.TryAdd(d.Id, d);
        for (int i = 0; i < statements.Count; i++)
        {
            var written = new HashSet<DateOnly>();
            foreach (var q in statements[i].Quotes)
            {
                if (!byId.TryGetValue(q.Document, out var document))
                    continue;
                var quotes = quotesOf(document);
                var stored = quotes.FirstOrDefault(x => x.Index == q.Quote);
                if (stored is { Quote.Cited.DateInferred: false, Date: { Length: 10 } d } && Day(d) is { } day)
                    written.Add(day);
            }
            if (written.Count == 1)
                days[i] = written.First();
        }
        return days;
    }

    private static int WindowDays(string type) => Verbal.Contains(type) ? VerbalWindowDays : MaterialWindowDays;

    private static bool Overlap((DateOnly From, DateOnly To) a, (DateOnly From, DateOnly To) b) => a.From <= b.To && b.From <= a.To;

    private static DateOnly? Day(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The stored entity's type ("PERSON", "FACILITY" …), null when unknown.</summary>
    private static string? EntityType(string id, IEntityDirectory? directory)
    {
        if (directory is null || Quotes.StoredQuotes.EntityId(id) is not { } n)
            return null;
        try
        {
            return directory.Get(n).Type;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the quote an event's cue introduces tells of it: who spoke (the quote's speaker, a stored
    /// entity id), the day the article gives the words (null when none is written beside them) and the
    /// story statement the quote belongs to (null when no other article quotes it).
    /// </summary>
    private sealed record Spoken(string Speaker, DateOnly? Date, int? Statement)
    {
        public static Spoken? Of(StoredEvent e, IReadOnlyList<StoredQuote> quotes, string document, Dictionary<(string, int), int> statementOf, IReadOnlyDictionary<int, DateOnly> statementDays)
        {
            var ev = e.Event;
            foreach (var q in quotes)
            {
                if (q.SpeakerId is not { } speaker || q.Quote.Cue is not { } cue || cue.Start >= ev.CueEnd || ev.CueStart >= cue.End)
                    continue;
                // "Psaki was asked …, and said": the one the event's roles put on the receiving end answered
                // the words; she did not ask.
                if (speaker == e.TargetId)
                    return null;
                DateOnly? day = q.Quote.Cited is { DateInferred: false } && q.Date is { Length: 10 } d ? Day(d) : null;
                int? statement = statementOf.TryGetValue((document, q.Index), out var s) ? s : null;
                // The same words quoted by another outlet that writes their day ("in a tweet on Tuesday, March
                // 31"): one occasion, so its day is this report's too when this article writes none.
                if (day is null && statement is { } st && statementDays.TryGetValue(st, out var written))
                    day = written;
                return new Spoken(speaker, day, statement);
            }
            return null;
        }
    }

    private sealed class Candidate
    {
        public required int Order { get; init; }

        public required string Type { get; init; }

        public required EventReport Report { get; init; }

        public required string? Actor { get; init; }

        /// <summary>For a deed, the state the actor acts for when it is a country or one of its government, military or police bodies (a key no entity id can be); else the actor.</summary>
        public required string? Side { get; init; }

        public required string? Target { get; init; }

        /// <summary>Actor, target and location ids.</summary>
        public required HashSet<string> All { get; init; }

        /// <summary>What the report is looked up by: its participants and its sentence (a key no entity id can be).</summary>
        public IEnumerable<string> Keys
        {
            get
            {
                var keys = All.Append("\u0001" + Report.Document + "@" + Report.Start.ToString(CultureInfo.InvariantCulture));
                return Statement is { } s ? keys.Append("\u0002" + s.ToString(CultureInfo.InvariantCulture)) : keys;
            }
        }

        /// <summary>The story statement whose quote this report's cue introduces, null when none.</summary>
        public required int? Statement { get; init; }

        /// <summary>The cue is a plural noun after a determiner ("the attacks", "more strikes"): it may tell of several events.</summary>
        public required bool Plural { get; init; }

        /// <summary>A plural report of several events: it belongs to each and links none to another.</summary>
        public bool Shared { get; set; }

        /// <summary>Those of <see cref="All"/> that are facilities (bases, airports, camps).</summary>
        public required HashSet<string> Facilities { get; init; }

        /// <summary>The date the sentence gives, as a range of days; null when the publication date stands in or nothing dates it.</summary>
        public required (DateOnly From, DateOnly To)? Stated { get; init; }

        /// <summary>The date is no calendar date the sentence writes but a range that "recently" gives (the month before publication): it overlaps much, so it joins less.</summary>
        public required bool Vague { get; init; }

        /// <summary>The publication day: an undated report's event happened by then.</summary>
        public required DateOnly? Bound { get; init; }

        /// <summary>For a report of an article with no publication date: the days the story's dated articles appeared (first to last), which stand in for its event's date when no report gives one.</summary>
        public (DateOnly From, DateOnly To)? Circa { get; set; }

        /// <summary>The named person this report says was killed (actor or target of a lethal cue; the tagger's roles in a passive are not trusted).</summary>
        public required string? KilledPerson { get; init; }

        public static Candidate From(Document document, StoredEvent e, IReadOnlyList<TimeExpression> times, DateOnly? published, Func<string, string?> typeOf, Func<string, string> sideOf, int order, Spoken? spoken)
        {
            var ev = e.Event;
            var text = document.Text;
            (DateOnly, DateOnly)? stated = null;
            TextSpan? words = null;
            string? actorId = spoken?.Speaker ?? e.ActorId;
            string? date = ev.Date, dateFrom = ev.From, dateTo = ev.To;
            bool inferred = ev.DateInferred;
            bool vague = false;
            if (inferred && spoken?.Date is { } said)
            {
                // The quote's occasion, dated by the article ("in a statement on Tuesday, … The statement cautioned").
                stated = (said, said);
                (date, dateFrom, dateTo, inferred) = (Iso(said), null, null, false);
            }
            else if (!ev.DateInferred)
            {
                if (Day(ev.Date) is { } day)
                    stated = (day, day);
                else if (Day(ev.From) is { } from && Day(ev.To) is { } to)
                    stated = (from, to);
                // The time the event stage read the date from: the sentence's first date or time with a
                // calendar value or a range.
                var t = times.FirstOrDefault(t => t.Start >= ev.Start && t.End <= ev.End && t.Type is TimexType.Date or TimexType.Time
                    && (t.Range is not null || (t.Value.Length >= 10 && char.IsAsciiDigit(t.Value[0]) && t.Value[4] == '-')));
                if (t is not null)
                    words = new TextSpan(t.Start, t.End, text[t.Start..t.End]);
                // The month before publication, where the event stage puts what its sentence tells as done "recently".
                vague = ev.Date is null && stated is { } range && published is { } pub && pub.DayNumber >= EventFinder.RecentDays && range == (pub.AddDays(-EventFinder.RecentDays), pub)
                    && times.Any(x => x.Start >= ev.Start && x.End <= ev.End && x.Value == "PAST_REF");
            }
            var all = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in (ReadOnlySpan<string?>)[actorId, e.TargetId, e.LocationId])
            {
                if (id is not null)
                    all.Add(id);
            }
            var facilities = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in all)
            {
                if (typeOf(id) == "FACILITY")
                    facilities.Add(id);
            }
            string? killed = null;
            if (ev.Type == "ASSAULT" && IsLethal(e.Cue))
            {
                killed = Person(e.TargetId, typeOf) ?? Person(e.ActorId, typeOf);
            }
            return new Candidate
            {
                Order = order,
                Type = ev.Type,
                Statement = spoken?.Statement,
                Plural = IsPlural(text, ev.CueStart, ev.CueEnd),
                Actor = actorId,
                // Words are the speaker's own: only a deed is done by a state through its agencies.
                Side = actorId is null ? null : Verbal.Contains(ev.Type) ? actorId : sideOf(actorId),
                Target = e.TargetId,
                All = all,
                Facilities = facilities,
                Stated = stated,
                Vague = vague,
                Bound = published,
                KilledPerson = killed,
                Report = new EventReport(
                    document.Id,
                    e.Id,
                    date,
                    dateFrom,
                    dateTo,
                    inferred,
                    words,
                    new TextSpan(ev.CueStart, ev.CueEnd, text[ev.CueStart..ev.CueEnd]),
                    ev.Start,
                    ev.End,
                    ev.Status,
                    ev.Quote >= 0 ? ev.Quote : null),
            };
        }

        /// <summary>
        /// Determiners and quantifiers (a closed class) that put the noun after them in the plural sense
        /// asked here: "the attacks", "these strikes", "more attacks", "two raids".
        /// </summary>
        private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
        {
            "the", "these", "those", "such", "more", "several", "many", "both", "all", "its", "their", "his", "her",
            "our", "two", "three", "four", "five", "multiple",
        };

        /// <summary>A one-word cue ending in a plural "s" (not "ss") after a determiner: a plural noun, not a verb ("Russia attacks").</summary>
        private static bool IsPlural(string text, int start, int end)
        {
            if (end - start < 3 || text[end - 1] is not ('s' or 'S') || text[end - 2] is 's' or 'S' || text.AsSpan(start, end - start).Contains(' '))
                return false;
            int p = start - 1;
            while (p >= 0 && text[p] == ' ')
                p--;
            int wordEnd = p + 1;
            while (p >= 0 && char.IsLetter(text[p]))
                p--;
            return wordEnd > p + 1 && Determiners.Contains(text[(p + 1)..wordEnd]);
        }

        private static bool IsLethal(string cue)
        {
            foreach (var word in cue.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Lethal.Contains(word))
                    return true;
            }
            return false;
        }

        private static string? Person(string? id, Func<string, string?> typeOf) => id is not null && typeOf(id) == "PERSON" ? id : null;
    }

    private sealed class Cluster(string type)
    {
        public string Type { get; } = type;

        public List<Candidate> Reports { get; } = [];

        public HashSet<string> All { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Actors { get; } = new(StringComparer.Ordinal);

        /// <summary>The sides of its reports' actors (<see cref="Candidate.Side"/>).</summary>
        public HashSet<string> Sides { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Targets { get; } = new(StringComparer.Ordinal);

        public HashSet<string> KilledPersons { get; } = new(StringComparer.Ordinal);

        /// <summary>The story statements its reports introduce.</summary>
        public HashSet<int> Statements { get; } = [];

        /// <summary>How many joins the sweeps had made when this event last took another in (0: never).</summary>
        public int Joined { get; set; }

        /// <summary>One bit per document of its reports (by the id's hash): two events whose signatures share no bit share no sentence.</summary>
        public ulong DocumentSignature { get; private set; }

        /// <summary>One bit per participant (by its hash): two events whose signatures share no bit share no participant.</summary>
        public ulong Signature { get; private set; }

        public void Add(Candidate r)
        {
            Reports.Add(r);
            All.UnionWith(r.All);
            foreach (var id in r.All)
                Signature |= 1UL << (StringComparer.Ordinal.GetHashCode(id) & 63);
            DocumentSignature |= 1UL << (StringComparer.Ordinal.GetHashCode(r.Report.Document) & 63);
            if (r.Actor is { } a)
                Actors.Add(a);
            if (r.Side is { } side)
                Sides.Add(side);
            if (r.Target is { } t)
                Targets.Add(t);
            if (r.KilledPerson is { } p)
                KilledPersons.Add(p);
            if (r.Statement is { } s)
                Statements.Add(s);
        }

        public StoryEvent ToEvent()
        {
            // The date most reports write as a day; else the narrowest range written; else the earliest publication day.
            string? date = null, from = null, to = null;
            var days = Reports.Where(r => r.Stated is { } s && s.From == s.To).GroupBy(r => r.Stated!.Value.From)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault();
            if (days is not null)
            {
                date = Iso(days.Key);
            }
            else if (Reports.Where(r => r.Stated is not null).OrderBy(r => r.Stated!.Value.To.DayNumber - r.Stated!.Value.From.DayNumber).FirstOrDefault() is { } ranged)
            {
                (from, to) = (Iso(ranged.Stated!.Value.From), Iso(ranged.Stated!.Value.To));
            }
            else if (Reports.Where(r => r.Bound is not null).Select(r => r.Bound!.Value).DefaultIfEmpty().Min() is var bound && bound != default)
            {
                date = Iso(bound);
            }
            else if (Reports.Where(r => r.Circa is not null).Select(r => r.Circa!.Value).ToList() is { Count: > 0 } spans)
            {
                // Told only in articles with no date of their own: it happened by the time the story's articles appeared.
                var (first, last) = (spans.Min(x => x.From), spans.Max(x => x.To));
                if (first == last)
                    date = Iso(first);
                else
                    (from, to) = (Iso(first), Iso(last));
            }
            var stated = Reports.Where(r => r.Stated is not null).Select(r => r.Stated!.Value).ToList();
            bool disagree = false;
            for (int i = 0; i < stated.Count && !disagree; i++)
            {
                for (int j = i + 1; j < stated.Count && !disagree; j++)
                    disagree = !Overlap(stated[i], stated[j]);
            }
            var participants = Reports.SelectMany(r => (IEnumerable<string?>)[r.Actor, r.Target]).OfType<string>()
                .Concat(Reports.SelectMany(r => r.All))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var reports = Reports.OrderBy(r => r.Order).Select(r => r.Report).ToList();
            return new StoryEvent(Type, date, from, to, participants, reports, disagree, stated.Count == 0);
        }
    }
}
