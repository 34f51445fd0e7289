using System.Runtime.InteropServices;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Stories;

/// <summary>The knobs of story grouping; the defaults were chosen on one half of the AllSides roundups (README).</summary>
public sealed record StoryOptions
{
    /// <summary>A word of the title counts this many times a word of the text.</summary>
    public double TitleWeight { get; init; } = 2;

    /// <summary>A mention of a resolved entity counts this many times a word.</summary>
    public double EntityWeight { get; init; } = 1;

    /// <summary>An article joins the story it is most like when the likeness reaches this.</summary>
    public double JoinThreshold { get; init; } = 0.25;

    /// <summary>Share of the likeness to the story as a whole (its centroid); the rest is the likeness to its least alike recent article.</summary>
    public double CentroidShare { get; init; } = 0.5;

    /// <summary>Two dated articles this many days apart or more (beyond the story's first and last day) are not one story.</summary>
    public int WindowDays { get; init; } = 2;

    /// <summary>Two stories that an article joins both merge when their centroids are at least this alike.</summary>
    public double MergeThreshold { get; init; } = 0.85;

    /// <summary>
    /// Articles assumed beside the store when weighing terms (a prior): in a store of a few articles
    /// about one thing, every shared word is in most of them and plain IDF would weigh it nothing.
    /// </summary>
    public double IdfPrior { get; init; } = 1000;

    /// <summary>How many of an article's strongest terms find candidate stories.</summary>
    public int LookupTerms { get; init; } = 12;

    /// <summary>How many stories one term yields at most (the newest).</summary>
    public int StoriesPerTerm { get; init; } = 60;

    /// <summary>How many terms an article's vector keeps.</summary>
    public int VectorTerms { get; init; } = 100;

    /// <summary>How many terms a story's centroid keeps.</summary>
    public int CentroidTerms { get; init; } = 300;

    /// <summary>
    /// How many of a story's newest articles the likeness to its least alike article looks at: the
    /// article must be like each of them, not only like one (which let a story of one recurring subject
    /// chain article to article across months of undated reports), but only like the newest few, so a
    /// story that develops over weeks can still grow.
    /// </summary>
    public int MembersCompared { get; init; } = 5;

    /// <summary>Whether a member that names other days of the week than the article counts as not alike (<see cref="StoryGrouper.Weekdays"/>).</summary>
    public bool WeekdayCheck { get; init; } = true;

    /// <summary>
    /// Whether a story of one article that the new article was also alike to is looked at again once the new
    /// article joined another story, and moves into it when it would join it now (<see cref="StoryGrouper"/>):
    /// an article that came before the one that bridges it to a story then still ends up in that story.
    /// </summary>
    public bool Rejoin { get; init; } = true;

    /// <summary>
    /// Whether a story that an article left (deleted, or changed and filed again) is split into the parts its
    /// other articles still link (<see cref="SplitLink"/>): the article may have been what held two reports
    /// together, and the stories should be as if it had never come.
    /// </summary>
    public bool Split { get; init; } = true;

    /// <summary>
    /// Two articles of a story link (for <see cref="Split"/>) when the likeness of their term vectors reaches this:
    /// the join threshold, for two articles less alike would not make a story of two on their own. Without the
    /// days-of-the-week check: a split undoes groupings the story's other articles made, so it takes the words
    /// alone to hold them. On the AllSides roundups, 47 articles each hold their story together this way (deleting
    /// one would split it; at 0.2, 2 do: README).
    /// </summary>
    public double SplitLink { get; init; } = 0.25;

    /// <summary>
    /// Two dated stories that meet merge (the story an article joined, and any other found by the look-up terms of
    /// its centroid): when their days overlap, the days of the week their newest members name are not all other
    /// (with <see cref="WeekdayCheck"/>), and their centroids are at least this alike. 0 or less: off. Stories
    /// without a date never merge this way (undated stories that meet are mostly one recurring subject's).
    /// </summary>
    public double MeetThreshold { get; init; } = 0.3;

    public static StoryOptions Default { get; } = new();
}

/// <summary>
/// The cross-document stage <c>stories</c>: files each stored article into a story, incrementally, in
/// the order of the change feed and after entity resolution. An article's terms are its title and
/// text words weighted by TF-IDF (document frequencies kept in the store, so they grow with it) and its
/// resolved entities; candidate stories come from an inverted index of the strongest terms (never a
/// comparison with every story), restricted to those whose days lie within <see cref="StoryOptions.WindowDays"/>
/// of a dated article. The article joins the most alike story above the threshold, else opens one; two
/// stories it joins both, that have grown alike, merge into the older id (the other redirects).
/// Deleted and changed articles leave their story first, so replaying a document is idempotent.
/// </summary>
public sealed class StoryGrouper : ICrossDocumentStage
{
    private readonly IStoryIndex _index;
    private readonly IDocumentStore _store;
    private readonly IEntityDirectory? _entities;
    private readonly StoryOptions _options;
    private readonly RecentCache<StoryState> _stories = new(CachedStories / 2);
    private readonly RecentCache<List<StoryMember>> _members = new(CachedStories / 2);

    /// <summary>How many articles are in stories, read once per run (counting rows costs more the larger the store).</summary>
    private int? _memberCount;

    /// <summary>
    /// The store's <see cref="IStoryIndex.Generation"/> when the caches were last known to match it: they are
    /// kept from one run (one stored batch) to the next unless someone else wrote to the store meanwhile,
    /// for reading every candidate story, its members and the frequencies of every term afresh for each
    /// batch cost more the larger the store.
    /// </summary>
    private long? _generation;

    /// <summary>How many stories (with their newest members) the caches hold at most, those unused longest forgotten first, to keep memory flat.</summary>
    private const int CachedStories = 5_000;

    /// <summary>
    /// Term frequencies: an article brings hundreds of terms, most of them seen before, so they are read once and
    /// written once per batch of changes. Each term's count now (with the changes of the articles grouped so far) and
    /// as it was last read or written (<see cref="TermCount.Written"/>): what is to be written is the difference, so a
    /// term is looked up once per article (the changes of an article that fails are taken back out of the count).
    /// </summary>
    private readonly Dictionary<string, TermCount> _frequencies = new(StringComparer.Ordinal);

    /// <summary>A term's document frequency now and as the store has it (the same size as the bare count it replaced, with the dictionary's padding).</summary>
    private struct TermCount
    {
        public int Count;
        public int Written;
    }

    /// <summary>Terms whose count moved away from what the store has since the last write (some may have moved back): written in the batch's transaction.</summary>
    private readonly List<string> _touched = [];

    /// <summary>
    /// Whether <see cref="_frequencies"/> holds every term the store counts in any article: so when it was filled
    /// from a store with no article in a story (a fresh store), since every change goes through it. A term not
    /// in it is then in no article, and is not looked up (on a fresh store most of an article's new terms are).
    /// </summary>
    private bool _frequenciesComplete;

    /// <summary>The current article's changes to the frequencies: undone if it fails.</summary>
    private readonly List<(string Term, int Delta)> _articleDeltas = [];

    public StoryGrouper(IStoryIndex index, IDocumentStore store, StoryOptions? options = null)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _entities = store.Feature<IEntityDirectory>();
        _options = options ?? StoryOptions.Default;
    }

    /// <summary>The layers grouping reads of an article (its text and metadata come with every load).</summary>
    private static readonly IReadOnlySet<string> ReadLayers = new HashSet<string>(StringComparer.Ordinal) { EntityLayers.Mentions.Name, TimesFeature.Times.Name };

    public string Name => "stories";

    /// <summary>
    /// An analysed article's terms counted ahead on the analysing threads (<see cref="Prepare"/>), by its text itself: the
    /// document the store hands back after saving it is a copy that shares its text and title. Taken out when used.
    /// </summary>
    private readonly PreparedWork<PreparedTerms> _prepared = new();

    /// <summary>How many articles' terms counted ahead (<see cref="Prepare"/>) grouping has taken.</summary>
    internal int PreparedTaken => _prepared.Taken;

    /// <summary>What <see cref="Prepare"/> counted: the title it counted with the text (the counts are used only for the same title).</summary>
    private sealed record PreparedTerms(string? Title, Dictionary<string, double> Counts);

    /// <summary>Counts the article's title and text terms as <see cref="Add"/> counts them: pure work on the two strings alone.</summary>
    public void Prepare(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrEmpty(document.Text))
            return;
        _prepared.Put(document.Text, new PreparedTerms(document.Metadata.Title, CountTerms(document.Metadata.Title, document.Text)));
    }

    /// <summary>The title's and text's terms, title first (each term where it first comes): what an article's weights start from.</summary>
    private Dictionary<string, double> CountTerms(string? title, string? text)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        StoryTerms.Count(title, _options.TitleWeight, counts);
        StoryTerms.Count(text, 1, counts);
        return counts;
    }

    /// <summary>The article's terms (<see cref="CountTerms"/>): as <see cref="Prepare"/> counted them when it did, with the same title; else counted here.</summary>
    private Dictionary<string, double> TermsOf(Document document)
    {
        if (_prepared.Take(document.Text) is { } prepared && string.Equals(prepared.Title, document.Metadata.Title, StringComparison.Ordinal))
            return prepared.Counts;
        return CountTerms(document.Metadata.Title, document.Text);
    }

    public IReadOnlyList<string> DependsOn => ["entity-resolution"];

    public IReadOnlyList<InputFailure> Update(IChangeCursor changes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var failures = new List<InputFailure>();
        // Another connection may have changed the stories since the last run: then read them afresh.
        long generation = _index.Generation();
        if (generation != _generation)
            Forget();
        _generation = generation;
        try
        {
            Run(changes, failures, cancellation);
        }
        catch
        {
            // A transaction that did not commit leaves the caches ahead of the store.
            RolledBack();
            throw;
        }
        return failures;
    }

    /// <summary>The run's transaction was rolled back after it returned: the caches are ahead of the store.</summary>
    public void RolledBack()
    {
        _touched.Clear();
        _articleDeltas.Clear();
        Forget();
        _generation = null;
    }

    private void Run(IChangeCursor changes, List<InputFailure> failures, CancellationToken cancellation)
    {
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = changes.Next(256);
            if (batch.Count == 0)
                return;
            changes.Commit(batch[^1].Position, () =>
            {
                foreach (var change in ChangeBatch.LatestPerDocument(batch))
                {
                    if (!Relevant(change))
                        continue;
                    try
                    {
                        _articleDeltas.Clear();
                        _index.AllOrNothing(() =>
                        {
                            var left = Remove(change.DocumentId);
                            if (change.Kind != ChangeKind.Deleted && _store.Load(change.DocumentId, ReadLayers) is { } document)
                                Add(document);
                            // Once the article is filed again (a changed article usually returns to its story).
                            if (left is not null && _options.Split)
                                SplitIfApart(left);
                        });
                    }
#pragma warning disable CA1031 // One document's failure must not stop the others; it is reported with its reason.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        failures.Add(new InputFailure(change.DocumentId, $"story grouping failed: {e.GetType().Name}: {e.Message}"));
                        // Its writes were rolled back: what was cached of them may be wrong.
                        foreach (var (term, delta) in _articleDeltas)
                            CollectionsMarshal.GetValueRefOrNullRef(_frequencies, term).Count -= delta;
                        Flush();
                        Forget();
                    }
                }
                Flush();
            });
        }
    }

    private static bool Relevant(DocumentChange change) =>
        change.Kind is ChangeKind.Stored or ChangeKind.Updated or ChangeKind.Deleted
        || change.Touches(EntityLayers.DocumentEntities.Name) || change.Touches(EntityLayers.Mentions.Name);

    /// <summary>Forgets what was cached of the stories; frequency changes must have been written (<see cref="Flush"/>).</summary>
    private void Forget()
    {
        _stories.Clear();
        _members.Clear();
        _memberCount = null;
        _frequencies.Clear();
        _frequenciesComplete = false;
    }

    private void Flush()
    {
        // Grouped by the change (nearly all +1), in the order first touched, as the changes were kept before.
        var groups = new Dictionary<int, List<string>>();
        foreach (var term in _touched)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_frequencies, term);
            int delta = entry.Count - entry.Written;
            if (delta == 0)
                continue;
            entry.Written = entry.Count;
            if (!groups.TryGetValue(delta, out var group))
                groups[delta] = group = [];
            group.Add(term);
        }
        foreach (var (delta, terms) in groups)
            _index.AddFrequencies(terms, delta);
        _touched.Clear();
        if (_frequencies.Count > 1_000_000)
        {
            _frequencies.Clear();
            _frequenciesComplete = false;
        }
    }

    /// <summary>Changes the current article's terms' frequencies by <paramref name="delta"/> (taken back if it fails).</summary>
    private void AddFrequencies(IEnumerable<string> terms, int delta)
    {
        foreach (var term in terms)
        {
            Touch(term).Count += delta;
            _articleDeltas.Add((term, delta));
        }
    }

    /// <summary>The term's entry, read from the store when not cached, and listed to be written when it is about to move away from the store's.</summary>
    private ref TermCount Touch(string term)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_frequencies, term, out bool cached);
        if (!cached)
            entry.Count = entry.Written = StoredFrequency(term);
        if (entry.Count == entry.Written)
            _touched.Add(term);
        return ref entry;
    }

    /// <summary>
    /// A term's frequency as the store holds it, for a term not cached: nothing is pending for it either (the
    /// cache is only cleared once pending changes are written), and when the cache holds every term counted
    /// (<see cref="_frequenciesComplete"/>) it is in no article.
    /// </summary>
    private int StoredFrequency(string term) => _frequenciesComplete ? 0 : _index.Frequencies([term]).GetValueOrDefault(term);

    /// <summary>Files one stored article into a story (it must not be in one).</summary>
    private void Add(Document document)
    {
        var counts = TermsOf(document);
        AddEntities(document, counts);
        var terms = counts.Keys.ToList();
        if (_memberCount is null)
        {
            _memberCount = _index.MemberCount();
            // Nothing cached and no article in a story: every frequency is 0 and each change will pass through the cache.
            _frequenciesComplete = _memberCount == 0 && _frequencies.Count == 0;
        }
        int n = _memberCount.Value + 1;
        // Each term's document frequency before this article, and the article counted in: one look-up of
        // the cache per term (the terms are distinct, and the weights below go through them in this order).
        var df = new int[terms.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            ref var entry = ref Touch(terms[t]);
            df[t] = entry.Count;
            entry.Count++;
            _articleDeltas.Add((terms[t], 1));
        }
        var weights = new List<KeyValuePair<string, double>>(counts.Count);
        int index = 0;
        foreach (var (term, count) in counts)
        {
            double idf = Math.Log((n + _options.IdfPrior + 1.0) / (df[index++] + 1));
            double w = (1 + Math.Log(count)) * idf;
            if (w > 0)
                weights.Add(new(term, w));
        }
        double squares = 0;
        foreach (var (_, w) in weights)
            squares += w * w;
        double norm = Math.Sqrt(squares);
        var vector = Strongest(weights, _options.VectorTerms)
            .ToDictionary(p => p.Key, p => norm > 0 ? p.Value / norm : 0, StringComparer.Ordinal);
        var lookup = Strongest(vector, _options.LookupTerms).Select(p => p.Key).ToList();
        var published = Day(document.Metadata.Published);
        if (_options.WeekdayCheck)
        {
            // Kept with the vector (weight 0: they weigh nothing in any likeness), so a member read back from the store still has them.
            foreach (var day in Weekdays(document, published))
                vector[WeekdayTerm(day)] = 0;
        }

        var scored = new List<(StoryState Story, double Score)>();
        var candidates = new Dictionary<long, StoryCandidate>();
        foreach (var term in lookup)
        {
            foreach (var candidate in _index.Candidates(term, _options.StoriesPerTerm))
                candidates.TryAdd(candidate.Id, candidate);
        }
        double vectorNorm = Norm(vector);
        foreach (var id in candidates.Keys.Order())
        {
            // The index gives each story's days and size: one outside the window is passed over unread.
            var found = candidates[id];
            if (found.Size == 0 || !InWindow(published, found.First, found.Last))
                continue;
            var story = State(id);
            if (story is null || story.Size == 0 || !InWindow(published, story.First, story.Last))
                continue;
            double score = Score(vector, vectorNorm, story);
            if (score >= _options.JoinThreshold)
                scored.Add((story, score));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Story.Id.CompareTo(b.Story.Id));

        StoryState target;
        if (scored.Count == 0)
        {
            long created = _index.Create(document.Metadata.Title);
            target = new StoryState { Id = created, Title = document.Metadata.Title };
            _stories[created] = target;
            _members[created] = [];
        }
        else
        {
            target = scored[0].Story;
        }
        // A story is called by the title of its first article that has one.
        target.Title ??= document.Metadata.Title;
        var member = new StoryMember(document.Id, target.Id, published, vector, terms);
        Join(target, member);
        _memberCount = n;
        _index.AddPostings(target.Id, lookup);

        // Two stories this article belongs to alike: if they have grown alike too, they are one.
        foreach (var (other, _) in scored.Skip(1))
        {
            if (Cosine(target.Centroid, other.Centroid) >= _options.MergeThreshold || RejoinsNow(other, target))
                target = Merge(target, other);
        }
        if (_options.MeetThreshold > 0)
            MergeMet(target);
    }

    /// <summary>
    /// Merges into <paramref name="story"/> every dated story it now meets (<see cref="StoryOptions.MeetThreshold"/>),
    /// the most alike first, until none is left: found by the index from the 12 strongest terms of its centroid, so
    /// never by a comparison with every story. A story grows towards another of the same days only through articles
    /// that join it; reports that opened two stories on one day meet once either has grown. On the AllSides roundups
    /// B-cubed F1 0.808 to 0.811, each half by roundup gaining (0.809 to 0.811, 0.847 to 0.848); thresholds 0.25-0.4
    /// give the same; undated stories merged too lose (0.771-0.806).
    /// </summary>
    private void MergeMet(StoryState story)
    {
        while (story.First is not null)
        {
            var found = new Dictionary<long, StoryCandidate>();
            foreach (var term in Strongest(story.Centroid, _options.LookupTerms).Select(p => p.Key))
            {
                foreach (var candidate in _index.Candidates(term, _options.StoriesPerTerm))
                    found.TryAdd(candidate.Id, candidate);
            }
            StoryState? best = null;
            double bestLikeness = 0;
            int days = -1;
            // The story's centroid does not change while its candidates are compared: its norm is summed once.
            double norm = double.NaN;
            foreach (var id in found.Keys.Order())
            {
                var seen = found[id];
                if (id == story.Id || seen.Size == 0 || !Meet(story, seen.First, seen.Last))
                    continue;
                var other = State(id);
                if (other is null || other.Size == 0 || !Meet(story, other.First, other.Last))
                    continue;
                if (double.IsNaN(norm))
                    norm = Norm(story.Centroid);
                double likeness = Cosine(story.Centroid, norm, other.Centroid);
                if (likeness < _options.MeetThreshold || (best is not null && likeness <= bestLikeness))
                    continue;
                if (_options.WeekdayCheck)
                {
                    if (days < 0)
                        days = NamedWeekdays(story.Id);
                    int theirs = NamedWeekdays(id);
                    if (days != 0 && theirs != 0 && (days & theirs) == 0)
                        continue;
                }
                best = other;
                bestLikeness = likeness;
            }
            if (best is null)
                return;
            story = Merge(story, best);
        }
    }

    /// <summary>Whether a dated story's days overlap the days <paramref name="first"/> to <paramref name="last"/> (false when those are unknown).</summary>
    private static bool Meet(StoryState story, string? first, string? last) =>
        story.First is not null && story.Last is not null && first is not null && last is not null
        && string.CompareOrdinal(story.First, last) <= 0 && string.CompareOrdinal(first, story.Last) <= 0;

    /// <summary>The days of the week the newest members of a story name, as bits (Monday 1 << 1 … Sunday 1 << 7).</summary>
    private int NamedWeekdays(long id)
    {
        int bits = 0;
        foreach (var m in MembersOf(id))
        {
            for (int day = 1; day <= 7; day++)
            {
                if (m.Vector.ContainsKey(WeekdayTerm(day)))
                    bits |= 1 << day;
            }
        }
        return bits;
    }

    /// <summary>
    /// Whether <paramref name="other"/>, a story of one article that the new article was alike to as well, would
    /// have that article join <paramref name="target"/> now that the new article is in it (the same likeness and
    /// threshold as a new article's, against the story with its newest members): an article that arrived before
    /// the one that bridges it to a story opened a story of its own, and is looked at again here, once, with the
    /// candidates the new article already found (no look-up more). On the AllSides roundups B-cubed F1 0.801 to
    /// 0.811 (README); a story of two or three articles moved the same way, or single members moved between
    /// larger stories, gained nothing.
    /// </summary>
    private bool RejoinsNow(StoryState other, StoryState target)
    {
        if (!_options.Rejoin || other.Size != 1 || MembersOf(other.Id) is not [var single])
            return false;
        return InWindow(single.Published, target.First, target.Last) && Score(single.Vector, target) >= _options.JoinThreshold;
    }

    private void AddEntities(Document document, Dictionary<string, double> counts)
    {
        if (_entities is null || _options.EntityWeight <= 0)
            return;
        var mentions = document.Mentions();
        int locals = 0;
        foreach (var mention in mentions)
            locals = Math.Max(locals, mention.Entity + 1);
        if (locals == 0)
            return;
        // Every entity of the article at once (one read, not two per entity).
        var resolved = _entities.EntitiesOf(document.Id, locals);
        var keys = new string?[locals];
        foreach (var mention in mentions)
        {
            if (mention.Entity < 0 || resolved[mention.Entity] is not { } entity)
                continue;
            var key = keys[mention.Entity] ??= "e:" + entity.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            counts[key] = counts.GetValueOrDefault(key) + _options.EntityWeight;
        }
    }

    private double Score(IReadOnlyDictionary<string, double> vector, StoryState story) => Score(vector, Norm(vector), story);

    /// <summary>
    /// The same, with the article's norm (<see cref="Norm"/>) computed once for all its candidates. Every caller only asks
    /// whether the likeness reaches the join threshold (and orders those that do), so a likeness that cannot reach it is
    /// given as soon as that is known: the least alike member's share only falls as more members are compared, and with
    /// the centroid's share fixed the sum falls with it, so once below the threshold the whole likeness stays below.
    /// </summary>
    private double Score(IReadOnlyDictionary<string, double> vector, double norm, StoryState story)
    {
        double centroid = Cosine(vector, norm, story.Centroid);
        double share = _options.CentroidShare, centroidPart = share * centroid;
        // Only where a lower least lowers the sum (a share of the members' likeness of 0 or more).
        bool canStop = share <= 1;
        // Complete linkage over the newest members: the least alike of them counts.
        double least = double.MaxValue;
        foreach (var m in MembersOf(story.Id))
        {
            // A member that names other days of the week than the article is not alike at all.
            least = Math.Min(least, OtherWeekdays(vector, m.Vector) ? 0 : Dot(vector, m.Vector));
            if (canStop && centroidPart + ((1 - share) * least) is var bound && bound < _options.JoinThreshold)
                return bound;
        }
        if (least == double.MaxValue)
            least = 0;
        return centroidPart + ((1 - share) * least);
    }

    /// <summary>
    /// The days of the week an article names for what it reports: "Monday" where it has no date to read it
    /// against (<c>XXXX-WXX-1</c>), and where it has one, every day it names within a week of it. Reports of
    /// one event name its day ("the Senate voted Tuesday"); an undated report of a recurring subject (weekly
    /// jobless claims, another vote on the same bill) is often told apart from last month's only by that.
    /// </summary>
    internal static SortedSet<int> Weekdays(Document document, string? published)
    {
        var days = new SortedSet<int>();
        var times = document.Layers.Get(TimesFeature.Times);
        if (times is null)
            return days;
        DateOnly? pub = published is null ? null : ParseDay(published);
        foreach (var t in times)
        {
            if (t.Type is not (TimexType.Date or TimexType.Time))
                continue;
            if (t.Value.Length >= 10 && t.Value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && t.Value[9] is >= '1' and <= '7')
                days.Add(t.Value[9] - '0');
            else if (pub is { } p && t.Day is { } d && Math.Abs(d.DayNumber - p.DayNumber) <= 6)
                days.Add(d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek);
        }
        return days;
    }

    /// <summary>The vector terms of the days of the week, Monday 1 to Sunday 7 (index 0 unused): made once, since every likeness looks them up.</summary>
    private static readonly string[] WeekdayTerms = [.. Enumerable.Range(0, 8).Select(day => "w:" + (char)('0' + day))];

    private static string WeekdayTerm(int day) => WeekdayTerms[day];

    /// <summary>
    /// Whether both vectors carry the days of the week their articles name and share none: two reports of one
    /// event rarely do (on the AllSides roundups, 92 of the 1,462 pairs of one roundup against 381 of the 940 pairs
    /// wrongly grouped before), so such a member counts as not alike at all in the complete linkage.
    /// </summary>
    private static bool OtherWeekdays(IReadOnlyDictionary<string, double> vector, IReadOnlyDictionary<string, double> member)
    {
        bool theirs = false, mine = false;
        for (int day = 1; day <= 7; day++)
        {
            var term = WeekdayTerm(day);
            bool a = vector.ContainsKey(term), b = member.ContainsKey(term);
            if (a && b)
                return false;
            theirs |= b;
            mine |= a;
        }
        return theirs && mine;
    }

    private bool InWindow(string? day, string? storyFirst, string? storyLast)
    {
        if (day is null || storyFirst is null || storyLast is null)
            return true;
        var d = ParseDay(day);
        var first = ParseDay(storyFirst);
        var last = ParseDay(storyLast);
        int gap = d < first ? first.DayNumber - d.DayNumber : d > last ? d.DayNumber - last.DayNumber : 0;
        return gap <= _options.WindowDays;
    }

    /// <summary>
    /// A day as <see cref="DateOnly.Parse(string, IFormatProvider?)"/> reads it: "yyyy-MM-dd" (every day grouping keeps) read
    /// digit by digit, since every candidate of every article is checked against its window; anything else by the parser.
    /// </summary>
    private static DateOnly ParseDay(string day)
    {
        if (day.Length == 10 && IsoDay(day) is { } parsed)
            return parsed;
        return DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The day the first ten characters of <paramref name="text"/> write as "yyyy-MM-dd" in ASCII digits; null when they do not.</summary>
    private static DateOnly? IsoDay(string text)
    {
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && Digits(text, 0, 4) is int year and >= 1 && Digits(text, 5, 2) is int month and >= 1 and <= 12
            && Digits(text, 8, 2) is int dayOfMonth and >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, dayOfMonth);
        }
        return null;
    }

    /// <summary>The number written by the ASCII digits at [start, start + count) of <paramref name="text"/>; -1 when one is not a digit.</summary>
    private static int Digits(string text, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            char c = text[i];
            if (c is < '0' or > '9')
                return -1;
            value = (value * 10) + (c - '0');
        }
        return value;
    }

    private void Join(StoryState story, StoryMember member)
    {
        foreach (var (term, w) in member.Vector)
            story.Centroid[term] = story.Centroid.GetValueOrDefault(term) + w;
        Trim(story.Centroid);
        // Only the member's terms changed; every other weight of the centroid was rounded already.
        StoryVectors.RoundTerms(story.Centroid, member.Vector);
        story.Size++;
        if (member.Published is { } day)
        {
            if (story.First is null || string.CompareOrdinal(day, story.First) < 0)
                story.First = day;
            if (story.Last is null || string.CompareOrdinal(day, story.Last) > 0)
                story.Last = day;
        }
        var members = MembersOf(story.Id);
        _index.AddMember(member);
        _index.Save(story);
        // Cached as the store keeps it: weights rounded, and without the terms (only a removal needs them, and it reads them).
        var vector = new Dictionary<string, double>(member.Vector, StringComparer.Ordinal);
        StoryVectors.RoundInPlace(vector);
        members.Insert(0, member with { Vector = vector, Terms = [] });
    }

    private StoryState Merge(StoryState a, StoryState b)
    {
        var (kept, absorbed) = a.Id < b.Id ? (a, b) : (b, a);
        foreach (var (term, w) in absorbed.Centroid)
            kept.Centroid[term] = kept.Centroid.GetValueOrDefault(term) + w;
        Trim(kept.Centroid);
        StoryVectors.RoundTerms(kept.Centroid, absorbed.Centroid);
        kept.Size += absorbed.Size;
        kept.Title ??= absorbed.Title;
        kept.First = Min(kept.First, absorbed.First);
        kept.Last = Max(kept.Last, absorbed.Last);
        _index.Merge(kept.Id, absorbed.Id);
        _index.Save(kept);
        _stories.Remove(absorbed.Id);
        _members.Remove(absorbed.Id);
        _members.Remove(kept.Id);
        return kept;
    }

    /// <summary>Takes a document out of its story, if it is in one, and its terms out of the frequencies; returns what it was.</summary>
    private StoryMember? Remove(string documentId)
    {
        if (_index.MemberOf(documentId) is not { } member)
            return null;
        AddFrequencies(member.Terms, -1);
        _index.RemoveMember(documentId);
        if (_memberCount is { } count)
            _memberCount = count - 1;
        if (State(member.Story) is { } story)
        {
            foreach (var (term, w) in member.Vector)
            {
                double left = story.Centroid.GetValueOrDefault(term) - w;
                if (left > 1e-9)
                    story.Centroid[term] = left;
                else
                    story.Centroid.Remove(term);
            }
            StoryVectors.RoundTerms(story.Centroid, member.Vector);
            story.Size = Math.Max(0, story.Size - 1);
            (story.First, story.Last) = _index.Dates(story.Id);
            _index.Save(story);
            _members.Remove(story.Id);
        }
        return member;
    }

    /// <summary>Stories larger than this are not looked at for a split (every pair of members is compared).</summary>
    private const int SplitLimit = 200;

    /// <summary>No layer: a split reads only a document's title.</summary>
    private static readonly IReadOnlySet<string> NoLayers = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Splits the story an article left (<paramref name="left"/>, with the vector it had) when the article held it
    /// together: its other articles fall into parts that no longer link (single linkage over <see cref="Linked"/>)
    /// where, with the article, they all did. The part with most articles keeps the id (with equal sizes, the one
    /// holding the oldest article, where the story began); each other part becomes a new story, its articles moved
    /// in the order they came, with their look-up terms filed under it. Only after a removal, so it costs nothing
    /// while articles arrive.
    /// </summary>
    private void SplitIfApart(StoryMember left)
    {
        if (State(left.Story) is not { Size: >= 2 and <= SplitLimit } story)
            return;
        var members = _index.Members(story.Id, story.Size);
        if (members.Count < 2)
            return;
        var parts = Parts(members, null);
        // Only what the article held together parts: a story that its articles never all linked (it grew by
        // likeness to the whole) is left as it is, and an article changed or analysed again that is back in its
        // story changes nothing.
        if (parts.Count == 1 || Parts(members, left.Vector).Count > 1)
            return;
        var kept = parts.OrderByDescending(p => p.Count).ThenByDescending(p => p[^1]).First();
        foreach (var part in parts.Where(p => p != kept).OrderByDescending(p => p[^1]))
        {
            var oldestFirst = part.AsEnumerable().Reverse().Select(i => members[i]).ToList();
            string? title = oldestFirst.Select(m => _store.Load(m.Document, NoLayers)?.Metadata.Title).FirstOrDefault(t => t is not null);
            long id = _index.Create(title);
            var state = new StoryState { Id = id, Title = title };
            foreach (var m in oldestFirst)
            {
                // Read again with its terms (a later removal takes them out of the frequencies).
                var moved = (_index.MemberOf(m.Document) ?? m) with { Story = id };
                _index.RemoveMember(m.Document);
                _index.AddMember(moved);
                _index.AddPostings(id, Strongest(moved.Vector.Where(p => p.Value > 0), _options.LookupTerms).Select(p => p.Key));
                AddTo(state, moved);
            }
            _index.Save(state);
            _stories[id] = state;
            _members.Remove(id);
        }
        // What is left is summed again from its articles.
        story.Centroid.Clear();
        story.Size = 0;
        story.First = story.Last = null;
        foreach (var i in kept.AsEnumerable().Reverse())
            AddTo(story, members[i]);
        _index.Save(story);
        _members.Remove(story.Id);

        void AddTo(StoryState into, StoryMember member)
        {
            foreach (var (term, w) in member.Vector)
                into.Centroid[term] = into.Centroid.GetValueOrDefault(term) + w;
            Trim(into.Centroid);
            StoryVectors.RoundInPlace(into.Centroid);
            into.Size++;
            into.First = Min(into.First, member.Published);
            into.Last = Max(into.Last, member.Published);
        }
    }

    /// <summary>
    /// The parts the members link into (indexes into <paramref name="members"/>, newest first, so a higher index is
    /// an older article), with <paramref name="bridge"/> as one article more when given (it belongs to no part).
    /// </summary>
    private List<List<int>> Parts(IReadOnlyList<StoryMember> members, IReadOnlyDictionary<string, double>? bridge)
    {
        int n = members.Count, all = bridge is null ? n : n + 1;
        var parent = new int[all];
        for (int i = 0; i < all; i++)
            parent[i] = i;
        int Root(int i)
        {
            while (parent[i] != i)
                i = parent[i] = parent[parent[i]];
            return i;
        }
        IReadOnlyDictionary<string, double> Vector(int i) => i < n ? members[i].Vector : bridge!;
        for (int i = 0; i < all; i++)
        {
            for (int j = i + 1; j < all; j++)
            {
                if (Root(i) != Root(j) && Linked(Vector(i), Vector(j)))
                    parent[Root(i)] = Root(j);
            }
        }
        return [.. Enumerable.Range(0, n).GroupBy(Root).Select(g => g.ToList())];
    }

    /// <summary>Whether two articles of a story are alike enough to hold it together (<see cref="StoryOptions.SplitLink"/>).</summary>
    private bool Linked(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        Dot(a, b) >= _options.SplitLink;

    private StoryState? State(long id)
    {
        if (_stories.TryGetValue(id, out var cached))
            return cached;
        var story = _index.Story(id);
        if (story is not null)
            _stories[story.Id] = story;
        return story;
    }

    private List<StoryMember> MembersOf(long id)
    {
        if (!_members.TryGetValue(id, out var list))
        {
            list = [.. _index.Members(id, _options.MembersCompared)];
            _members[id] = list;
        }
        else if (list.Count > _options.MembersCompared)
        {
            list.RemoveRange(_options.MembersCompared, list.Count - _options.MembersCompared);
        }
        return list;
    }

    /// <summary>
    /// The <paramref name="count"/> heaviest terms, heaviest first, ties by term (ordinal), so every reader picks the same ones:
    /// what <c>OrderByDescending(weight).ThenBy(term, ordinal).Take(count)</c> gives (the terms are distinct, so the order is
    /// total and one way of finding them gives what another does). Kept as it goes, each term compared with the lightest kept
    /// and placed by halving: an article's vector takes its 100 of hundreds of terms, the look-up its 12, for every article.
    /// </summary>
    internal static List<KeyValuePair<string, double>> Strongest(IEnumerable<KeyValuePair<string, double>> terms, int count)
    {
        var kept = new List<KeyValuePair<string, double>>(Math.Max(0, Math.Min(count, terms.TryGetNonEnumeratedCount(out int n) ? n : count)));
        if (count <= 0)
            return kept;
        foreach (var pair in terms)
        {
            if (kept.Count == count)
            {
                if (Heavier(pair, kept[^1]) >= 0)
                    continue;
                kept.RemoveAt(kept.Count - 1);
            }
            int low = 0, high = kept.Count;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (Heavier(kept[middle], pair) < 0)
                    low = middle + 1;
                else
                    high = middle;
            }
            kept.Insert(low, pair);
        }
        return kept;
    }

    /// <summary>Below 0 when <paramref name="a"/> comes before <paramref name="b"/> in <see cref="Strongest"/>'s order: the heavier, then the term first in ordinal order.</summary>
    private static int Heavier(KeyValuePair<string, double> a, KeyValuePair<string, double> b)
    {
        int c = b.Value.CompareTo(a.Value);
        return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    }

    private void Trim(Dictionary<string, double> centroid)
    {
        if (centroid.Count <= _options.CentroidTerms * 2)
            return;
        var keep = Strongest(centroid, _options.CentroidTerms);
        centroid.Clear();
        foreach (var (k, v) in keep)
            centroid[k] = v;
    }

    internal static double Dot(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (a.Count > b.Count)
            (a, b) = (b, a);
        double sum = 0;
        foreach (var (term, w) in a)
        {
            if (b.TryGetValue(term, out var v))
                sum += w * v;
        }
        return sum;
    }

    internal static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) => Cosine(a, Norm(a), b);

    /// <summary>The same, with the norm of <paramref name="a"/> given (<see cref="Norm"/>).</summary>
    private static double Cosine(IReadOnlyDictionary<string, double> a, double na, IReadOnlyDictionary<string, double> b)
    {
        double nb = Norm(b);
        return na > 0 && nb > 0 ? Dot(a, b) / (na * nb) : 0;
    }

    /// <summary>The vector's length: its weights' squares summed in the dictionary's order.</summary>
    private static double Norm(IReadOnlyDictionary<string, double> vector)
    {
        double sum = 0;
        foreach (var (_, v) in vector)
            sum += v * v;
        return Math.Sqrt(sum);
    }

    /// <remarks>
    /// A day written in ASCII digits (every stored date) is read digit by digit, as <see cref="ParseDay"/> reads it: the
    /// parser cost more than the rest of a new article's dates. Anything else is for the parser to accept or refuse.
    /// </remarks>
    private static string? Day(string? published) =>
        published is { Length: >= 10 } && (IsoDay(published) is not null || DateOnly.TryParseExact(published.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            ? published[..10]
            : null;

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;
}

/// <summary>
/// A cache of at most twice <c>half</c> entries that forgets those unused longest, roughly: when the
/// newer half fills, the older half is dropped and the newer becomes the older; an entry used from the
/// older half moves to the newer. Emptying a whole cache when it filled made the stories most asked
/// for be read again and again once the store held more stories than it.
/// </summary>
internal sealed class RecentCache<TValue>(int half)
{
    private Dictionary<long, TValue> _newer = [];
    private Dictionary<long, TValue> _older = [];

    public bool TryGetValue(long key, out TValue value)
    {
        if (_newer.TryGetValue(key, out value!))
            return true;
        if (!_older.Remove(key, out value!))
            return false;
        Set(key, value);
        return true;
    }

    public TValue this[long key]
    {
        set => Set(key, value);
    }

    public void Remove(long key)
    {
        _newer.Remove(key);
        _older.Remove(key);
    }

    public void Clear()
    {
        _newer.Clear();
        _older.Clear();
    }

    private void Set(long key, TValue value)
    {
        _older.Remove(key);
        _newer[key] = value;
        if (_newer.Count >= half)
        {
            _older = _newer;
            _newer = [];
        }
    }
}
