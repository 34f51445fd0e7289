using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// The tagger's feature rows that depend on one word form alone, kept per word form (issue 11,
/// 2026-12-06). Of a token's 46 fixed features, 30 are keyed by a word's own spelling (the word itself,
/// its case, shapes, affixes and clusters: 15 for the word, 4 each as the word before and after, 3
/// each two before and after) and 2 more of the beam's by the word and the likely previous tag; 8 more
/// take one of at most 257 values (the flags, name-list codes and spelling of the word and its
/// neighbours, the document history). Words repeat (a few hundred forms make half of news text), so
/// those rows are looked up in the model's table once per word form and then read here: a token hashes
/// its word once and looks up 8 features in the table instead of 48. The rows are the ones the table
/// gives for the same keys (<see cref="FeatureExtractor.ExtractStatic"/>'s), added in the same order,
/// so the scores are the same to the bit.
/// </summary>
/// <remarks>One sentence's tagging holds a cache at a time (no locking); a model keeps a few spare
/// (<see cref="NerModel"/>), so there are about as many as sentences tagged at once. Each holds at most
/// <see cref="Capacity"/> word forms (about 14 MB), then is emptied and filled again.</remarks>
internal sealed class WordRows
{
    public const int Capacity = 1 << 16;

    /// <summary>The longest sentence <see cref="Rows"/> takes (longer ones are looked up word by word as before).</summary>
    public const int MaxSentence = Capacity / 4;

    // A word form's ints: its rows (-1 for a feature the model lacks), then the values the features of
    // its neighbours and the sentence need.
    private const int Self = 0;      // slots 1, 6, 7, 8, 13..20, 34, 35, 36 (15)
    private const int Likely = 15;   // the beam's word-and-previous-tag features: (none, word), (none, shape), (O, word), (O, shape)
    private const int Prev1 = 19;    // slots 2, 9, 37, 39 when the word is the one before
    private const int Next1 = 23;    // slots 3, 10, 38, 40 when it is the one after
    private const int Prev2 = 27;    // slots 4, 11, 41 two before
    private const int Next2 = 30;    // slots 5, 12, 42 two after
    private const int Norm = 33, ShortShape = 34, Cluster = 35, Flags = 36, Key1 = 37, Key8 = 38;
    private const int Stride = 39;
    private const int RoleCount = 14;

    /// <summary>The features looked up in the table per token, in slot order: 24, 25, 29, 30, 31, 33, 43, 44.</summary>
    private const int Probes = 8;

    private readonly NerModel _model;
    private readonly FeatureTable _table;
    // The word forms seen, an open-addressing table of (hash << 32 | entry number + 1), twice as many
    // places as the cache holds forms (a look-up reads one place, then the form's string on a hash match).
    private readonly ulong[] _places = new ulong[2 * Capacity];
    private string[] _forms = new string[1024];
    private int _count;
    private int[] _data = new int[1024 * Stride];

    // Rows of the sentence's ends' stand-ins in each neighbour role, and of the small-valued features.
    private readonly int[] _edges = new int[RoleCount];
    private readonly int[] _small = new int[7 * 257];
    private readonly int[] _history = new int[16];
    private readonly int _bias;

    public WordRows(NerModel model, FeatureTable table)
    {
        _model = model;
        _table = table;
        Span<uint> keys = stackalloc uint[RoleCount];
        Span<int> rows = stackalloc int[RoleCount];
        RoleKeys(FeatureExtractor.Before1, FeatureExtractor.Before1, FeatureExtractor.BeforeCluster, keys[..4], Prev1Templates);
        RoleKeys(FeatureExtractor.After1, FeatureExtractor.After1, FeatureExtractor.AfterCluster, keys[4..8], Next1Templates);
        RoleKeys(FeatureExtractor.Before2, FeatureExtractor.Before2, FeatureExtractor.BeforeCluster, keys[8..11], Prev2Templates);
        RoleKeys(FeatureExtractor.After2, FeatureExtractor.After2, FeatureExtractor.AfterCluster, keys[11..14], Next2Templates);
        _table.RowsOf(keys, _edges);
        var small = new uint[7 * 257];
        ReadOnlySpan<int> templates = [21, 22, 23, 26, 27, 28, 32];
        for (int s = 0; s < templates.Length; s++)
        {
            for (int v = 0; v <= 256; v++)
                small[s * 257 + v] = FeatureHash.Feature(templates[s], (uint)v);
        }
        _table.RowsOf(small, _small);
        var history = new uint[_history.Length];
        for (int h = 0; h < history.Length; h++)
            history[h] = FeatureHash.Feature(44, (uint)h);
        _table.RowsOf(history, _history);
        Span<uint> bias = [FeatureHash.Feature(0, 0)];
        Span<int> biasRow = [0];
        _table.RowsOf(bias, biasRow);
        _bias = biasRow[0];
    }

    public NerModel Model => _model;

    /// <summary>A cache for <paramref name="model"/> from its spares, or a new one: one sentence's tagging holds it, then gives it back with <see cref="Return"/>.</summary>
    public static WordRows Rent(NerModel model, FeatureTable table, WordRows?[] spares)
    {
        for (int i = 0; i < spares.Length; i++)
        {
            var rows = Interlocked.Exchange(ref spares[i], null);
            if (rows is not null)
                return rows;
        }
        return new WordRows(model, table);
    }

    /// <summary>Keeps <paramref name="rows"/> for the next sentence, unless every spare place is taken (then it is let go).</summary>
    public static void Return(WordRows rows, WordRows?[] spares)
    {
        for (int i = 0; i < spares.Length; i++)
        {
            if (Interlocked.CompareExchange(ref spares[i], rows, null) is null)
                return;
        }
    }

    // Templates and how each role's values are taken from a word's (norm, short shape, cluster).
    private static ReadOnlySpan<int> Prev1Templates => [2, 9, 53, 55];
    private static ReadOnlySpan<int> Next1Templates => [3, 10, 54, 56];
    private static ReadOnlySpan<int> Prev2Templates => [4, 11, 57];
    private static ReadOnlySpan<int> Next2Templates => [5, 12, 58];

    /// <summary>The keys <see cref="FeatureExtractor.ExtractStatic"/> gives a neighbour in one role: its word, its short shape, then its cluster's fine (four-key roles only) and middle parts.</summary>
    private static void RoleKeys(uint norm, uint shortShape, uint cluster, Span<uint> keys, ReadOnlySpan<int> templates)
    {
        keys[0] = FeatureHash.Feature(templates[0], norm);
        keys[1] = FeatureHash.Feature(templates[1], shortShape);
        if (templates.Length == 4)
        {
            keys[2] = FeatureHash.Feature(templates[2], cluster & 0x7FF);
            keys[3] = FeatureHash.Feature(templates[3], cluster >> 11 & 0x1FF);
        }
        else
        {
            keys[2] = FeatureHash.Feature(templates[2], cluster >> 11 & 0x1FF);
        }
    }

    /// <summary>The offset of <paramref name="word"/>'s ints in <see cref="_data"/>, filled on its first sight.</summary>
    private int Entry(ReadOnlySpan<char> word, uint hash)
    {
        int mask = _places.Length - 1;
        int place = Place(hash);
        while (true)
        {
            ulong entry = _places[place];
            if (entry == 0)
                break;
            if ((uint)(entry >> 32) == hash)
            {
                int number = (int)(uint)entry - 1;
                if (word.SequenceEqual(_forms[number]))
                    return number * Stride;
            }
            place = (place + 1) & mask;
        }
        int at = _count * Stride;
        if (_count == _forms.Length)
            Array.Resize(ref _forms, 2 * _forms.Length);
        _forms[_count] = new string(word);
        _count++;
        _places[place] = (ulong)hash << 32 | (uint)_count;
        Fill(word, _data.AsSpan(at, Stride));
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Place(uint hash) => (int)(hash * 0x9E3779B1u >> 15) & (_places.Length - 1);

    /// <summary>A hash of a word form's characters (FNV-1a over the UTF-16 code units).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint HashOf(ReadOnlySpan<char> word)
    {
        uint hash = 2166136261;
        foreach (char c in word)
            hash = (hash ^ c) * 16777619;
        return hash;
    }

    private unsafe void PrefetchPlace(uint hash) => Sse.Prefetch0(Unsafe.AsPointer(ref _places[Place(hash)]));

    /// <summary>Forgets every word form (the cache is full).</summary>
    private void Clear()
    {
        Array.Clear(_places);
        Array.Clear(_forms, 0, _count);
        _count = 0;
    }

    private void Fill(ReadOnlySpan<char> w, Span<int> entry)
    {
        uint norm = FeatureHash.Normalized(w);
        uint cased = FeatureHash.Cased(w);
        uint shape = WordShape.ShapeHash(w);
        uint shortShape = WordShape.ShortShapeHash(w);
        uint cluster = _model.Clusters.Lookup(w, cased);
        Span<uint> keys = stackalloc uint[Norm];
        uint key1 = FeatureHash.Feature(1, norm), key8 = FeatureHash.Feature(8, shortShape);
        keys[0] = key1;
        keys[1] = FeatureHash.Feature(6, cased);
        keys[2] = FeatureHash.Feature(7, shape);
        keys[3] = key8;
        uint prefix = FeatureHash.Seed, suffix = FeatureHash.Seed;
        for (int k = 1; k <= 4; k++)
        {
            if (k <= w.Length)
            {
                prefix = FeatureHash.Step(prefix, FeatureHash.Lower(w[k - 1]));
                suffix = FeatureHash.Step(suffix, FeatureHash.Lower(w[^k]));
            }
            keys[3 + k] = FeatureHash.Feature(12 + k, k <= w.Length ? prefix : 0);
            keys[7 + k] = FeatureHash.Feature(16 + k, k <= w.Length ? suffix : 0);
        }
        keys[12] = FeatureHash.Feature(50, cluster & 0x7FF);
        keys[13] = FeatureHash.Feature(51, cluster >> 11 & 0x1FF);
        keys[14] = FeatureHash.Feature(52, cluster >> 20);
        var tagSet = _model.TagSet;
        keys[Likely] = FeatureHash.Feature(42, FeatureHash.Mix((uint)tagSet.Count, key1));
        keys[Likely + 1] = FeatureHash.Feature(43, FeatureHash.Mix((uint)tagSet.Count, key8));
        keys[Likely + 2] = FeatureHash.Feature(42, FeatureHash.Mix((uint)tagSet.Outside, key1));
        keys[Likely + 3] = FeatureHash.Feature(43, FeatureHash.Mix((uint)tagSet.Outside, key8));
        RoleKeys(norm, shortShape, cluster, keys.Slice(Prev1, 4), Prev1Templates);
        RoleKeys(norm, shortShape, cluster, keys.Slice(Next1, 4), Next1Templates);
        RoleKeys(norm, shortShape, cluster, keys.Slice(Prev2, 3), Prev2Templates);
        RoleKeys(norm, shortShape, cluster, keys.Slice(Next2, 3), Next2Templates);
        _table.RowsOf(keys, entry[..Norm]);
        entry[Norm] = (int)norm;
        entry[ShortShape] = (int)shortShape;
        entry[Cluster] = (int)cluster;
        entry[Flags] = (int)WordShape.Of(w);
        entry[Key1] = (int)key1;
        entry[Key8] = (int)key8;
    }

    /// <summary>
    /// Each token's rows of its fixed features (<see cref="FeatureExtractor.StaticCount"/> static ones in
    /// slot order, then the history's: <paramref name="rows"/> holds StaticCount + 1 a token), the rows
    /// of its two word-and-likely-previous-tag features (<paramref name="likelyRows"/>, two a token), and
    /// in <paramref name="statics"/> the two keys the decoder and the document history read (slots 1
    /// and 8; the other slots are left as they are).
    /// </summary>
    /// <param name="names">The sentence's name-list codes, or empty to find them here (<see cref="Gazetteer.Annotate"/>).</param>
    public void Rows(string text, ReadOnlySpan<Token> tokens, WordEvidence? context, Span<int> rows, Span<int> likelyRows, Span<uint> statics, ReadOnlySpan<byte> names = default)
    {
        int n = tokens.Length;
        if (n > MaxSentence)
            throw new ArgumentOutOfRangeException(nameof(tokens), "a sentence longer than the word cache holds");
        // Emptied between sentences only: a sentence's words stay where they are while it is tagged.
        if (_count + n > Capacity)
            Clear();
        if ((_count + n) * Stride > _data.Length)
            Array.Resize(ref _data, Math.Min(Capacity, Math.Max(2 * _data.Length / Stride, _count + n)) * Stride);
        const int perToken = FeatureExtractor.StaticCount + 1;
        var pool = System.Buffers.ArrayPool<int>.Shared.Rent(2 * n + 2 * Probes * n);
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(2 * n);
        try
        {
            var at = pool.AsSpan(0, n);
            var flags = bytes.AsSpan(0, n);
            var gaz = bytes.AsSpan(n, n);
            // The sentence's words hashed and their places asked for first, then found: a place is a likely
            // cache miss (the table is 1 MB), and the misses of a sentence are then in flight together.
            var hashes = MemoryMarshal.Cast<int, uint>(pool.AsSpan(2 * n, n));
            for (int i = 0; i < n; i++)
            {
                hashes[i] = HashOf(tokens[i].Span(text));
                if (Sse.IsSupported)
                    PrefetchPlace(hashes[i]);
            }
            for (int i = 0; i < n; i++)
            {
                at[i] = Entry(tokens[i].Span(text), hashes[i]);
                flags[i] = (byte)_data[at[i] + Flags];
            }
            FeatureExtractor.MarkSentence(tokens, flags);
            if (names.Length == n)
                names.CopyTo(gaz);
            else
                _model.Gazetteer.Annotate(text, tokens, gaz);

            // The features of word pairs and triples, and of spelling with flags, looked up together.
            var probeKeys = MemoryMarshal.Cast<int, uint>(pool.AsSpan(2 * n, Probes * n));
            var probeRows = pool.AsSpan(2 * n + Probes * n, Probes * n);
            var spellings = pool.AsSpan(n, n);
            var data = _data;
            for (int i = 0; i < n; i++)
            {
                int e = at[i];
                uint norm = (uint)data[e + Norm], ss = (uint)data[e + ShortShape], cw = (uint)data[e + Cluster];
                uint nm1 = i >= 1 ? (uint)data[at[i - 1] + Norm] : FeatureExtractor.Before1;
                uint np1 = i + 1 < n ? (uint)data[at[i + 1] + Norm] : FeatureExtractor.After1;
                uint sm1 = i >= 1 ? (uint)data[at[i - 1] + ShortShape] : FeatureExtractor.Before1;
                uint sp1 = i + 1 < n ? (uint)data[at[i + 1] + ShortShape] : FeatureExtractor.After1;
                uint cm1 = i >= 1 ? (uint)data[at[i - 1] + Cluster] : FeatureExtractor.BeforeCluster;
                uint cp1 = i + 1 < n ? (uint)data[at[i + 1] + Cluster] : FeatureExtractor.AfterCluster;
                uint spelling = context?.Spelling(norm) ?? 0x100u;
                spellings[i] = (int)spelling;
                var k = probeKeys.Slice(i * Probes, Probes);
                k[0] = FeatureHash.Feature(24, FeatureHash.Mix(nm1, norm));
                k[1] = FeatureHash.Feature(25, FeatureHash.Mix(norm, np1));
                k[2] = FeatureHash.Feature(29, FeatureHash.Mix(FeatureHash.Mix(sm1, ss), sp1));
                k[3] = FeatureHash.Feature(30, FeatureHash.Mix(nm1, ss));
                k[4] = FeatureHash.Feature(31, FeatureHash.Mix(ss, np1));
                k[5] = FeatureHash.Feature(33, spelling << 8 | flags[i]);
                k[6] = FeatureHash.Feature(59, (cm1 & 0x7FF) << 11 | (cw & 0x7FF));
                k[7] = FeatureHash.Feature(60, (cw & 0x7FF) << 11 | (cp1 & 0x7FF));
            }
            _table.RowsOf(probeKeys, probeRows);

            var small = _small;
            for (int i = 0; i < n; i++)
            {
                int e = at[i];
                var self = data.AsSpan(e, Stride);
                ReadOnlySpan<int> p1 = i >= 1 ? data.AsSpan(at[i - 1] + Prev1, 4) : _edges.AsSpan(0, 4);
                ReadOnlySpan<int> n1 = i + 1 < n ? data.AsSpan(at[i + 1] + Next1, 4) : _edges.AsSpan(4, 4);
                ReadOnlySpan<int> p2 = i >= 2 ? data.AsSpan(at[i - 2] + Prev2, 3) : _edges.AsSpan(8, 3);
                ReadOnlySpan<int> n2 = i + 2 < n ? data.AsSpan(at[i + 2] + Next2, 3) : _edges.AsSpan(11, 3);
                var probe = probeRows.Slice(i * Probes, Probes);
                var r = rows.Slice(i * perToken, perToken);
                r[0] = _bias;
                r[1] = self[Self];
                r[2] = p1[0];
                r[3] = n1[0];
                r[4] = p2[0];
                r[5] = n2[0];
                r[6] = self[Self + 1];
                r[7] = self[Self + 2];
                r[8] = self[Self + 3];
                r[9] = p1[1];
                r[10] = n1[1];
                r[11] = p2[1];
                r[12] = n2[1];
                for (int s = 13; s <= 20; s++)
                    r[s] = self[Self + s - 9];
                r[21] = small[0 * 257 + flags[i]];
                r[22] = small[1 * 257 + (i >= 1 ? flags[i - 1] : 0x100)];
                r[23] = small[2 * 257 + (i + 1 < n ? flags[i + 1] : 0x100)];
                r[24] = probe[0];
                r[25] = probe[1];
                r[26] = small[3 * 257 + gaz[i]];
                r[27] = small[4 * 257 + (i >= 1 ? gaz[i - 1] : 0x100)];
                r[28] = small[5 * 257 + (i + 1 < n ? gaz[i + 1] : 0x100)];
                r[29] = probe[2];
                r[30] = probe[3];
                r[31] = probe[4];
                r[32] = small[6 * 257 + spellings[i]];
                r[33] = probe[5];
                r[34] = self[Self + 12];
                r[35] = self[Self + 13];
                r[36] = self[Self + 14];
                r[37] = p1[2];
                r[38] = n1[2];
                r[39] = p1[3];
                r[40] = n1[3];
                r[41] = p2[2];
                r[42] = n2[2];
                r[43] = probe[6];
                r[44] = probe[7];
                uint key1 = (uint)self[Key1];
                int history = context?.History(key1) ?? 0;
                r[45] = (uint)history < (uint)_history.Length ? _history[history] : _table.RowOf(FeatureHash.Feature(44, (uint)history));
                // Before the first token no tag, after it most likely O (BeamDecoder.LikelyPrevious).
                int likely = i == 0 ? Likely : Likely + 2;
                likelyRows[2 * i] = self[likely];
                likelyRows[2 * i + 1] = self[likely + 1];
                statics[i * FeatureExtractor.StaticCount + 1] = key1;
                statics[i * FeatureExtractor.StaticCount + 8] = (uint)self[Key8];
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(pool);
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
