using System.Text;

namespace Sitrep.Events.Training;

/// <summary>
/// Builds <c>resources/lexicons/event-verbs.tsv</c> from the PETRARCH2 CAMEO verb dictionary
/// (<c>CAMEO.2.0.txt</c>: verb synonym blocks with a CAMEO code, their inflected forms and the
/// phrase patterns that change the code) and the PLOVER manual's CAMEO-to-PLOVER table
/// (<c>CAMEO2PLOVER-2021.txt</c>). Each CAMEO code becomes the PLOVER type and mode the table gives
/// its longest listed prefix; root 01 (public statements) and "---" (a pattern the dictionary marks as
/// no event: "killed in an accident") become <c>none</c>; root 02 (appeals) is REQUEST, as the PLOVER
/// manual folds appeals into requests. Deterministic: the same inputs give the same bytes.
/// </summary>
public static class EventVerbBuilder
{
    /// <summary>One row of the lexicon: a verb, its PLOVER type (or none) and mode, its forms or its pattern words.</summary>
    private sealed record Row(string Lemma, string Type, string? Mode, string Code, string Forms, string After, string Before)
    {
        /// <summary>The forms an unlabelled corpus uses mostly as nouns or adjectives.</summary>
        public string Nouns { get; init; } = "";
    }

    /// <summary>Writes the lexicon; returns the number of verbs and of patterns written.</summary>
    public static (int Verbs, int Patterns) Build(string cameoVerbs, string cameoToPlover, string? corpus, int articles, string output, string sourceNote)
    {
        ArgumentNullException.ThrowIfNull(sourceNote);
        var plover = ReadPlover(File.ReadAllLines(cameoToPlover));
        var rows = ReadVerbs(File.ReadAllLines(cameoVerbs), plover);
        if (corpus is not null)
            rows = MarkNominal(rows, corpus, articles);
        var verbs = rows.Count(r => r.Forms.Length > 0);
        var lines = new StringBuilder();
        lines.Append("# Verbs that report an event, coded in PLOVER (tag: the type or none, mode=, cameo=), with their forms (column 3) and those an unlabelled news corpus uses mostly as nouns or adjectives (column 4), and the CAMEO phrase patterns that change a verb's code (tag pattern; column 3 the words after the verb in order, column 4 the words before it; a|b are alternatives, a_b one phrase). Made by `sitrep train events` from ")
            .Append(sourceNote)
            .Append('\n');
        foreach (var r in rows)
        {
            lines.Append(r.Lemma).Append('\t').Append(r.Type);
            if (r.Mode is not null)
                lines.Append(",mode=").Append(r.Mode);
            lines.Append(",cameo=").Append(r.Code);
            if (r.Forms.Length > 0)
                lines.Append('\t').Append(r.Forms).Append('\t').Append(r.Nouns).Append('\n');
            else
                lines.Append(",pattern\t").Append(r.After).Append('\t').Append(r.Before).Append('\n');
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, lines.ToString(), new UTF8Encoding(false));
        return (verbs, rows.Count - verbs);
    }

    /// <summary>CAMEO code → (PLOVER type, mode) from the table's "0841: RETREAT, release, legal # …" lines.</summary>
    internal static Dictionary<string, (string Type, string? Mode)> ReadPlover(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Split('#')[0];
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line[..colon].Trim().All(char.IsAsciiDigit))
                continue;
            var fields = line[(colon + 1)..].Split(',');
            var type = fields[0].Trim();
            if (type.Length == 0)
                continue;
            var mode = fields.Length > 1 ? fields[1].Trim() : "";
            // The first listing of a code wins (the table lists 175 twice with the same type).
            map.TryAdd(line[..colon].Trim(), (type, mode.Length == 0 ? null : mode.Replace(' ', '-')));
        }
        return map;
    }

    /// <summary>The PLOVER type and mode of a CAMEO code ("none" for statements and non-events).</summary>
    /// <remarks>
    /// Choices that depend on a verb's words rather than its code are hand patterns in
    /// <c>event-patterns.tsv</c>, which win over CAMEO's own at equal size (<c>EventLexicon</c>), each
    /// following the PLOVER manual where ACLED's categories (case2021) differ:
    /// expelling diplomats is SANCTION expel (the manual's SANCTION modes keep "the expulsion of ambassadors
    /// or similar diplomats"; CAMEO's 174 stays COERCE deport for other people; ACLED files it under
    /// diplomacy); defection (CAMEO 120, REJECT) is RETREAT withdraw for armed people (a material
    /// withdrawal of forces from their side) and SANCTION withdraw for anyone else ("withdraw oneself from a
    /// group"), the manual having no defection of its own; fighters surrendering (CAMEO 080, CONCEDE) is
    /// RETREAT disarm ("give up weapons": material, where CONCEDE is verbal; ACLED calls it an agreement);
    /// rescuing or evacuating people from a disaster is no event (hostage rescues stay AID, as the manual
    /// says). A claim of responsibility (CAMEO 015) stays a public statement, as the table maps it: the manual
    /// suggests AGREE as a possible documented exception but makes no recommendation, and ACLED's ACCUSE for
    /// it (its "attribution" category) is no PLOVER reading.
    /// </remarks>
    internal static (string Type, string? Mode) Plover(string code, Dictionary<string, (string Type, string? Mode)> map)
    {
        if (code.Length < 2 || code.StartsWith("01", StringComparison.Ordinal) || !code.All(char.IsAsciiDigit))
            return ("none", null);
        if (code.StartsWith("02", StringComparison.Ordinal))
            return ("REQUEST", "appeal");
        // The table maps 163 (impose embargo, boycott or sanctions) to COERCE restrict, but the manual's own
        // SANCTION section codes international sanctions as SANCTION discontinue: the manual wins.
        if (code.StartsWith("163", StringComparison.Ordinal))
            return ("SANCTION", "discontinue");
        // The table maps 192 (occupy territory) to COERCE seize; an armed force taking a town, base or area
        // is a use of force, as the manual codes "combatants captured during conflict" ASSAULT rather than
        // COERCE, and as its section on the table invites documented exceptions: 192 is ASSAULT here.
        if (code.StartsWith("192", StringComparison.Ordinal))
            return ("ASSAULT", null);
        for (int n = code.Length; n >= 2; n--)
        {
            if (map.TryGetValue(code[..n], out var hit))
                return hit;
        }
        return ("none", null);
    }

    private static List<Row> ReadVerbs(string[] lines, Dictionary<string, (string Type, string? Mode)> map)
    {
        var synsets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int start = Array.FindIndex(lines, l => l.Contains("VERB PATTERNS", StringComparison.Ordinal));
        if (start < 0)
            throw new InvalidDataException("no '####### VERB PATTERNS #######' section: not a PETRARCH verb dictionary");
        List<string>? set = null;
        for (int i = 0; i < start; i++)
        {
            var line = lines[i].Split('#')[0].Trim();
            if (line.StartsWith('&'))
                synsets[line] = set = [];
            else if (line.StartsWith('+') && set is not null)
                set.Add(line[1..].ToLowerInvariant());
        }
        var rows = new List<Row>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string blockCode = "---";
        var blockVerbs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = start + 1; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (raw.StartsWith("---", StringComparison.Ordinal))
            {
                blockCode = Code(raw) ?? "---";
                blockVerbs.Clear();
                continue;
            }
            var line = raw.Split('#')[0].TrimEnd();
            if (line.Trim().Length == 0 || line.StartsWith("~~", StringComparison.Ordinal))
                continue;
            if (line.StartsWith('-'))
            {
                AddPattern(raw, line, blockVerbs, synsets, map, rows, seen);
                continue;
            }
            // A verb: "+SHOOT_DOWN {+SHOOTS_DOWN …} [code]" or "HANG {HANGS HANGING HANGED HUNG}".
            var code = Code(line) ?? blockCode;
            var bare = line;
            int bracket = bare.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
                bare = bare[..bracket];
            string? irregular = null;
            int brace = bare.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0)
            {
                int close = bare.IndexOf('}', brace);
                irregular = bare[(brace + 1)..(close < 0 ? bare.Length : close)];
                bare = bare[..brace];
            }
            var lemma = Words(bare.Trim());
            if (lemma.Length == 0)
                continue;
            blockVerbs[bare.Trim().TrimStart('+')] = lemma;
            var forms = irregular is not null
                ? [lemma, .. irregular.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Words)]
                : Inflect(lemma);
            var (type, mode) = code == "---" ? ("none", null) : Plover(code, map);
            if (seen.Add(lemma + "\t" + type + "\t" + code))
                rows.Add(new Row(lemma, type, mode, code == "---" ? "none" : code, string.Join('|', forms.Distinct(StringComparer.Ordinal)), "", ""));
        }
        return MarkAmbiguous(rows);
    }

    /// <summary>
    /// A verb whose own code is rare among the codes of its patterns (under a tenth of at least 8 patterns:
    /// "call" is a phone call once in 81 patterns, "give" cooperation once in 37) says little by itself:
    /// its default is tagged <c>ambiguous</c> and only its patterns code it.
    /// </summary>
    private static List<Row> MarkAmbiguous(List<Row> rows)
    {
        var patterns = rows.Where(r => r.Forms.Length == 0).GroupBy(r => r.Lemma, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Type).ToList(), StringComparer.Ordinal);
        return [.. rows.Select(r =>
        {
            if (r.Forms.Length == 0 || r.Type == "none" || !patterns.TryGetValue(r.Lemma, out var types) || types.Count < 8)
                return r;
            return types.Count(t => t == r.Type) * 10 < types.Count ? r with { Type = r.Type + ",ambiguous" } : r;
        })];
    }

    /// <summary>
    /// Tags <c>noun</c> the forms that an unlabelled news corpus uses mostly as nouns or adjectives: of their
    /// uses after an article, possessive or preposition (noun context) or after a pronoun, auxiliary,
    /// modal or "to" (verb context), at least four in five are in noun context, over at least 20 such
    /// uses ("forces", "support", "armed", "meeting"). The finder then reads such a word as an event only
    /// where its own context makes it a verb.
    /// </summary>
    private static List<Row> MarkNominal(List<Row> rows, string corpus, int articles)
    {
        var forms = rows.Where(r => r.Forms.Length > 0).SelectMany(r => r.Forms.Split('|')).Where(f => !f.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var noun = new Dictionary<string, int>(StringComparer.Ordinal);
        var verb = new Dictionary<string, int>(StringComparer.Ordinal);
        using var file = File.OpenRead(corpus);
        using var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        int read = 0;
        var words = new List<string>();
        while (read < articles && reader.ReadLine() is { } line)
        {
            read++;
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            if (!doc.RootElement.TryGetProperty("content_original", out var content) || content.GetString() is not { } text)
                continue;
            words.Clear();
            int start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                bool letter = i < text.Length && (char.IsLetter(text[i]) || (text[i] == '\'' && start >= 0));
                if (letter && start < 0)
                    start = i;
                else if (!letter && start >= 0)
                {
                    words.Add(text[start..i].ToLowerInvariant());
                    start = -1;
                }
            }
            for (int i = 1; i < words.Count; i++)
            {
                if (!forms.Contains(words[i]))
                    continue;
                if (EventGrammar.NounContext.Contains(words[i - 1]))
                    noun[words[i]] = noun.GetValueOrDefault(words[i]) + 1;
                else if (EventGrammar.VerbContext.Contains(words[i - 1]))
                    verb[words[i]] = verb.GetValueOrDefault(words[i]) + 1;
            }
        }
        bool Nominal(string form)
        {
            int n = noun.GetValueOrDefault(form), v = verb.GetValueOrDefault(form);
            return n + v >= 20 && n * 5 >= (n + v) * 4;
        }
        return [.. rows.Select(r =>
        {
            if (r.Forms.Length == 0)
                return r;
            var nominal = r.Forms.Split('|').Where(Nominal).ToList();
            return nominal.Count == 0 ? r : r with { Nouns = string.Join('|', nominal) };
        })];
    }

    private static void AddPattern(
        string raw,
        string line,
        Dictionary<string, string> blockVerbs,
        Dictionary<string, List<string>> synsets,
        Dictionary<string, (string Type, string? Mode)> map,
        List<Row> rows,
        HashSet<string> seen)
    {
        var code = Code(line);
        if (code is null)
            return;
        int hash = raw.IndexOf('#', StringComparison.Ordinal);
        var verbName = hash >= 0 ? raw[(hash + 1)..].Trim().Split(' ')[0].TrimStart('+') : "";
        // The verb the pattern was written for; a pattern without one applies to the block's first verb.
        var lemma = blockVerbs.GetValueOrDefault(verbName) ?? blockVerbs.Values.FirstOrDefault();
        if (lemma is null)
            return;
        var body = line[1..line.IndexOf('[', StringComparison.Ordinal)];
        int star = body.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
            return;
        var before = Positions(body[..star], synsets);
        var after = Positions(body[(star + 1)..], synsets);
        if (before.Length == 0 && after.Length == 0)
            return;
        var (type, mode) = code == "---" ? ("none", null) : Plover(code, map);
        if (seen.Add(lemma + "\t" + type + "\t" + after + "\t" + before))
            rows.Add(new Row(lemma, type, mode, code == "---" ? "none" : code, "", after, before));
    }

    /// <summary>The words of a pattern side, each position its alternatives ("troops|army"), markers for source, target and clause edges dropped.</summary>
    private static string Positions(string side, Dictionary<string, List<string>> synsets)
    {
        var positions = new List<string>();
        foreach (var token in side.Split((char[])[' ', '(', ')', '{', '}'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is "$" or "+" or "%" or "^" or "!")
                continue;
            if (token.StartsWith('&'))
            {
                if (synsets.TryGetValue(token, out var members) && members.Count > 0)
                    positions.Add(string.Join('|', members));
                continue;
            }
            var word = token.TrimStart('+', '$', '%', '^').ToLowerInvariant();
            if (word.Length > 0 && word.Any(char.IsLetter))
                positions.Add(word);
        }
        return string.Join(' ', positions);
    }

    /// <summary>The first code in brackets ("[0841]", "[036:036]" → 036), "---" for none, or null when the line has none.</summary>
    private static string? Code(string line)
    {
        int open = line.IndexOf('[', StringComparison.Ordinal);
        int close = open < 0 ? -1 : line.IndexOf(']', open);
        if (close < 0)
            return null;
        var code = line[(open + 1)..close].Split(':')[0].Trim();
        return code.Length == 0 ? null : code;
    }

    private static bool IsConsonant(char c) => char.IsAsciiLetterLower(c) && !"aeiou".Contains(c, StringComparison.Ordinal);

    /// <summary>"+SHOOT_DOWN" → "shoot down".</summary>
    private static string Words(string entry) => entry.Trim().TrimStart('+').Replace('_', ' ').ToLowerInvariant();

    /// <summary>The regular forms of a verb (its first word inflected): base, -s, -ed, -ing.</summary>
    internal static string[] Inflect(string lemma)
    {
        int space = lemma.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? lemma : lemma[..space];
        var rest = space < 0 ? "" : lemma[space..];
        string s, ed, ing;
        if (head.EndsWith('e'))
        {
            s = head + "s";
            ed = head + "d";
            ing = head.EndsWith("ee", StringComparison.Ordinal) ? head + "ing" : head[..^1] + "ing";
        }
        else if (head.Length > 1 && head.EndsWith('y') && !"aeiou".Contains(head[^2], StringComparison.Ordinal))
        {
            s = head[..^1] + "ies";
            ed = head[..^1] + "ied";
            ing = head + "ing";
        }
        else if (head.EndsWith('s') || head.EndsWith('x') || head.EndsWith('z') || head.EndsWith("sh", StringComparison.Ordinal) || head.EndsWith("ch", StringComparison.Ordinal))
        {
            s = head + "es";
            ed = head + "ed";
            ing = head + "ing";
        }
        else if (head.Length is >= 3 and <= 4 && IsConsonant(head[^1]) && !"wxy".Contains(head[^1], StringComparison.Ordinal) && !IsConsonant(head[^2]) && head[..^2].All(IsConsonant))
        {
            // One syllable ending consonant-vowel-consonant doubles its last letter: hit, hitting; ban, banned.
            s = head + "s";
            ed = head + head[^1] + "ed";
            ing = head + head[^1] + "ing";
        }
        else
        {
            s = head + "s";
            ed = head + "ed";
            ing = head + "ing";
        }
        return [lemma, s + rest, ed + rest, ing + rest];
    }
}
