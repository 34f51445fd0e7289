using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Stories;

namespace Sitrep.Storage;

/// <summary>
/// The story tables of a <see cref="SqliteDocumentStore"/> (schema v9, indexes v10): stories, their members, the
/// inverted index of terms and the term frequencies. Shares the store's connection, so the same
/// one-thread-at-a-time rule applies.
/// </summary>
public sealed class SqliteStoryIndex : IStoryIndex
{
    private readonly SqliteSession _session;

    /// <summary>How many stories' rows <see cref="Candidates"/> keeps at most before it starts afresh.</summary>
    private const int MaxCachedWindows = 1_000_000;

    /// <summary>Each story's row as <see cref="Candidates"/> reads it, kept in step with every write here.</summary>
    private readonly Dictionary<long, StoryWindow> _windows = [];

    /// <summary>The store's data version and this connection's count of rollbacks when <see cref="_windows"/> was last known to be right.</summary>
    private long _windowsGeneration = -1;
    private long _windowsRollbacks;

    internal SqliteStoryIndex(SqliteSession session) => _session = session;

    public void AllOrNothing(Action work) => _session.AllOrNothing(work);

    public int MemberCount() => Convert.ToInt32(Prepared("SELECT COUNT(*) FROM story_members").ExecuteScalar(), CultureInfo.InvariantCulture);

    public IReadOnlyDictionary<string, int> Frequencies(IReadOnlyCollection<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var command = Raw("SELECT documents FROM story_frequencies WHERE term = $term");
        var counts = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (command.Bind("$term", term).Int64Scalar() is long n)
                counts[term] = (int)n;
        }
        return counts;
    }

    public void AddFrequencies(IEnumerable<string> terms, int delta)
    {
        ArgumentNullException.ThrowIfNull(terms);
        // Up to TermsAtOnce terms a statement: a multi-row upsert takes its rows in the order given, each as one
        // statement a term took it (67 terms an article were 67 statements).
        RunTerms(FrequencySql, "$delta", delta, terms);
    }

    private const int TermsAtOnce = 32;

    private readonly string?[] _termChunk = new string?[TermsAtOnce];

    private static readonly string[] TermNames = [.. Enumerable.Range(0, TermsAtOnce).Select(i => $"$term{i}")];

    /// <summary>The upsert of n terms' frequencies (n from 1 to <see cref="TermsAtOnce"/>).</summary>
    private static readonly string[] FrequencySql = [.. Enumerable.Range(0, TermsAtOnce + 1).Select(n => n == 0 ? "" :
        "INSERT INTO story_frequencies (term, documents) VALUES " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"($term{i}, MAX($delta, 0))"))
        + " ON CONFLICT (term) DO UPDATE SET documents = MAX(documents + $delta, 0)")];

    /// <summary>The insert of n postings of one story (n from 1 to <see cref="TermsAtOnce"/>), each ignored when filed already.</summary>
    private static readonly string[] PostingSql = [.. Enumerable.Range(0, TermsAtOnce + 1).Select(n => n == 0 ? "" :
        "INSERT OR IGNORE INTO story_terms (term, story) VALUES " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"($term{i}, $story)")))];

    /// <summary>Runs the statement for every <see cref="TermsAtOnce"/> terms (and the rest), in the order given, with one shared value.</summary>
    private void RunTerms(string[] sql, string name, long value, IEnumerable<string> terms)
    {
        int count = 0;
        foreach (var term in terms)
        {
            _termChunk[count++] = term;
            if (count == TermsAtOnce)
            {
                RunTerms(sql, name, value, count);
                count = 0;
            }
        }
        if (count > 0)
            RunTerms(sql, name, value, count);
    }

    /// <summary>Runs the statement for the first <paramref name="count"/> terms of <see cref="_termChunk"/>, with one shared value.</summary>
    private void RunTerms(string[] sql, string name, long value, int count)
    {
        var command = Raw(sql[count]).Bind(name, value);
        for (int i = 0; i < count; i++)
            command.Bind(TermNames[i], _termChunk[i] ?? throw new ArgumentException("a term is null"));
        command.Run();
        Array.Clear(_termChunk, 0, count);
    }

    public IReadOnlyList<StoryCandidate> Candidates(string term, int limit)
    {
        // The postings alone from the index; each story's size and days from a cache of the stories
        // table, which the joins read for every posting (an article asks for hundreds).
        ForgetWindowsIfStale();
        var stories = Postings(term, limit);
        var candidates = new List<StoryCandidate>(stories.Length);
        foreach (var id in stories)
        {
            // Merges keep pointers flat (every story absorbed points at the one that survives), so one step follows them.
            if (Window(id) is not { } own)
                continue;
            if (own.MergedInto is not { } into)
                candidates.Add(new StoryCandidate(id, own.Size, own.First, own.Last));
            else if (Window(into) is { } kept)
                candidates.Add(new StoryCandidate(into, kept.Size, kept.First, kept.Last));
            else
                candidates.Add(new StoryCandidate(into, own.Size, own.First, own.Last));
        }
        return candidates;
    }

    /// <summary>How many terms' postings <see cref="_postings"/> keeps at most before it starts afresh (a term a few dozen bytes and its ids).</summary>
    private const int MaxCachedPostings = 200_000;

    /// <summary>
    /// Each term's stories as <see cref="Candidates"/> reads them from the index (newest first, at most <see cref="_postingsLimit"/>),
    /// kept in step with every write of the postings here and forgotten with <see cref="_windows"/> (another connection's
    /// write, a rollback). An article asks for its 12 look-up terms and, once filed, for the 12 strongest of its story's
    /// centroid, mostly the same terms: on merges-10k 23 queries an article.
    /// </summary>
    private readonly Dictionary<string, long[]> _postings = new(StringComparer.Ordinal);

    /// <summary>The limit the lists of <see cref="_postings"/> were read with (a list of fewer ids holds every posting of its term).</summary>
    private int _postingsLimit = -1;

    /// <summary>The term's stories, newest first, at most <paramref name="limit"/>: as the index gives them, from <see cref="_postings"/> when it holds them.</summary>
    private long[] Postings(string term, int limit)
    {
        if (limit != _postingsLimit)
        {
            _postings.Clear();
            _postingsLimit = limit;
        }
        if (_postings.TryGetValue(term, out var cached))
            return cached;
        var stories = new List<long>();
        using (var reader = Raw("SELECT story FROM story_terms WHERE term = $term ORDER BY story DESC LIMIT $limit").Bind("$term", term).Bind("$limit", limit).Execute())
        {
            while (reader.Read())
                stories.Add(reader.Int64(0));
        }
        if (_postings.Count >= MaxCachedPostings)
            _postings.Clear();
        var list = stories.ToArray();
        _postings[term] = list;
        return list;
    }

    /// <summary>
    /// What the term's cached list becomes when the index files <paramref name="story"/> under it (a posting already there
    /// is kept as it is, as <c>INSERT OR IGNORE</c> keeps it): the id in its place, newest first, and the oldest let go past
    /// the limit. A full list may leave out older postings of the term; an id older than all it holds is one of those.
    /// </summary>
    private void CachePosting(string term, long story)
    {
        if (!_postings.TryGetValue(term, out var list) || Array.IndexOf(list, story) >= 0)
            return;
        int at = 0;
        while (at < list.Length && list[at] > story)
            at++;
        if (at >= _postingsLimit)
            return;
        int length = Math.Min(list.Length + 1, _postingsLimit);
        var grown = new long[length];
        Array.Copy(list, grown, at);
        grown[at] = story;
        Array.Copy(list, at, grown, at + 1, length - at - 1);
        _postings[term] = grown;
    }

    /// <summary>The story's row as candidates need it (not following a merge); null when there is none.</summary>
    private StoryWindow? Window(long id)
    {
        if (_windows.TryGetValue(id, out var cached))
            return cached;
        using var reader = Raw("SELECT merged_into, size, first, last FROM stories WHERE id = $id").Bind("$id", id).Execute();
        if (!reader.Read())
            return null;
        if (_windows.Count >= MaxCachedWindows)
            _windows.Clear();
        var window = new StoryWindow(reader.NullableInt64(0), reader.Int32(1), reader.NullableText(2), reader.NullableText(3));
        _windows[id] = window;
        return window;
    }

    /// <summary>
    /// Empties the cache of story rows when it may no longer be what the table holds: another connection
    /// wrote to the store, or a transaction of this one was rolled back (every write of this one goes
    /// through this index, which keeps the cache in step).
    /// </summary>
    private void ForgetWindowsIfStale()
    {
        // Checked once a transaction: the pragma opens the transaction's read snapshot, so no other connection's
        // commit shows in what this one reads until it ends (story grouping asks for candidates 30 times an article).
        if (_session.InTransactionNow && _windowsTransaction == _session.Transactions && _session.Rollbacks == _windowsRollbacks)
            return;
        long generation = Generation();
        if (generation != _windowsGeneration || _session.Rollbacks != _windowsRollbacks)
        {
            _windows.Clear();
            _postings.Clear();
            _windowsGeneration = generation;
            _windowsRollbacks = _session.Rollbacks;
        }
        _windowsTransaction = _session.InTransactionNow ? _session.Transactions : -1;
    }

    /// <summary>The transaction in which <see cref="_windows"/> was last checked against the store's data version (-1: none).</summary>
    private long _windowsTransaction = -1;

    public long Generation() => Raw("PRAGMA data_version").Int64Scalar() ?? 0;

    public StoryState? Story(long id)
    {
        long into;
        using (var reader = Raw("SELECT id, title, size, first, last, centroid, merged_into FROM stories WHERE id = $id").Bind("$id", id).Execute())
        {
            if (!reader.Read())
                return null;
            if (reader.IsNull(6))
            {
                return new StoryState
                {
                    Id = reader.Int64(0),
                    Title = reader.NullableText(1),
                    Size = reader.Int32(2),
                    First = reader.NullableText(3),
                    Last = reader.NullableText(4),
                    Centroid = StoryVectors.Read(reader.Utf8(5)),
                };
            }
            into = reader.Int64(6);
        }
        return into == id ? null : Story(into);
    }

    public StoryCandidate? Summary(long id)
    {
        // From the cache of story rows, merges followed as Story follows them.
        ForgetWindowsIfStale();
        for (long current = id; ;)
        {
            if (Window(current) is not { } window)
                return null;
            if (window.MergedInto is not { } into)
                return new StoryCandidate(current, window.Size, window.First, window.Last);
            if (into == current)
                return null;
            current = into;
        }
    }

    public IReadOnlyList<StoryMember> Members(long story, int limit)
    {
        // Not the terms: the longest column, and only a removal needs them (MemberOf reads them).
        var members = new List<StoryMember>();
        using var reader = Raw("SELECT document, story, published, vector FROM story_members WHERE story = $story ORDER BY seq DESC LIMIT $limit").Bind("$story", story).Bind("$limit", limit).Execute();
        while (reader.Read())
            members.Add(new StoryMember(reader.Text(0), reader.Int64(1), reader.NullableText(2), StoryVectors.Read(reader.Utf8(3)), []));
        return members;
    }

    public StoryMember? MemberOf(string document)
    {
        using var reader = Raw("SELECT document, story, published, vector, terms FROM story_members WHERE document = $document").Bind("$document", document).Execute();
        return reader.Read()
            ? new StoryMember(reader.Text(0), reader.Int64(1), reader.NullableText(2), StoryVectors.Read(reader.Utf8(3)), reader.Text(4).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            : null;
    }

    public long? StoryOf(string document) =>
        Raw("SELECT story FROM story_members WHERE document = $document").Bind("$document", document).Int64Scalar();

    public long Create(string? title)
    {
        long id = Raw("INSERT INTO stories (title) VALUES ($title)").Bind("$title", title).Insert();
        // Its row as candidates will read it (the table's defaults; Save keeps it in step): nearly every article opens a
        // story, and each was read back once, when an article after it first found it, a tenth of the look-ups for candidates.
        // A row id handed out again after a rollback is no risk: a rollback empties the cache before the next candidates.
        if (_windows.Count < MaxCachedWindows)
            _windows[id] = new StoryWindow(null, 0, null, null);
        return id;
    }

    public void Save(StoryState story)
    {
        ArgumentNullException.ThrowIfNull(story);
        Raw("UPDATE stories SET title = $title, size = $size, first = $first, last = $last, centroid = $centroid WHERE id = $id")
            .Bind("$id", story.Id).Bind("$title", story.Title).Bind("$size", story.Size).Bind("$first", story.First).Bind("$last", story.Last)
            .Bind("$centroid", Vector(story.Centroid)).Run();
        if (_windows.TryGetValue(story.Id, out var window))
            _windows[story.Id] = window with { Size = story.Size, First = story.First, Last = story.Last };
    }

    public void AddMember(StoryMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var command = Raw("""
            INSERT INTO story_members (document, story, published, vector, terms, seq)
            VALUES ($document, $story, $published, $vector, $terms, (SELECT COALESCE(MAX(seq), 0) + 1 FROM story_members))
            """).Bind("$document", member.Document).Bind("$story", member.Story).Bind("$published", member.Published)
            .Bind("$vector", Vector(member.Vector));
        // The builder holds one column at a time: SQLite copies what is bound.
        _text.Clear().AppendJoin('\n', member.Terms);
        command.Bind("$terms", _text).Run();
    }

    public void RemoveMember(string document) => Raw("DELETE FROM story_members WHERE document = $document").Bind("$document", document).Run();

    public void AddPostings(long story, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (_postings.Count == 0)
        {
            // Up to TermsAtOnce postings a statement, in the order given (a story's 12 lookup terms were 12 statements).
            RunTerms(PostingSql, "$story", story, terms);
            return;
        }
        var list = terms as IReadOnlyList<string> ?? [.. terms];
        RunTerms(PostingSql, "$story", story, list);
        foreach (var term in list)
            CachePosting(term, story);
    }

    public void Merge(long kept, long absorbed)
    {
        if (kept == absorbed)
            return;
        // The cached rows change as the statements below change the table's: a story pointing at the absorbed one
        // points at the kept one, then the absorbed one points there too, emptied (its days stay). Emptying the whole
        // cache instead made every story a candidate again read anew after each merge: on the first 10,000 of
        // merges-10k, 267,474 reads of a story's row (26.7 an article) for 8,965 stories.
        MergedRows.Repoint(_windows, absorbed, kept, static window => window.MergedInto,
            static (window, into) => window with { MergedInto = into });
        if (_windows.TryGetValue(absorbed, out var absorbedWindow))
            _windows[absorbed] = absorbedWindow with { MergedInto = kept, Size = 0 };
        // The absorbed story's postings move to the kept one: a cached list of one of its terms loses the absorbed id and
        // gains the kept one's (as AddPostings adds it); a full list that held the absorbed id may now take in a posting
        // it left out, so it is read again. (A full list without the absorbed id had it past its oldest.)
        if (_postings.Count > 0)
        {
            var absorbedTerms = new List<string>();
            using (var reader = Raw("SELECT term FROM story_terms WHERE story = $absorbed").Bind("$absorbed", absorbed).Execute())
            {
                while (reader.Read())
                    absorbedTerms.Add(reader.Text(0));
            }
            foreach (var term in absorbedTerms)
            {
                if (!_postings.TryGetValue(term, out var list))
                    continue;
                if (Array.IndexOf(list, absorbed) >= 0)
                {
                    if (list.Length >= _postingsLimit)
                    {
                        _postings.Remove(term);
                        continue;
                    }
                    _postings[term] = [.. list.Where(id => id != absorbed)];
                }
                CachePosting(term, kept);
            }
        }
        foreach (var sql in (ReadOnlySpan<string>)[
            "UPDATE story_members SET story = $kept WHERE story = $absorbed",
            "INSERT OR IGNORE INTO story_terms (term, story) SELECT term, $kept FROM story_terms WHERE story = $absorbed",
            "DELETE FROM story_terms WHERE story = $absorbed",
            "UPDATE stories SET merged_into = $kept WHERE merged_into = $absorbed",
            "UPDATE stories SET merged_into = $kept, size = 0, centroid = '' WHERE id = $absorbed",
        ])
        {
            var command = Prepared(sql);
            if (command.Parameters.Contains("$kept"))
                command.Parameters["$kept"].Value = kept;
            command.Parameters["$absorbed"].Value = absorbed;
            command.ExecuteNonQuery();
        }
    }

    public (string? First, string? Last) Dates(long story)
    {
        var command = Prepared("SELECT MIN(published), MAX(published) FROM story_members WHERE story = $story");
        command.Parameters["$story"].Value = story;
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (null, null);
    }

    public IReadOnlyList<StoryRecord> List()
    {
        var command = Prepared("SELECT id, title, size, first, last FROM stories WHERE merged_into IS NULL AND size > 0 ORDER BY last IS NULL, last DESC, id DESC");
        var list = new List<StoryRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(ReadRecord(reader));
        return list;
    }

    public IReadOnlyList<string> Documents(long story)
    {
        var list = new List<string>();
        using var reader = Raw("SELECT document FROM story_members WHERE story = $story ORDER BY published IS NULL, published, document").Bind("$story", story).Execute();
        while (reader.Read())
            list.Add(reader.Text(0));
        return list;
    }

    public IReadOnlyList<IReadOnlyList<string>> Terms(long story)
    {
        var list = new List<IReadOnlyList<string>>();
        using var reader = Raw("SELECT terms FROM story_members WHERE story = $story").Bind("$story", story).Execute();
        while (reader.Read())
            list.Add(reader.Text(0).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        return list;
    }

    public int CountTerms(long story, Dictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        // Each member's terms are counted from the column's text in place: a string is made only for a term
        // the counts do not hold yet (a large story's members repeat most of their terms).
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        int members = 0;
        using var reader = Raw("SELECT terms FROM story_members WHERE story = $story").Bind("$story", story).Execute();
        while (reader.Read())
        {
            members++;
            var text = reader.Text(0).AsSpan();
            foreach (var range in text.Split('\n'))
            {
                var term = text[range];
                if (term.IsEmpty)
                    continue;
                ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, term, out _);
                count++;
            }
        }
        return members;
    }

    public int CountListedTerms(long story, Dictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        // Each member's terms read from the column's UTF-8 bytes in place, each decoded into a buffer on the stack and
        // looked up by its characters: no string made, nothing added.
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[256];
        int members = 0;
        using var reader = Raw("SELECT terms FROM story_members WHERE story = $story").Bind("$story", story).Execute();
        while (reader.Read())
        {
            members++;
            var bytes = reader.Utf8(0);
            while (!bytes.IsEmpty)
            {
                int end = bytes.IndexOf((byte)'\n');
                var term = end < 0 ? bytes : bytes[..end];
                bytes = end < 0 ? [] : bytes[(end + 1)..];
                if (term.IsEmpty)
                    continue;
                // A term is letters and digits (or an entity key): longer than the buffer only in odd text, decoded then into a string.
                ReadOnlySpan<char> chars = term.Length <= buffer.Length
                    ? buffer[..System.Text.Encoding.UTF8.GetChars(term, buffer)]
                    : System.Text.Encoding.UTF8.GetString(term);
                ref int count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(lookup, chars);
                if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref count))
                    count++;
            }
        }
        return members;
    }

    private static StoryRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.GetInt32(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4));

    /// <summary>Text of the columns written per join (centroid, member vector and terms), reused: thousands of characters each, written for every article.</summary>
    private readonly System.Text.StringBuilder _text = new();

    /// <summary>The vector as <see cref="StoryVectors.Write(IEnumerable{KeyValuePair{string, double}})"/> writes it, in <see cref="_text"/>.</summary>
    private System.Text.StringBuilder Vector(IEnumerable<KeyValuePair<string, double>> vector)
    {
        _text.Clear();
        StoryVectors.Write(vector, _text);
        return _text;
    }

    private SqliteCommand Prepared(string sql) => _session.Prepared(sql);

    private RawStatement Raw(string sql) => _session.Raw(sql);

    private readonly record struct StoryWindow(long? MergedInto, int Size, string? First, string? Last);
}
