using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

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
