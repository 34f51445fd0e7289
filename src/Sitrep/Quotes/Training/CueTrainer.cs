using System.Globalization;
using Sitrep.Documents;
using Sitrep.Entities;
using Sitrep.Pipeline;

namespace Sitrep.Quotes.Training;

/// <summary>Settings of <see cref="CueTrainer"/>; the defaults reproduce the shipped lexicons.</summary>
public sealed record CueTrainingOptions(int Epochs = 8, int Seed = 20160, float MinWeight = 0.05f);

/// <summary>The learned cue lexicon and pattern weights, as <see cref="CueModel"/> reads them.</summary>
public sealed record CueTrainingResult(IReadOnlyDictionary<string, CueStats> Lexicon, IReadOnlyDictionary<string, float> Patterns, IReadOnlyDictionary<string, (int InCue, int Seen)> Phrases, int Articles, int Attributions, int Candidates)
{
    public CueModel ToModel() => new(Lexicon, Patterns, Phrases.Keys);
}

/// <summary>
/// Learns which words introduce attributions, from an annotated corpus (PolNeAR's train split): counts
/// each word's uses as a cue head (the first word of a cue that is not an auxiliary or adverb: "has
/// also said" → "said", "according to" → "according") against all its uses, with how its attributions
/// were built; then trains an averaged perceptron over <see cref="CueFeatures"/> on every use of the
/// lexicon's words. Texts are read raw (tokens, names and entities by the engine's own stages), as the
/// finder reads a cleaned body. Deterministic for given options.
/// </summary>
public static class CueTrainer
{
    public static CueTrainingResult Train(IEnumerable<AnnotatedArticle> articles, CueTrainingOptions? options = null, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= new CueTrainingOptions();
        var docs = new List<(SpeechView View, HashSet<int> Heads, HashSet<int> CueTokens)>();
        var cue = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var after = new Dictionary<string, int>(StringComparer.Ordinal);
        var sourceBefore = new Dictionary<string, int>(StringComparer.Ordinal);
        var gap = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairInCue = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        int attributions = 0;
        foreach (var article in articles)
        {
            var (input, map) = PipelineReading.Read(article.Text, article.Id);
            var view = new SpeechView(input.Text, input.Tokens, input.Sentences, input.Mentions);
            int Body(int raw) => PipelineReading.ToBody(map, raw);
            var heads = new HashSet<int>();
            var cueTokens = new HashSet<int>();
            foreach (var a in article.Attributions)
            {
                attributions++;
                if (a.Cue.Count == 0)
                    continue;
                var range = new TextRange(Body(a.Cue[0].Start), Body(a.Cue[0].End));
                if (range.Start < 0 || range.End < 0)
                    continue;
                int first = view.FirstTokenAtOrAfter(range.Start);
                int head = -1;
                for (int t = first; t < view.Tokens.Length && view.Tokens[t].Start < range.End; t++)
                {
                    cueTokens.Add(t);
                    if (head < 0 && view.IsWord(t) && !IsFunctionWord(view, t))
                        head = t;
                }
                for (int r = 1; r < a.Cue.Count; r++)
                {
                    int from = Body(a.Cue[r].Start), to = Body(a.Cue[r].End);
                    for (int t = from < 0 ? view.Tokens.Length : view.FirstTokenAtOrAfter(from); t < view.Tokens.Length && view.Tokens[t].Start < to; t++)
                        cueTokens.Add(t);
                }
                if (head < 0 || !heads.Add(head))
                    continue;
                var key = Lower(view, head);
                Add(cue, key);
                // The word after the head: part of the cue ("called for", "pointed out") or not.
                if (head + 1 < view.Tokens.Length && view.TokenSentence[head + 1] == view.TokenSentence[head] && (view.IsWord(head + 1) || view.IsPunct(head + 1, ':')))
                {
                    var pair = key + " " + Lower(view, head + 1);
                    Add(pairSeen, pair);
                    if (view.Tokens[head + 1].Start < range.End)
                        Add(pairInCue, pair);
                }
                int contentStart = Body(a.Content.Min(c => c.Start));
                if (contentStart > range.Start)
                {
                    Add(after, key);
                    // An object between the cue and its words ("told reporters", "accused X of"), the source not being there.
                    int sourceStart = a.Source.Count > 0 ? Body(a.Source.Min(s => s.Start)) : -1;
                    bool sourceBetween = sourceStart > range.Start && sourceStart < contentStart;
                    if (!sourceBetween && ObjectWords(view, view.Tokens[head].End, contentStart) > 0)
                        Add(gap, key);
                }
                if (a.Source.Count > 0 && a.Source.Min(s => s.Start) < a.Cue[0].Start)
                    Add(sourceBefore, key);
            }
            for (int t = 0; t < view.Tokens.Length; t++)
            {
                if (view.IsWord(t))
                    Add(seen, Lower(view, t));
            }
            docs.Add((view, heads, cueTokens));
        }
        var lexicon = new Dictionary<string, CueStats>(StringComparer.Ordinal);
        foreach (var (word, n) in cue)
        {
            lexicon[word] = new CueStats(n, Math.Max(n, seen.GetValueOrDefault(word)),
                Share(after, word, n), Share(sourceBefore, word, n), Share(gap, word, after.GetValueOrDefault(word)));
        }
        var phrases = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var (pair, n) in pairInCue)
        {
            int total = pairSeen[pair];
            if (n >= MinPhrase && n >= 0.75 * total)
                phrases[pair] = (n, total);
        }
        var model = new CueModel(lexicon, new Dictionary<string, float>());

        // The perceptron's examples: every use of a lexicon word outside a name; words of a cue other than its head are left out.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<(int[] Features, bool Cue)>();
        var names = new List<string>();
        foreach (var (view, heads, cueTokens) in docs)
        {
            for (int t = 0; t < view.Tokens.Length; t++)
            {
                if (!view.IsWord(t) || view.TokenMention[t] >= 0)
                    continue;
                if (model.Stats(Lower(view, t)) is not { } stats)
                    continue;
                bool isHead = heads.Contains(t);
                if (!isHead && cueTokens.Contains(t))
                    continue;
                CueFeatures.Describe(view, t, stats, names);
                var features = new int[names.Count];
                for (int i = 0; i < names.Count; i++)
                {
                    if (!ids.TryGetValue(names[i], out int id))
                        ids[names[i]] = id = ids.Count;
                    features[i] = id;
                }
                examples.Add((features, isHead));
            }
        }
        log?.WriteLine($"{docs.Count} articles, {attributions} attributions, {lexicon.Count} cue words, {examples.Count} examples, {ids.Count} patterns");
        var weights = new float[ids.Count];
        var totals = new double[ids.Count];
        var stamps = new int[ids.Count];
        int clock = 1;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int mistakes = 0;
            foreach (int e in order)
            {
                var (features, isCue) = examples[e];
                float score = 0;
                foreach (int f in features)
                    score += weights[f];
                int y = isCue ? 1 : -1;
                if (score * y <= 0)
                {
                    mistakes++;
                    foreach (int f in features)
                    {
                        totals[f] += (double)(clock - stamps[f]) * weights[f];
                        stamps[f] = clock;
                        weights[f] += y;
                    }
                }
                clock++;
            }
            log?.WriteLine($"epoch {epoch + 1}: {mistakes} mistakes of {examples.Count}");
        }
        var patterns = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (name, id) in ids)
        {
            double total = totals[id] + (double)(clock - stamps[id]) * weights[id];
            float average = (float)Math.Round(total / clock, 3);
            if (Math.Abs(average) >= options.MinWeight)
                patterns[name] = average;
        }
        return new CueTrainingResult(lexicon, patterns, phrases, docs.Count, attributions, examples.Count);
    }

    /// <summary>A cue and the word after it make a phrase when they did so this often (and in three of four uses).</summary>
    public const int MinPhrase = 5;

    /// <summary>Writes the cue phrases with their comment line and header, most frequent first.</summary>
    public static void WritePhrases(TextWriter writer, IReadOnlyDictionary<string, (int InCue, int Seen)> phrases, string comment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(phrases);
        writer.Write("# ");
        writer.Write(comment);
        writer.Write('\n');
        writer.Write("phrase\tin_cue\tseen\n");
        foreach (var (pair, (n, total)) in phrases.OrderByDescending(kv => kv.Value.InCue).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{pair}\t{n}\t{total}\n"));
    }

    /// <summary>Writes the lexicon with its comment line and header, most frequent cue first.</summary>
    public static void WriteLexicon(TextWriter writer, IReadOnlyDictionary<string, CueStats> lexicon, string comment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(lexicon);
        writer.Write("# ");
        writer.Write(comment);
        writer.Write('\n');
        writer.Write("word\tcue\tseen\tafter\tsource_before\tobject\n");
        foreach (var (word, s) in lexicon.OrderByDescending(kv => kv.Value.Cue).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{word}\t{s.Cue}\t{s.Seen}\t{s.After:0.00}\t{s.SourceBefore:0.00}\t{s.Object:0.00}\n"));
    }

    /// <summary>Writes the pattern weights with their comment line and header, in pattern order.</summary>
    public static void WritePatterns(TextWriter writer, IReadOnlyDictionary<string, float> patterns, string comment)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(patterns);
        writer.Write("# ");
        writer.Write(comment);
        writer.Write('\n');
        writer.Write("pattern\tweight\n");
        foreach (var (name, w) in patterns.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{name}\t{w:0.###}\n"));
    }

    private static bool IsFunctionWord(SpeechView view, int t)
    {
        var w = Lower(view, t);
        return CueFeatures.Skippable.Contains(w) || SpeechWords.Determiners.Contains(w) || SpeechWords.Prepositions.Contains(w) && w != "according";
    }

    /// <summary>Words between a cue and its content that are not function words: an object ("reporters", "Republicans").</summary>
    private static int ObjectWords(SpeechView view, int from, int to)
    {
        int words = 0;
        for (int t = view.FirstTokenAtOrAfter(from); t < view.Tokens.Length && view.Tokens[t].Start < to; t++)
        {
            if (!view.IsWord(t))
                continue;
            var w = Lower(view, t);
            if (w is "that" or "whether" or "if" || CueFeatures.Skippable.Contains(w) || SpeechWords.Determiners.Contains(w) || SpeechWords.Prepositions.Contains(w)
                || SpeechWords.TimeWords.Contains(w) || SpeechWords.Weekdays.Contains(w))
                continue;
            words++;
        }
        return words;
    }

    private static string Lower(SpeechView view, int t)
    {
        Span<char> buffer = stackalloc char[40];
        return CueFeatures.Lower(view.Word(t), buffer).ToString();
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static float Share(Dictionary<string, int> counts, string key, int of) => of == 0 ? 0 : (float)counts.GetValueOrDefault(key) / of;
}

/// <summary>
/// Reads a plain text as <c>sitrep analyze</c> does (the text and entities features: cleaning,
/// language, metadata, tokens, names, coreference) and returns the quote finder's input with the map
/// from the cleaned body back to the text. For training and evaluation on corpora whose offsets
/// point into the raw text, and for tests.
/// </summary>
public static class PipelineReading
{
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => new PipelineBuilder().UseEntities().Build());

    public static (QuoteInput Input, OffsetMap Map) Read(string text, string id = "text", StatedMetadata? stated = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Pipeline.Value.Analyze(new ArticleInput(id, id, InputFormat.PlainText, text, stated ?? StatedMetadata.None, []));
        var tokens = Text.Tokenizer.Tokenize(document.Text);
        var input = new QuoteInput(document.Text, tokens, Text.SentenceSplitter.Split(document.Text, tokens), document.Mentions(), document.Entities(), QuotesFeature.PublishedDay(document.Metadata.Published));
        return (input, document.Map);
    }

    /// <summary>The body offset of a raw offset, or -1 when the raw character was removed with the page chrome.</summary>
    public static int ToBody(OffsetMap map, int raw)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var s in map.Segments)
        {
            if (raw >= s.RawStart && raw <= s.RawStart + s.Length)
                return s.BodyStart + (raw - s.RawStart);
        }
        return -1;
    }
}
