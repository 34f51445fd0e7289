using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Keys that compare names. <see cref="Exact"/> forgets only what never tells two names apart
/// (case, accents, apostrophes, the dots of "U.S.", a leading "the", a possessive);
/// <see cref="Loose"/> also forgets what transliteration changes (vowels, doubled letters, q/k/g,
/// kh/gh/dh/sh, the Arabic article), so Qasem/Qassem/Ghasem or Kataib/Kataeb share one. A loose key
/// only proposes a match; something else has to confirm it.
/// </summary>
public static class NameKeys
{
    /// <summary>Arabic articles and particles written joined to the next word ("al-", "ash-", "el-"); none is longer than three letters (<see cref="LeadingGivenName"/>).</summary>
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "al", "el", "ash", "as", "ad", "an", "ar", "at", "az", "ath", "adh", "ul" };

    /// <summary>
    /// The name in Unicode's decomposed form; a half of a surrogate pair standing alone (from a cut or
    /// a JSON escape) becomes U+FFFD first, since normalisation refuses such a string.
    /// </summary>
    private static string Decompose(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var chars = name.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                    i++;
                else if (char.IsSurrogate(chars[i]))
                    chars[i] = '\uFFFD';
            }
            return new string(chars).Normalize(NormalizationForm.FormD);
        }
    }

    /// <summary>The words of a name, normalised: lower case, no accents or apostrophes, hyphens and dots split or dropped.</summary>
    public static string[] Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var decomposed = Decompose(name);
        // Normalised into a buffer on the stack and cut into words there: this runs for every mention,
        // alias and key of every article, and a builder, its string and a split cost three copies each time.
        char[]? rented = null;
        Span<char> buffer = decomposed.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(decomposed.Length));
        try
        {
            var normalised = Normalise(decomposed, buffer);
            int count = normalised.Count(' ') + 1;
            Span<Range> ranges = count <= 64 ? stackalloc Range[64] : new Range[count];
            var (first, words, possessive) = Cut(name, normalised, ranges);
            var result = new string[words - first];
            for (int i = first; i < words; i++)
            {
                var word = normalised[ranges[i]];
                result[i - first] = new string(possessive && i == words - 1 ? word[..^1] : word);
            }
            return result;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The non-empty words of the normalised name as ranges, from the first kept (a leading "the" of two
    /// words or more is not), and whether the last loses its possessive "s".
    /// </summary>
    private static (int First, int Words, bool Possessive) Cut(ReadOnlySpan<char> name, ReadOnlySpan<char> normalised, Span<Range> ranges)
    {
        int words = 0;
        foreach (var range in normalised.Split(' '))
        {
            if (range.End.Value > range.Start.Value)
                ranges[words++] = range;
        }
        int first = words > 1 && normalised[ranges[0]] is "the" ? 1 : 0;
        // A possessive: "Iran's" arrives as "irans" once the apostrophe is gone, so the form with it is checked.
        bool possessive = words - first >= 1 && EndsWithPossessive(name);
        return (first, words, possessive);
    }

    /// <summary>
    /// <see cref="Exact"/> of a name written into <paramref name="destination"/>, without a string: false
    /// (and nothing to rely on written) for a name that is not all ASCII (whose decomposed form
    /// <see cref="Exact"/> works out) or too long for the buffers, so the caller asks <see cref="Exact"/>.
    /// Look-ups by a stretch of the text ask this for every capitalised run of every article.
    /// </summary>
    internal static bool TryExact(ReadOnlySpan<char> name, Span<char> destination, out int written)
    {
        written = 0;
        // ASCII is its own decomposed form, so the string path's Normalize would change nothing.
        if (name.Length > 256 || destination.Length < name.Length || !System.Text.Ascii.IsValid(name))
            return false;
        // Sized to the name (the normaliser writes at most a character for each, the words are at most
        // every other one): fixed buffers of the longest name were zeroed on every call.
        Span<char> buffer = stackalloc char[name.Length];
        var normalised = Normalise(name, buffer);
        Span<Range> ranges = stackalloc Range[name.Length / 2 + 2];
        var (first, words, possessive) = Cut(name, normalised, ranges);
        int length = 0;
        for (int i = first; i < words; i++)
        {
            if (i > first)
                destination[length++] = ' ';
            var word = normalised[ranges[i]];
            if (possessive && i == words - 1)
                word = word[..^1];
            word.CopyTo(destination[length..]);
            length += word.Length;
        }
        written = length;
        return true;
    }

    /// <summary>
    /// The decomposed name in lower case without its combining marks, dots and apostrophes, every other
    /// character that is no letter or digit a space; returns the part of <paramref name="buffer"/> written.
    /// </summary>
    private static ReadOnlySpan<char> Normalise(ReadOnlySpan<char> decomposed, Span<char> buffer)
    {
        int length = 0;
        foreach (char c0 in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c0);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            char c = char.ToLowerInvariant(c0);
            if (char.IsLetterOrDigit(c))
                buffer[length++] = c;
            else if (c is '.' or '\'' or '’' or '‘' or '`' or '´' or 'ʼ' or 'ʿ' or 'ʾ')
                continue; // "U.S." is "us", "Kata'ib" is "kataib"
            else
                buffer[length++] = ' ';
        }
        return buffer[..length];
    }

    /// <summary>The name as words joined by one space: equal for the same spelling however it is printed.</summary>
    public static string Exact(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Written as the joined words directly where it can be: this runs for every mention and look-up.
        Span<char> key = stackalloc char[Math.Min(name.Length, 256)];
        if (TryExact(name, key, out int written))
            return written == name.Length && key[..written].SequenceEqual(name) ? name : new string(key[..written]);
        return string.Join(' ', Words(name));
    }

    /// <summary>Words without the Arabic articles, each reduced to its consonant skeleton.</summary>
    public static string Loose(string name) => string.Join(' ', LooseWords(WithoutArticles(Words(name))));

    /// <summary>
    /// The words without the Arabic articles: "al-Zurufi" and "Zurufi" are one surname. A name whose
    /// other words are all common English words keeps its article: "Al-Monitor" is not the Monitor
    /// ("al-Hashed al-Shaba'i" still loses both).
    /// </summary>
    public static string[] WithoutArticles(string[] words)
    {
        ArgumentNullException.ThrowIfNull(words);
        int articles = 0;
        bool english = true, arabic = false;
        foreach (var w in words)
        {
            if (Articles.Contains(w))
            {
                articles++;
                arabic |= w is "al" or "el";
            }
        }
        if (articles == 0)
            return words;
        // The dictionary is asked only about a name with an article (most have none: it ran for every word of every mention).
        foreach (var w in words)
        {
            if (!Articles.Contains(w) && !(english &= IsCommonEnglishWord(w)))
                break;
        }
        // Only "al"/"el": "as", "an" and "at" are also English words, and a span the tagger ran on
        // ("As Fox News", "Trump An") is the name without them.
        if (articles == 0 || (english && arabic && articles < words.Length))
            return words;
        return Array.FindAll(words, w => !Articles.Contains(w));
    }

    /// <summary>A word of the English dictionary (resources/lexicons/english-words.tsv), common or a proper noun it lists (London, Boston).</summary>
    public static bool IsEnglishWord(string word) => EntityLexicons.EnglishWords.Contains(word);

    /// <summary>A common English word ("monitor", "grid"), not one of the dictionary's proper nouns ("Assad").</summary>
    public static bool IsCommonEnglishWord(string word) => EntityLexicons.EnglishWords.Contains(word) && !EntityLexicons.EnglishNames.Contains(word);

    /// <summary>Each word's consonant skeleton; callers pass words without their Arabic articles (<see cref="WithoutArticles"/>, <see cref="PersonCore"/>).</summary>
    public static IEnumerable<string> LooseWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var w in words)
        {
            var s = Skeleton(w);
            if (s.Length > 0)
                yield return s;
        }
    }

    /// <summary>
    /// The consonants of a word as transliterations from Arabic, Persian, Russian or Ukrainian vary
    /// them: digraphs folded (kh, gh → k; dh → d; th → t; sh → s; ph → f), q/c/g → k, w → v, z → s,
    /// vowels and y dropped, doubled letters once.
    /// </summary>
    public static string Skeleton(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // A skeleton is never longer than its word.
        Span<char> buffer = word.Length <= 128 ? stackalloc char[128] : new char[word.Length];
        return new string(buffer[..Skeleton(word, buffer)]);
    }

    /// <summary>
    /// The words' skeletons (<see cref="LooseWords"/>) joined by spaces after <paramref name="prefix"/>, made as one
    /// string: the keys of every name of every article are made so.
    /// </summary>
    internal static string LooseKey(string prefix, string[] words)
    {
        int most = prefix.Length + words.Length;
        foreach (var w in words)
            most += w.Length;
        Span<char> buffer = most <= 256 ? stackalloc char[256] : new char[most];
        prefix.CopyTo(buffer);
        int length = prefix.Length;
        bool any = false;
        foreach (var w in words)
        {
            int at = length + (any ? 1 : 0);
            int written = Skeleton(w, buffer[at..]);
            if (written == 0)
                continue;
            if (any)
                buffer[length] = ' ';
            length = at + written;
            any = true;
        }
        return new string(buffer[..length]);
    }

    /// <summary><see cref="Skeleton(string)"/> written into <paramref name="destination"/> (as long as the word at least); returns its length.</summary>
    private static int Skeleton(string word, Span<char> destination)
    {
        int length = 0;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            char next = i + 1 < word.Length ? word[i + 1] : '\0';
            char mapped;
            if (next == 'h' && c is 'k' or 'g' or 'd' or 't' or 's' or 'p' or 'c' or 'z')
            {
                mapped = c switch { 'k' or 'g' or 'c' => 'k', 'p' => 'f', 'z' => 'z', _ => c };
                i++;
            }
            else
            {
                mapped = c switch
                {
                    'a' or 'e' or 'i' or 'o' or 'u' or 'y' => '\0',
                    'q' or 'c' or 'g' => 'k',
                    // Slavic and German names written by English, Polish or Czech hands: Kolvar/Kolwar, Anselm/Anzelm.
                    'w' => 'v',
                    'z' => 's',
                    _ => c,
                };
            }
            if (mapped == '\0')
                continue;
            if (length > 0 && destination[length - 1] == mapped)
                continue;
            destination[length++] = mapped;
        }
        return length;
    }

    /// <summary>
    /// Whether two spellings of one word (normalised by <see cref="Words"/>) are the same name written
    /// by different hands, stricter than a shared <see cref="Skeleton"/>: letters a transliteration
    /// swaps (w/v, z/s, ee/i, y/i, ou/u, th/t, ph/f, q/k) and doubled letters are forgiven, other
    /// vowels and consonants are not. So Kolvar/Kolwar, Ilse/Ilze, Rastin/Rastyn/Rasteen and
    /// Qasem/Qassem pass, while Hagan/Hogan, Michel/Michael, Cohn/Cohen, Kerry/Cory, Rice/Rich and
    /// Dravec/Dravik, which share a skeleton, do not: a surname alone is matched loosely only when
    /// this agrees.
    /// </summary>
    public static bool SpelledAlike(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return string.Equals(Spelling(a), Spelling(b), StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether two spellings of a word of a full name may be one person's, given that the rest of the
    /// name agrees: <see cref="SpelledAlike"/>, or the same letters where a transliteration changes a
    /// vowel for its neighbour (o/u, e/i, a/e: Soleimani/Suleimani, Mohammad/Mohammed, Muammar/Moammar)
    /// or a typist swaps two (Kislyak/Kislayk), each vowel in its place. A name written with q, kh, gh
    /// or dh, as Arabic and Persian names are, keeps more freedom: q/g/k, kh/gh and dh/d count as one and
    /// any vowels may stand in a vowel's place (Gaddafi/Qaddafi/Kadhafi). So John Kerry is not John Carey,
    /// Gary Cohn not Gary Cohen, Jay Carney not Jay Kearney; nor, since the vowels must be neighbours in
    /// their place, Rice Royce, Yang Young, Heller Holler, Rosen Risen, Hagle Hagel or O'Brien Bruno,
    /// which share consonants and a count of vowels.
    /// </summary>
    public static bool SurnamesAlike(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (SpelledAlike(a, b))
            return true;
        if (ArabicMarks(a) || ArabicMarks(b))
        {
            var (ca, va) = ConsonantsAndVowelGroups(Spelling(a), arabic: true);
            var (cb, vb) = ConsonantsAndVowelGroups(Spelling(b), arabic: true);
            return ca == cb && va == vb;
        }
        var ra = Runs(Spelling(a));
        var rb = Runs(Spelling(b));
        if (ra.Count != rb.Count)
            return false;
        for (int i = 0; i < ra.Count; i++)
        {
            bool vowel = IsVowel(ra[i][0]);
            if (vowel != IsVowel(rb[i][0]) || (!vowel && ra[i] != rb[i]) || (vowel && !VowelsAlike(ra[i], rb[i])))
                return false;
        }
        return true;
    }

    /// <summary>
    /// Whether two words of an organisation's or place's name share their consonants and their count of
    /// vowel runs (q/g/k, kh/gh and dh/d as one in a word written with them): Kataib/Kataeb,
    /// Hezbollah/Hizballah, Qaeda/Qaida agree; ABC/BBC, which share a skeleton, do not. A word of one
    /// or two vowel runs written without q, kh, gh or dh is short enough to share its consonants with
    /// another name by chance, so at most one of its vowel runs may be written otherwise: Kataib/Kataeb,
    /// Centre/Center and Houstin/Houston still agree, Bustan/Boston do not.
    /// </summary>
    internal static bool VowelRunsAlike(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (SpelledAlike(a, b))
            return true;
        bool arabic = ArabicMarks(a) || ArabicMarks(b);
        var (ca, va) = ConsonantsAndVowelGroups(Spelling(a), arabic);
        var (cb, vb) = ConsonantsAndVowelGroups(Spelling(b), arabic);
        if (ca != cb || va != vb)
            return false;
        return arabic || va > 2 || VowelRunsWrittenOtherwise(Spelling(a), Spelling(b)) <= 1;
    }

    /// <summary>In how many places two spellings with the same count of vowel runs write a run differently.</summary>
    private static int VowelRunsWrittenOtherwise(string a, string b)
    {
        var ra = Runs(a).Where(r => IsVowel(r[0])).ToList();
        var rb = Runs(b).Where(r => IsVowel(r[0])).ToList();
        int differ = Math.Abs(ra.Count - rb.Count);
        for (int i = 0; i < Math.Min(ra.Count, rb.Count); i++)
            differ += ra[i] == rb[i] ? 0 : 1;
        return differ;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>The word cut into runs of consonants and runs of vowels, in order.</summary>
    private static List<string> Runs(string spelled)
    {
        var runs = new List<string>();
        int start = 0;
        for (int i = 1; i <= spelled.Length; i++)
        {
            if (i == spelled.Length || IsVowel(spelled[i]) != IsVowel(spelled[i - 1]))
            {
                if (i > start)
                    runs.Add(spelled[start..i]);
                start = i;
            }
        }
        return runs;
    }

    /// <summary>
    /// Two runs of vowels in one place of a name: the same length, and letter by letter the same or a
    /// neighbour a transliteration puts for it (o/u, e/i, a/e), or the same letters swapped (ia/ai); "ei" is "i".
    /// </summary>
    private static bool VowelsAlike(string a, string b)
    {
        // Persian and Russian "ei", "ee" and "i" are one sound (Rezaei/Rezaee, Sergei/Sergey); "ee" is "i" already.
        a = a.Replace("ei", "i", StringComparison.Ordinal);
        b = b.Replace("ei", "i", StringComparison.Ordinal);
        if (a.Length != b.Length)
            return false;
        bool neighbours = true;
        for (int i = 0; i < a.Length && neighbours; i++)
            neighbours = a[i] == b[i] || Neighbours(a[i], b[i]);
        if (neighbours)
            return true;
        var sa = a.ToCharArray();
        var sb = b.ToCharArray();
        Array.Sort(sa);
        Array.Sort(sb);
        return sa.AsSpan().SequenceEqual(sb);
    }

    private static bool Neighbours(char x, char y) =>
        (x, y) is ('o', 'u') or ('u', 'o') or ('e', 'i') or ('i', 'e') or ('a', 'e') or ('e', 'a');

    /// <summary>
    /// Whether the middle names of two full names with the same first and last words are another
    /// person's: George H. W. Bush is not George W. Bush, John F. Kennedy not John Neely Kennedy. A
    /// name with no middle agrees with any ("Hillary Clinton", "Hillary Rodham Clinton"), an initial
    /// with a name it begins ("John F. Kennedy", "John Fitzgerald Kennedy").
    /// </summary>
    internal static bool MiddleNamesDiffer(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count < 3 || b.Count < 3 || a[0] != b[0] || a[^1] != b[^1])
            return false;
        var ma = MiddleParts(a);
        var mb = MiddleParts(b);
        if (ma.Count != mb.Count)
            return true;
        for (int i = 0; i < ma.Count; i++)
        {
            var (x, y) = (ma[i], mb[i]);
            if (x == y || (x.Length == 1 && y[0] == x[0]) || (y.Length == 1 && x[0] == y[0]))
                continue;
            return true;
        }
        return false;
    }

    /// <summary>The initials of a full name's middle names ("George H. W. Bush": "hw", "John Neely Kennedy": "n"); empty without a middle.</summary>
    internal static string MiddleInitials(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Count < 3 ? "" : string.Concat(MiddleParts(words).Select(p => p[0]));
    }

    /// <summary>The middle of a name as initials and names: "H.W." (normalised "hw") is two initials.</summary>
    private static List<string> MiddleParts(IReadOnlyList<string> words)
    {
        var parts = new List<string>();
        for (int i = 1; i < words.Count - 1; i++)
        {
            var w = words[i];
            if (w.Length <= 2 && !w.Any(IsVowel))
                parts.AddRange(w.Select(c => new string(c, 1)));
            else
                parts.Add(w);
        }
        return parts;
    }

    /// <summary>Whether a name of two words or more is written with an Arabic article ("Adnan al-Zurufi"): its vowels are a transliterator's choice.</summary>
    public static bool HasArabicArticle(string name) => HasArabicArticle(name, Words(name));

    /// <summary><see cref="HasArabicArticle(string)"/> of a name whose <see cref="Words"/> the caller has made already.</summary>
    internal static bool HasArabicArticle(string name, string[] words)
    {
        if (words.Length <= 1)
            return false;
        for (int i = LeadingGivenName(name) ? 1 : 0; i < words.Length; i++)
        {
            if (Articles.Contains(words[i]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// A person's name without its Arabic articles ("Adnan al-Zurufi" is "adnan zurufi"), except a first
    /// word that is a given name spelled like an article: "Al Gore", "Al Thomas", "Ash Carter" keep "al"
    /// and "ash", so they are full names and not the surnames Gore, Thomas and Carter alone (which
    /// filed Ash Carter under Jimmy Carter and the police chief Al Thomas under Clarence Thomas).
    /// </summary>
    public static string[] PersonCore(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return PersonCore(name, Words(name));
    }

    /// <summary><see cref="PersonCore(string)"/> of a name whose <see cref="Words"/> the caller has made already.</summary>
    internal static string[] PersonCore(string name, string[] words)
    {
        if (!LeadingGivenName(name) || words.Length < 2)
            return WithoutArticles(words);
        return [words[0], .. WithoutArticles(words[1..])];
    }

    /// <summary>
    /// Whether the name opens with an article-like word written as a given name is: capitalised and
    /// standing alone before a space ("Al Gore"), not joined by a hyphen or apostrophe ("Al-Assad",
    /// "al-Zurufi") nor lower case ("al Qaeda").
    /// </summary>
    private static bool LeadingGivenName(string name)
    {
        var trimmed = name.AsSpan().TrimStart();
        int space = trimmed.IndexOf(' ');
        // No article is longer than three letters: a longer first word is none (most given names; their lower-cased string was made).
        if (space < 2 || space > 3 || !char.IsUpper(trimmed[0]) || trimmed[1..space].ContainsAnyExcept(LowerLetters) || trimmed[(space + 1)..].Trim().IsEmpty)
            return false;
        return Articles.Contains(trimmed[..space].ToString().ToLowerInvariant());
    }

    private static readonly SearchValues<char> LowerLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    private static bool ArabicMarks(string w) =>
        w.Contains('q', StringComparison.Ordinal) || w.Contains("kh", StringComparison.Ordinal) || w.Contains("gh", StringComparison.Ordinal) || w.Contains("dh", StringComparison.Ordinal);

    private static (string Consonants, int VowelGroups) ConsonantsAndVowelGroups(string spelled, bool arabic)
    {
        var sb = new StringBuilder(spelled.Length);
        int groups = 0;
        bool inVowels = false;
        for (int i = 0; i < spelled.Length; i++)
        {
            char c = spelled[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                if (!inVowels)
                    groups++;
                inVowels = true;
                continue;
            }
            inVowels = false;
            if (arabic && c is 'h' && i > 0 && spelled[i - 1] is 'k' or 'g' or 'd')
                continue;
            char mapped = arabic && c is 'q' or 'g' or 'c' ? 'k' : c;
            // Doubled letters once, but a letter again after a vowel is another sound (Cornyn: r-n-n).
            if (sb.Length > 0 && sb[^1] == mapped && i > 0 && spelled[i - 1] is not ('a' or 'e' or 'i' or 'o' or 'u'))
                continue;
            sb.Append(mapped);
        }
        return (sb.ToString(), groups);
    }

    private static string Spelling(string word)
    {
        var sb = new StringBuilder(word.Length);
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            char next = i + 1 < word.Length ? word[i + 1] : '\0';
            char mapped;
            if ((c is 't' or 'p') && next == 'h')
            {
                mapped = c == 'p' ? 'f' : 't';
                i++;
            }
            else if ((c == 'e' && next == 'e') || (c == 'o' && next == 'u'))
            {
                mapped = c == 'e' ? 'i' : 'u';
                i++;
            }
            else
            {
                mapped = c switch { 'w' => 'v', 'z' => 's', 'y' => 'i', 'q' => 'k', _ => c };
            }
            if (sb.Length > 0 && sb[^1] == mapped)
                continue;
            sb.Append(mapped);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Whether <paramref name="acronym"/> (letters only, two or more capitals) abbreviates the name
    /// <paramref name="words"/>: each word in order gives its initial or the whole word, "of", "the",
    /// "and", "for" may give nothing, and leading words may be left out. So IRGC is the Islamic
    /// Revolutionary Guard Corps, NYTimes the New York Times, P.M.F. the (Iraqi) Popular Mobilization
    /// Forces; WHO is not the White House.
    /// </summary>
    public static bool Abbreviates(string acronym, IReadOnlyList<string> words) => Abbreviates(acronym, words, null);

    /// <summary>
    /// The same, stricter where <paramref name="mayLeaveOut"/> is given: only leading words it accepts
    /// (a nationality word: "PMF" for the "Iraqi Popular Mobilization Forces") may be left out, so the
    /// acronym accounts for every other content word of the name. Either way the letters never start
    /// at "of", "the", "and", "for" or "in" ("AP" is not "… Control and Prevention"), and an acronym of
    /// two letters leaves out no word in front ("AP" is not the "American Academy of Pediatrics").
    /// </summary>
    public static bool Abbreviates(string acronym, IReadOnlyList<string> words, Func<string, bool>? mayLeaveOut) =>
        Abbreviates(acronym, words, mayLeaveOut, null);

    /// <summary>
    /// The same, where the words of <paramref name="initials"/> are themselves initials in the name
    /// ("U.S." of "U.S. Navy", "USS" of "USS Nassau", "ASEAN" of "ASEAN Post"): an acronym spells all
    /// their letters or none, so "U.N." is not the U.S. Navy nor "AP" the ASEAN Post
    /// (see <see cref="InitialsIn"/>).
    /// </summary>
    internal static bool Abbreviates(string acronym, IReadOnlyList<string> words, Func<string, bool>? mayLeaveOut, IReadOnlySet<string>? initials) =>
        Abbreviates(acronym, words, mayLeaveOut, initials, null);

    /// <param name="spelled">The acronym's letters as <see cref="Words"/> joins them, where the caller has them already.</param>
    internal static bool Abbreviates(string acronym, IReadOnlyList<string> words, Func<string, bool>? mayLeaveOut, IReadOnlySet<string>? initials, string? spelled)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        ArgumentNullException.ThrowIfNull(words);
        int capitals = 0;
        foreach (char c in acronym)
        {
            if (char.IsUpper(c))
                capitals++;
        }
        if (capitals < 2 || words.Count < 2)
            return false;
        var letters = spelled ?? string.Concat(Words(acronym));
        if (letters.Length < 2)
            return false;
        // The acronym may leave out leading words: PMF for the "Iraqi Popular Mobilization Forces".
        for (int first = 0; first <= words.Count - 2; first++)
        {
            if (first > 0 && (letters.Length <= 2 || (mayLeaveOut is not null && !mayLeaveOut(words[first - 1]))))
                break;
            if (first > 0 && IsFunctionWord(words[first]))
                continue;
            if (Consume(letters, 0, words, first, initials))
                return true;
        }
        return false;
    }

    private static bool Consume(string letters, int at, IReadOnlyList<string> words, int word, IReadOnlySet<string>? initials)
    {
        if (word == words.Count)
            return at == letters.Length;
        var w = words[word];
        if (IsFunctionWord(w) && Consume(letters, at, words, word + 1, initials))
            return true;
        if (at < letters.Length && letters[at] == w[0] && !(w.Length > 1 && initials is not null && initials.Contains(w)) && Consume(letters, at + 1, words, word + 1, initials))
            return true;
        return w.Length > 1 && at + w.Length <= letters.Length && string.CompareOrdinal(letters, at, w, 0, w.Length) == 0
            && Consume(letters, at + w.Length, words, word + 1, initials);
    }

    /// <summary>
    /// The words of a name written as initials inside it: two letters or more, all capitals, in a name
    /// that also has a word in lower case ("U.S." and "USS" in "U.S. Navy", "USS Nassau"), normalised
    /// like <see cref="Words"/>. A name written all in capitals has none: its words are shouted, not initials.
    /// </summary>
    internal static HashSet<string>? InitialsIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Read in place (no split, no enumerator per word): this runs for every name an acronym may stand for.
        if (!HasLower(name) || !name.Contains(' ', StringComparison.Ordinal))
            return null;
        HashSet<string>? result = null;
        ReadOnlySpan<char> rest = name;
        foreach (var range in rest.Split(' '))
        {
            var token = rest[range];
            if (token.Length > 0 && Letters(token) >= 2 && !HasLower(token))
            {
                foreach (var w in Words(token.ToString()))
                    (result ??= new HashSet<string>(StringComparer.Ordinal)).Add(w);
            }
        }
        return result;
    }

    /// <summary>Whether <paramref name="s"/> has a lower-case letter (<see cref="char.IsLower(char)"/>).</summary>
    internal static bool HasLower(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (char.IsLower(c))
                return true;
        }
        return false;
    }

    /// <summary>How many letters <paramref name="s"/> has (<see cref="char.IsLetter(char)"/>).</summary>
    internal static int Letters(ReadOnlySpan<char> s)
    {
        int count = 0;
        foreach (char c in s)
        {
            if (char.IsLetter(c))
                count++;
        }
        return count;
    }

    /// <summary>The words of a name that say what it is: no "of", "the", "and", "for", "in", a plural's "s" dropped.</summary>
    internal static HashSet<string> ContentWords(string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in WithoutArticles(Words(name)))
        {
            if (!IsFunctionWord(w))
                words.Add(w.Length > 3 && w.EndsWith('s') ? w[..^1] : w);
        }
        return words;
    }

    /// <summary>
    /// Whether two names are of one thing as far as their words tell: they share more than half of the
    /// shorter one's content words (<see cref="ContentWords"/>). The European Union and a European
    /// University share one word of two, and are two things.
    /// </summary>
    internal static bool ShareMostWords(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int shared = a.Count(b.Contains);
        return shared * 2 > Math.Min(a.Count, b.Count);
    }

    private static bool IsFunctionWord(string w) => w is "of" or "the" or "and" or "for" or "in";

    private static bool EndsWithPossessive(ReadOnlySpan<char> name) =>
        name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal);
}
