namespace Sitrep.Entities;

/// <summary>
/// Left-to-right beam search over the tag sequence: the best few partial taggings survive each token,
/// each with its own two previous tags (the only history the features see inside a sentence, the
/// document history being fixed while a sentence is tagged). Partial taggings ending in the same two
/// tags score every continuation alike, so only the best of them is kept. A beam of one is greedy
/// decoding.
/// </summary>
internal static class BeamDecoder
{
    /// <summary>The beam used by the shipped tagger.</summary>
    public const int DefaultWidth = 4;

    public const int MaxWidth = 16;

    /// <summary>
    /// While tagging (not training), items scoring this far below the best are dropped. Chosen on dev
    /// (train-only model): 100 tags as an unpruned beam (F1 0.9278 vs 0.9276) at greedy speed; 50 costs
    /// 0.006 F1. In the units of the perceptron's scores, so retraining differently may need a new value.
    /// </summary>
    public const float Margin = 100;


    public static void Decode<TWeights>(ref TWeights weights, TagSet tagSet, ReadOnlySpan<uint> statics, WordEvidence? context, Span<int> tags, int width = DefaultWidth)
        where TWeights : struct, IFeatureWeights =>
        Decode(ref weights, tagSet, statics, context, tags, [], width, []);

    /// <summary>
    /// The weights of the features of the previous tag and of the previous two (they do not depend on the
    /// word) for every (tag before previous, previous tag), <see cref="TagSet.Count"/> + 1 values each
    /// standing for "none", a row of per-tag scores each: the decoder then looks up two features fewer
    /// per beam item and token.
    /// </summary>
    public static float[] Transitions<TWeights>(ref TWeights weights, int t)
        where TWeights : struct, IFeatureWeights
    {
        var table = new float[(t + 1) * (t + 1) * t];
        Span<uint> dynamic = stackalloc uint[FeatureExtractor.TagFeatureCount];
        Span<uint> none = stackalloc uint[FeatureExtractor.StaticCount];
        for (int before = 0; before <= t; before++)
        {
            for (int previous = 0; previous <= t; previous++)
            {
                FeatureExtractor.TagFeatures(none, previous, before, dynamic);
                var row = table.AsSpan((before * (t + 1) + previous) * t, t);
                weights.AddTo(dynamic[0], row);
                weights.AddTo(dynamic[1], row);
            }
        }
        return table;
    }

    /// <summary>
    /// Beam search for training with early update: with <paramref name="gold"/> given, stops at the first
    /// token where no item of the beam is the gold tagging so far and returns that token's index;
    /// <paramref name="tags"/> then holds the best item's tags up to it (inclusive). Returns the length
    /// when decoding went to the end (the gold tagging may still lose to the best one).
    /// </summary>
    /// <param name="fixedScores">Each token's scores from its static and history features (<see cref="FeatureTable.AddFixed"/>), or empty to look them up here.</param>
    /// <param name="likelyRows">With <paramref name="transitions"/>: for each token the rows of its two word-and-previous-tag
    /// features (<see cref="FeatureExtractor.TagFeatures"/>' last two) for the likely previous tag, found
    /// ahead (<see cref="LikelyPrevious"/>: none before the first token, O after it), or empty to look
    /// them up here. Most tokens follow an O, so most look-ups of decoding were made together ahead
    /// instead of one by one, each a cache miss; the rows added are the same, in the same order.</param>
    public static int Decode<TWeights>(ref TWeights weights, TagSet tagSet, ReadOnlySpan<uint> statics, WordEvidence? context, Span<int> tags, ReadOnlySpan<int> gold, int width, ReadOnlySpan<float> transitions, ReadOnlySpan<float> fixedScores = default, ReadOnlySpan<int> likelyRows = default)
        where TWeights : struct, IFeatureWeights
    {
        int n = tags.Length;
        if (n == 0)
            return 0;
        bool training = !gold.IsEmpty;
        Span<bool> onGold = stackalloc bool[MaxWidth], nextOnGold = stackalloc bool[MaxWidth];
        onGold[0] = true;
        width = Math.Clamp(width, 1, MaxWidth);
        int t = tagSet.Count;
        Span<float> baseScores = stackalloc float[t];
        Span<float> scores = stackalloc float[t];
        Span<uint> dynamic = stackalloc uint[FeatureExtractor.DynamicCount];
        // Current and next beam: score, previous tag, tag before it, index of the item in the back-pointer table.
        Span<float> score = stackalloc float[MaxWidth], nextScore = stackalloc float[MaxWidth];
        Span<int> prev = stackalloc int[MaxWidth], nextPrev = stackalloc int[MaxWidth];
        Span<int> prev2 = stackalloc int[MaxWidth], nextPrev2 = stackalloc int[MaxWidth];
        Span<int> parent = stackalloc int[MaxWidth];
        Span<uint> otherKeys = stackalloc uint[2 * MaxWidth];
        Span<int> otherRows = stackalloc int[2 * MaxWidth];
        bool batch = !transitions.IsEmpty && !likelyRows.IsEmpty;
        int size = n * width;
        int[]? rented = null;
        Span<int> back = size <= 2048 ? stackalloc int[2 * size] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(2 * size)).AsSpan(0, 2 * size);
        try
        {
            // back[i * width + b] = parent item at i - 1; back[size + i * width + b] = tag at i.
            int count = 1;
            score[0] = 0;
            prev[0] = t;
            prev2[0] = t;
            for (int i = 0; i < n; i++)
            {
                var features = statics.Slice(i * FeatureExtractor.StaticCount, FeatureExtractor.StaticCount);
                if (fixedScores.IsEmpty)
                {
                    baseScores.Clear();
                    foreach (uint f in features)
                        weights.AddTo(f, baseScores);
                    weights.AddTo(FeatureExtractor.HistoryFeature(features, context), baseScores);
                }
                else
                {
                    fixedScores.Slice(i * t, t).CopyTo(baseScores);
                }
                int nextCount = 0, worst = 0;
                int likely = LikelyPrevious(tagSet, i);
                // The word-and-previous-tag features of the items whose previous tag is not the likely one,
                // looked up together before any is added (each a likely cache miss; one by one, they were a
                // third of the decoder's samples): the same rows, added in the same order below.
                int others = 0;
                if (batch)
                {
                    for (int b = 0; b < count; b++)
                    {
                        if (prev[b] == likely)
                            continue;
                        FeatureExtractor.TagFeatures(features, prev[b], prev2[b], dynamic);
                        otherKeys[2 * others] = dynamic[2];
                        otherKeys[2 * others + 1] = dynamic[3];
                        others++;
                    }
                    if (others > 0)
                        weights.RowsOf(otherKeys[..(2 * others)], otherRows[..(2 * others)]);
                    others = 0;
                }
                for (int b = 0; b < count; b++)
                {
                    baseScores.CopyTo(scores);
                    if (transitions.IsEmpty)
                    {
                        FeatureExtractor.TagFeatures(features, prev[b], prev2[b], dynamic);
                        weights.AddTo(dynamic[0], scores);
                        weights.AddTo(dynamic[1], scores);
                        weights.AddTo(dynamic[2], scores);
                        weights.AddTo(dynamic[3], scores);
                    }
                    else
                    {
                        FeatureTable.Add(scores, transitions.Slice((prev2[b] * (t + 1) + prev[b]) * t, t));
                        if (!likelyRows.IsEmpty && prev[b] == likely)
                        {
                            int r2 = likelyRows[2 * i], r3 = likelyRows[2 * i + 1];
                            if (r2 >= 0)
                                weights.AddRow(r2, scores);
                            if (r3 >= 0)
                                weights.AddRow(r3, scores);
                        }
                        else if (batch)
                        {
                            int r2 = otherRows[2 * others], r3 = otherRows[2 * others + 1];
                            others++;
                            if (r2 >= 0)
                                weights.AddRow(r2, scores);
                            if (r3 >= 0)
                                weights.AddRow(r3, scores);
                        }
                        else
                        {
                            FeatureExtractor.TagFeatures(features, prev[b], prev2[b], dynamic);
                            weights.AddTo(dynamic[2], scores);
                            weights.AddTo(dynamic[3], scores);
                        }
                    }
                    foreach (int k in tagSet.Next(prev[b]))
                    {
                        float s = score[b] + scores[k];
                        // A full beam whose worst item already beats this one: nothing to replace.
                        if (nextCount == width && s <= nextScore[worst])
                            continue;
                        // The same state (k, prev[b]) already in the next beam: keep the better.
                        int same = -1;
                        for (int c = 0; c < nextCount; c++)
                        {
                            if (nextPrev[c] == k && nextPrev2[c] == prev[b])
                            {
                                same = c;
                                break;
                            }
                        }
                        int slot;
                        if (same >= 0)
                        {
                            if (s <= nextScore[same])
                                continue;
                            slot = same;
                        }
                        else if (nextCount < width)
                        {
                            slot = nextCount++;
                        }
                        else
                        {
                            slot = worst;
                        }
                        nextScore[slot] = s;
                        nextPrev[slot] = k;
                        nextPrev2[slot] = prev[b];
                        parent[slot] = b;
                        nextOnGold[slot] = training && onGold[b] && k == gold[i];
                        if (nextCount == width)
                            worst = Worst(nextScore[..nextCount]);
                    }
                }
                for (int c = 0; c < nextCount; c++)
                {
                    back[i * width + c] = parent[c];
                    back[size + i * width + c] = nextPrev[c];
                }
                if (!training && nextCount > 1)
                {
                    // Items far behind the best will not catch up: drop them (most tokens are clear-cut).
                    float floor = nextScore[Best(nextScore[..nextCount])] - Margin;
                    int kept = 0;
                    for (int c = 0; c < nextCount; c++)
                    {
                        if (nextScore[c] < floor)
                            continue;
                        score[kept] = nextScore[c];
                        prev[kept] = nextPrev[c];
                        prev2[kept] = nextPrev2[c];
                        back[i * width + kept] = parent[c];
                        back[size + i * width + kept] = nextPrev[c];
                        kept++;
                    }
                    count = kept;
                    continue;
                }
                nextScore[..nextCount].CopyTo(score);
                nextPrev[..nextCount].CopyTo(prev);
                nextPrev2[..nextCount].CopyTo(prev2);
                count = nextCount;
                if (training)
                {
                    nextOnGold[..nextCount].CopyTo(onGold);
                    if (!onGold[..count].Contains(true))
                    {
                        Trace(back, size, width, i, Best(score[..count]), tags);
                        return i;
                    }
                }
            }
            // A BILOU name begun must have ended by the sentence's end.
            int last = -1;
            for (int c = 0; c < count; c++)
            {
                if (tagSet.CanEnd(prev[c]) && (last < 0 || score[c] > score[last]))
                    last = c;
            }
            Trace(back, size, width, n - 1, last >= 0 ? last : Best(score[..count]), tags);
            return n;
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>The previous tag the rows of <c>likelyRows</c> are for at token <paramref name="i"/>: none (the tag count) at a sentence's start, O after.</summary>
    public static int LikelyPrevious(TagSet tagSet, int i) => i == 0 ? tagSet.Count : tagSet.Outside;

    private static int Worst(ReadOnlySpan<float> score)
    {
        int worst = 0;
        for (int c = 1; c < score.Length; c++)
        {
            if (score[c] < score[worst])
                worst = c;
        }
        return worst;
    }

    private static int Best(ReadOnlySpan<float> score)
    {
        int best = 0;
        for (int c = 1; c < score.Length; c++)
        {
            if (score[c] > score[best])
                best = c;
        }
        return best;
    }

    private static void Trace(ReadOnlySpan<int> back, int size, int width, int last, int best, Span<int> tags)
    {
        for (int i = last; i >= 0; i--)
        {
            tags[i] = back[size + i * width + best];
            best = back[i * width + best];
        }
    }
}
