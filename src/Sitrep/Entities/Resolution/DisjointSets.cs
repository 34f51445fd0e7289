namespace Sitrep.Entities.Resolution;

/// <summary>Union-find over 0..n-1 whose representative is always the smallest member, so clusters come out in text order.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (int i = 0; i < count; i++)
            _parent[i] = i;
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public void Union(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb)
            return;
        if (ra < rb)
            _parent[rb] = ra;
        else
            _parent[ra] = rb;
    }
}
