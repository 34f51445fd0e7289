using System.IO.Compression;
using System.Text;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// A trained named-entity tagger (averaged perceptron, beam-search IOB2 decoding over PER, ORG, LOC,
/// MISC). Immutable: load it once and tag from any thread. The file is gzip over a small binary
/// format: tags, the name lists, then the feature keys (delta-coded) and their weights as halves.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "SNER";
    private const int FormatVersion = 3;
    private const string ResourceName = "Sitrep.Entities.ner-model.bin.gz";

    private static readonly Lazy<NerModel> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FeatureTable _table;
    private readonly float[] _transitions;
    private readonly uint[] _keys;
    private readonly float[] _weights;

    /// <summary>Spare caches of word forms' feature rows (<see cref="WordRows"/>), taken by one sentence's tagging at a time.</summary>
    private readonly WordRows?[] _wordRows = new WordRows?[8];

    internal NerModel(TagSet tagSet, Gazetteer gazetteer, WordClusters clusters, uint[] keys, float[] weights)
    {
        TagSet = tagSet;
        Gazetteer = gazetteer;
        Clusters = clusters;
        _keys = keys;
        _weights = weights;
        _table = new FeatureTable(keys, weights, tagSet.Count);
        _transitions = BeamDecoder.Transitions(ref _table, tagSet.Count);
    }

    /// <summary>The model shipped with Sitrep (resources/ner), loaded on first use.</summary>
    public static NerModel Default => LazyDefault.Value;

    /// <summary>The <see cref="Hash"/> of <see cref="Default"/> from the resource's bytes, without decoding the model: every command reads the stage versions, few tag.</summary>
    internal static string DefaultHash => LazyDefault.IsValueCreated ? LazyDefault.Value.Hash : LazyDefaultHash.Value;

    private static readonly Lazy<string> LazyDefaultHash = new(() =>
    {
        using var stream = OpenDefault();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Pipeline.StageVersion.Hash(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<string> Tags => TagSet.Tags;

    public int FeatureCount => _keys.Length;

    internal (uint[] Keys, float[] Weights) Weights => (_keys, _weights);

    internal TagSet TagSet { get; }

    /// <summary>Tag sequences kept while decoding (1 = greedy); not saved: a model decodes with the default unless told.</summary>
    public int BeamWidth
    {
        get => _beamWidth;
        init => _beamWidth = Math.Clamp(value, 1, BeamDecoder.MaxWidth);
    }

    private readonly int _beamWidth = BeamDecoder.DefaultWidth;

    internal Gazetteer Gazetteer { get; }

    /// <summary>The SHA-256 of the model file (its saved bytes for a model trained in memory): part of the entity stage's version.</summary>
    public string Hash => _hash ??= HashOfSaved();

    private string? _hash;

    private string HashOfSaved()
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        return Pipeline.StageVersion.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal WordClusters Clusters { get; }

    /// <summary>IOB2 tags for the tokens of one sentence.</summary>
    public void Tag(string text, ReadOnlySpan<Token> sentence, Span<int> tags) => Tag(text, sentence, tags, null);

    /// <param name="names">The sentence's name-list codes (<see cref="Gazetteer.Annotate"/> of the sentence alone), or empty to find them here.</param>
    internal void Tag(string text, ReadOnlySpan<Token> sentence, Span<int> tags, WordEvidence? context, ReadOnlySpan<byte> names = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (sentence.Length == 0)
            return;
        if (sentence.Length > WordRows.MaxSentence)
        {
            TagPlain(text, sentence, tags, context);
            return;
        }
        int n = sentence.Length;
        const int perToken = FeatureExtractor.StaticCount + 1;
        var rows = System.Buffers.ArrayPool<int>.Shared.Rent(n * perToken + 2 * n);
        var statics = System.Buffers.ArrayPool<uint>.Shared.Rent(n * FeatureExtractor.StaticCount);
        int scoreCount = n * TagSet.Count;
        float[]? rentedScores = null;
        Span<float> fixedScores = scoreCount <= 2048 ? stackalloc float[scoreCount] : (rentedScores = System.Buffers.ArrayPool<float>.Shared.Rent(scoreCount)).AsSpan(0, scoreCount);
        try
        {
            // The rows of each token's fixed features, most read from this thread's cache of word forms,
            // added in the order FeatureTable.AddFixed adds them (TagPlain is the same tagging, looked up
            // feature by feature).
            var fixedRows = rows.AsSpan(0, n * perToken);
            var likelyRows = rows.AsSpan(n * perToken, 2 * n);
            var keys = statics.AsSpan(0, n * FeatureExtractor.StaticCount);
            var cache = WordRows.Rent(this, _table, _wordRows);
            cache.Rows(text, sentence, context, fixedRows, likelyRows, keys, names);
            WordRows.Return(cache, _wordRows);
            _table.AddRows(fixedRows, perToken, fixedScores, likelyRows);
            var table = _table;
            BeamDecoder.Decode(ref table, TagSet, keys, context, tags[..n], [], BeamWidth, _transitions, fixedScores, likelyRows);
            context?.Remember(keys, tags[..n], TagSet);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rows);
            System.Buffers.ArrayPool<uint>.Shared.Return(statics);
            if (rentedScores is not null)
                System.Buffers.ArrayPool<float>.Shared.Return(rentedScores);
        }
    }

    /// <summary><see cref="Tag(string, ReadOnlySpan{Token}, Span{int}, WordEvidence?)"/> with every feature built and looked up in the table, none read from <see cref="WordRows"/>: the same tags.</summary>
    internal void TagPlain(string text, ReadOnlySpan<Token> sentence, Span<int> tags, WordEvidence? context)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (sentence.Length == 0)
            return;
        int n = sentence.Length;
        int size = n * (FeatureExtractor.StaticCount + 1);
        uint[]? rented = null;
        Span<uint> keys = size <= 4096 ? stackalloc uint[size] : (rented = System.Buffers.ArrayPool<uint>.Shared.Rent(size)).AsSpan(0, size);
        int scoreCount = n * TagSet.Count;
        float[]? rentedScores = null;
        Span<float> fixedScores = scoreCount <= 2048 ? stackalloc float[scoreCount] : (rentedScores = System.Buffers.ArrayPool<float>.Shared.Rent(scoreCount)).AsSpan(0, scoreCount);
        try
        {
            var statics = keys[..(n * FeatureExtractor.StaticCount)];
            var history = keys[(n * FeatureExtractor.StaticCount)..];
            FeatureExtractor.ExtractStatic(text, sentence, Gazetteer, Clusters, context, statics);
            // The document history is fixed while a sentence is tagged, so every token's static and
            // history features are scored before decoding, the look-ups of the whole sentence together.
            for (int i = 0; i < n; i++)
                history[i] = FeatureExtractor.HistoryFeature(statics.Slice(i * FeatureExtractor.StaticCount, FeatureExtractor.StaticCount), context);
            _table.AddFixed(statics, FeatureExtractor.StaticCount, history, fixedScores);
            // The word-and-previous-tag features for the likely previous tag, looked up together.
            Span<uint> likely = n <= 512 ? stackalloc uint[2 * n] : new uint[2 * n];
            Span<int> likelyRows = n <= 512 ? stackalloc int[2 * n] : new int[2 * n];
            Span<uint> dynamic = stackalloc uint[FeatureExtractor.TagFeatureCount];
            for (int i = 0; i < n; i++)
            {
                FeatureExtractor.TagFeatures(statics.Slice(i * FeatureExtractor.StaticCount, FeatureExtractor.StaticCount), BeamDecoder.LikelyPrevious(TagSet, i), TagSet.Count, dynamic);
                likely[2 * i] = dynamic[2];
                likely[2 * i + 1] = dynamic[3];
            }
            _table.RowsOf(likely, likelyRows);
            var table = _table;
            BeamDecoder.Decode(ref table, TagSet, statics, context, tags[..n], [], BeamWidth, _transitions, fixedScores, likelyRows);
            context?.Remember(statics, tags[..n], TagSet);
        }
        finally
        {
            if (rented is not null)
                System.Buffers.ArrayPool<uint>.Shared.Return(rented);
            if (rentedScores is not null)
                System.Buffers.ArrayPool<float>.Shared.Return(rentedScores);
        }
    }

    /// <summary>IOB2 tags for a sentence given as words (a CoNLL sentence), alone.</summary>
    public string[] TagWords(IReadOnlyList<string> words) => TagDocument([words])[0];

    /// <summary>
    /// IOB2 tags for the sentences of one document given as words: the tagger uses how the other
    /// sentences spell each word and the types it gave the word earlier.
    /// </summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var joined = sentences.Select(Join).ToList();
        var context = new WordEvidence();
        foreach (var (text, tokens) in joined)
            context.Observe(text, tokens);
        var result = new string[joined.Count][];
        for (int s = 0; s < joined.Count; s++)
        {
            var (text, tokens) = joined[s];
            var ids = new int[tokens.Length];
            Tag(text, tokens, ids, context);
            result[s] = [.. ids.Select(TagSet.Iob2)];
        }
        LabelConsistency.Apply(sentences, result);
        return result;
    }

    /// <summary>The names in a tokenised, sentence-split text, in order.</summary>
    public List<EntityMention> Recognize(string text, Token[] tokens, Sentence[] sentences) => Recognize(text, tokens, sentences, null);

    /// <summary>
    /// <see cref="Recognize(string, Token[], Sentence[])"/> given the name-list codes of the whole text
    /// (<see cref="Gazetteer.Annotate"/> of all its tokens, which the entity stage makes anyway), or null. A
    /// sentence that no listed phrase enters or leaves has the codes the tagger finds for it alone (the
    /// scan is left to right and keeps no state but its position, and a longest phrase inside the sentence
    /// is the longest of those that stay in it), so those are read from the whole text's instead of found
    /// again; the others are found again.
    /// </summary>
    internal List<EntityMention> Recognize(string text, Token[] tokens, Sentence[] sentences, byte[]? names)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var mentions = new List<EntityMention>();
        var tags = new int[64];
        // The whole text is one document: its sentences inform each other.
        var context = WordEvidence.Rent();
        foreach (var sentence in sentences)
            context.Observe(text, tokens.AsSpan(sentence.FirstToken, sentence.TokenCount));
        foreach (var sentence in sentences)
        {
            if (tags.Length < sentence.TokenCount)
                tags = new int[sentence.TokenCount * 2];
            var span = tokens.AsSpan(sentence.FirstToken, sentence.TokenCount);
            int after = sentence.FirstToken + sentence.TokenCount;
            // 0x20 marks a token inside a phrase begun on an earlier token.
            bool own = names is not null && sentence.TokenCount > 0 && (names[sentence.FirstToken] & 0x20) == 0 && (after >= names.Length || (names[after] & 0x20) == 0);
            Tag(text, span, tags, context, own ? names.AsSpan(sentence.FirstToken, sentence.TokenCount) : default);
            for (int i = 0; i < span.Length; i++)
            {
                string tag = TagSet.Iob2(tags[i]);
                if (!tag.StartsWith("B-", StringComparison.Ordinal))
                    continue;
                int end = i + 1;
                while (end < span.Length && TagSet.Iob2(tags[end])[0] == 'I')
                    end++;
                mentions.Add(new EntityMention(span[i].Start, span[end - 1].End, TagSet.Types[tags[i]], sentence.FirstToken + i, end - i));
                i = end - 1;
            }
        }
        WordEvidence.Return(context);
        LabelConsistency.Apply(text, mentions);
        return mentions;
    }

    /// <summary>Tokenises, splits sentences and recognises names.</summary>
    public List<EntityMention> Recognize(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return Recognize(text, tokens, SentenceSplitter.Split(text, tokens));
    }

    internal static (string Text, Token[] Tokens) Join(IReadOnlyList<string> words)
    {
        var builder = new StringBuilder();
        var tokens = new Token[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0)
                builder.Append(' ');
            tokens[i] = new Token(builder.Length, words[i].Length, TokenKind.Word);
            builder.Append(words[i]);
        }
        return (builder.ToString(), tokens);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        writer.Write(TagSet.Count);
        foreach (var tag in TagSet.Tags)
            writer.Write(tag);
        Gazetteer.Write(writer);
        Clusters.Write(writer);
        // Keys sorted and delta-coded, weights grouped by tag: both compress far better that way.
        var order = Enumerable.Range(0, _keys.Length).OrderBy(i => _keys[i]).ToArray();
        writer.Write(order.Length);
        uint previous = 0;
        foreach (int i in order)
        {
            writer.Write7BitEncodedInt((int)(_keys[i] - previous));
            previous = _keys[i];
        }
        int t = TagSet.Count;
        for (int k = 0; k < t; k++)
        {
            foreach (int i in order)
                writer.Write((Half)_weights[i * t + k]);
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    public static NerModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Read whole first, so the model's hash is of the bytes it was loaded from.
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var hash = Pipeline.StageVersion.Hash(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        bytes.Position = 0;
        var model = Decode(bytes);
        model._hash = hash;
        return model;
    }

    private static NerModel Decode(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic)
            throw new InvalidDataException("not a Sitrep NER model");
        int version = reader.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"NER model format {version}, this build reads {FormatVersion}");
        int t = reader.ReadInt32();
        var tags = new string[t];
        for (int k = 0; k < t; k++)
            tags[k] = reader.ReadString();
        var gazetteer = Gazetteer.Read(reader);
        var clusters = WordClusters.Read(reader);
        int n = reader.ReadInt32();
        var keys = new uint[n];
        uint key = 0;
        for (int i = 0; i < n; i++)
        {
            key += (uint)reader.Read7BitEncodedInt();
            keys[i] = key;
        }
        var weights = new float[n * t];
        // The halves are read in blocks rather than one BinaryReader call each (2.6 million calls, a
        // quarter of a second of every process that loads the tagger); the same little-endian halves.
        var block = new byte[1 << 16];
        for (int k = 0; k < t; k++)
        {
            int i = 0;
            while (i < n)
            {
                int count = Math.Min(n - i, block.Length / 2);
                var bytes = block.AsSpan(0, count * 2);
                reader.BaseStream.ReadExactly(bytes);
                for (int j = 0; j < count; j++, i++)
                    weights[i * t + k] = (float)System.Buffers.Binary.BinaryPrimitives.ReadHalfLittleEndian(bytes.Slice(j * 2, 2));
            }
        }
        ByUse(keys, weights, t);
        return new NerModel(new TagSet(tags), gazetteer, clusters, keys, weights);
    }

    /// <summary>
    /// Puts the features in the order of how many tags each weighs, most first (stable), in place: the
    /// perceptron changed a common feature's weights for many tags, so the rows the tagger reads most lie
    /// together in fewer pages and cache lines of the 10 MB table (issue 11: `repeat ner` fastest round
    /// about 8% less). The order of the rows changes no sum, since a feature's row is found by its key,
    /// nor the saved model, whose features are written in key order.
    /// </summary>
    private static void ByUse(uint[] keys, float[] weights, int t)
    {
        int n = keys.Length;
        var used = new int[n];
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            for (int k = 0; k < t; k++)
            {
                if (weights[i * t + k] != 0)
                    used[i]++;
            }
        }
        Array.Sort(order, (a, b) => used[a] != used[b] ? used[b].CompareTo(used[a]) : a.CompareTo(b));
        // Where each feature goes, then each cycle of that permutation followed by swaps (no second 10 MB copy).
        var place = used;
        for (int j = 0; j < n; j++)
            place[order[j]] = j;
        Span<float> row = stackalloc float[t];
        for (int i = 0; i < n; i++)
        {
            while (place[i] != i)
            {
                int j = place[i];
                (keys[i], keys[j]) = (keys[j], keys[i]);
                var a = weights.AsSpan(i * t, t);
                var b = weights.AsSpan(j * t, t);
                a.CopyTo(row);
                b.CopyTo(a);
                row.CopyTo(b);
                (place[i], place[j]) = (place[j], place[i]);
            }
        }
    }

    public static NerModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    private static NerModel LoadDefault()
    {
        using var stream = OpenDefault();
        return Load(stream);
    }

    private static Stream OpenDefault() =>
        typeof(NerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the NER model resource {ResourceName} is not in this build (train it: sitrep train ner)");
}
