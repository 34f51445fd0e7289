using System.Reflection;

namespace Sitrep.Time;

/// <summary>The temporal tagger's word lists that are data, embedded from resources/lexicons.</summary>
internal static class Lexicons
{
    /// <summary>The SHA-256 of the embedded word lists: part of the times stage's version.</summary>
    public static string Hash { get; } = HashOf("Sitrep.Lexicons.time-not-a-year.tsv") + Sitrep.Lexicons.Lexicon.HashOf("tense-words")[..16]
        + Sitrep.Lexicons.Lexicon.HashOf("time-not-a-time")[..16];


    private static string HashOf(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the embedded lexicon {resource} is missing");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Pipeline.StageVersion.Hash(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
    }

    /// <summary>Words that make a four-digit number beside them a count or a label rather than a year.</summary>
    public static (HashSet<string> Before, HashSet<string> After) NotAYear()
    {
        var before = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var after = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Lexicons.time-not-a-year.tsv")
            ?? throw new InvalidOperationException("the embedded lexicon time-not-a-year.tsv is missing");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 2)
                throw new InvalidDataException($"time-not-a-year.tsv: not 'side<TAB>word': {line}");
            (parts[0] == "before" ? before : parts[0] == "after" ? after : throw new InvalidDataException($"time-not-a-year.tsv: unknown side '{parts[0]}'")).Add(parts[1]);
        }
        return (before, after);
    }
}
