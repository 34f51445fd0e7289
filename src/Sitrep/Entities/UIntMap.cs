using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Sitrep.Entities;

/// <summary>
/// An immutable map from a 32-bit hash to a small value (at most 32 bits), for the tagger's word-cluster
/// and name-list tables, which it asks several times for every token. Open addressing with each slot's key
/// and value side by side in one 64-bit word, so a look-up reads one cache line; the key 0 (which
/// marks an empty slot) is kept apart. It replaced <c>FrozenDictionary&lt;uint, ushort&gt;</c> and
/// <c>&lt;uint, byte&gt;</c>, whose look-ups were 1.9% of <c>sitrep analyze</c>'s processor time (perf,
/// first 3,000 AllSides articles, 2026-12-05); the same answers for every key.
/// </summary>
internal sealed class UIntMap
{
    private readonly ulong[] _slots;
    private readonly int _shift;
    private readonly bool _hasZero;
    private readonly uint _zeroValue;

    public static UIntMap Empty { get; } = new(new Dictionary<uint, uint>());

    public UIntMap(IReadOnlyDictionary<uint, uint> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Count = entries.Count;
        // At most half full: probes stay short, and the tables (≤ 100,000 keys) stay under 2 MB.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Count * 2));
        _slots = new ulong[capacity];
        _shift = 32 - BitOperations.Log2((uint)capacity);
        foreach (var (key, value) in entries)
        {
            if (key == 0)
            {
                _hasZero = true;
                _zeroValue = value;
                continue;
            }
            int slot = Slot(key);
            while ((uint)_slots[slot] != 0)
                slot = (slot + 1) & (capacity - 1);
            _slots[slot] = (ulong)value << 32 | key;
        }
    }

    public int Count { get; }

    /// <summary>The keys in ascending order.</summary>
    public uint[] SortedKeys()
    {
        var keys = new List<uint>(Count);
        if (_hasZero)
            keys.Add(0);
        foreach (ulong entry in _slots)
        {
            if ((uint)entry != 0)
                keys.Add((uint)entry);
        }
        var array = keys.ToArray();
        Array.Sort(array);
        return array;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(uint key) => (int)((key * 0x9E3779B1u) >> _shift);

    public bool TryGetValue(uint key, out uint value)
    {
        if (key == 0)
        {
            value = _zeroValue;
            return _hasZero;
        }
        var slots = _slots;
        int mask = slots.Length - 1;
        int slot = Slot(key);
        while (true)
        {
            ulong entry = slots[slot];
            uint k = (uint)entry;
            if (k == key)
            {
                value = (uint)(entry >> 32);
                return true;
            }
            if (k == 0)
            {
                value = 0;
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    public bool ContainsKey(uint key) => TryGetValue(key, out _);

    /// <summary>
    /// Asks the processor for the cache line of <paramref name="key"/>'s first slot, so that a
    /// <see cref="TryGetValue"/> made a little later does not wait for memory; several asked together
    /// are in flight together. Changes nothing a look-up answers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(uint key)
    {
        if (Sse.IsSupported)
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), Slot(key))));
    }

    public uint this[uint key] => TryGetValue(key, out uint value) ? value : throw new KeyNotFoundException();
}
