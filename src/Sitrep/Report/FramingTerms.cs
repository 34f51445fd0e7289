using Sitrep.Documents;
using Sitrep.Entities;

namespace Sitrep.Report;

/// <summary>
/// Framing words learned from the story's own articles, with no list of loaded words: the lowercase
/// words written beside the names of actors ("the Assad regime", "Iran-backed militias"), less the
/// words most of the articles use anyway (learned as the story's closed class), and per outlet the
/// ones it uses far more than the other outlets (the log-odds ratio with an informative Dirichlet
/// prior of Monroe, Colaresi and Quinn, "Fightin' Words", 2008, as a z-score).
/// </summary>
internal static class FramingTerms
{
    /// <summary>Words before a name that can frame it ("terrorist group X", "so-called X").</summary>
    private const int Before = 2;

    /// <summary>Words after a name that can frame it ("X militants", "X regime").</summary>
    private const int After = 1;

    /// <summary>Verbs of saying and acting (the learned speech cues, the verbs lexicon): what a name does, not what it is called.</summary>
    private static readonly Lazy<HashSet<string>> Verbs = new(() =>
    [
        .. Lexicons.Lexicon.Get("speech-cues").All,
        .. Lexicons.Lexicon.Get("verbs").All,
    ]);

    /// <summary>The least z-score a distinctive word needs (95 % two-sided).</summary>
    private const double MinScore = 1.96;

    /// <summary>
    /// The lowercase words (lowercased, at least three letters; a hyphenated word whose last part is
    /// lowercase, "Iran-backed", counts) within <see cref="Before"/> words before and <see cref="After"/>
    /// after [<paramref name="start"/>, <paramref name="end"/>), in the same sentence.
    /// </summary>
    public static IEnumerable<string> Beside(string text, int start, int end) => BesideSpans(text, start, end).Select(w => w.Word);

    internal static List<(string Word, int Start, int End)> BesideSpans(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, int, int)>();
        int i = start;
        for (int n = 0; n < Before; n++)
        {
            // Back over spaces and commas; a sentence or line end stops the window.
            while (i > 0 && (text[i - 1] is ' ' or ',' or '\u00A0'))
                i--;
            if (i == 0 || !IsWordChar(text[i - 1]))
                break;
            int wordEnd = i;
            while (i > 0 && IsWordChar(text[i - 1]))
                i--;
            Add(found, text, i, wordEnd);
        }
        i = end;
        for (int n = 0; n < After; n++)
        {
            while (i < text.Length && (text[i] is ' ' or ',' or '\u00A0'))
                i++;
            if (i >= text.Length || !IsWordChar(text[i]))
                break;
            int wordStart = i;
            while (i < text.Length && IsWordChar(text[i]))
                i++;
            Add(found, text, wordStart, i);
        }
        return found;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '-' or '\'' or '\u2019';

    private static void Add(List<(string, int, int)> found, string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start).Trim("-'\u2019");
        if (word.Length < 3)
            return;
        int dash = word.LastIndexOf('-');
        var tail = dash >= 0 ? word[(dash + 1)..] : word;
        // A capitalised word is a name or starts a sentence: no framing word.
        if (tail.Length == 0 || !char.IsLower(tail[0]) || (dash < 0 && !char.IsLower(word[0])))
            return;
        if (Verbs.Value.Contains(word.ToString().ToLowerInvariant()))
            return;
        foreach (var c in word)
        {
            if (!char.IsLetter(c) && c != '-')
                return;
        }
        int offset = text.AsSpan(start, end - start).IndexOf(word);
        found.Add((word.ToString().ToLowerInvariant(), start + offset, start + offset + word.Length));
    }

    /// <summary>
    /// The story's closed class: the lowercase words found in at least half of its articles ("the",
    /// "said", "government" in a story about one government), learned from the articles themselves.
    /// With fewer than four articles, words in every one of them.
    /// </summary>
    public static HashSet<string> ClosedClass(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && !char.IsLetter(text[i]))
                    i++;
                int s = i;
                while (i < text.Length && IsWordChar(text[i]))
                    i++;
                if (i > s)
                    seen.Add(text[s..i].Trim('-', '\'', '\u2019').ToLowerInvariant());
            }
            foreach (var w in seen)
                df[w] = df.GetValueOrDefault(w) + 1;
        }
        int least = texts.Count >= 4 ? (texts.Count + 1) / 2 : Math.Max(texts.Count, 2);
        return [.. df.Where(d => d.Value >= least).Select(d => d.Key)];
    }

    /// <summary>Per outlet, up to <paramref name="perOutlet"/> words it writes beside actors' names far more than the others (z ≥ 1.96, used twice or more), best first.</summary>
    public static IReadOnlyList<OutletTerm> Distinctive(IReadOnlyList<(string Outlet, Document Document)> articles, int perOutlet)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var closed = ClosedClass([.. articles.Select(a => a.Document.Text)]);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var first = new Dictionary<(string Outlet, string Word), Evidence>();
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (outlet, document) in articles)
        {
            if (!counts.TryGetValue(outlet, out var own))
                counts[outlet] = own = new Dictionary<string, int>(StringComparer.Ordinal);
            var text = document.Text;
            foreach (var m in document.Mentions())
            {
                if (m.Demonym || m.Type is not ("PERSON" or "ORG" or "GPE" or "MISC"))
                    continue;
                foreach (var (word, s, e) in BesideSpans(text, m.Start, m.End))
                {
                    if (closed.Contains(word))
                        continue;
                    own[word] = own.GetValueOrDefault(word) + 1;
                    all[word] = all.GetValueOrDefault(word) + 1;
                    first.TryAdd((outlet, word), new Evidence(document.Id, s, e));
                }
            }
        }
        if (counts.Count < 2)
            return [];
        double total = all.Values.Sum();
        // The prior: the story's own use of each word, with the weight of a short article.
        const double priorWeight = 500;
        var result = new List<OutletTerm>();
        foreach (var (outlet, own) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            double n = own.Values.Sum();
            double rest = total - n;
            var scored = new List<OutletTerm>();
            foreach (var (word, y) in own)
            {
                if (y < 2)
                    continue;
                double alpha = priorWeight * all[word] / total;
                double other = all[word] - y;
                double delta = Math.Log((y + alpha) / (n + priorWeight - y - alpha)) - Math.Log((other + alpha) / (rest + priorWeight - other - alpha));
                double z = delta / Math.Sqrt(1 / (y + alpha) + 1 / (other + alpha));
                if (z >= MinScore)
                    scored.Add(new OutletTerm(outlet, word, y, Math.Round(z, 2), first[(outlet, word)]));
            }
            result.AddRange(scored.OrderByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal).Take(perOutlet));
        }
        return result;
    }
}
