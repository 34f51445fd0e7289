namespace Sitrep.Entities;

/// <summary>
/// Reads CoNLL-format files: one token a line, columns split on whitespace, blank lines between
/// sentences and <c>-DOCSTART-</c> lines between documents (the convention score_ner.py follows too).
/// </summary>
public static class ConllReader
{
    /// <summary>Reads sentences; <paramref name="tagColumn"/> counts from 0, negative from the end (-1 = last).</summary>
    public static List<ConllSentence> Read(TextReader reader, int tagColumn = -1)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConllSentence>();
        var lines = new List<string>();
        var words = new List<string>();
        var tags = new List<string>();
        bool docStart = true;
        void Flush()
        {
            if (words.Count == 0)
                return;
            sentences.Add(new ConllSentence([.. lines], [.. words], [.. tags], docStart));
            docStart = false;
            lines.Clear();
            words.Clear();
            tags.Clear();
        }
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                docStart = true;
                continue;
            }
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }
            var cols = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            int col = tagColumn < 0 ? cols.Length + tagColumn : tagColumn;
            lines.Add(line);
            words.Add(cols[0]);
            tags.Add(col >= 1 && col < cols.Length ? cols[col] : "O");
        }
        Flush();
        return sentences;
    }

    /// <summary>Groups sentences into documents at each <see cref="ConllSentence.StartsDocument"/>.</summary>
    public static List<List<ConllSentence>> Documents(IReadOnlyList<ConllSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var documents = new List<List<ConllSentence>>();
        foreach (var sentence in sentences)
        {
            if (sentence.StartsDocument || documents.Count == 0)
                documents.Add([]);
            documents[^1].Add(sentence);
        }
        return documents;
    }

    public static List<ConllSentence> ReadFile(string path, int tagColumn = -1)
    {
        using var reader = new StreamReader(path);
        return Read(reader, tagColumn);
    }
}
