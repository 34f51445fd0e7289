using System.Collections.Frozen;
using System.Text;
using Sitrep.Entities.Resolution;

namespace Sitrep.Entities.Actors;

/// <summary>What the actor dictionaries say of a name: its type, country (ISO 3166 alpha-3), sector, and the alias group it shares with other names on evidence.</summary>
public sealed record ActorInfo(string Type, string? Country, string? Sector, string? Group);

/// <summary>
/// The actor tables of resources/actors, built by <see cref="ActorListBuilder"/> from the PETRARCH2
/// dictionaries: names with type, country, sector and alias group; first names; nouns for kinds of
/// actors with their sector. Loaded once; their hashes are part of the versions of the stages that read them.
/// </summary>
public sealed class ActorTable
{
    private readonly FrozenDictionary<string, ActorInfo> _names;
    private readonly FrozenDictionary<string, ActorInfo>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;
    private readonly bool _hasSpanLookup;
    private readonly FrozenSet<string> _givenNames;
    private readonly FrozenDictionary<string, string> _agentNouns;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nounLookup;
    private readonly bool _hasNounLookup;

    private ActorTable(FrozenDictionary<string, ActorInfo> names, FrozenSet<string> givenNames, FrozenDictionary<string, string> agentNouns, string hash)
    {
        _names = names;
        _hasSpanLookup = names.TryGetAlternateLookup(out _spanLookup);
        _givenNames = givenNames;
        _agentNouns = agentNouns;
        _hasNounLookup = agentNouns.TryGetAlternateLookup(out _nounLookup);
        Hash = hash;
    }

    public static ActorTable Default => LazyDefault.Value;

    private static readonly Lazy<ActorTable> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The <see cref="Hash"/> of <see cref="Default"/> without parsing the tables: every command reads the stage versions, few tag.</summary>
    internal static string DefaultHash => LazyDefault.IsValueCreated ? LazyDefault.Value.Hash : LazyDefaultHash.Value;

    private static readonly Lazy<string> LazyDefaultHash = new(() => HashOf(ReadEmbedded("actors.tsv"), ReadEmbedded("given-names.tsv"), ReadEmbedded("agent-nouns.tsv")), LazyThreadSafetyMode.ExecutionAndPublication);

    public static ActorTable Empty { get; } = new(FrozenDictionary<string, ActorInfo>.Empty, FrozenSet<string>.Empty, FrozenDictionary<string, string>.Empty, "");

    /// <summary>The SHA-256 of the three tables' bytes: part of the versions of the stages that read them.</summary>
    public string Hash { get; }

    public int Count => _names.Count;

    /// <summary>What the dictionaries say of a name (compared as <see cref="NameKeys.Exact"/>), or null.</summary>
    public ActorInfo? Of(string name) => _names.GetValueOrDefault(NameKeys.Exact(name));

    /// <summary>
    /// <see cref="Of(string)"/> of a stretch of text, without making a string of it or of its key where
    /// the key can be written on the stack (<see cref="NameKeys.TryExact"/>): the entity stage asks this
    /// for every run of capitalised words.
    /// </summary>
    internal ActorInfo? Of(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[Math.Min(name.Length, 256)];
        if (_hasSpanLookup && NameKeys.TryExact(name, key, out int written))
            return _spanLookup.TryGetValue(key[..written], out var info) ? info : null;
        return Of(name.ToString());
    }

    /// <summary>The exact keys of every name the dictionaries list.</summary>
    internal IEnumerable<string> Keys => _names.Keys;

    /// <summary>What the dictionaries say of an exact key, or null.</summary>
    public ActorInfo? OfKey(string exactKey) => _names.GetValueOrDefault(exactKey);

    /// <summary>Whether a word (any case) is a first name of office holders.</summary>
    public bool IsGivenName(string word) => _givenNames.Contains(word.ToLowerInvariant());

    /// <summary>The sector a noun for a kind of actor gives ("militia" → militia, "armed group" → militia), or null.</summary>
    public string? SectorOfNoun(string noun) => _agentNouns.GetValueOrDefault(noun.ToLowerInvariant());

    /// <summary><see cref="SectorOfNoun"/> of a noun already lower-cased (invariant), without making a string of it.</summary>
    internal string? SectorOfLowerNoun(ReadOnlySpan<char> lowerNoun) =>
        _hasNounLookup ? (_nounLookup.TryGetValue(lowerNoun, out var sector) ? sector : null) : SectorOfNoun(lowerNoun.ToString());

    public static ActorTable Parse(string actors, string givenNames, string agentNouns)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(givenNames);
        ArgumentNullException.ThrowIfNull(agentNouns);
        var names = new Dictionary<string, ActorInfo>(StringComparer.Ordinal);
        foreach (var line in Lines(actors))
        {
            var f = line.Split('\t');
            if (f.Length < 5)
                continue;
            names.TryAdd(f[0], new ActorInfo(f[1], Null(f[2]), Null(f[3]), Null(f[4])));
        }
        var given = Lines(givenNames).Select(l => l.Trim()).Where(l => l.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        var nouns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(agentNouns))
        {
            var f = line.Split('\t');
            if (f.Length >= 2)
                nouns.TryAdd(f[0], f[1]);
        }
        return new ActorTable(names.ToFrozenDictionary(StringComparer.Ordinal), given, nouns.ToFrozenDictionary(StringComparer.Ordinal), HashOf(actors, givenNames, agentNouns));
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.TrimEnd('\r'));

    private static string HashOf(string actors, string givenNames, string agentNouns) =>
        Pipeline.StageVersion.Hash(Encoding.UTF8.GetBytes(actors + "\u0000" + givenNames + "\u0000" + agentNouns));

    private static ActorTable LoadEmbedded() => Parse(ReadEmbedded("actors.tsv"), ReadEmbedded("given-names.tsv"), ReadEmbedded("agent-nouns.tsv"));

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(ActorTable).Assembly.GetManifestResourceStream("Sitrep.Actors." + name);
        if (stream is null)
            return "";
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
