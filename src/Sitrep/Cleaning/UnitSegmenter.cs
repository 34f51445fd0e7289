using Sitrep.Documents;

namespace Sitrep.Cleaning;

/// <summary>
/// Cuts a plain text into units: each non-empty line, except that the lines of a hard-wrapped
/// paragraph (an e-mail or a terminal copy broken at a fixed width) stay together.
/// </summary>
internal static class UnitSegmenter
{
    public static List<TextUnit> Segment(string raw)
    {
        var blocks = new List<List<TextRange>>();
        var current = new List<TextRange>();
        int i = 0;
        while (i <= raw.Length)
        {
            int end = i;
            while (end < raw.Length && !IsLineBreak(raw[end]))
                end++;
            var line = Trim(raw, i, end);
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }
            }
            else
            {
                current.Add(line);
            }
            if (end >= raw.Length)
                break;
            i = end + (raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? 2 : 1);
        }
        if (current.Count > 0)
            blocks.Add(current);

        var units = new List<TextUnit>();
        foreach (var block in blocks)
        {
            if (IsHardWrapped(raw, block))
            {
                units.Add(new TextUnit(units.Count, [.. block], string.Join(' ', block.Select(r => raw[r.Start..r.End])), true));
                continue;
            }
            for (int k = 0; k < block.Count; k++)
                units.Add(new TextUnit(units.Count, [block[k]], raw[block[k].Start..block[k].End], k == 0));
        }
        return units;
    }

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029';

    private static TextRange Trim(string raw, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(raw[start]))
            start++;
        while (end > start && char.IsWhiteSpace(raw[end - 1]))
            end--;
        return new TextRange(start, end);
    }

    /// <summary>
    /// Lines broken at a fixed width are long, of similar length, and mostly stop mid-sentence;
    /// a stack of headings or a caption under a title is none of these.
    /// </summary>
    private static bool IsHardWrapped(string raw, List<TextRange> block)
    {
        if (block.Count < 2)
            return false;
        int min = int.MaxValue, max = 0, open = 0;
        for (int k = 0; k < block.Count - 1; k++)
        {
            int len = block[k].Length;
            min = Math.Min(min, len);
            max = Math.Max(max, len);
            if (!TextShape.EndsSentence(block[k].Slice(raw)))
                open++;
        }
        if (min < 40 || max > 100 || max - min > 30 || open * 2 < block.Count - 1)
            return false;
        if (block.Count > 2)
            return true;
        // Two lines are a wrapped paragraph only if the second goes on the first's sentence:
        // a headline over a byline is two lines of the same width too.
        var second = block[1].Slice(raw);
        return block[0].Length >= 55 && (char.IsLower(second[0]) || (TextShape.EndsSentence(second) && TextShape.CountWords(second) >= 4));
    }
}
