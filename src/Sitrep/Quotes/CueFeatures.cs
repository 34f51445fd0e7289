using System.Collections.Frozen;
using Sitrep.Text;

namespace Sitrep.Quotes;

/// <summary>
/// The patterns around a word that tell a speech or attribution cue ("said", "according", "wants") from
/// the same word used otherwise: the word and its crude stem, its neighbours and their classes
/// (pronoun, name and its type, quotation mark, a few function words), whether it sits inside a quote
/// and whether its sentence has one, what follows it (a clause, a linking "that", a noun phrase: <see
/// cref="After"/>) and the first content word after it; and, for words too rare to learn alone, the
/// same contexts paired with the word's bucket of training share (<see cref="ShareBucket"/>). Each pattern is a string such as <c>s+nc=say|that</c>; the model
/// stores them as text (resources/lexicons/speech-cue-patterns.tsv) and looks them up by a 64-bit
/// FNV-1a hash that is computed here piece by piece, without building the string.
/// </summary>
internal static class CueFeatures
{
    public const int Count = 37;
    private const int MaxWord = 40;
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(["he", "she", "they", "it", "i", "we", "you", "who"], StringComparer.Ordinal);

    /// <summary>Words that stand for themselves as a neighbour's class.</summary>
    private static readonly FrozenDictionary<string, string> ClassWords = new[]
    {
        "that", "to", "about", "on", "in", "of", "the", "a", "an", "his", "her", "their", "its", "by", "for", "with", "as", "if", "whether",
        "how", "what", "why", "when", "not", "also", "has", "have", "had", "was", "is", "are", "were", "will", "would", "be", "been", "and",
        "but", "or", "which", "this", "those", "these", "from", "at", "than", "there", "no",
    }.ToFrozenDictionary(w => w, w => w, StringComparer.Ordinal);

    /// <summary>Words skipped when looking for the previous content word (auxiliaries, adverbs of time and manner).</summary>
    /// <remarks>Auxiliaries and closed adverbs here; the open list of manner and time adverbs ("reportedly", "publicly") in speech-adverbs.tsv.</remarks>
    internal static readonly FrozenSet<string> Skippable = FrozenSet.ToFrozenSet(
        ["has", "have", "had", "was", "is", "are", "were", "be", "been", "being", "also", "to", "not", "would", "will", "could", "should", "may",
         "might", "can", "did", "does", "do", "just", "still", "already", "then", "now", "only", "even", "once", "again", "first", "last",
         "never", "often", "further", "n't", "always", .. SpeechWords.Adverbs],
        StringComparer.Ordinal);

    // The sets' span look-ups, taken once: taking one costs a type test and a generic virtual call, and
    // they are asked for every neighbour of every cue word.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounLookup = Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ClassWordLookup = ClassWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippableLookup = Skippable.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Writes the hashes of token <paramref name="t"/>'s patterns into <paramref name="output"/> (length
    /// <see cref="Count"/>). The names are kept in step with <see cref="Describe"/>.
    /// </summary>
    public static void Extract(SpeechView view, int t, CueStats? stats, Span<ulong> output)
    {
        var around = Around(view, t);
        var word = view.Lower(t, MaxWord);
        var stem = Stem(word);
        ReadOnlySpan<char> prev = around.Prev, next = around.Next;
        string pc = around.Pc, p2c = around.P2c, nc = around.Nc, n2c = around.N2c, pwc = around.Pwc;
        bool inQuote = around.InQuote, sentenceQuote = around.SentenceQuote, subject = around.Subject;
        int s0 = around.S0, s1 = around.S1;
        string position = Positions[around.Position];
        string cap = Flags[around.Cap ? 1 : 0];
        int i = 0;
        output[i++] = H(P_b);
        output[i++] = H(P_w, word);
        output[i++] = H(P_s, stem);
        output[i++] = H(P_p, prev);
        output[i++] = H(P_n, next);
        output[i++] = H(P_pc, pc);
        output[i++] = H(P_nc, nc);
        output[i++] = H(P_n2c, n2c);
        output[i++] = H(P_p2c, p2c);
        output[i++] = H(P_pwc, pwc);
        output[i++] = H(P_w_nc, word, nc);
        output[i++] = H(P_w_pc, word, pc);
        output[i++] = H(P_s_nc, stem, nc);
        output[i++] = H(P_s_pc, stem, pc);
        output[i++] = H(P_s_pwc, stem, pwc);
        output[i++] = H(P_s_nnc, stem, nc, n2c);
        output[i++] = H(P_s_ppc, stem, p2c, pc);
        output[i++] = H(P_w_n, word, next);
        output[i++] = H(P_w_p, word, prev);
        output[i++] = H(P_cap, cap);
        output[i++] = H(P_s_inq, stem, inQuote ? "T" : "F");
        output[i++] = H(P_s_sq, stem, sentenceQuote ? "T" : "F");
        output[i++] = H(P_s_subj, stem, subject ? "T" : "F");
        output[i++] = H(P_s_pos, stem, position);
        output[i++] = H(P_suf3, word.Length > 3 ? word[^3..] : word);
        output[i++] = H(P_inq, inQuote ? "T" : "F");
        string after = After(view, t, s0, s1);
        string share = ShareBucket(stats);
        Span<char> o = stackalloc char[MaxWord];
        var objectWord = NextContentWord(view, t, s0, s1, o);
        output[i++] = H(P_cl, after);
        output[i++] = H(P_s_cl, stem, after);
        output[i++] = H(P_s_nw, stem, objectWord);
        output[i++] = H(P_sh, share);
        output[i++] = H(P_sh_nc, share, nc);
        output[i++] = H(P_sh_pc, share, pc);
        output[i++] = H(P_sh_cl, share, after);
        output[i++] = H(P_sh_subj, share, subject ? "T" : "F");
        output[i++] = H(P_sh_sq, share, sentenceQuote ? "T" : "F");
        output[i++] = H(P_sh_pwc, share, pwc);
        output[i++] = H(P_sh_pos, share, position);
    }

    /// <summary>
    /// What <see cref="Extract"/> and <see cref="ExtractOpen"/> both read around a token: its sentence's bounds, the
    /// neighbours lower-cased ("^" and "$" past the sentence's ends) and their classes, the previous content word's
    /// class, whether it or its sentence holds a quotation, whether a subject comes before it, its place in the
    /// sentence (0 first, 1 mid, 2 last: <see cref="Positions"/>) and whether it is capitalised.
    /// </summary>
    private readonly ref struct Surroundings(int s0, int s1, ReadOnlySpan<char> prev, ReadOnlySpan<char> next, string pc, string p2c, string nc, string n2c, string pwc, bool inQuote, bool sentenceQuote, bool subject, int position, bool cap)
    {
        public readonly int S0 = s0, S1 = s1;
        public readonly ReadOnlySpan<char> Prev = prev, Next = next;
        public readonly string Pc = pc, P2c = p2c, Nc = nc, N2c = n2c, Pwc = pwc;
        public readonly bool InQuote = inQuote, SentenceQuote = sentenceQuote, Subject = subject, Cap = cap;
        public readonly int Position = position;
    }

    private static Surroundings Around(SpeechView view, int t)
    {
        int s0 = view.SentenceStart(t), s1 = view.SentenceEnd(t);
        return new Surroundings(
            s0, s1,
            t - 1 >= s0 ? view.Lower(t - 1, MaxWord) : "^",
            t + 1 < s1 ? view.Lower(t + 1, MaxWord) : "$",
            Class(view, t - 1, s0, s1), Class(view, t - 2, s0, s1),
            Class(view, t + 1, s0, s1), Class(view, t + 2, s0, s1),
            Class(view, PreviousContentWord(view, t, s0), s0, s1),
            view.TokenQuote[t] >= 0,
            view.Sentences.Length > 0 && view.SentenceHasQuote[view.TokenSentence[t]],
            SubjectBefore(view, t, s0, s1),
            t == s0 ? 0 : t + 2 >= s1 ? 2 : 1,
            view.IsCapitalised(t));
    }

    /// <summary>How many of a token's patterns <see cref="ExtractOpen"/> hashes for look-up; the other 17 are read from <see cref="CueWord"/> and <see cref="SharedWeights"/>.</summary>
    public const int OpenCount = 20;

    // The few values of the patterns whose weights are looked up ahead, in the order of their indexes.
    private static readonly string[] Flags = ["F", "T"];
    private static readonly string[] Positions = ["first", "mid", "last"];
    private static readonly string[] Clauses = ["$", "wh", "Q", ":", ",", "to", "SV", "np"];

    private static int ClauseIndex(string after) => after switch
    {
        "$" => 0,
        "wh" => 1,
        "Q" => 2,
        ":" => 3,
        "," => 4,
        "to" => 5,
        "SV" => 6,
        "np" => 7,
        _ => throw new InvalidOperationException("unknown clause class " + after),
    };

    // Offsets into CueWord.Weights.
    private const int WW = 0, WS = 1, WSuf3 = 2, WSh = 3, WSInq = 4, WSSq = 6, WSSubj = 8, WSPos = 10, WSCl = 13, WShCl = 21, WShSubj = 29, WShSq = 31, WShPos = 33, WordWeights = 36;

    // Offsets into the shared weights.
    private const int GB = 0, GCap = 1, GInq = 3, GCl = 5, SharedCount = 13;

    /// <summary>The weights of the patterns that do not depend on the word (<c>b</c>, <c>cap=</c>, <c>inq=</c>, <c>cl=</c>), by value; 0 for a pattern the model lacks.</summary>
    internal static float[] SharedWeights(Func<ulong, float> weight)
    {
        var shared = new float[SharedCount];
        shared[GB] = weight(H(P_b));
        for (int v = 0; v < 2; v++)
        {
            shared[GCap + v] = weight(H(P_cap, Flags[v]));
            shared[GInq + v] = weight(H(P_inq, Flags[v]));
        }
        for (int v = 0; v < Clauses.Length; v++)
            shared[GCl + v] = weight(H(P_cl, Clauses[v]));
        return shared;
    }

    /// <summary>A cue word of the lexicon (lower case) with the weights and hash prefixes its patterns have at every use.</summary>
    internal static CueWord Prepare(string word, CueStats stats, Func<ulong, float> weight)
    {
        var stem = Stem(word);
        string share = ShareBucket(stats);
        var w = new float[WordWeights];
        w[WW] = weight(H(P_w, word));
        w[WS] = weight(H(P_s, stem));
        w[WSuf3] = weight(H(P_suf3, word.Length > 3 ? word.AsSpan(word.Length - 3) : word));
        w[WSh] = weight(H(P_sh, share));
        for (int v = 0; v < 2; v++)
        {
            w[WSInq + v] = weight(H(P_s_inq, stem, Flags[v]));
            w[WSSq + v] = weight(H(P_s_sq, stem, Flags[v]));
            w[WSSubj + v] = weight(H(P_s_subj, stem, Flags[v]));
            w[WShSubj + v] = weight(H(P_sh_subj, share, Flags[v]));
            w[WShSq + v] = weight(H(P_sh_sq, share, Flags[v]));
        }
        for (int v = 0; v < Positions.Length; v++)
        {
            w[WSPos + v] = weight(H(P_s_pos, stem, Positions[v]));
            w[WShPos + v] = weight(H(P_sh_pos, share, Positions[v]));
        }
        for (int v = 0; v < Clauses.Length; v++)
        {
            w[WSCl + v] = weight(H(P_s_cl, stem, Clauses[v]));
            w[WShCl + v] = weight(H(P_sh_cl, share, Clauses[v]));
        }
        return new CueWord(stats, w,
            Prefix(P_w_nc, word), Prefix(P_w_pc, word), Prefix(P_w_n, word), Prefix(P_w_p, word),
            Prefix(P_s_nc, stem), Prefix(P_s_pc, stem), Prefix(P_s_pwc, stem), Prefix(P_s_nnc, stem), Prefix(P_s_ppc, stem), Prefix(P_s_nw, stem),
            Prefix(P_sh_nc, share), Prefix(P_sh_pc, share), Prefix(P_sh_pwc, share));
    }

    /// <summary>The hash of a pattern's name, its first part and the bar after it ("s+nc=say|"), which every use continues from.</summary>
    private static ulong Prefix(ulong name, ReadOnlySpan<char> first) => Add(Add(name, first), "|");

    /// <summary>Which of their few values a token's word-paired patterns take (see <see cref="Sum"/>).</summary>
    internal readonly record struct ClosedValues(int Cap, int InQuote, int SentenceQuote, int Subject, int Position, int Clause);

    /// <summary>
    /// What <see cref="Extract"/> finds for token <paramref name="t"/>, whose lower-cased word is
    /// <paramref name="cue"/>'s: the hashes of the 20 patterns that pair the word with an open value
    /// (neighbours and their classes, the object word) in <paramref name="open"/>, in <see cref="Extract"/>'s
    /// order, and the values of the others.
    /// </summary>
    internal static ClosedValues ExtractOpen(SpeechView view, int t, CueWord cue, Span<ulong> open)
    {
        var around = Around(view, t);
        ReadOnlySpan<char> prev = around.Prev, next = around.Next;
        string pc = around.Pc, p2c = around.P2c, nc = around.Nc, n2c = around.N2c, pwc = around.Pwc;
        bool inQuote = around.InQuote, sentenceQuote = around.SentenceQuote, subject = around.Subject;
        int s0 = around.S0, s1 = around.S1;
        int position = around.Position;
        bool cap = around.Cap;
        open[0] = H(P_p, prev);
        open[1] = H(P_n, next);
        open[2] = H(P_pc, pc);
        open[3] = H(P_nc, nc);
        open[4] = H(P_n2c, n2c);
        open[5] = H(P_p2c, p2c);
        open[6] = H(P_pwc, pwc);
        open[7] = Add(cue.WordNc, nc);
        open[8] = Add(cue.WordPc, pc);
        open[9] = Add(cue.StemNc, nc);
        open[10] = Add(cue.StemPc, pc);
        open[11] = Add(cue.StemPwc, pwc);
        open[12] = Add(Add(Add(cue.StemNnc, nc), "|"), n2c);
        open[13] = Add(Add(Add(cue.StemPpc, p2c), "|"), pc);
        open[14] = Add(cue.WordN, next);
        open[15] = Add(cue.WordP, prev);
        string after = After(view, t, s0, s1);
        Span<char> o = stackalloc char[MaxWord];
        var objectWord = NextContentWord(view, t, s0, s1, o);
        open[16] = Add(cue.StemNw, objectWord);
        open[17] = Add(cue.ShareNc, nc);
        open[18] = Add(cue.SharePc, pc);
        open[19] = Add(cue.SharePwc, pwc);
        return new ClosedValues(cap ? 1 : 0, inQuote ? 1 : 0, sentenceQuote ? 1 : 0, subject ? 1 : 0, position, ClauseIndex(after));
    }

    /// <summary>
    /// The weights of a token's 37 patterns added in <see cref="Extract"/>'s order (a missing pattern adds
    /// 0, which leaves a sum that is never -0 as it was): the open ones' looked up in <paramref name="open"/>,
    /// the others' read by value from the word's weights and the shared ones.
    /// </summary>
    internal static float Sum(ClosedValues v, float[] word, float[] shared, ReadOnlySpan<float> open)
    {
        float sum = 0;
        sum += shared[GB];
        sum += word[WW];
        sum += word[WS];
        for (int i = 0; i < 16; i++)
            sum += open[i];
        sum += shared[GCap + v.Cap];
        sum += word[WSInq + v.InQuote];
        sum += word[WSSq + v.SentenceQuote];
        sum += word[WSSubj + v.Subject];
        sum += word[WSPos + v.Position];
        sum += word[WSuf3];
        sum += shared[GInq + v.InQuote];
        sum += shared[GCl + v.Clause];
        sum += word[WSCl + v.Clause];
        sum += open[16];
        sum += word[WSh];
        sum += open[17];
        sum += open[18];
        sum += word[WShCl + v.Clause];
        sum += word[WShSubj + v.Subject];
        sum += word[WShSq + v.SentenceQuote];
        sum += open[19];
        sum += word[WShPos + v.Position];
        return sum;
    }

    /// <summary>
    /// A word's share of uses as a cue head in training, bucketed with how often it was one (rare,
    /// middling, frequent): the patterns a rare cue word has too few uses to learn on its own ("telegraphed",
    /// "evince") it shares with the words of its bucket.
    /// </summary>
    internal static string ShareBucket(CueStats? stats)
    {
        if (stats is null)
            return "none";
        float share = stats.Share;
        int band = share < 0.02f ? 0 : share < 0.05f ? 1 : share < 0.1f ? 2 : share < 0.2f ? 3 : share < 0.4f ? 4 : share < 0.7f ? 5 : 6;
        int often = stats.Cue < 5 ? 0 : stats.Cue < 20 ? 1 : 2;
        return Buckets[often * 7 + band];
    }

    private static readonly string[] Buckets = [.. from c in new[] { "r", "m", "f" } from b in Enumerable.Range(0, 7) select c + b.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Words that make the clause after a cue finite ("… the deal was dead", "… they would").</summary>
    private static readonly FrozenSet<string> FiniteWords = FrozenSet.ToFrozenSet(
        ["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "does", "did", "do",
         "wo", "won't", "didn't", "doesn't", "isn't", "wasn't", "can't", "don't", "'s", "'re", "'ll", "'d"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FiniteLookup = FiniteWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// What follows the word in its sentence: a linking word ("that", "whether", "how"), a quotation,
    /// a colon or comma, "to", a clause (a subject, then a finite verb before any punctuation: "said
    /// the deal was dead"), other words ("np") or the sentence's end. Reported content is mostly a clause
    /// after its cue; the same word with a bare object ("support the bill") is mostly not a cue.
    /// </summary>
    internal static string After(SpeechView view, int t, int s0, int s1)
    {
        if (t + 1 >= s1)
            return "$";
        switch (Class(view, t + 1, s0, s1))
        {
            case "that" or "whether" or "if" or "how" or "what" or "why" or "when":
                return "wh";
            case "Q" or "'":
                return "Q";
            case ":" or "-":
                return ":";
            case ",":
                return ",";
            case "to":
                return "to";
            case "." or "?" or ";" or ")" or "QC":
                return "$";
        }
        Span<char> buffer = stackalloc char[MaxWord];
        var finite = FiniteLookup;
        for (int k = t + 2; k < s1 && k <= t + 7; k++)
        {
            if (!view.IsWord(k))
                return "np";
            var lower = view.Lower(k, buffer.Length);
            if (finite.Contains(lower))
                return "SV";
            // A past tense after a subject-like word ("officials warned", "he decided").
            if (lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal) && !view.IsCapitalised(k)
                && Class(view, k - 1, s0, s1) is "PRON" or "PER" or "ORG" or "GPE" or "CAP" or "MEDIA" or "w")
                return "SV";
        }
        return "np";
    }

    /// <summary>The first content word after the word (its crude stem), within five tokens and before punctuation: the object of "told reporters", the noun of "in a statement".</summary>
    internal static ReadOnlySpan<char> NextContentWord(SpeechView view, int t, int s0, int s1, Span<char> buffer)
    {
        var skippable = SkippableLookup;
        var classWords = ClassWordLookup;
        for (int k = t + 1; k < s1 && k <= t + 5; k++)
        {
            if (!view.IsWord(k))
                return "-";
            if (view.TokenMention[k] >= 0 || view.IsCapitalised(k))
                return Class(view, k, s0, s1);
            var lower = view.Lower(k, buffer.Length);
            if (classWords.ContainsKey(lower) || skippable.Contains(lower))
                continue;
            return Stem(lower);
        }
        return "-";
    }

    /// <summary>The word before <paramref name="t"/>, skipping auxiliaries and adverbs ("has also said").</summary>
    internal static int PreviousContentWord(SpeechView view, int t, int s0)
    {
        Span<char> buffer = stackalloc char[MaxWord];
        var skippable = SkippableLookup;
        int pw = t - 1;
        while (pw >= s0 && view.IsWord(pw) && skippable.Contains(view.Lower(pw, buffer.Length)))
            pw--;
        return pw;
    }

    private static bool SubjectBefore(SpeechView view, int t, int s0, int s1)
    {
        for (int k = Math.Max(s0, t - 3); k < t; k++)
        {
            if (Class(view, k, s0, s1) is "PRON" or "CAP" or "PER" or "ORG" or "MEDIA" or "GPE")
                return true;
        }
        return false;
    }

    /// <summary>The class of a neighbouring token, as patterns name it.</summary>
    internal static string Class(SpeechView view, int t, int s0, int s1)
    {
        if (t < s0)
            return "^";
        if (t >= s1)
            return "$";
        return view.ClassOf[t] ??= ClassOf(view, t);
    }

    private static string ClassOf(SpeechView view, int t)
    {
        var token = view.Tokens[t];
        if (view.TokenMention[t] >= 0)
        {
            return view.Mentions[view.TokenMention[t]].Type switch
            {
                "PERSON" => "PER",
                "ORG" => "ORG",
                "GPE" => "GPE",
                "MEDIA" => "MEDIA",
                "LOC" => "LOC",
                "FACILITY" => "FAC",
                _ => "MISC",
            };
        }
        switch (token.Kind)
        {
            case TokenKind.Quote:
                return view.MarkRole[t] switch { 1 => "Q", 2 => "QC", _ => "'" };
            case TokenKind.Number:
                return "NUM";
            case TokenKind.Punctuation:
            case TokenKind.Bracket:
                return view.Text[token.Start] switch
                {
                    ',' => ",",
                    '.' => ".",
                    ':' => ":",
                    ';' => ";",
                    '(' => "(",
                    ')' => ")",
                    '?' => "?",
                    _ => "P",
                };
            case TokenKind.Dash:
                return "-";
            case TokenKind.Word:
            case TokenKind.Abbreviation:
                break;
            default:
                return "P";
        }
        Span<char> buffer = stackalloc char[MaxWord];
        var lower = view.Lower(t, buffer.Length);
        if (ClassWordLookup.TryGetValue(lower, out var own))
            return own;
        if (PronounLookup.Contains(lower))
            return "PRON";
        return char.IsUpper(view.Text[token.Start]) ? "CAP" : "w";
    }

    /// <summary>Lower case, curly apostrophes made straight, at most <see cref="MaxWord"/> characters.</summary>
    public static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int length = Math.Min(word.Length, buffer.Length);
        for (int i = 0; i < length; i++)
        {
            char c = word[i];
            buffer[i] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }
        return buffer[..length];
    }

    /// <summary>A crude stem: "says", "saying", "said" stay apart, but "warns", "warned", "warning" meet.</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }
        return word;
    }

    public static ulong Hash(string pattern) => Add(Offset, pattern);

    // The hash of each pattern's name ("s+nc="), computed once: a pattern's hash continues from it.
    private static readonly ulong P_b = Hash("b");
    private static readonly ulong P_cap = Hash("cap=");
    private static readonly ulong P_inq = Hash("inq=");
    private static readonly ulong P_n2c = Hash("n2c=");
    private static readonly ulong P_n = Hash("n=");
    private static readonly ulong P_nc = Hash("nc=");
    private static readonly ulong P_p2c = Hash("p2c=");
    private static readonly ulong P_p = Hash("p=");
    private static readonly ulong P_pc = Hash("pc=");
    private static readonly ulong P_pwc = Hash("pwc=");
    private static readonly ulong P_s_inq = Hash("s+inq=");
    private static readonly ulong P_s_nc = Hash("s+nc=");
    private static readonly ulong P_s_nnc = Hash("s+nnc=");
    private static readonly ulong P_s_pc = Hash("s+pc=");
    private static readonly ulong P_s_pos = Hash("s+pos=");
    private static readonly ulong P_s_ppc = Hash("s+ppc=");
    private static readonly ulong P_s_pwc = Hash("s+pwc=");
    private static readonly ulong P_s_sq = Hash("s+sq=");
    private static readonly ulong P_s_subj = Hash("s+subj=");
    private static readonly ulong P_s = Hash("s=");
    private static readonly ulong P_suf3 = Hash("suf3=");
    private static readonly ulong P_w_n = Hash("w+n=");
    private static readonly ulong P_w_nc = Hash("w+nc=");
    private static readonly ulong P_w_p = Hash("w+p=");
    private static readonly ulong P_w_pc = Hash("w+pc=");
    private static readonly ulong P_w = Hash("w=");
    private static readonly ulong P_cl = Hash("cl=");
    private static readonly ulong P_s_cl = Hash("s+cl=");
    private static readonly ulong P_s_nw = Hash("s+nw=");
    private static readonly ulong P_sh = Hash("sh=");
    private static readonly ulong P_sh_nc = Hash("sh+nc=");
    private static readonly ulong P_sh_pc = Hash("sh+pc=");
    private static readonly ulong P_sh_cl = Hash("sh+cl=");
    private static readonly ulong P_sh_subj = Hash("sh+subj=");
    private static readonly ulong P_sh_sq = Hash("sh+sq=");
    private static readonly ulong P_sh_pwc = Hash("sh+pwc=");
    private static readonly ulong P_sh_pos = Hash("sh+pos=");

    private static ulong H(ulong name) => name;

    private static ulong H(ulong name, ReadOnlySpan<char> a) => Add(name, a);

    private static ulong H(ulong name, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Add(Add(Add(name, a), "|"), b);

    private static ulong H(ulong name, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) =>
        Add(Add(Add(Add(Add(name, a), "|"), b), "|"), c);

    private static ulong Add(ulong h, ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            h ^= c;
            h *= Prime;
        }
        return h;
    }

    /// <summary>The same patterns as text, for training (which stores them by name) and for reading a model.</summary>
    public static void Describe(SpeechView view, int t, CueStats? stats, List<string> output)
    {
        Span<char> w = stackalloc char[MaxWord];
        Span<char> p = stackalloc char[MaxWord];
        Span<char> n = stackalloc char[MaxWord];
        int s0 = view.SentenceStart(t), s1 = view.SentenceEnd(t);
        string word = Lower(view.Word(t), w).ToString();
        string stem = Stem(word).ToString();
        string prev = t - 1 >= s0 ? Lower(view.Word(t - 1), p).ToString() : "^";
        string next = t + 1 < s1 ? Lower(view.Word(t + 1), n).ToString() : "$";
        string pc = Class(view, t - 1, s0, s1), p2c = Class(view, t - 2, s0, s1);
        string nc = Class(view, t + 1, s0, s1), n2c = Class(view, t + 2, s0, s1);
        int pw = PreviousContentWord(view, t, s0);
        string pwc = Class(view, pw, s0, s1);
        bool inQuote = view.TokenQuote[t] >= 0;
        bool sentenceQuote = view.Sentences.Length > 0 && view.SentenceHasQuote[view.TokenSentence[t]];
        bool subject = SubjectBefore(view, t, s0, s1);
        string position = t == s0 ? "first" : t + 2 >= s1 ? "last" : "mid";
        string cap = view.IsCapitalised(t) ? "T" : "F";
        output.Clear();
        output.Add("b");
        output.Add("w=" + word);
        output.Add("s=" + stem);
        output.Add("p=" + prev);
        output.Add("n=" + next);
        output.Add("pc=" + pc);
        output.Add("nc=" + nc);
        output.Add("n2c=" + n2c);
        output.Add("p2c=" + p2c);
        output.Add("pwc=" + pwc);
        output.Add("w+nc=" + word + "|" + nc);
        output.Add("w+pc=" + word + "|" + pc);
        output.Add("s+nc=" + stem + "|" + nc);
        output.Add("s+pc=" + stem + "|" + pc);
        output.Add("s+pwc=" + stem + "|" + pwc);
        output.Add("s+nnc=" + stem + "|" + nc + "|" + n2c);
        output.Add("s+ppc=" + stem + "|" + p2c + "|" + pc);
        output.Add("w+n=" + word + "|" + next);
        output.Add("w+p=" + word + "|" + prev);
        output.Add("cap=" + cap);
        output.Add("s+inq=" + stem + "|" + (inQuote ? "T" : "F"));
        output.Add("s+sq=" + stem + "|" + (sentenceQuote ? "T" : "F"));
        output.Add("s+subj=" + stem + "|" + (subject ? "T" : "F"));
        output.Add("s+pos=" + stem + "|" + position);
        output.Add("suf3=" + (word.Length > 3 ? word[^3..] : word));
        output.Add("inq=" + (inQuote ? "T" : "F"));
        string after = After(view, t, s0, s1);
        string share = ShareBucket(stats);
        Span<char> o = stackalloc char[MaxWord];
        string objectWord = NextContentWord(view, t, s0, s1, o).ToString();
        output.Add("cl=" + after);
        output.Add("s+cl=" + stem + "|" + after);
        output.Add("s+nw=" + stem + "|" + objectWord);
        output.Add("sh=" + share);
        output.Add("sh+nc=" + share + "|" + nc);
        output.Add("sh+pc=" + share + "|" + pc);
        output.Add("sh+cl=" + share + "|" + after);
        output.Add("sh+subj=" + share + "|" + (subject ? "T" : "F"));
        output.Add("sh+sq=" + share + "|" + (sentenceQuote ? "T" : "F"));
        output.Add("sh+pwc=" + share + "|" + pwc);
        output.Add("sh+pos=" + share + "|" + position);
    }
}

/// <summary>
/// A cue word of the model's lexicon as <see cref="CueModel.Score"/> reads it: its statistics, the weights
/// of its patterns that pair it with one of a few values (<see cref="CueFeatures.Prepare"/>), and the hash
/// prefixes of the others (name, word and bar), so that a use hashes only its own part.
/// </summary>
internal sealed record CueWord(
    CueStats Stats, float[] Weights,
    ulong WordNc, ulong WordPc, ulong WordN, ulong WordP,
    ulong StemNc, ulong StemPc, ulong StemPwc, ulong StemNnc, ulong StemPpc, ulong StemNw,
    ulong ShareNc, ulong SharePc, ulong SharePwc);
