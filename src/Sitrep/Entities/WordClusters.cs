using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Distributional word clusters at three nested granularities (<see cref="Fine"/> clusters, grouped into
/// <see cref="Middle"/>, grouped into <see cref="Coarse"/>), learned from unlabelled news by
/// <see cref="Build"/>: words that share left and right neighbours share a cluster, so "Kohl" and
/// "Netanyahu" or "Volvo" and "Boeing" look alike to the tagger even if only one was in its training
/// data. Words are keyed by the case-keeping, digit-folding hash of <see cref="FeatureHash.Cased"/>;
/// the table travels inside the model, so tagging needs no data files.
/// </summary>
public sealed class WordClusters
{
    public const int Fine = 1024;
    public const int Middle = 256;
    public const int Coarse = 64;

    private readonly UIntMap _fine;
    private readonly ushort[] _middleOf;
    private readonly ushort[] _coarseOf;

    private WordClusters(UIntMap fine, ushort[] middleOf, ushort[] coarseOf)
    {
        _fine = fine;
        _middleOf = middleOf;
        _coarseOf = coarseOf;
    }

    public static WordClusters Empty { get; } = new(UIntMap.Empty, [], []);

    public int Count => _fine.Count;

    /// <summary>
    /// The word's clusters packed as fine | middle &lt;&lt; 11 | coarse &lt;&lt; 20, each id + 1, or 0
    /// for a word not in the table. A word missing as written ("JAPAN") is looked up capitalised
    /// ("Japan") and then lower-cased.
    /// </summary>
    public uint Lookup(ReadOnlySpan<char> word, uint casedHash)
    {
        if (_fine.Count == 0)
            return 0;
        if (!_fine.TryGetValue(casedHash, out uint id)
            && !_fine.TryGetValue(Hash(word, title: true), out id)
            && !_fine.TryGetValue(Hash(word, title: false), out id))
            return 0;
        return (uint)(id + 1) | (uint)(_middleOf[id] + 1) << 11 | (uint)(_coarseOf[id] + 1) << 20;
    }

    /// <summary>Starts reading the table where <see cref="Lookup"/> will first look for the word (<see cref="UIntMap.Prefetch"/>).</summary>
    internal void Prefetch(uint casedHash) => _fine.Prefetch(casedHash);

    /// <summary>
    /// Whether the word is in the table written in small letters: an ordinary word of English ("facts",
    /// "photo", "host"), where a surname such as "Wallace" or "Inskeep" is seen capitalised only.
    /// </summary>
    internal bool HasLowerCase(ReadOnlySpan<char> word) => _fine.ContainsKey(Hash(word, title: false));

    // FeatureHash.Cased of the word capitalised (title) or lower-cased.
    private static uint Hash(ReadOnlySpan<char> word, bool title)
    {
        uint h = FeatureHash.Seed ^ 0x5bd1e995;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            c = char.IsAsciiDigit(c) ? '0' : title && i == 0 ? char.ToUpperInvariant(c) : FeatureHash.Lower(c);
            h = FeatureHash.Step(h, c);
        }
        return h;
    }

    /// <summary>Digits folded to 0, as in the feature hashes.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        for (int i = 0; i < word.Length; i++)
            buffer[i] = char.IsAsciiDigit(word[i]) ? '0' : word[i];
        return new string(buffer);
    }

    internal void Write(BinaryWriter writer)
    {
        var keys = _fine.SortedKeys();
        writer.Write(keys.Length);
        uint previous = 0;
        foreach (uint key in keys)
        {
            writer.Write7BitEncodedInt((int)(key - previous));
            previous = key;
        }
        foreach (uint key in keys)
            writer.Write((ushort)_fine[key]);
        writer.Write(_middleOf.Length);
        for (int i = 0; i < _middleOf.Length; i++)
        {
            writer.Write(_middleOf[i]);
            writer.Write(_coarseOf[i]);
        }
    }

    internal static WordClusters Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        var keys = new uint[n];
        uint key = 0;
        for (int i = 0; i < n; i++)
        {
            key += (uint)reader.Read7BitEncodedInt();
            keys[i] = key;
        }
        var fine = new Dictionary<uint, uint>(n);
        for (int i = 0; i < n; i++)
            fine[keys[i]] = reader.ReadUInt16();
        int m = reader.ReadInt32();
        var middle = new ushort[m];
        var coarse = new ushort[m];
        for (int i = 0; i < m; i++)
        {
            middle[i] = reader.ReadUInt16();
            coarse[i] = reader.ReadUInt16();
        }
        return new WordClusters(new UIntMap(fine), middle, coarse);
    }

    /// <summary>The clusters from a word list: gzip'd lines "word TAB fine TAB middle TAB coarse".</summary>
    public static WordClusters LoadFile(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var fine = new Dictionary<uint, uint>();
        var middle = new ushort[Fine];
        var coarse = new ushort[Fine];
        while (reader.ReadLine() is { } line)
        {
            var cols = line.Split('\t');
            if (cols.Length < 4)
                continue;
            ushort f = ushort.Parse(cols[1], CultureInfo.InvariantCulture);
            fine.TryAdd(FeatureHash.Cased(cols[0]), f);
            middle[f] = ushort.Parse(cols[2], CultureInfo.InvariantCulture);
            coarse[f] = ushort.Parse(cols[3], CultureInfo.InvariantCulture);
        }
        return new WordClusters(new UIntMap(fine), middle, coarse);
    }

    /// <summary>
    /// Learns the clusters from news articles (a .jsonl.gz with a "content_original" text per line) and
    /// writes them as a word list (see <see cref="LoadFile"/>). Deterministic for a given corpus and seed:
    /// the <paramref name="vocabulary"/> most frequent word forms (case kept, digits folded) are described
    /// by counts of their left and right neighbours among the <paramref name="contexts"/> most frequent
    /// forms, square-rooted per side (Hellinger), randomly projected to <paramref name="dimensions"/>,
    /// normalised, and clustered by spherical k-means into <see cref="Fine"/> clusters; the fine
    /// centroids are clustered again into <see cref="Middle"/> and those into <see cref="Coarse"/>.
    /// </summary>
    public static void Build(string corpusPath, string outputPath, int seed = 20030, int vocabulary = 80_000, int contexts = 1000,
        int dimensions = 128, int iterations = 12, int window = 1, Action<string>? log = null)
    {
        // Pass over the corpus: every token as a form id, articles separated by -1.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new List<long>();
        var stream = new List<int>(1 << 24);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[64];
        using (var file = File.OpenRead(corpusPath))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                if (!doc.RootElement.TryGetProperty("content_original", out var content) || content.GetString() is not { Length: > 0 } text)
                    continue;
                if (!seen.Add(text))
                    continue; // the same article listed twice
                foreach (var token in Tokenizer.Tokenize(text))
                {
                    var w = token.Span(text);
                    if (w.Length > buffer.Length)
                        w = w[..buffer.Length];
                    for (int i = 0; i < w.Length; i++)
                        buffer[i] = char.IsAsciiDigit(w[i]) ? '0' : w[i];
                    var form = buffer[..w.Length];
                    if (!lookup.TryGetValue(form, out int id))
                    {
                        id = ids.Count;
                        lookup[form] = id;
                        counts.Add(0);
                    }
                    counts[id]++;
                    stream.Add(id);
                }
                stream.Add(-1);
            }
        }
        log?.Invoke($"{seen.Count} articles, {stream.Count - seen.Count} tokens, {ids.Count} forms");

        var forms = new string[ids.Count];
        foreach (var (form, id) in ids)
            forms[id] = form;
        var byFrequency = Enumerable.Range(0, forms.Length).OrderByDescending(i => counts[i]).ThenBy(i => forms[i], StringComparer.Ordinal).ToArray();
        int v = Math.Min(vocabulary, byFrequency.Length);
        int c = Math.Min(contexts, byFrequency.Length);
        var rank = new int[forms.Length];
        Array.Fill(rank, int.MaxValue);
        for (int r = 0; r < byFrequency.Length; r++)
            rank[byFrequency[r]] = r;

        // Neighbour counts, one block of c + 1 columns per position (left window..1, then right 1..window),
        // the last column of a block "any other".
        int blocks = 2 * window;
        int width = blocks * (c + 1);
        var table = new float[(long)v * width];
        for (int p = 0; p < stream.Count; p++)
        {
            int id = stream[p];
            if (id < 0)
                continue;
            int r = rank[id];
            if (r >= v)
                continue;
            long row = (long)r * width;
            for (int d = 1; d <= window; d++)
            {
                int left = p - d >= 0 ? stream[p - d] : -1;
                if (left < 0)
                    break;
                table[row + (window - d) * (c + 1) + Math.Min(rank[left], c)]++;
            }
            for (int d = 1; d <= window; d++)
            {
                int right = p + d < stream.Count ? stream[p + d] : -1;
                if (right < 0)
                    break;
                table[row + (window + d - 1) * (c + 1) + Math.Min(rank[right], c)]++;
            }
        }

        // Hellinger per side, then a seeded Gaussian projection and unit length.
        var random = new Random(seed);
        var projection = new float[width * dimensions];
        for (int i = 0; i < projection.Length; i++)
            projection[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        var vectors = new float[v * dimensions];
        Parallel.For(0, v, r =>
        {
            var row = table.AsSpan((int)((long)r * width), width);
            var output = vectors.AsSpan(r * dimensions, dimensions);
            for (int side = 0; side < blocks; side++)
            {
                var part = row.Slice(side * (c + 1), c + 1);
                float sum = 0;
                foreach (float x in part)
                    sum += x;
                if (sum == 0)
                    continue;
                for (int k = 0; k < part.Length; k++)
                {
                    if (part[k] == 0)
                        continue;
                    float value = MathF.Sqrt(part[k] / sum);
                    var column = projection.AsSpan((side * (c + 1) + k) * dimensions, dimensions);
                    for (int d = 0; d < dimensions; d++)
                        output[d] += value * column[d];
                }
            }
            Normalise(output);
        });
        table = [];

        var fine = KMeans(vectors, v, dimensions, Fine, iterations, seed, log, out var fineCentroids);
        var middle = KMeans(fineCentroids, Fine, dimensions, Middle, iterations * 2, seed + 1, log, out var middleCentroids);
        var coarse = KMeans(middleCentroids, Middle, dimensions, Coarse, iterations * 2, seed + 2, log, out _);

        using var outFile = File.Create(outputPath);
        using var outGzip = new GZipStream(outFile, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(outGzip, new UTF8Encoding(false));
        writer.NewLine = "\n";
        for (int r = 0; r < v; r++)
        {
            int f = fine[r];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{forms[byFrequency[r]]}\t{f}\t{middle[f]}\t{coarse[middle[f]]}"));
        }
    }

    private static void Normalise(Span<float> vector)
    {
        float norm = 0;
        foreach (float x in vector)
            norm += x * x;
        if (norm == 0)
            return;
        float scale = 1 / MathF.Sqrt(norm);
        for (int d = 0; d < vector.Length; d++)
            vector[d] *= scale;
    }

    /// <summary>Spherical k-means from k seeded random points; the assignment step runs in parallel, the rest in order, so the result is deterministic.</summary>
    private static int[] KMeans(float[] points, int n, int dimensions, int k, int iterations, int seed, Action<string>? log, out float[] centroids)
    {
        var random = new Random(seed);
        var start = Enumerable.Range(0, n).ToArray();
        random.Shuffle(start);
        centroids = new float[k * dimensions];
        for (int j = 0; j < k; j++)
            points.AsSpan(start[j] * dimensions, dimensions).CopyTo(centroids.AsSpan(j * dimensions, dimensions));
        var assignment = new int[n];
        var current = centroids;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            var similarity = new double[n];
            Parallel.For(0, n, i =>
            {
                var p = points.AsSpan(i * dimensions, dimensions);
                int best = 0;
                float bestDot = float.NegativeInfinity;
                for (int j = 0; j < k; j++)
                {
                    float dot = Dot(p, current.AsSpan(j * dimensions, dimensions));
                    if (dot > bestDot)
                    {
                        bestDot = dot;
                        best = j;
                    }
                }
                assignment[i] = best;
                similarity[i] = bestDot;
            });
            var next = new float[k * dimensions];
            var sizes = new int[k];
            for (int i = 0; i < n; i++)
            {
                var target = next.AsSpan(assignment[i] * dimensions, dimensions);
                var p = points.AsSpan(i * dimensions, dimensions);
                for (int d = 0; d < dimensions; d++)
                    target[d] += p[d];
                sizes[assignment[i]]++;
            }
            for (int j = 0; j < k; j++)
            {
                if (sizes[j] == 0)
                    points.AsSpan(start[(k + j + iteration * 7) % n] * dimensions, dimensions).CopyTo(next.AsSpan(j * dimensions, dimensions));
                Normalise(next.AsSpan(j * dimensions, dimensions));
            }
            current = next;
            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"k-means {k}, iteration {iteration + 1}: mean similarity {similarity.Average():0.0000}"));
        }
        centroids = current;
        return assignment;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int d = 0;
        for (; d + Vector<float>.Count <= a.Length; d += Vector<float>.Count)
            sum += new Vector<float>(a[d..]) * new Vector<float>(b[d..]);
        float result = Vector.Sum(sum);
        for (; d < a.Length; d++)
            result += a[d] * b[d];
        return result;
    }
}
