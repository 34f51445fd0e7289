using System.Diagnostics;

namespace Sitrep.Entities;

/// <summary>
/// Trains the averaged perceptron: each epoch visits the documents in a seeded shuffle and decodes their
/// sentences in order with the current weights. With a beam (the default) it is a structured perceptron
/// with early update: where the gold tagging first falls out of the beam (or, at the end, loses to the
/// best), the weights move towards the gold tagging's features so far (with gold history) and away from
/// the best item's (with its own history). Greedy training (beam 1) instead corrects each wrong token
/// with the predicted history. Scores of tags the greedy decoder never allows (I-X after O) are never
/// corrected by greedy training, so a greedy-trained model must not be beam-decoded. Documents stay whole
/// because the document context (spellings, earlier predictions) is a feature. The model kept is the
/// averaged one of the epoch that scored best on the development sentences (the last if there are none).
/// </summary>
public static class PerceptronTrainer
{
    public static NerModel Train(
        IReadOnlyList<ConllSentence> train,
        IReadOnlyList<ConllSentence>? dev,
        Gazetteer gazetteer,
        NerTrainingOptions options,
        Action<NerEpoch>? progress = null,
        WordClusters? clusters = null)
    {
        clusters ??= WordClusters.Empty;
        ArgumentNullException.ThrowIfNull(options);
        if (options.Runs > 1)
            return Average(train, dev, gazetteer, options, progress, clusters);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var tagSet = new TagSet(options.Bilou ? TagSet.Bilou : TagSet.Standard);
        int t = tagSet.Count;
        var documents = new List<(WordEvidence Context, List<(uint[] Statics, int[] Gold)> Sentences)>();
        foreach (var document in ConllReader.Documents(train))
        {
            var joined = document.Select(s => NerModel.Join(s.Words)).ToList();
            var context = new WordEvidence();
            foreach (var (text, tokens) in joined)
                context.Observe(text, tokens);
            var sentences = new List<(uint[], int[])>();
            for (int s = 0; s < document.Count; s++)
            {
                var (text, tokens) = joined[s];
                var statics = new uint[tokens.Length * FeatureExtractor.StaticCount];
                FeatureExtractor.ExtractStatic(text, tokens, gazetteer, clusters, context, statics);
                var gold = tagSet.Encode(BioTags.ToIob2(document[s].Tags));
                sentences.Add((statics, gold));
            }
            documents.Add((context, sentences));
        }

        var weights = new TrainingWeights(t);
        var view = new TrainingView(weights);
        var order = Enumerable.Range(0, documents.Count).ToArray();
        var random = new Random(options.Seed);
        var dropout = new Random(options.Seed ^ 0x5EED);
        uint[] scratch = [];
        long step = 1;
        NerModel? best = null;
        double bestF1 = double.NegativeInfinity;
        var clock = Stopwatch.StartNew();
        Span<uint> dynamic = stackalloc uint[FeatureExtractor.DynamicCount];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int d in order)
            {
                var (context, sentences) = documents[d];
                context.ForgetHistory();
                foreach (var (original, gold) in sentences)
                {
                    var statics = WithWordsDropped(original, options.WordDropout, dropout, ref scratch);
                    var predicted = new int[gold.Length];
                    int stop = options.Beam <= 1
                        ? Greedy(ref view, tagSet, statics, context, predicted)
                        : BeamDecoder.Decode(ref view, tagSet, statics, context, predicted, gold, options.Beam, []);
                    // Early update: compare the gold and the predicted tagging up to where the search lost the gold one.
                    int end = Math.Min(stop + 1, gold.Length);
                    int previous = t, beforePrevious = t, goldPrevious = t, goldBefore = t;
                    for (int i = 0; i < end; i++)
                    {
                        total++;
                        if (predicted[i] == gold[i])
                            correct++;
                        bool same = predicted[i] == gold[i] && previous == goldPrevious && beforePrevious == goldBefore;
                        if (!same)
                        {
                            var features = statics.AsSpan(i * FeatureExtractor.StaticCount, FeatureExtractor.StaticCount);
                            if (options.Beam <= 1)
                            {
                                // Greedy: the history is the predicted one, what the decoder will see when tagging.
                                FeatureExtractor.Dynamic(features, previous, beforePrevious, context, dynamic);
                                foreach (uint f in features)
                                {
                                    weights.Update(f, gold[i], 1, step);
                                    weights.Update(f, predicted[i], -1, step);
                                }
                                foreach (uint f in dynamic)
                                {
                                    weights.Update(f, gold[i], 1, step);
                                    weights.Update(f, predicted[i], -1, step);
                                }
                            }
                            else
                            {
                                FeatureExtractor.Dynamic(features, goldPrevious, goldBefore, context, dynamic);
                                foreach (uint f in features)
                                    weights.Update(f, gold[i], 1, step);
                                foreach (uint f in dynamic)
                                    weights.Update(f, gold[i], 1, step);
                                FeatureExtractor.Dynamic(features, previous, beforePrevious, context, dynamic);
                                foreach (uint f in features)
                                    weights.Update(f, predicted[i], -1, step);
                                foreach (uint f in dynamic)
                                    weights.Update(f, predicted[i], -1, step);
                            }
                        }
                        beforePrevious = previous;
                        previous = predicted[i];
                        goldBefore = goldPrevious;
                        goldPrevious = gold[i];
                        step++;
                    }
                    // The document history needs a whole tagging: after an early update, tag again.
                    if (end < gold.Length)
                        BeamDecoder.Decode(ref view, tagSet, statics, context, predicted, options.Beam);
                    context.Remember(original, predicted, tagSet);
                }
            }
            var (keys, averaged) = weights.Averaged(step, options.MinWeight);
            var model = new NerModel(tagSet, gazetteer, clusters, keys, averaged) { BeamWidth = options.Beam };
            NerScore? score = dev is { Count: > 0 } ? Evaluate(model, dev) : null;
            progress?.Invoke(new NerEpoch(epoch, (double)correct / Math.Max(1, total), score, clock.Elapsed));
            double f1 = score?.F1 ?? epoch;
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = model;
            }
        }
        return best ?? new NerModel(tagSet, gazetteer, clusters, [], []);
    }

    /// <summary>
    /// Trains <see cref="NerTrainingOptions.Runs"/> models, each with its own shuffling seed (seed, seed + 1, ...)
    /// and all epochs, and keeps the average of their weights: one model of the same size and speed
    /// whose weights depend less on the order the documents were seen in.
    /// </summary>
    private static NerModel Average(
        IReadOnlyList<ConllSentence> train,
        IReadOnlyList<ConllSentence>? dev,
        Gazetteer gazetteer,
        NerTrainingOptions options,
        Action<NerEpoch>? progress,
        WordClusters clusters)
    {
        var sums = new Dictionary<uint, float[]>();
        TagSet? tagSet = null;
        for (int r = 0; r < options.Runs; r++)
        {
            var run = Train(train, null, gazetteer, options with { Runs = 1, Seed = options.Seed + r, MinWeight = 0 }, progress, clusters);
            tagSet = run.TagSet;
            int t = tagSet.Count;
            var (keys, weights) = run.Weights;
            for (int i = 0; i < keys.Length; i++)
            {
                if (!sums.TryGetValue(keys[i], out var row))
                    sums[keys[i]] = row = new float[t];
                for (int k = 0; k < t; k++)
                    row[k] += weights[i * t + k];
            }
        }
        var kept = new List<uint>();
        var averaged = new List<float>();
        foreach (var (key, row) in sums.OrderBy(p => p.Key))
        {
            float max = 0;
            for (int k = 0; k < row.Length; k++)
            {
                row[k] /= options.Runs;
                max = Math.Max(max, Math.Abs(row[k]));
            }
            if (max < options.MinWeight)
                continue;
            kept.Add(key);
            foreach (float v in row)
                averaged.Add((float)(Half)v);
        }
        var model = new NerModel(tagSet!, gazetteer, clusters, [.. kept], [.. averaged]) { BeamWidth = options.Beam };
        if (dev is { Count: > 0 })
            progress?.Invoke(new NerEpoch(options.Epochs, double.NaN, Evaluate(model, dev), TimeSpan.Zero));
        return model;
    }

    /// <summary>
    /// The sentence's features with, for a random share of its tokens, the features that name the word
    /// itself (the word, its cased form, its bigrams) replaced by an "unknown word" value, so the model
    /// also learns to tag from shape, clusters and context: most names in new text were never seen in
    /// training. The document history still reads the real words (it keys on <paramref name="statics"/>).
    /// </summary>
    private static uint[] WithWordsDropped(uint[] statics, float rate, Random random, ref uint[] scratch)
    {
        if (rate <= 0)
            return statics;
        if (scratch.Length < statics.Length)
            scratch = new uint[Math.Max(statics.Length, 2 * scratch.Length)];
        var copy = scratch;
        Array.Copy(statics, copy, statics.Length);
        int n = statics.Length / FeatureExtractor.StaticCount;
        for (int i = 0; i < n; i++)
        {
            if (random.NextSingle() >= rate)
                continue;
            int o = i * FeatureExtractor.StaticCount;
            foreach (int slot in FeatureExtractor.WordIdentitySlots)
                copy[o + slot] = FeatureHash.Feature(slot, 0xD0D0);
        }
        return copy;
    }

    private static int Greedy(ref TrainingView view, TagSet tagSet, uint[] statics, WordEvidence context, int[] predicted)
    {
        GreedyDecoder.Decode(ref view, tagSet, statics, context, predicted);
        return predicted.Length;
    }

    /// <summary>Tags the sentences document by document and scores them against their gold tags.</summary>
    public static NerScore Evaluate(NerModel model, IReadOnlyList<ConllSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sentences);
        return NerScore.Compute([.. sentences.Select(s => s.Tags)], Predict(model, sentences));
    }

    /// <summary>Predicted IOB2 tags for each sentence, tagged document by document.</summary>
    public static List<string[]> Predict(NerModel model, IReadOnlyList<ConllSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sentences);
        var predicted = new List<string[]>(sentences.Count);
        foreach (var document in ConllReader.Documents(sentences))
            predicted.AddRange(model.TagDocument([.. document.Select(s => (IReadOnlyList<string>)s.Words)]));
        return predicted;
    }
}
