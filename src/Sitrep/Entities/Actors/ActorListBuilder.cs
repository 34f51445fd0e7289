using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Entities.Resolution;

namespace Sitrep.Entities.Actors;

/// <summary>
/// Builds the actor tables of resources/actors (<c>sitrep train actors</c>) from the PETRARCH2 Phoenix
/// dictionaries (../shared/data/actors/petrarch2):
/// <list type="bullet">
/// <item><c>actors.tsv</c>: every name of the country, international and non-state actor dictionaries
/// with what its entry says of it: a type (a place, for the names under a country's own entry such as
/// Baghdad under Iraq; a person, for office holders, whose codes carry dates; otherwise an
/// organisation), a country (ISO 3166 alpha-3) and a sector (CAMEO's, named by
/// resources/lexicons/cameo-sectors.tsv). These are evidence of type, sector and country, never of
/// identity: an entry's names mix one actor's spellings with other bodies, places and people (the
/// Revolutionary Guard entry lists the Basij and the Quds Force).</item>
/// <item>The same file's last column joins names of one entry into an alias group only where the
/// resolver's own kind of evidence supports it: an acronym that abbreviates the other name ("DOD",
/// "Department of Defense"), an acronym that abbreviates a longer name of the same code whose leading
/// words are the other name ("ISIS": "Islamic State of Iraq and Syria", so "the Islamic State"), or the
/// same transliteration skeleton (<see cref="NameKeys.Loose"/>).</item>
/// <item><c>given-names.tsv</c>: first names of three or more office holders ("Kamal", "Mohammad"), so
/// "Kamal al-X" reads as a person where the tagger took the first name for a place.</item>
/// <item><c>agent-nouns.tsv</c>: the agents dictionary's nouns with their sector ("militia",
/// "armed group", "police"), so "the Iraqi militia X" gives X a sector.</item>
/// </list>
/// </summary>
public static partial class ActorListBuilder
{
    private const string Provenance = "Built by `sitrep train actors` from the PETRARCH2 Phoenix dictionaries (openeventdata/petrarch2 @ 676801c, MIT; CAMEO codes by Parus Analytics, NSF-funded).";

    [GeneratedRegex(@"\[([^\]]*)\]", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Code();

    private sealed record Entry(List<string> Names, List<string> Codes, bool Person);

    public sealed record Actor(string Key, string Type, string? Country, string? Sector, string? Group);

    /// <summary>Writes actors.tsv, given-names.tsv and agent-nouns.tsv into <paramref name="outputDirectory"/>; returns the number of actor names.</summary>
    public static int Build(string petrarchDirectory, string outputDirectory, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(petrarchDirectory);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(countries);
        var entries = new List<Entry>();
        foreach (var file in (ReadOnlySpan<string>)["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"])
        {
            var path = Path.Combine(petrarchDirectory, file);
            if (File.Exists(path))
                entries.AddRange(ReadEntries(path));
        }
        var actors = Actors(entries, countries);
        Directory.CreateDirectory(outputDirectory);
        using (var writer = Writer(Path.Combine(outputDirectory, "actors.tsv")))
        {
            writer.WriteLine("# Actor names (exact keys) with their type, country (ISO 3166 alpha-3), sector and alias group: evidence of type, sector and country; an alias group only where an acronym or a transliteration supports it. " + Provenance);
            foreach (var a in actors)
                writer.WriteLine($"{a.Key}\t{a.Type}\t{a.Country ?? ""}\t{a.Sector ?? ""}\t{a.Group ?? ""}");
        }
        using (var writer = Writer(Path.Combine(outputDirectory, "given-names.tsv")))
        {
            writer.WriteLine("# First names of three or more office holders in the country dictionary (lower case), so \"Kamal al-X\" reads as a person. " + Provenance);
            foreach (var name in GivenNames(entries, countries))
                writer.WriteLine(name);
        }
        var agents = Path.Combine(petrarchDirectory, "Phoenix.agents.txt");
        using (var writer = Writer(Path.Combine(outputDirectory, "agent-nouns.tsv")))
        {
            writer.WriteLine("# Nouns for kinds of actors (lower case) with their sector, from the agents dictionary: \"the Iraqi militia X\" gives X a sector. " + Provenance);
            if (File.Exists(agents))
            {
                foreach (var (noun, sector) in AgentNouns(agents))
                    writer.WriteLine($"{noun}\t{sector}");
            }
        }
        return actors.Count;
    }

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false)) { NewLine = "\n" };

    private static IEnumerable<Entry> ReadEntries(string path)
    {
        Entry? current = null;
        foreach (var raw in File.ReadLines(path, Encoding.Latin1))
        {
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
            if (line.Trim().Length == 0)
                continue;
            var codes = Code().Matches(line).Select(m => m.Groups[1].Value.Trim()).ToList();
            if (char.IsWhiteSpace(line[0]))
            {
                current?.Codes.AddRange(codes);
                continue;
            }
            var name = Code().Replace(line, " ").Trim();
            if (line[0] == '+')
            {
                if (current is not null)
                {
                    current.Names.Add(name.TrimStart('+'));
                    current.Codes.AddRange(codes);
                }
                continue;
            }
            if (current is not null)
                yield return current;
            current = new Entry([name], codes, hash >= 0 && raw[hash..].Contains("CountryInfo", StringComparison.Ordinal));
        }
        if (current is not null)
            yield return current;
    }

    /// <summary>"IRAQI_REVOLUTIONARY_GUARD_" → "iraqi revolutionary guard"; null for patterns the dictionaries use for matching ("!PERSON!", "{…}").</summary>
    private static string? Key(string name)
    {
        if (name.IndexOfAny(['&', '!', '{', '}', '<', '>', '=', '*']) >= 0)
            return null;
        var words = Regex.Replace(name, @"\([^)]*\)", " ").Replace('_', ' ').Trim();
        var key = NameKeys.Exact(words);
        return key.Length >= 2 ? key : null;
    }

    private static List<Actor> Actors(List<Entry> entries, CountryTable countries)
    {
        var sectors = Lexicons.Lexicon.Get("cameo-sectors");
        var byKey = new SortedDictionary<string, Actor>(StringComparer.Ordinal);
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        // Names by code, for acronyms that abbreviate a longer name of the same code.
        var namesByCode = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        var parsed = new List<(Entry Entry, List<string> Keys, string Type, string? Country, string? Sector, string Code)>();
        foreach (var e in entries)
        {
            var keys = e.Names.Select(Key).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count == 0 || e.Codes.Count == 0)
                continue;
            // An office held from one date to another makes the entry a person ("[IRNGOV 790116-790122]");
            // a date alone bounds when a name is used (the Islamic State "[IMGMUSISI >20130408]").
            bool dated = e.Codes.Any(c => Regex.IsMatch(c, @"\d-\d"));
            var code = e.Codes[^1].Split(' ')[0].Trim();
            var groups = Enumerable.Range(0, code.Length / 3).Select(i => code.Substring(i * 3, 3)).ToList();
            // The first group is a country or a kind of actor without one (IGO, NGO, IMG, MNC); a country
            // after such a kind is the second group, unless that is a CAMEO role ("MUS" is Muslim there, not Mauritius).
            string? SectorOf(string g) => sectors.Entries.FirstOrDefault(x => x.Text == g)?.Tags.FirstOrDefault();
            string? country = groups.Count == 0 ? null
                : countries.CommonName(groups[0]) != groups[0] ? groups[0]
                : groups.Count > 1 && SectorOf(groups[1]) is null && countries.CommonName(groups[1]) != groups[1] ? groups[1] : null;
            string? sector = groups.Select(SectorOf).FirstOrDefault(s => s is not null);
            string type = groups.Count == 1 && country is not null ? "GPE"
                : dated || e.Person ? "PERSON"
                : sector == "media" ? "MEDIA" : "ORG";
            parsed.Add((e, keys, type, country, sector, code));
            if (!namesByCode.TryGetValue(code, out var list))
                namesByCode[code] = list = [];
            list.AddRange(keys.Select(k => k.Split(' ')));
        }
        var union = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string k)
        {
            while (union.TryGetValue(k, out var p) && p != k)
                k = p;
            return k;
        }
        void Union(string a, string b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra == rb)
                return;
            // The smaller key names the group, so the group's name does not depend on the order of the files.
            if (string.CompareOrdinal(ra, rb) < 0)
                (ra, rb) = (rb, ra);
            union[ra] = rb;
            union.TryAdd(rb, rb);
        }
        foreach (var (entry, keys, type, country, sector, code) in parsed)
        {
            foreach (var key in keys)
            {
                var actor = new Actor(key, type, country, sector, null);
                if (byKey.TryGetValue(key, out var known) && (known.Type != type || known.Country != country || known.Sector != sector))
                    conflicting.Add(key);
                else
                    byKey.TryAdd(key, actor);
            }
            if (type is "PERSON" or "GPE")
                continue;
            // Aliases within the entry that the resolver's own evidence supports.
            foreach (var a in keys)
            {
                var original = entry.Names.FirstOrDefault(n => Key(n) == a) ?? a;
                bool acronym = IsAcronym(original);
                foreach (var b in keys)
                {
                    if (a == b)
                        continue;
                    var bWords = b.Split(' ');
                    if (acronym && bWords.Length >= 2 && NameKeys.Abbreviates(original.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant(), bWords))
                        Union(a, b);
                    else if (acronym && bWords.Length >= 2 && namesByCode[code].FirstOrDefault(longer => longer.Length > bWords.Length && StartsWith(longer, bWords)
                        && NameKeys.Abbreviates(original.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant(), longer)) is { } spelledOut)
                    {
                        Union(a, b);
                        Union(a, string.Join(' ', spelledOut));
                    }
                    else if (bWords.Length >= 2 && a.Split(' ').Length >= 2 && NameKeys.Loose(a) == NameKeys.Loose(b))
                        Union(a, b);
                }
            }
        }
        var result = new List<Actor>(byKey.Count);
        foreach (var (key, actor) in byKey)
        {
            var group = union.ContainsKey(key) ? Find(key) : null;
            // A name two entries describe differently keeps only what they agree on: its type.
            var a = conflicting.Contains(key) ? actor with { Country = null, Sector = null } : actor;
            result.Add(a with { Group = group });
        }
        return result;
    }

    private static bool StartsWith(string[] longer, string[] prefix)
    {
        int from = prefix.Length > 0 && prefix[0] == "the" ? 1 : 0;
        if (longer.Length < prefix.Length - from)
            return false;
        for (int i = from; i < prefix.Length; i++)
        {
            if (longer[i - from] != prefix[i])
                return false;
        }
        return true;
    }

    /// <summary>"ISIS_", "DOD_", "U.N.": letters in capitals, two to six of them.</summary>
    private static bool IsAcronym(string name)
    {
        var letters = name.Where(char.IsLetter).ToArray();
        return letters.Length is >= 2 and <= 6 && name.Trim('_').IndexOf('_') < 0;
    }

    private static IEnumerable<string> GivenNames(List<Entry> entries, CountryTable countries)
    {
        var titles = Lexicons.Lexicon.Get("titles");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (!e.Person)
                continue;
            var key = Key(e.Names[0]);
            if (key is null)
                continue;
            var words = key.Split(' ');
            if (words.Length < 2 || words[0].Length < 3 || titles.Contains(words[0]) || countries.IsNationality(words[0]) || countries.CountryOf(words[0]) is not null)
                continue;
            counts[words[0]] = counts.GetValueOrDefault(words[0]) + 1;
        }
        return counts.Where(c => c.Value >= 3).Select(c => c.Key).Order(StringComparer.Ordinal);
    }

    private static IEnumerable<(string Noun, string Sector)> AgentNouns(string path)
    {
        var sectors = Lexicons.Lexicon.Get("cameo-sectors");
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path, Encoding.Latin1))
        {
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            var match = Regex.Match(line, @"^(?<noun>[A-Z][A-Z_\-']*?)_?\s*(\{[^}]*\})?\s*\[~(?<code>[A-Z]{3})");
            if (!match.Success)
                continue;
            var noun = match.Groups["noun"].Value.Replace('_', ' ').Trim().ToLowerInvariant();
            var sector = sectors.Entries.FirstOrDefault(x => x.Text == match.Groups["code"].Value)?.Tags.FirstOrDefault();
            if (noun.Length >= 3 && sector is not null)
                seen.TryAdd(noun, sector);
        }
        return seen.Select(x => (x.Key, x.Value));
    }
}
