namespace Sitrep.Entities;

/// <summary>
/// Perceptron weights while training, with the lazy averaging trick: beside each weight w a sum u of
/// (step × change), so the average over all steps is w − u/step without touching every weight each step.
/// </summary>
internal sealed class TrainingWeights(int tags)
{
    private readonly Dictionary<uint, int> _index = [];
    private float[] _w = new float[1 << 16];
    private double[] _u = new double[1 << 16];

    public int Count => _index.Count;

    public void AddTo(uint feature, Span<float> scores)
    {
        if (!_index.TryGetValue(feature, out int row))
            return;
        var w = _w.AsSpan(row * tags, tags);
        for (int k = 0; k < tags; k++)
            scores[k] += w[k];
    }

    public void Update(uint feature, int tag, float delta, long step)
    {
        if (!_index.TryGetValue(feature, out int row))
        {
            row = _index.Count;
            _index.Add(feature, row);
            if ((row + 1) * tags > _w.Length)
            {
                Array.Resize(ref _w, _w.Length * 2);
                Array.Resize(ref _u, _u.Length * 2);
            }
        }
        _w[row * tags + tag] += delta;
        _u[row * tags + tag] += step * (double)delta;
    }

    /// <summary>The averaged weights, without features whose every weight is below <paramref name="minWeight"/>.</summary>
    public (uint[] Keys, float[] Weights) Averaged(long step, float minWeight)
    {
        var keys = new List<uint>();
        var weights = new List<float>();
        Span<float> row = stackalloc float[tags];
        foreach (var (key, r) in _index.OrderBy(p => p.Key))
        {
            float max = 0;
            for (int k = 0; k < tags; k++)
            {
                row[k] = (float)(_w[r * tags + k] - _u[r * tags + k] / step);
                max = Math.Max(max, Math.Abs(row[k]));
            }
            if (max < minWeight)
                continue;
            keys.Add(key);
            // Rounded to the half precision the model file keeps, so the model in memory and the
            // model saved and loaded again tag identically.
            foreach (float v in row)
                weights.Add((float)(Half)v);
        }
        return ([.. keys], [.. weights]);
    }
}
