using System.Collections.Frozen;
using System.Reflection;

namespace Sitrep.Entities.Resolution;

/// <summary>
/// Countries by every name an article uses for them, and their capitals: "US", "U.S.", "America" and
/// "United States" are one country; "Tehran" is Iran's capital. Read from the embedded
/// resources/geo/countries.tsv (see <see cref="CountryListBuilder"/>).
/// </summary>
public sealed class CountryTable
{
    private readonly FrozenDictionary<string, string> _byName;
    private readonly FrozenDictionary<string, string> _byCapital;
    private readonly FrozenDictionary<string, string> _common;
    private readonly FrozenSet<string> _demonyms;
    private readonly FrozenDictionary<string, string> _demonymOf;
    private readonly FrozenDictionary<string, string[]> _officialHeads;

    private CountryTable(Dictionary<string, string> byName, Dictionary<string, string> byCapital, Dictionary<string, string> common, HashSet<string> demonyms,
        Dictionary<string, string?> demonymOf, Dictionary<string, List<string>> officialHeads)
    {
        _demonyms = demonyms.ToFrozenSet(StringComparer.Ordinal);
        _demonymOf = demonymOf.Where(d => d.Value is not null).ToFrozenDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal);
        _officialHeads = officialHeads.ToFrozenDictionary(h => h.Key, h => h.Value.Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byCapital = byCapital.ToFrozenDictionary(StringComparer.Ordinal);
        _common = common.ToFrozenDictionary(StringComparer.Ordinal);
        _byNameSpans = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _demonymOfSpans = _demonymOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byNameSpans;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _demonymOfSpans;

    /// <summary>The longest word the span look-ups key on the stack; a longer one takes the string path.</summary>
    private const int MaxSpanKey = 64;

    private static readonly Lazy<CountryTable> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> LazyDefaultHash = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Entities.countries.tsv");
        using var reader = stream is null ? (TextReader)new StringReader("") : new StreamReader(stream);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        while (reader.ReadLine() is { } line)
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The table shipped with Sitrep (resources/geo/countries.tsv), loaded on first use.</summary>
    public static CountryTable Default => LazyDefault.Value;

    /// <summary>The <see cref="Hash"/> of <see cref="Default"/>, hashed as <see cref="Parse"/> hashes it, without parsing: every command reads the stage versions, few tag.</summary>
    internal static string DefaultHash => LazyDefault.IsValueCreated ? LazyDefault.Value.Hash : LazyDefaultHash.Value;

    public static CountryTable Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var byCapital = new Dictionary<string, string>(StringComparer.Ordinal);
        var common = new Dictionary<string, string>(StringComparer.Ordinal);
        var demonyms = new HashSet<string>(StringComparer.Ordinal);
        var demonymOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        var officialHeads = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        while (reader.ReadLine() is { } line)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(line + "\n"));
            if (line.Length == 0 || line[0] == '#')
                continue;
            var f = line.Split('\t');
            if (f.Length < 4)
                continue;
            common[f[0]] = f[1];
            foreach (var n in f[2].Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                byName.TryAdd(NameKeys.Exact(n), f[0]);
                // "Islamic Republic of Iran": "the Islamic Republic" names Iran where an article names no other Islamic republic.
                int of = n.IndexOf(" of ", StringComparison.Ordinal);
                if (of > 0 && NameKeys.Exact(n[..of]) is { } head && head.Contains(' ', StringComparison.Ordinal))
                {
                    if (!officialHeads.TryGetValue(head, out var codes))
                        officialHeads[head] = codes = [];
                    codes.Add(f[0]);
                }
            }
            foreach (var c in f[3].Split('|', StringSplitOptions.RemoveEmptyEntries))
                byCapital.TryAdd(NameKeys.Exact(c), f[0]);
            if (f.Length > 4)
            {
                foreach (var d in f[4].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    var key = NameKeys.Exact(d);
                    demonyms.Add(key);
                    // A demonym two countries share ("Congolese") names neither.
                    demonymOf[key] = demonymOf.TryGetValue(key, out var other) && other != f[0] ? null : f[0];
                }
            }
        }
        // A capital that is also a country's name ("Singapore", "Kuwait") is the country.
        foreach (var name in byName.Keys)
            byCapital.Remove(name);
        return new CountryTable(byName, byCapital, common, demonyms, demonymOf, officialHeads) { Hash = Convert.ToHexStringLower(hash.GetHashAndReset()) };
    }

    /// <summary>The country this name denotes ("U.S." → USA), or null.</summary>
    public string? CountryOf(string name) => _byName.GetValueOrDefault(NameKeys.Exact(name));

    /// <summary>
    /// <see cref="CountryOf(string)"/> of a stretch of text, keyed on the stack where <see cref="NameKeys.TryExact"/> can
    /// (the words around every mention are asked).
    /// </summary>
    internal string? CountryOf(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[MaxSpanKey];
        if (name.Length > MaxSpanKey || !NameKeys.TryExact(name, key, out int written))
            return CountryOf(name.ToString());
        return _byNameSpans.TryGetValue(key[..written], out var code) ? code : null;
    }

    /// <summary><see cref="CountryOf(string)"/> of a name's <see cref="NameKeys.Exact"/> key.</summary>
    internal string? CountryOfKey(string key) => _byName.GetValueOrDefault(key);

    /// <summary>The country whose capital this is ("Tehran" → IRN), or null.</summary>
    public string? CapitalOf(string name) => _byCapital.GetValueOrDefault(NameKeys.Exact(name));

    /// <summary><see cref="CapitalOf"/> of a name's <see cref="NameKeys.Exact"/> key.</summary>
    internal string? CapitalOfKey(string key) => _byCapital.GetValueOrDefault(key);

    /// <summary>Whether a (normalised) word is a country's demonym or a country's one-word name: "iraqi", "us".</summary>
    public bool IsNationality(string word) => _demonyms.Contains(word) || _byName.ContainsKey(word);

    /// <summary>The country a demonym ("Iraqi", "Iraqis") belongs to, or null when it is none or several countries'.</summary>
    public string? CountryOfDemonym(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return CountryOfDemonymKey(NameKeys.Exact(word));
    }

    /// <summary><see cref="CountryOfDemonym(string)"/> of a stretch of text, keyed on the stack where <see cref="NameKeys.TryExact"/> can.</summary>
    internal string? CountryOfDemonym(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[MaxSpanKey];
        if (word.Length > MaxSpanKey || !NameKeys.TryExact(word, buffer, out int written))
            return CountryOfDemonym(word.ToString());
        var key = buffer[..written];
        if (_demonymOfSpans.TryGetValue(key, out var code))
            return code;
        return key.Length > 3 && key.EndsWith('s') && _demonymOfSpans.TryGetValue(key[..^1], out code) ? code : null;
    }

    /// <summary><see cref="CountryOfDemonym(string)"/> of a word's <see cref="NameKeys.Exact"/> key.</summary>
    internal string? CountryOfDemonymKey(string key)
    {
        if (_demonymOf.TryGetValue(key, out var code))
            return code;
        return key.Length > 3 && key.EndsWith('s') && _demonymOf.TryGetValue(key[..^1], out code) ? code : null;
    }

    /// <summary>The countries whose official name opens with <paramref name="name"/> ("Islamic Republic" → IRN, PAK, …); empty for none.</summary>
    public IReadOnlyList<string> CountriesOfficiallyCalled(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return CountriesOfficiallyCalledKey(NameKeys.Exact(name));
    }

    /// <summary><see cref="CountriesOfficiallyCalled"/> of a name's <see cref="NameKeys.Exact"/> key.</summary>
    internal IReadOnlyList<string> CountriesOfficiallyCalledKey(string key) => _officialHeads.GetValueOrDefault(key) ?? [];

    /// <summary>The country's usual English name.</summary>
    public string CommonName(string code) => _common.GetValueOrDefault(code, code);

    /// <summary>The SHA-256 of the table's text: part of the versions of the stages that read it.</summary>
    public string Hash { get; private init; } = "";

    private static CountryTable LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Entities.countries.tsv");
        if (stream is null)
            return Parse(new StringReader(""));
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
