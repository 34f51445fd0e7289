using System.Globalization;
using System.Text;

namespace Sitrep.Stories;

/// <summary>
/// What story grouping needs of a store: stories found by the terms of their articles (an inverted
/// index, never a scan of every story), each story's centroid, its members' term vectors, and how
/// many stored articles use each term. Ids are never reused; a merged story points at the one that
/// absorbed it, so its old id still finds it.
/// </summary>
public interface IStoryIndex
{
    /// <summary>Runs <paramref name="work"/> inside the current transaction so that, if it throws, none of its writes are kept.</summary>
    void AllOrNothing(Action work);

    /// <summary>How many articles are in stories.</summary>
    int MemberCount();

    /// <summary>How many grouped articles use each of <paramref name="terms"/> (absent: none).</summary>
    IReadOnlyDictionary<string, int> Frequencies(IReadOnlyCollection<string> terms);

    /// <summary>Adds <paramref name="delta"/> to the count of each term.</summary>
    void AddFrequencies(IEnumerable<string> terms, int delta);

    /// <summary>
    /// The stories filed under <paramref name="term"/>, newest first, at most <paramref name="limit"/>, merged ones
    /// followed to the one that absorbed them, with that story's size and days: enough to pass over a story
    /// outside an article's window without reading its centroid.
    /// </summary>
    IReadOnlyList<StoryCandidate> Candidates(string term, int limit);

    /// <summary>
    /// A number that changes when another connection (another process, another engine) has written to the
    /// store since the last call: what grouping caches of the stories between runs is then read afresh.
    /// </summary>
    long Generation();

    /// <summary>The story with this id (merged ids followed); null when there is none.</summary>
    StoryState? Story(long id);

    /// <summary>
    /// The story with this id (merged ids followed) as candidates see it: its id, size and first and last day, without
    /// its title and centroid (framing asks it of every story a batch touches); null when there is none.
    /// </summary>
    StoryCandidate? Summary(long id) => Story(id) is { } story ? new StoryCandidate(story.Id, story.Size, story.First, story.Last) : null;

    /// <summary>The story's newest members, at most <paramref name="limit"/>, with their vectors; their terms may be left out (only <see cref="MemberOf"/> must give them).</summary>
    IReadOnlyList<StoryMember> Members(long story, int limit);

    /// <summary>The story the document is in, or null.</summary>
    StoryMember? MemberOf(string document);

    /// <summary>The id of the story the document is in, or null: <see cref="MemberOf"/> without reading the member's vector and terms (framing asks it of every article).</summary>
    long? StoryOf(string document) => MemberOf(document)?.Story;

    /// <summary>A new empty story.</summary>
    long Create(string? title);

    /// <summary>Writes the story's size, dates and centroid.</summary>
    void Save(StoryState story);

    void AddMember(StoryMember member);

    /// <summary>Takes the document out of its story; the story's dates are read again from the members left.</summary>
    void RemoveMember(string document);

    /// <summary>Files the story under these terms.</summary>
    void AddPostings(long story, IEnumerable<string> terms);

    /// <summary>Moves the members and terms of <paramref name="absorbed"/> to <paramref name="kept"/>; the absorbed id then redirects to it.</summary>
    void Merge(long kept, long absorbed);

    /// <summary>The first and last publication day of the story's members (nulls when none is dated).</summary>
    (string? First, string? Last) Dates(long story);

    /// <summary>Every story with members, newest last date first.</summary>
    IReadOnlyList<StoryRecord> List();

    /// <summary>The story's stored documents, by publication day, then id.</summary>
    IReadOnlyList<string> Documents(long story);

    /// <summary>Every member's terms (<see cref="StoryMember.Terms"/>), without their vectors: what framing learns the story's closed class from.</summary>
    IReadOnlyList<IReadOnlyList<string>> Terms(long story);

    /// <summary>
    /// Adds to <paramref name="counts"/> how many of the story's members list each term (a term listed twice
    /// counts twice, as counting <see cref="Terms"/> would) and returns how many members there are: what
    /// framing's closed class needs, without a list of strings per member.
    /// </summary>
    int CountTerms(long story, Dictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var members = Terms(story);
        foreach (var terms in members)
        {
            foreach (var term in terms)
                counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return members.Count;
    }

    /// <summary>
    /// <see cref="CountTerms"/> for the terms <paramref name="counts"/> already holds alone (others are not counted nor
    /// added): framing's closed class is asked only about the words beside names, a few dozen terms of the story's thousands.
    /// </summary>
    int CountListedTerms(long story, Dictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        int members = CountTerms(story, all);
        foreach (var term in counts.Keys.ToArray())
            counts[term] += all.GetValueOrDefault(term);
        return members;
    }
}

/// <summary>A story as grouping sees it: its size, first and last day, title and centroid (the sum of its members' vectors).</summary>
public sealed class StoryState
{
    public required long Id { get; init; }

    public string? Title { get; set; }

    public int Size { get; set; }

    public string? First { get; set; }

    public string? Last { get; set; }

    public Dictionary<string, double> Centroid { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>A story an article may join, as the inverted index finds it: its id (merges followed), size and first and last day.</summary>
public sealed record StoryCandidate(long Id, int Size, string? First, string? Last);

/// <summary>A story as people list it.</summary>
public sealed record StoryRecord(long Id, string? Title, int Size, string? First, string? Last)
{
    /// <summary>"S12".</summary>
    public string Name => StoryIds.Format(Id);
}

/// <summary>
/// An article in a story: its publication day, its weighted terms (unit length, the strongest kept)
/// and every distinct term it counted in the term frequencies (so a removal takes back exactly those).
/// The vector also holds the days of the week the article names as <c>w:1</c> (Monday) to <c>w:7</c> with
/// weight 0: kept where the vector is kept, weighing nothing in any likeness.
/// </summary>
public sealed record StoryMember(string Document, long Story, string? Published, IReadOnlyDictionary<string, double> Vector, IReadOnlyList<string> Terms);

/// <summary>Story ids as written: "S" and the number.</summary>
public static class StoryIds
{
    public static string Format(long id) => "S" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>"S12", "s12" or "12" → 12; null when it is no story id.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        if (t[0] is 'S' or 's')
            t = t[1..];
        return long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}

/// <summary>How term vectors are stored: one "term weight" per line, weights to six decimals (plain text, cheap to read).</summary>
public static class StoryVectors
{
    public static string Write(IEnumerable<KeyValuePair<string, double>> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var sb = new StringBuilder();
        Write(vector, sb);
        return sb.ToString();
    }

    /// <summary>
    /// Appends what <see cref="Write(IEnumerable{KeyValuePair{string, double}})"/> returns to <paramref name="into"/>: the store
    /// writes a story's centroid of hundreds of terms at every join, and binds it from a builder it reuses.
    /// </summary>
    public static void Write(IEnumerable<KeyValuePair<string, double>> vector, StringBuilder into)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(into);
        // The pairs sorted by term in a pooled array, and each weight formatted straight into the builder.
        int count = vector.TryGetNonEnumeratedCount(out int n) ? n : vector.Count();
        var pairs = System.Buffers.ArrayPool<KeyValuePair<string, double>>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int length = 0;
            foreach (var pair in vector)
                pairs[length++] = pair;
            Array.Sort(pairs, 0, length, ByTerm.Instance);
            into.EnsureCapacity(into.Length + (length * 16));
            Span<char> digits = stackalloc char[64];
            for (int i = 0; i < length; i++)
            {
                var (term, weight) = pairs[i];
                into.Append(term).Append(' ');
                if (TryScaled(weight, out long scaled))
                    into.Append(digits[..FormatScaled(scaled, digits)]);
                else if (weight.TryFormat(digits, out int written, WeightFormat, CultureInfo.InvariantCulture))
                    into.Append(digits[..written]);
                else
                    into.Append(weight.ToString(WeightFormat, CultureInfo.InvariantCulture));
                into.Append('\n');
            }
        }
        finally
        {
            System.Buffers.ArrayPool<KeyValuePair<string, double>>.Shared.Return(pairs, clearArray: true);
        }
    }

    /// <summary>Pairs by term, ordinal (terms of one vector are distinct, so the order is total).</summary>
    private sealed class ByTerm : IComparer<KeyValuePair<string, double>>
    {
        public static readonly ByTerm Instance = new();

        public int Compare(KeyValuePair<string, double> x, KeyValuePair<string, double> y) => string.CompareOrdinal(x.Key, y.Key);
    }

    private const string WeightFormat = "0.######";

    /// <summary>A millionth's inverse: weights are kept to six decimals.</summary>
    private const double Millionths = 1_000_000;

    /// <summary>
    /// The weight's millionths as <see cref="WeightFormat"/> rounds them (half up on its decimal digits), without formatting:
    /// for a weight above 0 and below 1,000 whose millionths do not lie within a thousandth of a half. The format rounds the
    /// weight's decimal digits (at least 15 significant ones, each within 5e-12 of the weight below 1,000), and the product
    /// below is within 2e-7 of the exact millionths, so both land on the same side of the half; the rest (a midpoint, a
    /// weight of 0 or less, 1,000 or more, not a number) goes by the formatter. The text's value parses to
    /// <c>scaled / 1e6</c> exactly: both are exact doubles (under 2^53), and a division is rounded to the nearest as the
    /// parser rounds a decimal (<c>StoryVectorsTests</c> checks both against the formatter on millions of weights).
    /// </summary>
    internal static bool TryScaled(double weight, out long scaled)
    {
        if (weight > 0 && weight < 1000)
        {
            double x = weight * Millionths;
            double whole = Math.Floor(x);
            double fraction = x - whole;
            if (Math.Abs(fraction - 0.5) >= 1e-3)
            {
                scaled = (long)whole + (fraction > 0.5 ? 1 : 0);
                return true;
            }
        }
        scaled = 0;
        return false;
    }

    /// <summary>
    /// Writes <paramref name="scaled"/> millionths (0 to 10^9) as <see cref="WeightFormat"/> writes their value: the whole
    /// part, then a point and the decimals without trailing zeros when any is not zero; the characters written.
    /// </summary>
    private static int FormatScaled(long scaled, Span<char> into)
    {
        long whole = Math.DivRem(scaled, 1_000_000, out long fraction);
        whole.TryFormat(into, out int length, default, CultureInfo.InvariantCulture);
        if (fraction == 0)
            return length;
        int decimals = 6;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            decimals--;
        }
        into[length++] = '.';
        for (int i = length + decimals - 1; i >= length; i--)
        {
            into[i] = (char)('0' + (int)(fraction % 10));
            fraction /= 10;
        }
        return length + decimals;
    }

    /// <summary>Powers of ten a weight's decimals are divided by (up to the six <see cref="WeightFormat"/> writes).</summary>
    private static readonly double[] TenTo = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>
    /// A weight written as ASCII digits, with a point and at most six decimals after it and at most 15 digits in all (all
    /// that <see cref="WeightFormat"/> writes below 10^9), read as the parser reads it: the digits as a whole number (exact),
    /// divided by the power of ten (exact), the one rounding the division's, to the nearest as the parser's. Anything
    /// else (a sign, an exponent, spaces, more digits) is for the parser.
    /// </summary>
    private static double ParseWeight(ReadOnlySpan<byte> text)
    {
        long digits = 0;
        int count = 0, decimals = -1;
        foreach (byte b in text)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digits = (digits * 10) + (b - '0');
                count++;
                if (decimals >= 0)
                    decimals++;
            }
            else if (b == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                count = -1;
                break;
            }
        }
        if (count is > 0 and <= 15 && decimals is -1 or (> 0 and <= 6))
            return digits / TenTo[Math.Max(decimals, 0)];
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A weight as <see cref="Write"/> keeps it: what is cached of a story must equal what is read back, or
    /// the grouping would depend on when the cache was last emptied.
    /// </summary>
    internal static double Round(double weight)
    {
        // Nearly every weight: its millionths counted exactly (TryScaled), and divided as the parser reads their text.
        if (TryScaled(weight, out long scaled))
            return scaled / Millionths;
        // Formatted into a buffer on the stack and parsed from it: the same text as the store's, no string made.
        Span<char> digits = stackalloc char[64];
        return weight.TryFormat(digits, out int written, WeightFormat, CultureInfo.InvariantCulture)
            ? double.Parse(digits[..written], NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.Parse(weight.ToString(WeightFormat, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Rounds every weight of <paramref name="vector"/> in place, as <see cref="Round"/>.</summary>
    internal static void RoundInPlace(Dictionary<string, double> vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        foreach (var term in vector.Keys.ToArray())
            vector[term] = Round(vector[term]);
    }

    /// <summary>
    /// Rounds, as <see cref="Round"/>, the weights of <paramref name="terms"/> that <paramref name="vector"/> still holds:
    /// after a change to those terms alone, when every other weight was rounded before (rounding a rounded weight
    /// leaves it as it is, so the vector is then what <see cref="RoundInPlace"/> makes of it; a centroid of hundreds
    /// of terms changes in a member's hundred at a join).
    /// </summary>
    internal static void RoundTerms<TValue>(Dictionary<string, double> vector, IEnumerable<KeyValuePair<string, TValue>> terms)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var (term, _) in terms)
        {
            ref double weight = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(vector, term);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref weight))
                weight = Round(weight);
        }
    }

    /// <summary>
    /// What <see cref="Read(string)"/> reads, from the UTF-8 bytes the store holds (a centroid of hundreds of terms is
    /// read at every cache miss): no string of the whole text, lines split at the same ASCII bytes, terms decoded, weights
    /// parsed from the same digits.
    /// </summary>
    public static Dictionary<string, double> Read(ReadOnlySpan<byte> utf8)
    {
        // Made at its size (a line a term): grouping reads a vector for every member and story it compares, and
        // growing each step by step cost as much as parsing it. Entries keep the order they are added in either way.
        var vector = new Dictionary<string, double>(utf8.Count((byte)'\n') + 1, StringComparer.Ordinal);
        var rest = utf8;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            int space = line.LastIndexOf((byte)' ');
            if (space > 0)
                vector[Encoding.UTF8.GetString(line[..space])] = ParseWeight(line[(space + 1)..]);
        }
        return vector;
    }

    public static Dictionary<string, double> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new Dictionary<string, double>(text.AsSpan().Count('\n') + 1, StringComparer.Ordinal);
        // Line by line over the text, allocating only the terms: stories read thousands of vectors.
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            int space = line.LastIndexOf(' ');
            if (space > 0)
                vector[line[..space].ToString()] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        return vector;
    }
}
