using System.Buffers;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// The tagger's features, hashed. Static features (word, shape, affixes, flags, name lists, for the
/// word and its neighbours at -2..+2) are computed once per sentence; dynamic ones (the previous one
/// and two predicted tags, alone and with the word) while decoding left to right.
/// </summary>
internal static class FeatureExtractor
{
    /// <summary>Static features per token; the layout is part of the model format (bump its version on change).</summary>
    public const int StaticCount = 45;

    public const int DynamicCount = 5;

    public const int Count = StaticCount + DynamicCount;

    private const int Norm0 = 1;

    /// <summary>Slots of the static features that name the word itself (lower-cased, cased, its bigrams).</summary>
    public static ReadOnlySpan<int> WordIdentitySlots => [1, 6, 24, 25];
    private const int Shape0 = 8;

    // Stand-ins for words beyond the sentence's ends, distinct per side and distance.
    internal const uint Before1 = 0xB0F1, Before2 = 0xB0F2, After1 = 0xE0F1, After2 = 0xE0F2;
    internal const uint BeforeCluster = 0x7FF | 0x1FFu << 11, AfterCluster = 0x7FE | 0x1FEu << 11;

    /// <summary>
    /// Adds the flags a word takes from its sentence to each word's own shape flags: the first word's, and
    /// the flag of a sentence set in capitals (a headline or dateline, "JAPAN GET LUCKY WIN", needs its own
    /// weights) when most of its words of two letters or more are in capitals.
    /// </summary>
    internal static void MarkSentence(ReadOnlySpan<Token> tokens, Span<byte> flags)
    {
        int letterWords = 0, capsWords = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var f = (WordShape.Flags)flags[i];
            if ((f & (WordShape.Flags.AllCapitals | WordShape.Flags.AllLower | WordShape.Flags.InitialCapital)) != 0)
            {
                letterWords++;
                if ((f & WordShape.Flags.AllCapitals) != 0 && tokens[i].Length > 1)
                    capsWords++;
            }
        }
        if (letterWords >= 2 && capsWords * 2 > letterWords)
        {
            for (int i = 0; i < tokens.Length; i++)
                flags[i] |= (byte)WordShape.Flags.InCapitalisedSentence;
        }
        flags[0] |= (byte)WordShape.Flags.SentenceInitial;
    }

    public static void ExtractStatic(string text, ReadOnlySpan<Token> tokens, Gazetteer gazetteer, WordClusters clusters, WordEvidence? context, Span<uint> output)
    {
        int n = tokens.Length;
        if (n == 0)
            return;
        var pool = ArrayPool<uint>.Shared.Rent(5 * n);
        var bytes = ArrayPool<byte>.Shared.Rent(2 * n);
        try
        {
            var norm = pool.AsSpan(0, n);
            var cased = pool.AsSpan(n, n);
            var shape = pool.AsSpan(2 * n, n);
            var shortShape = pool.AsSpan(3 * n, n);
            var cluster = pool.AsSpan(4 * n, n);
            var flags = bytes.AsSpan(0, n);
            var gaz = bytes.AsSpan(n, n);
            // The sentence's cluster look-ups asked for ahead (a miss each in a table larger than the
            // cache), so that they are in flight together instead of one after the other.
            for (int i = 0; i < n; i++)
            {
                cased[i] = FeatureHash.Cased(tokens[i].Span(text));
                clusters.Prefetch(cased[i]);
            }
            for (int i = 0; i < n; i++)
            {
                var w = tokens[i].Span(text);
                norm[i] = FeatureHash.Normalized(w);
                shape[i] = WordShape.ShapeHash(w);
                shortShape[i] = WordShape.ShortShapeHash(w);
                cluster[i] = clusters.Lookup(w, cased[i]);
                flags[i] = (byte)WordShape.Of(w);
            }
            MarkSentence(tokens, flags);
            gazetteer.Annotate(text, tokens, gaz);

            for (int i = 0; i < n; i++)
            {
                var o = output.Slice(i * StaticCount, StaticCount);
                var w = tokens[i].Span(text);
                uint nm1 = i >= 1 ? norm[i - 1] : Before1, nm2 = i >= 2 ? norm[i - 2] : Before2;
                uint np1 = i + 1 < n ? norm[i + 1] : After1, np2 = i + 2 < n ? norm[i + 2] : After2;
                uint sm1 = i >= 1 ? shortShape[i - 1] : Before1, sm2 = i >= 2 ? shortShape[i - 2] : Before2;
                uint sp1 = i + 1 < n ? shortShape[i + 1] : After1, sp2 = i + 2 < n ? shortShape[i + 2] : After2;
                o[0] = FeatureHash.Feature(0, 0);
                o[1] = FeatureHash.Feature(1, norm[i]);
                o[2] = FeatureHash.Feature(2, nm1);
                o[3] = FeatureHash.Feature(3, np1);
                o[4] = FeatureHash.Feature(4, nm2);
                o[5] = FeatureHash.Feature(5, np2);
                o[6] = FeatureHash.Feature(6, cased[i]);
                o[7] = FeatureHash.Feature(7, shape[i]);
                o[8] = FeatureHash.Feature(8, shortShape[i]);
                o[9] = FeatureHash.Feature(9, sm1);
                o[10] = FeatureHash.Feature(10, sp1);
                o[11] = FeatureHash.Feature(11, sm2);
                o[12] = FeatureHash.Feature(12, sp2);
                uint prefix = FeatureHash.Seed, suffix = FeatureHash.Seed;
                for (int k = 1; k <= 4; k++)
                {
                    if (k <= w.Length)
                    {
                        prefix = FeatureHash.Step(prefix, FeatureHash.Lower(w[k - 1]));
                        suffix = FeatureHash.Step(suffix, FeatureHash.Lower(w[^k]));
                    }
                    // A word shorter than the affix gets a fixed value: the slot count must not vary.
                    o[12 + k] = FeatureHash.Feature(12 + k, k <= w.Length ? prefix : 0);
                    o[16 + k] = FeatureHash.Feature(16 + k, k <= w.Length ? suffix : 0);
                }
                o[21] = FeatureHash.Feature(21, flags[i]);
                o[22] = FeatureHash.Feature(22, i >= 1 ? flags[i - 1] : 0x100u);
                o[23] = FeatureHash.Feature(23, i + 1 < n ? flags[i + 1] : 0x100u);
                o[24] = FeatureHash.Feature(24, FeatureHash.Mix(nm1, norm[i]));
                o[25] = FeatureHash.Feature(25, FeatureHash.Mix(norm[i], np1));
                o[26] = FeatureHash.Feature(26, gaz[i]);
                o[27] = FeatureHash.Feature(27, i >= 1 ? gaz[i - 1] : 0x100u);
                o[28] = FeatureHash.Feature(28, i + 1 < n ? gaz[i + 1] : 0x100u);
                o[29] = FeatureHash.Feature(29, FeatureHash.Mix(FeatureHash.Mix(sm1, shortShape[i]), sp1));
                o[30] = FeatureHash.Feature(30, FeatureHash.Mix(nm1, shortShape[i]));
                o[31] = FeatureHash.Feature(31, FeatureHash.Mix(shortShape[i], np1));
                uint spelling = context?.Spelling(norm[i]) ?? 0x100u;
                o[32] = FeatureHash.Feature(32, spelling);
                o[33] = FeatureHash.Feature(33, spelling << 8 | flags[i]);
                // Word clusters: fine, middle and coarse for the word, fine and middle for its neighbours.
                uint cw = cluster[i], cm1 = i >= 1 ? cluster[i - 1] : BeforeCluster, cp1 = i + 1 < n ? cluster[i + 1] : AfterCluster;
                o[34] = FeatureHash.Feature(50, cw & 0x7FF);
                o[35] = FeatureHash.Feature(51, cw >> 11 & 0x1FF);
                o[36] = FeatureHash.Feature(52, cw >> 20);
                o[37] = FeatureHash.Feature(53, cm1 & 0x7FF);
                o[38] = FeatureHash.Feature(54, cp1 & 0x7FF);
                o[39] = FeatureHash.Feature(55, cm1 >> 11 & 0x1FF);
                o[40] = FeatureHash.Feature(56, cp1 >> 11 & 0x1FF);
                uint cm2 = i >= 2 ? cluster[i - 2] : BeforeCluster, cp2 = i + 2 < n ? cluster[i + 2] : AfterCluster;
                o[41] = FeatureHash.Feature(57, cm2 >> 11 & 0x1FF);
                o[42] = FeatureHash.Feature(58, cp2 >> 11 & 0x1FF);
                o[43] = FeatureHash.Feature(59, (cm1 & 0x7FF) << 11 | (cw & 0x7FF));
                o[44] = FeatureHash.Feature(60, (cw & 0x7FF) << 11 | (cp1 & 0x7FF));
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(pool);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The features of <see cref="Dynamic"/> that depend on the previous tags (its first four).</summary>
    public const int TagFeatureCount = 4;

    /// <summary>The dynamic feature of the document history, the same for every tagging of a sentence (<see cref="Dynamic"/>'s last).</summary>
    public static uint HistoryFeature(ReadOnlySpan<uint> statics, WordEvidence? context) =>
        FeatureHash.Feature(44, (uint)(context?.History(statics[Norm0]) ?? 0));

    /// <summary>The first <see cref="TagFeatureCount"/> features of <see cref="Dynamic"/>.</summary>
    public static void TagFeatures(ReadOnlySpan<uint> statics, int previous, int beforePrevious, Span<uint> output)
    {
        output[0] = FeatureHash.Feature(40, (uint)previous);
        output[1] = FeatureHash.Feature(41, (uint)(beforePrevious * 64 + previous));
        output[2] = FeatureHash.Feature(42, FeatureHash.Mix((uint)previous, statics[Norm0]));
        output[3] = FeatureHash.Feature(43, FeatureHash.Mix((uint)previous, statics[Shape0]));
    }

    /// <summary>Features of the tag history; <paramref name="previous"/> and <paramref name="beforePrevious"/> are tag ids, the tag count standing for "none".</summary>
    public static void Dynamic(ReadOnlySpan<uint> statics, int previous, int beforePrevious, WordEvidence? context, Span<uint> output)
    {
        output[4] = FeatureHash.Feature(44, (uint)(context?.History(statics[Norm0]) ?? 0));
        output[0] = FeatureHash.Feature(40, (uint)previous);
        output[1] = FeatureHash.Feature(41, (uint)(beforePrevious * 64 + previous));
        output[2] = FeatureHash.Feature(42, FeatureHash.Mix((uint)previous, statics[Norm0]));
        output[3] = FeatureHash.Feature(43, FeatureHash.Mix((uint)previous, statics[Shape0]));
    }
}
