namespace Sitrep.Entities;

/// <summary>
/// Left-to-right decoding: each token takes the best tag allowed after the previous one, given the
/// static features and the two tags already chosen. One pass, no lattice: fast, and the perceptron
/// is trained with exactly this decoder so it learns to live with its own history.
/// </summary>
internal static class GreedyDecoder
{
    public static void Decode<TWeights>(ref TWeights weights, TagSet tagSet, ReadOnlySpan<uint> statics, WordEvidence? context, Span<int> tags)
        where TWeights : struct, IFeatureWeights
    {
        int t = tagSet.Count;
        Span<float> scores = stackalloc float[t];
        Span<uint> dynamic = stackalloc uint[FeatureExtractor.DynamicCount];
        int previous = t, beforePrevious = t;
        for (int i = 0; i < tags.Length; i++)
        {
            var features = statics.Slice(i * FeatureExtractor.StaticCount, FeatureExtractor.StaticCount);
            FeatureExtractor.Dynamic(features, previous, beforePrevious, context, dynamic);
            scores.Clear();
            foreach (uint f in features)
                weights.AddTo(f, scores);
            foreach (uint f in dynamic)
                weights.AddTo(f, scores);
            int best = -1;
            for (int k = 0; k < t; k++)
            {
                if (tagSet.Allowed(previous, k) && (best < 0 || scores[k] > scores[best]))
                    best = k;
            }
            tags[i] = best;
            beforePrevious = previous;
            previous = best;
        }
    }
}
