namespace Sitrep.Entities;

/// <summary>
/// Writes sentences back with one more column, the prediction, so score_ner.py (which reads the last
/// column as predicted and the one before as gold) can score the file.
/// </summary>
public static class ConllWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<ConllSentence> sentences, IReadOnlyList<string[]> predicted)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(predicted);
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            if (sentence.StartsDocument)
                writer.Write("-DOCSTART- -X- -X- O O\n\n");
            for (int i = 0; i < sentence.Lines.Length; i++)
            {
                writer.Write(sentence.Lines[i].TrimEnd());
                writer.Write(' ');
                writer.Write(predicted[s][i]);
                writer.Write('\n');
            }
            writer.Write('\n');
        }
    }
}
