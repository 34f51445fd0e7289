using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace Sitrep.Lexicons;

/// <summary>
/// One open-class word list of <c>resources/lexicons/NAME.tsv</c>, embedded in the engine: titles and
/// ranks, organisation head nouns, publisher and facility nouns, verbs that take actors, outlets. A file
/// opens with one comment line that says what the list is for and where its words come from; then one
/// entry a line, optionally followed by a tab and comma-separated tags that say how the entry is used
/// ("president	title,noun"). Entries compare without regard to case. Loaded once and frozen; the
/// SHA-256 of the file's bytes goes into the version of every stage that reads it
/// (<see cref="Pipeline.StageVersion.Of"/>), so editing a list marks the documents it shaped as behind.
/// Closed, structural tables (articles, prepositions, months, HTML tags) stay in code.
/// </summary>
public sealed class Lexicon
{
    private static readonly ConcurrentDictionary<string, Lexicon> Loaded = new(StringComparer.Ordinal);

    // Stage versions name the lists' hashes and every command reads them; hashing the bytes spares a
    // command that runs no stage the parsing and freezing of the lists.
    private static readonly ConcurrentDictionary<string, string> HashedOnly = new(StringComparer.Ordinal);

    private readonly FrozenSet<string> _entries;
    private readonly FrozenDictionary<string, FrozenSet<string>> _tagged;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _spans;
    private PhraseSet? _phrases;

    private Lexicon(string name, string purpose, string hash, IReadOnlyList<LexiconEntry> entries)
    {
        Name = name;
        Purpose = purpose;
        Hash = hash;
        Entries = entries;
        _entries = entries.Select(e => e.Text).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _spans = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _tagged = entries.SelectMany(e => e.Tags.Select(t => (Tag: t, e.Text)))
            .GroupBy(x => x.Tag, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Text).ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
    }

    /// <summary>The file's name without extension ("titles").</summary>
    public string Name { get; }

    /// <summary>The opening comment: what the list is for and its source.</summary>
    public string Purpose { get; }

    /// <summary>The SHA-256 of the file's bytes, in hex: part of the versions of the stages that read it.</summary>
    public string Hash { get; }

    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>Every entry, case-insensitive.</summary>
    public FrozenSet<string> All => _entries;

    public bool Contains(string word) => word is not null && _entries.Contains(word);

    public bool Contains(ReadOnlySpan<char> word) => _spans.Contains(word);

    /// <summary>The entries carrying <paramref name="tag"/>, case-insensitive (empty when none does).</summary>
    public FrozenSet<string> Tagged(string tag) => _tagged.GetValueOrDefault(tag) ?? FrozenSet<string>.Empty;

    /// <summary>The entries as phrases of words, for matching in running text (<see cref="PhraseSet"/>).</summary>
    public PhraseSet Phrases => _phrases ??= new PhraseSet(Entries.Select(e => e.Text));

    /// <summary>The phrases of the entries carrying <paramref name="tag"/>.</summary>
    public PhraseSet PhrasesTagged(string tag) => new(Entries.Where(e => e.Tags.Contains(tag, StringComparer.Ordinal)).Select(e => e.Text));

    /// <summary>The shipped list <c>resources/lexicons/<paramref name="name"/>.tsv</c>, loaded on first use.</summary>
    public static Lexicon Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Loaded.GetOrAdd(name, LoadEmbedded);
    }

    /// <summary>The hashes of the shipped lists named, for <see cref="Pipeline.StageVersion.Of"/>.</summary>
    public static string[] Hashes(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Array.ConvertAll(names, HashOf);
    }

    /// <summary>The hash of the shipped list <paramref name="name"/> (the SHA-256 of its bytes, as <see cref="Hash"/>), without loading it.</summary>
    internal static string HashOf(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Loaded.TryGetValue(name, out var loaded))
            return loaded.Hash;
        return HashedOnly.GetOrAdd(name, n =>
        {
            using var buffer = ReadEmbedded(n);
            return Pipeline.StageVersion.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
    }

    /// <summary>Reads a list from its bytes (UTF-8); throws when the opening comment is missing or an entry is empty.</summary>
    public static Lexicon Parse(string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var hash = Pipeline.StageVersion.Hash(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith('#'))
            throw new InvalidDataException($"lexicon {name}: the first line must be a comment saying what the list is for and where it comes from");
        var purpose = lines[0].TrimStart('#').Trim();
        var entries = new List<LexiconEntry>();
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#')
                continue;
            var fields = line.Split('\t');
            var entry = fields[0].Trim();
            if (entry.Length == 0)
                throw new InvalidDataException($"lexicon {name}, line {i + 1}: an empty entry");
            var tags = fields.Length > 1
                ? fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            entries.Add(new LexiconEntry(entry, tags, fields.Length > 2 ? fields[2..] : []));
        }
        return new Lexicon(name, purpose, hash, entries);
    }

    private static Lexicon LoadEmbedded(string name)
    {
        using var buffer = ReadEmbedded(name);
        return Parse(name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static MemoryStream ReadEmbedded(string name)
    {
        var resource = "Sitrep.Lexicons." + name + ".tsv";
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the lexicon {name} (resources/lexicons/{name}.tsv) is not in this build");
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer;
    }
}

/// <summary>One line of a lexicon: the entry, its tags, and any further columns.</summary>
public sealed record LexiconEntry(string Text, IReadOnlyList<string> Tags, IReadOnlyList<string> Columns);
