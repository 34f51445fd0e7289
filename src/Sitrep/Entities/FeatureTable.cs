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
    private readonly uint[] _keys;
    private readonly int[] _rows;
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
        _keys = new uint[capacity];
        _rows = new int[capacity];
        _weights = weights;
        _tags = tags;
        _shift = 32 - BitOperations.Log2((uint)capacity);
        for (int i = 0; i < keys.Length; i++)
        {
            int slot = Slot(keys[i]);
            while (_keys[slot] != 0)
                slot = (slot + 1) & (capacity - 1);
            _keys[slot] = keys[i];
            _rows[slot] = i;
        }
    }

    public int Count => _weights.Length / _tags;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)((key * 0x9E3779B1u) >> _shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTo(uint feature, Span<float> scores)
    {
        int mask = _keys.Length - 1;
        int slot = Slot(feature);
        while (true)
        {
            uint key = _keys[slot];
            if (key == feature)
            {
                Add(scores, _weights.AsSpan(_rows[slot] * _tags, _tags));
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
