using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sitrep.Entities;

/// <summary>
/// The trained weights: an open-addressing hash table from feature key to a row of per-tag weights.
/// Immutable once built, so any number of threads may tag with it.
/// </summary>
internal readonly struct FeatureTable : IFeatureWeights
{
    /// <summary>
    /// Each slot's key (low 32 bits) and row (high 32 bits) side by side: the tagger is bound by memory
    /// latency (46 look-ups a token in a table far larger than the cache), and a hit then reads one
    /// cache line for the key and its row instead of two.
    /// </summary>
    private readonly ulong[] _slots;
    private readonly float[] _weights;
    private readonly int _tags;
    private readonly int _shift;

    /// <param name="keys">Distinct, non-zero feature keys.</param>
    /// <param name="weights">Row i holds key i's weights, <paramref name="tags"/> a row.</param>
    public FeatureTable(ReadOnlySpan<uint> keys, float[] weights, int tags)
    {
        // At least 1.5 slots a key (load ≤ 2/3): a 152k-feature model then fits 262k slots (2 MB of keys
        // and rows) instead of 524k; the smaller table tagged a little faster (fewer cache misses) than
        // the emptier one, whose shorter probes did not make up for it.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 3 / 2));
        _slots = new ulong[capacity];
        _weights = weights;
        _tags = tags;
        _shift = 32 - BitOperations.Log2((uint)capacity);
        for (int i = 0; i < keys.Length; i++)
        {
            int slot = Slot(keys[i]);
            while ((uint)_slots[slot] != 0)
                slot = (slot + 1) & (capacity - 1);
            _slots[slot] = (ulong)(uint)i << 32 | keys[i];
        }
    }

    public int Count => _weights.Length / _tags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)((key * 0x9E3779B1u) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTo(uint feature, Span<float> scores)
    {
        int mask = _slots.Length - 1;
        int slot = Slot(feature);
        while (true)
        {
            ulong entry = _slots[slot];
            uint key = (uint)entry;
            if (key == feature)
            {
                Add(scores, _weights.AsSpan((int)(entry >> 32) * _tags, _tags));
                return;
            }
            if (key == 0)
                return;
            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddRow(int row, Span<float> scores) => Add(scores, _weights.AsSpan(row * _tags, _tags));

    /// <summary>Asks the processor for a row's two cache lines (its first and last weights) ahead of <see cref="AddRow"/>; nothing for a row below 0. A prefetch never faults, so an address the collector has since moved costs nothing but the fetch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(int row)
    {
        if (Sse.IsSupported && row >= 0)
        {
            float* first = (float*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), row * _tags));
            Sse.Prefetch0(first);
            Sse.Prefetch0(first + _tags - 1);
        }
    }

    /// <summary>
    /// The row of each feature (-1 for one the model does not have), the look-ups made together and
    /// read ahead as in <see cref="AddFixed"/>; <see cref="AddRow"/> adds one.
    /// </summary>
    public void RowsOf(ReadOnlySpan<uint> features, Span<int> rows) => _touched ^= Rows(features, rows);

    /// <summary>
    /// The scores every token of a sentence gets from its fixed features (<paramref name="perToken"/> keys
    /// a token in <paramref name="features"/>, then <paramref name="extra"/>'s one), a row of per-tag
    /// scores a token, added in the order <see cref="AddTo"/> would add them one by one, so the sums are
    /// the same to the bit. The look-ups are made first for the whole sentence and the rows added after:
    /// a look-up is a miss in a table far larger than the cache, and look-ups that do not wait on each
    /// other's sums are in flight together; each row found is touched then, so its cache lines are on
    /// their way before it is added. The tagging stage (ner) went from 3.3-3.6 to 2.4-3.0 ms an article
    /// (fastest rounds of `bench -- repeat ner`, 1,000 allsides articles, same tags).
    /// </summary>
    /// <remarks>Compiled optimised at its first call: ReadyToRun leaves it out (its vector code), and its
    /// unoptimised first version ran long enough to be 1.2% of the first 3,000 AllSides articles' profile.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddFixed(ReadOnlySpan<uint> features, int perToken, ReadOnlySpan<uint> extra, Span<float> scores)
    {
        int n = extra.Length;
        int[] rows = System.Buffers.ArrayPool<int>.Shared.Rent(features.Length + n);
        try
        {
            _touched = Rows(features, rows.AsSpan(0, features.Length)) ^ Rows(extra, rows.AsSpan(features.Length, n));
            var weights = _weights.AsSpan();
            for (int i = 0; i < n; i++)
            {
                var row = scores.Slice(i * _tags, _tags);
                row.Clear();
                foreach (int r in rows.AsSpan(i * perToken, perToken))
                {
                    if (r >= 0)
                        Add(row, weights.Slice(r * _tags, _tags));
                }
                int last = rows[features.Length + i];
                if (last >= 0)
                    Add(row, weights.Slice(last * _tags, _tags));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rows);
        }
    }

    /// <summary>The row of one feature, -1 for one the model does not have.</summary>
    public int RowOf(uint feature)
    {
        Span<uint> features = [feature];
        Span<int> rows = [-1];
        RowsOf(features, rows);
        return rows[0];
    }

    /// <summary>
    /// <see cref="AddFixed"/> with the rows already found (<see cref="WordRows"/>; -1 for none): each
    /// token's <paramref name="perToken"/> rows added in order into its row of <paramref name="scores"/>,
    /// so the sums are those <see cref="AddFixed"/> makes of the same features. The rows are asked for
    /// ahead (first and last weights) a token before they are added.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void AddRows(ReadOnlySpan<int> rows, int perToken, Span<float> scores, ReadOnlySpan<int> likelyRows = default)
    {
        int n = rows.Length / perToken;
        int tags = _tags;
        if (tags == 17 && Vector256.IsHardwareAccelerated && Sse.IsSupported && scores.Length >= n * tags)
        {
            AddRows17(rows, perToken, n, scores, likelyRows);
            return;
        }
        var weights = _weights.AsSpan();
        fixed (float* w = _weights)
        {
            for (int i = 0; i <= n; i++)
            {
                if (i < n && Sse.IsSupported)
                {
                    foreach (int r in rows.Slice(i * perToken, perToken))
                    {
                        if (r >= 0)
                        {
                            Sse.Prefetch0(w + r * tags);
                            Sse.Prefetch0(w + r * tags + tags - 1);
                        }
                    }
                }
                if (i == 0)
                    continue;
                var row = scores.Slice((i - 1) * tags, tags);
                row.Clear();
                foreach (int r in rows.Slice((i - 1) * perToken, perToken))
                {
                    if (r >= 0)
                        Add(row, weights.Slice(r * tags, tags));
                }
            }
        }
    }

    /// <summary>
    /// <see cref="AddRows"/> for rows of 17 tags (BILOU over four types, the shipped tagger): a token's sum
    /// is kept in registers (two vectors of eight and one float) while its rows are added, and written
    /// once, instead of read and written back at every row. Each tag's sum takes the same rows in the
    /// same order from the same zero as <see cref="Add"/>'s, so it is the same to the bit.
    /// </summary>
    /// <remarks>The rows of the token's two word-and-likely-previous-tag features (<paramref name="likelyRows"/>, two a
    /// token, if given) are asked for with its fixed rows, so that they are near when the decoder adds them: read
    /// there on demand, they were a third of the decoder's samples (perf, 2026-12-06).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void AddRows17(ReadOnlySpan<int> rows, int perToken, int n, Span<float> scores, ReadOnlySpan<int> likelyRows)
    {
        bool likely = likelyRows.Length >= 2 * n;
        const int tags = 17;
        fixed (float* w = _weights)
        fixed (int* r0 = rows)
        fixed (float* s0 = scores)
        {
            if (likely && n > 0)
            {
                Prefetch(likelyRows[0]);
                Prefetch(likelyRows[1]);
            }
            for (int j = 0; j < perToken && n > 0; j++)
            {
                int r = r0[j];
                if (r >= 0)
                {
                    Sse.Prefetch0(w + r * tags);
                    Sse.Prefetch0(w + r * tags + tags - 1);
                }
            }
            for (int i = 0; i < n; i++)
            {
                if (i + 1 < n)
                {
                    if (likely)
                    {
                        Prefetch(likelyRows[2 * i + 2]);
                        Prefetch(likelyRows[2 * i + 3]);
                    }
                    int* ahead = r0 + (i + 1) * perToken;
                    for (int j = 0; j < perToken; j++)
                    {
                        int r = ahead[j];
                        if (r >= 0)
                        {
                            Sse.Prefetch0(w + r * tags);
                            Sse.Prefetch0(w + r * tags + tags - 1);
                        }
                    }
                }
                var a = Vector256<float>.Zero;
                var b = Vector256<float>.Zero;
                float c = 0;
                int* own = r0 + i * perToken;
                for (int j = 0; j < perToken; j++)
                {
                    int r = own[j];
                    if (r < 0)
                        continue;
                    float* row = w + r * tags;
                    a += Vector256.Load(row);
                    b += Vector256.Load(row + 8);
                    c += row[16];
                }
                float* sum = s0 + i * tags;
                a.Store(sum);
                b.Store(sum + 8);
                sum[16] = c;
            }
        }
    }

    /// <summary>
    /// The row of each feature, -1 for one the model does not have. Kept out of line so that a profile
    /// shows the look-ups apart from the adds (2026-12-04: about as much time in each).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Rows(ReadOnlySpan<uint> features, Span<int> rows)
    {
        if (Sse.IsSupported)
        {
            PrefetchedRows(features, rows);
            return 0;
        }
        ref ulong slots = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref float weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        int touched = 0;
        int mask = _slots.Length - 1;
        for (int j = 0; j < features.Length; j++)
        {
            uint feature = features[j];
            int slot = Slot(feature);
            int row = -1;
            while (true)
            {
                ulong entry = Unsafe.Add(ref slots, slot);
                uint key = (uint)entry;
                if (key == feature)
                {
                    row = (int)(entry >> 32);
                    // Read the row's first and last weights now, so its cache lines are on their way.
                    touched ^= BitConverter.SingleToInt32Bits(Unsafe.Add(ref weights, row * _tags)) ^ BitConverter.SingleToInt32Bits(Unsafe.Add(ref weights, row * _tags + _tags - 1));
                    break;
                }
                if (key == 0)
                    break;
                slot = (slot + 1) & mask;
            }
            rows[j] = row;
        }
        return touched;
    }

    /// <summary>How many look-ups ahead <see cref="PrefetchedRows"/> asks for a slot's cache line.</summary>
    private const int PrefetchDistance = 16;

    /// <summary>
    /// <see cref="Rows"/> with the processor's prefetch instruction: the slot of the feature
    /// <see cref="PrefetchDistance"/> places ahead is asked for while this one is probed, and a row found
    /// is asked for at once (its first and last weights, the two cache lines a row of 17 spans at most).
    /// Demand loads stall at the first mispredicted hit-or-miss branch; prefetches do not, so more
    /// misses are in flight together. The same rows as the plain loop, so the same sums to the bit.
    /// </summary>
    private unsafe void PrefetchedRows(ReadOnlySpan<uint> features, Span<int> rows)
    {
        int mask = _slots.Length - 1;
        int tags = _tags;
        int n = features.Length;
        fixed (ulong* slots = _slots)
        fixed (float* weights = _weights)
        {
            for (int j = 0; j < Math.Min(PrefetchDistance, n); j++)
                Sse.Prefetch0(slots + Slot(features[j]));
            for (int j = 0; j < n; j++)
            {
                if (j + PrefetchDistance < n)
                    Sse.Prefetch0(slots + Slot(features[j + PrefetchDistance]));
                uint feature = features[j];
                int slot = Slot(feature);
                int row = -1;
                while (true)
                {
                    ulong entry = slots[slot];
                    uint key = (uint)entry;
                    if (key == feature)
                    {
                        row = (int)(entry >> 32);
                        float* first = weights + row * tags;
                        Sse.Prefetch0(first);
                        Sse.Prefetch0(first + tags - 1);
                        break;
                    }
                    if (key == 0)
                        break;
                    slot = (slot + 1) & mask;
                }
                rows[j] = row;
            }
        }
    }

    // Where the rows' first and last weights read ahead are written, so the reads are not dropped as unused.
    [ThreadStatic]
    private static int _touched;

    /// <summary>scores += row, eight lanes at a time where the processor has them (a BILOU row is 17 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<float> scores, ReadOnlySpan<float> row)
    {
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + Vector256<float>.Count <= row.Length; k += Vector256<float>.Count)
                (Vector256.Create(scores[k..]) + Vector256.Create(row[k..])).CopyTo(scores[k..]);
        }
        for (; k < row.Length; k++)
            scores[k] += row[k];
    }
}
