using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Entities.Resolution;

namespace Sitrep.Entities;

/// <summary>
/// Builds resources/lexicons/outlets.tsv (<c>sitrep train outlets</c>): the names of news outlets, so a
/// name is typed MEDIA from evidence and not from a verb beside it. Two sources: the outlets of the
/// allsides corpus (each article's <c>source</c>, with its labels such as " - News" or "(Online)" taken
/// off), and the media entries (code MED) of the PETRARCH2 Phoenix actor dictionaries. A source is left
/// out when it is a person (a columnist filed as a source: the name is the byline of most of its
/// articles, or the tagger reads it as a person's name), a guest-writer label, an institution that is no
/// publisher (a name built on an organisation's head noun, or a government or university site), or a
/// one-article source whose web address does not spell its name.
/// </summary>
public static partial class OutletListBuilder
{
    [GeneratedRegex(@"\s*\([^)]*\)\s*", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+-\s+.*$", RegexOptions.None, RegexTimeouts.Milliseconds)]
    private static partial Regex DashLabel();

    public sealed record Outlet(string Name, string Source, string? Domain);

    /// <summary>Reads the sources; returns the outlets in ordinal order of name, each once.</summary>
    public static IReadOnlyList<Outlet> Build(string? allsidesArticles, string? petrarchDirectory, NerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var outlets = new SortedDictionary<string, Outlet>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string source, string? domain)
        {
            name = name.Trim();
            if (name.Length < 2 || !seen.Add(NameKeys.Exact(name)))
                return;
            outlets[name] = new Outlet(name, source, domain);
        }
        if (allsidesArticles is not null)
        {
            var nonMedia = petrarchDirectory is null ? [] : NonMediaOrganisations(petrarchDirectory);
            foreach (var (name, domain) in AllsidesOutlets(allsidesArticles, model, nonMedia))
            {
                Add(name, "allsides", domain);
                // "NPR News", "BBC News": the broadcaster's acronym alone names it too.
                var words = name.Split(' ');
                if (words.Length == 2 && words[1] == "News" && words[0].Length >= 2 && words[0].All(char.IsUpper))
                    Add(words[0], "allsides", domain);
            }
        }
        if (petrarchDirectory is not null)
        {
            foreach (var name in PetrarchMedia(Path.Combine(petrarchDirectory, "Phoenix.International.actors.txt"), model))
                Add(name, "petrarch2", null);
        }
        return [.. outlets.Values];
    }

    public static void Write(IReadOnlyList<Outlet> outlets, TextWriter output, string provenance)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("# News outlets by name, so a name is typed MEDIA from evidence (tags: the source that lists it; then its web address). " + provenance);
        foreach (var o in outlets)
            output.WriteLine(o.Domain is null ? $"{o.Name}\t{o.Source}" : $"{o.Name}\t{o.Source}\t{o.Domain}");
    }

    private static IEnumerable<(string Name, string Domain)> AllsidesOutlets(string path, NerModel model, HashSet<string> nonMedia)
    {
        var stats = new Dictionary<string, (int Articles, int Bylined, string Domain)>(StringComparer.Ordinal);
        using (var file = File.OpenRead(path))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            while (reader.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var source = root.TryGetProperty("source", out var s) ? s.GetString() : null;
                if (string.IsNullOrWhiteSpace(source))
                    continue;
                var authors = root.TryGetProperty("authors", out var a) ? a.GetString() ?? "" : "";
                var domain = root.TryGetProperty("source_url", out var d) ? d.GetString() ?? "" : "";
                var (articles, bylined, known) = stats.GetValueOrDefault(source, (0, 0, domain));
                bool byline = NameKeys.Words(Clean(source)) is { Length: >= 2 } words && words.All(w => NameKeys.Words(authors).Contains(w));
                stats[source] = (articles + 1, bylined + (byline ? 1 : 0), known);
            }
        }
        foreach (var (source, (articles, bylined, domain)) in stats.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            if (source.StartsWith("Guest Writer", StringComparison.OrdinalIgnoreCase) || source.Contains(',', StringComparison.Ordinal))
                continue;
            var name = Clean(source);
            if (name.Length < 2 || bylined * 2 > articles || IsPerson(name, model) || IsInstitution(name, domain) || nonMedia.Contains(NameKeys.Exact(name)))
                continue;
            bool acronym = !name.Contains(' ', StringComparison.Ordinal) && name.Count(char.IsUpper) >= 2 && !name.Any(char.IsLower);
            bool oneWord = !name.Contains(' ', StringComparison.Ordinal) && !acronym;
            // Few articles make weak evidence: the web address has to spell the name, a one-word name needs a few
            // articles (it is often a common word or a place too), and a non-profit's site with a handful of
            // articles is an advocacy group or a charity more often than a newsroom.
            if ((articles == 1 || acronym) && !Spells(domain, name))
                continue;
            if ((oneWord && articles < 3) || (domain.EndsWith(".org", StringComparison.Ordinal) && articles < 20 && !EntityLexicons.PublisherNameEnds.EndsWith(name)))
                continue;
            yield return (name, domain.StartsWith("www.", StringComparison.Ordinal) ? domain[4..] : domain);
        }
    }

    /// <summary>"New York Times - News" → "New York Times"; "CNN (Web News)" → "CNN"; "Fox Online News" → "Fox News".</summary>
    internal static string Clean(string source)
    {
        var name = DashLabel().Replace(Bracketed().Replace(source, " "), "");
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "Online").ToList();
        while (words.Count > 1 && words[^1] is "Opinion" or "Editorial" or "Editorials" or "Blog")
            words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    /// <summary>A think tank, agency or university that publishes articles is still no news outlet.</summary>
    private static bool IsInstitution(string name, string domain)
    {
        if (domain.EndsWith(".gov", StringComparison.Ordinal) || domain.Contains(".gov.", StringComparison.Ordinal) || domain.EndsWith(".edu", StringComparison.Ordinal)
            || domain.EndsWith(".mil", StringComparison.Ordinal) || domain.Contains(".ac.", StringComparison.Ordinal))
            return true;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => EntityLexicons.OrganisationHeads.Contains(w)) && !EntityLexicons.PublisherNameEnds.EndsWith(name);
    }

    /// <summary>Whether the web address spells the name: its words, or their initials, in the host name.</summary>
    private static bool Spells(string domain, string name)
    {
        var host = string.Concat(domain.ToLowerInvariant().Where(char.IsLetterOrDigit));
        var words = NameKeys.Words(name);
        if (words.Length == 0)
            return false;
        var joined = string.Concat(words);
        var initials = string.Concat(words.Select(w => w[0]));
        return host.Contains(joined, StringComparison.Ordinal) || (initials.Length >= 2 && host.Contains(initials, StringComparison.Ordinal))
            || words.Where(w => w.Length >= 4).Any(w => host.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>The tagger reads "NAME said on Monday." as a person's name.</summary>
    private static bool IsPerson(string name, NerModel model)
    {
        var sentence = name + " said on Monday that the report was wrong.";
        var mentions = model.Recognize(sentence);
        return mentions.Count > 0 && mentions[0].Start == 0 && mentions[0].End == name.Length && mentions[0].Type == EntityTypes.Person;
    }

    /// <summary>
    /// Organisations the Phoenix dictionaries code as something other than media (NGOs, IGOs, companies,
    /// armed groups): a site of theirs in the allsides corpus does not make them an outlet.
    /// </summary>
    private static HashSet<string> NonMediaOrganisations(string petrarchDirectory)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in (ReadOnlySpan<string>)["Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"])
        {
            var path = Path.Combine(petrarchDirectory, file);
            if (!File.Exists(path))
                continue;
            foreach (var raw in File.ReadLines(path))
            {
                int hash = raw.IndexOf('#', StringComparison.Ordinal);
                var line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
                if (line.Trim().Length == 0 || char.IsWhiteSpace(line[0]))
                    continue;
                int bracket = line.IndexOf('[', StringComparison.Ordinal);
                if (bracket >= 0 && IsMediaCode(line[bracket..]))
                    continue;
                var phrase = (bracket >= 0 ? line[..bracket] : line).TrimStart('+').Replace('_', ' ').Trim();
                if (phrase.Length >= 2)
                    names.Add(NameKeys.Exact(phrase));
            }
        }
        return names;
    }

    /// <summary>Entries of the Phoenix dictionaries coded as media ([MED], or a country's media such as [ISRMED]), with their synonyms.</summary>
    private static IEnumerable<string> PetrarchMedia(string path, NerModel model)
    {
        if (!File.Exists(path))
            yield break;
        var block = new List<string>();
        var names = new List<string>();
        foreach (var raw in File.ReadLines(path))
        {
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
            if (line.Trim().Length == 0)
                continue;
            if (char.IsWhiteSpace(line[0]))
            {
                var code = line.Trim();
                if (IsMediaCode(code))
                    names.AddRange(block);
                continue;
            }
            if (line[0] != '+')
                block.Clear();
            int bracket = line.IndexOf('[', StringComparison.Ordinal);
            var phrase = (bracket >= 0 ? line[..bracket] : line).TrimStart('+').Replace('_', ' ').Trim();
            // "QATAR-BASED BROADCASTER AL-JAZEERA" describes the outlet; "DC JOURNALIST" is a kind of person.
            if (phrase.Length >= 2 && !phrase.Contains("BASED", StringComparison.Ordinal) && !phrase.Contains("JOURNALIST", StringComparison.Ordinal)
                && !phrase.Contains("REPORTER", StringComparison.Ordinal))
                block.Add(phrase);
            if (bracket >= 0 && IsMediaCode(line[bracket..]))
                names.AddRange(block);
        }
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var cased = TitleCase(name);
            if (!IsPerson(cased, model))
                yield return cased;
        }
    }

    private static bool IsMediaCode(string code)
    {
        var c = code.Trim().TrimStart('[').Split([']', ' '], 2)[0];
        return c == "MED" || (c.Length == 6 && c.EndsWith("MED", StringComparison.Ordinal) && c[..3].All(char.IsUpper) && c[..3] is not "NGO" and not "IGO" and not "MNC");
    }

    /// <summary>"NEW YORK TIMES" → "New York Times"; an acronym (a short word that is no common word, or one without a vowel) stays in capitals: "AFP", "BBC".</summary>
    private static string TitleCase(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
        (w.Length <= 3 && w is not ("THE" or "OF" or "AND" or "NEW" or "FOR" or "AL" or "EL" or "LA" or "LE" or "DER" or "DIE" or "DAS")) || !w.Any(c => "AEIOU".Contains(c, StringComparison.Ordinal))
            ? w
            : string.Join('-', w.Split('-').Select(p => p.Length == 0 ? p : p[0] + p[1..].ToLowerInvariant()))));
}
