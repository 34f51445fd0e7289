using System.Text.Json;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Builds resources/geo/countries.tsv from world-countries' countries.json (../shared/data/geo):
/// one line per country, <c>cca3 TAB common name TAB names|… TAB capitals|… TAB demonyms|…</c>. The names are the
/// common and official names, the alternative spellings, and the name after "of" in an official name
/// ("United States of America" → "America"); a name two countries could claim is left out, except
/// each country's own common name.
/// </summary>
public static class CountryListBuilder
{
    public static int Build(string countriesJson, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(countriesJson);
        ArgumentNullException.ThrowIfNull(output);
        using var stream = File.OpenRead(countriesJson);
        using var doc = JsonDocument.Parse(stream);
        var countries = new List<(string Code, string Common, List<string> Names, List<string> Capitals, List<string> Demonyms)>();
        var independent = new HashSet<string>(StringComparer.Ordinal);
        var claims = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var code = c.GetProperty("cca3").GetString()!;
            if (c.TryGetProperty("independent", out var free) && free.ValueKind == JsonValueKind.True)
                independent.Add(code);
            var name = c.GetProperty("name");
            var common = name.GetProperty("common").GetString()!;
            var official = name.GetProperty("official").GetString()!;
            var names = new List<string> { common, official };
            if (c.TryGetProperty("altSpellings", out var alts))
            {
                foreach (var a in alts.EnumerateArray())
                {
                    var s = a.GetString();
                    // "Iran, Islamic Republic of" is an index form, not something an article writes.
                    if (s is { Length: >= 2 } && !s.Contains(',', StringComparison.Ordinal))
                        names.Add(s);
                }
            }
            int of = official.IndexOf(" of ", StringComparison.Ordinal);
            if (of > 0)
            {
                var tail = official[(of + 4)..];
                if (tail.StartsWith("the ", StringComparison.Ordinal))
                    tail = tail[4..];
                names.Add(tail);
            }
            var capitals = new List<string>();
            if (c.TryGetProperty("capital", out var caps))
            {
                foreach (var cap in caps.EnumerateArray())
                {
                    var s = cap.GetString();
                    if (string.IsNullOrWhiteSpace(s))
                        continue;
                    capitals.Add(s);
                    // "Washington D.C." is written "Washington" as often as not.
                    var words = s.Split(' ');
                    if (words.Length > 1 && words[^1].Contains('.', StringComparison.Ordinal))
                        capitals.Add(string.Join(' ', words[..^1]));
                }
            }
            var demonyms = new List<string>();
            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
            {
                foreach (var form in eng.EnumerateObject())
                {
                    if (form.Value.GetString() is { Length: > 0 } d && !demonyms.Contains(d))
                        demonyms.Add(d);
                }
            }
            names = [.. names.Distinct(StringComparer.Ordinal)];
            foreach (var n in names)
            {
                var key = NameKeys.Exact(n);
                if (!claims.TryGetValue(key, out var set))
                    claims[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(code);
            }
            countries.Add((code, common, names, capitals, demonyms));
        }
        countries.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        // A territory shares its state's demonym ("American" for the Northern Mariana Islands): the word is the state's.
        var ofStates = countries.Where(c => independent.Contains(c.Code)).SelectMany(c => c.Demonyms).ToHashSet(StringComparer.Ordinal);
        foreach (var c in countries.Where(c => !independent.Contains(c.Code)))
            c.Demonyms.RemoveAll(ofStates.Contains);
        output.WriteLine("# cca3\tcommon name\tnames\tcapitals\tdemonyms  (built by `sitrep train countries` from world-countries 5.1.0, mledoze/countries, ODbL 1.0)");
        foreach (var (code, common, names, capitals, demonyms) in countries)
        {
            var kept = names.Where(n => n == common || claims[NameKeys.Exact(n)].Count == 1);
            output.WriteLine($"{code}\t{common}\t{string.Join('|', kept)}\t{string.Join('|', capitals)}\t{string.Join('|', demonyms)}");
        }
        return countries.Count;
    }
}
