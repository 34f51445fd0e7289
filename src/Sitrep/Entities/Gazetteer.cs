using System.Globalization;
using System.Text.Json;
using Sitrep.Text;

namespace Sitrep.Entities;

/// <summary>
/// Name lists as hashed phrases (lower-cased tokens joined by one space): countries, cities and
/// capitals, demonyms. Built from ../shared/data/geo at training time and stored inside the model, so
/// tagging needs no data files and the model is reproducible from its sources. Only phrases that start
/// with a capital letter in the text are looked up, because "nice", "split" and "bath" are towns too.
/// </summary>
public sealed class Gazetteer
{
    public const byte Country = 1;
    public const byte City = 2;
    public const byte Demonym = 4;
    public const byte Organisation = 8;
    public const byte Person = 0x40;
    private const int MaxWords = 5;

    private readonly UIntMap _phrases;

    private Gazetteer(UIntMap phrases) => _phrases = phrases;

    public static Gazetteer Empty { get; } = new(UIntMap.Empty);

    public int Count => _phrases.Count;

    public static Gazetteer FromNames(IEnumerable<(string Name, byte Kind)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var phrases = new Dictionary<uint, uint>();
        foreach (var (name, kind) in names)
        {
            if (name.Length < 3)
                continue; // two-letter codes ("AW") match far more than places
            var tokens = Tokenizer.Tokenize(name);
            if (tokens.Length is 0 or > MaxWords)
                continue;
            uint key = PhraseHash(name, tokens);
            phrases[key] = (byte)(phrases.GetValueOrDefault(key) | kind);
        }
        return new Gazetteer(new UIntMap(phrases));
    }

    /// <summary>
    /// Countries (common and official names, alternative spellings), capitals and demonyms from
    /// countries.json, and every place of at least <paramref name="minPopulation"/> from cities.tsv.
    /// </summary>
    public static Gazetteer LoadGeo(string geoDirectory, int minPopulation = 20_000, string? actorsDirectory = null)
    {
        var names = new List<(string, byte)>();
        if (actorsDirectory is not null)
            names.AddRange(LoadActors(actorsDirectory));
        using (var stream = File.OpenRead(Path.Combine(geoDirectory, "countries.json")))
        using (var doc = JsonDocument.Parse(stream))
        {
            foreach (var country in doc.RootElement.EnumerateArray())
            {
                if (country.TryGetProperty("name", out var name))
                {
                    AddString(names, name, "common", Country);
                    AddString(names, name, "official", Country);
                }
                AddArray(names, country, "altSpellings", Country);
                AddArray(names, country, "capital", City);
                if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var eng))
                {
                    AddString(names, eng, "m", Demonym);
                    AddString(names, eng, "f", Demonym);
                }
            }
        }
        foreach (var line in File.ReadLines(Path.Combine(geoDirectory, "cities.tsv")).Skip(1))
        {
            var cols = line.Split('\t');
            if (cols.Length > 5 && int.TryParse(cols[5], NumberStyles.Integer, CultureInfo.InvariantCulture, out int population) && population >= minPopulation)
                names.Add((cols[0], City));
        }
        return FromNames(names);
    }

    /// <summary>
    /// Marks each token with the kinds of the longest listed phrase covering it: the kind bits, plus
    /// 0x10 on a phrase's first token and 0x20 on the others.
    /// </summary>
    public void Annotate(string text, ReadOnlySpan<Token> tokens, Span<byte> codes)
    {
        codes.Clear();
        if (_phrases.Count == 0)
            return;
        Span<uint> hashes = stackalloc uint[MaxWords];
        for (int i = 0; i < tokens.Length;)
        {
            var first = tokens[i].Span(text);
            if (first.Length == 0 || !char.IsUpper(first[0]))
            {
                i++;
                continue;
            }
            // The hashes of the phrases of one to MaxWords words from here, their look-ups asked for
            // together before they are made (each a likely cache miss), then made in the same order.
            uint h = FeatureHash.Seed;
            int count = 0;
            for (int j = i; j < tokens.Length && j - i < MaxWords; j++)
            {
                if (j > i)
                    h = FeatureHash.Step(h, ' ');
                foreach (char c in tokens[j].Span(text))
                    h = FeatureHash.Step(h, FeatureHash.Lower(c));
                hashes[count++] = h;
                _phrases.Prefetch(h);
            }
            int best = 0;
            byte kind = 0;
            for (int j = 0; j < count; j++)
            {
                if (_phrases.TryGetValue(hashes[j], out uint k))
                {
                    best = j + 1;
                    kind = (byte)k;
                }
            }
            if (best == 0)
            {
                i++;
                continue;
            }
            codes[i] = (byte)(kind | 0x10);
            for (int j = i + 1; j < i + best; j++)
                codes[j] = (byte)(kind | 0x20);
            i += best;
        }
    }

    /// <summary>
    /// Organisations and people from the Phoenix/PETRARCH2 actor dictionaries: every phrase of
    /// Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (IGOs, NGOs, companies,
    /// militias) as an organisation, except entries coded with date ranges, which are office holders
    /// (people); from Phoenix.Countries.actors.txt only those people.
    /// </summary>
    public static List<(string Name, byte Kind)> LoadActors(string actorsDirectory)
    {
        var names = new List<(string, byte)>();
        foreach (var (file, organisations) in new[] { ("Phoenix.International.actors.txt", true), ("Phoenix.MilNonState.actors.txt", true), ("Phoenix.Countries.actors.txt", false) })
        {
            var path = Path.Combine(actorsDirectory, file);
            if (!File.Exists(path))
                continue;
            var block = new List<string>();
            bool dated = false;
            void Flush()
            {
                if (dated || organisations)
                {
                    foreach (var phrase in block)
                        names.Add((phrase, dated ? Person : Organisation));
                }
                block.Clear();
                dated = false;
            }
            foreach (var raw in File.ReadLines(path))
            {
                int hash = raw.IndexOf('#', StringComparison.Ordinal);
                var line = hash >= 0 ? raw[..hash] : raw;
                if (line.Trim().Length == 0)
                    continue;
                if (char.IsWhiteSpace(line[0]))
                {
                    if (line.TrimStart().StartsWith('[') && line.Contains('-', StringComparison.Ordinal))
                        dated = true;
                    continue;
                }
                bool synonym = line[0] == '+';
                if (!synonym)
                    Flush();
                int bracket = line.IndexOf('[', StringComparison.Ordinal);
                if (bracket >= 0 && line.IndexOf(']', bracket) > bracket && line[bracket..].Contains('-', StringComparison.Ordinal))
                    dated = true;
                var phrase = (bracket >= 0 ? line[..bracket] : line).TrimStart('+');
                if (phrase.IndexOfAny(['&', '!', '{', '}', '<', '>', '=']) >= 0)
                    continue;
                phrase = System.Text.RegularExpressions.Regex.Replace(phrase, @"\([^)]*\)", " ").Replace('_', ' ').Trim();
                if (phrase.Length >= 3)
                    block.Add(phrase);
            }
            Flush();
        }
        return names;
    }

    internal void Write(BinaryWriter writer)
    {
        var keys = _phrases.SortedKeys();
        writer.Write(keys.Length);
        uint previous = 0;
        foreach (uint key in keys)
        {
            writer.Write7BitEncodedInt((int)(key - previous));
            writer.Write((byte)_phrases[key]);
            previous = key;
        }
    }

    internal static Gazetteer Read(BinaryReader reader)
    {
        int n = reader.ReadInt32();
        var phrases = new Dictionary<uint, uint>(n);
        uint key = 0;
        for (int i = 0; i < n; i++)
        {
            key += (uint)reader.Read7BitEncodedInt();
            phrases[key] = reader.ReadByte();
        }
        return new Gazetteer(new UIntMap(phrases));
    }

    private static uint PhraseHash(string text, Token[] tokens)
    {
        uint h = FeatureHash.Seed;
        for (int j = 0; j < tokens.Length; j++)
        {
            if (j > 0)
                h = FeatureHash.Step(h, ' ');
            foreach (char c in tokens[j].Span(text))
                h = FeatureHash.Step(h, char.ToLowerInvariant(c));
        }
        return h;
    }

    private static void AddString(List<(string, byte)> names, JsonElement parent, string property, byte kind)
    {
        if (parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } s)
            names.Add((s, kind));
    }

    private static void AddArray(List<(string, byte)> names, JsonElement parent, string property, byte kind)
    {
        if (!parent.TryGetProperty(property, out var array) || array.ValueKind != JsonValueKind.Array)
            return;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s)
                names.Add((s, kind));
        }
    }
}
