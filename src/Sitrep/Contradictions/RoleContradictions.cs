using System.Text.RegularExpressions;
using Sitrep.Lexicons;

namespace Sitrep.Contradictions;

/// <summary>
/// A single-holder office given to two people: "caretaker Prime Minister A" in one article, "caretaker
/// prime minister B" in another of the same story, within <see cref="SameTimeDays"/> days. The office
/// (<c>single-holder-offices</c>) stands right before the name, with its qualifier; the country is the
/// one the title's own words name ("Iraq's", "Iraqi"), else the person's nationality, else the country
/// the sentence names before the title; an office whose country is unknown is compared with none.
/// Only present holders are compared: a temporary one ("caretaker", "acting", "interim") or one said to
/// be current ("incumbent", "sitting"); a bare title says nothing of the time, since news English calls
/// former presidents "President Obama". Qualifiers must agree (two caretakers); "former", "then-",
/// "deputy", "designate" and the like (<c>role-qualifiers</c>) are another time or another office.
/// </summary>
internal static partial class RoleContradictions
{
    private static readonly Lexicon Offices = Lexicon.Get("single-holder-offices");
    private static readonly Lexicon Qualifiers = Lexicon.Get("role-qualifiers");

    /// <summary>Two articles further apart than this may name two holders in turn.</summary>
    private const int SameTimeDays = 31;

    private static readonly Lazy<Regex> Title = new(() => new Regex(
        @"(?<qualifiers>(?:(?:[\p{L}\-]+)[\s\-]+){0,3}?)(?<office>" + string.Join("|", Offices.Entries.Select(e => e.Text).OrderByDescending(t => t.Length).Select(t => Regex.Escape(t).Replace("\\ ", "\\s+", StringComparison.Ordinal))) + @")(?<after>-(?:designate|elect))?\s+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(RegexTimeouts.Milliseconds)));

    /// <summary>
    /// The last word of every office, lowercase, or null when one is not ASCII. <see cref="Title"/> can
    /// match only words ending in one of them, with what follows the office ("-elect") and spaces: the
    /// quick test spares the regex most names (it tried every start in the 80 characters before each).
    /// </summary>
    private static readonly Lazy<string[]?> OfficeEnds = new(() =>
    {
        var ends = Offices.Entries.Select(e => e.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        return ends.All(e => e.Length > 0 && e.All(char.IsAscii)) ? ends : null;
    });

    [GeneratedRegex(@"[\p{L}\-]+", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex Word();

    public static IEnumerable<Contradiction> Find(IReadOnlyList<StoryText> documents)
    {
        var holders = documents.SelectMany(Holders).ToList();
        foreach (var office in holders.GroupBy(h => (h.Office, h.Country, h.Interim)))
        {
            var people = office.GroupBy(h => h.Person, StringComparer.Ordinal).ToList();
            if (people.Count < 2)
                continue;
            // Pairs of different people in different documents within the same weeks.
            var sides = new List<Holder>();
            foreach (var a in office)
            {
                if (office.Any(b => b.Person != a.Person && b.Document.Id != a.Document.Id && Close(a, b)))
                    sides.Add(a);
            }
            var chosen = sides.GroupBy(h => (h.Document.Id, h.Person)).Select(g => g.First()).ToList();
            if (chosen.Select(h => h.Person).Distinct(StringComparer.Ordinal).Count() < 2)
                continue;
            var first = office.First();
            yield return new Contradiction(
                ContradictionKind.Role,
                $"who was the {(first.Qualifier == "current" ? "" : first.Qualifier + " ")}{first.Office} ({first.Country.Replace("country:", "", StringComparison.Ordinal)})",
                [.. chosen.Select(h => new ContradictionSide(h.Document.Id, h.Start, h.End, h.Document.Text[h.Start..h.End]))]);
        }
    }

    private static bool Close(Holder a, Holder b) =>
        a.Document.Published is not { } x || b.Document.Published is not { } y || Math.Abs(x.DayNumber - y.DayNumber) <= SameTimeDays;

    /// <summary>Each person named with a single-holder office right before the name.</summary>
    internal static IEnumerable<Holder> Holders(StoryText d)
    {
        var text = d.Text;
        foreach (var m in d.Mentions)
        {
            if (m.Type != "PERSON" || d.Key(m.Entity) is not { } person)
                continue;
            var (sentenceStart, _) = d.Sentence(m.Start);
            int from = Math.Max(sentenceStart, m.Start - 80);
            if (!MayEndWithOffice(text.AsSpan(from, m.Start - from)))
                continue;
            var before = text[from..m.Start];
            var match = Title.Value.Match(before);
            if (!match.Success)
                continue;
            var office = Canonical(match.Groups["office"].Value);
            if (match.Groups["after"].Success)
                continue;
            // The qualifier is the last qualifier word before the office; any "other" one rules the title out.
            string? qualifier = null;
            bool other = false;
            int start = from + match.Groups["office"].Index;
            var words = Word().Matches(match.Groups["qualifiers"].Value).Select(w => (w.Value, Index: from + match.Groups["qualifiers"].Index + w.Index)).ToList();
            for (int i = words.Count - 1; i >= 0; i--)
            {
                var w = words[i].Value.Trim('-');
                if (Qualifiers.Tagged("other").Contains(w) || (w.EndsWith("-designate", StringComparison.OrdinalIgnoreCase)))
                {
                    other = true;
                    break;
                }
                if (Qualifiers.Tagged("interim").Contains(w) || Qualifiers.Tagged("current").Contains(w))
                {
                    qualifier ??= Qualifiers.Tagged("interim").Contains(w) ? w.ToLowerInvariant() : "current";
                    start = words[i].Index;
                    continue;
                }
                break;
            }
            // A bare title says nothing of the time ("President Obama" in 2020): only a present holder is compared.
            if (other || qualifier is null)
                continue;
            var country = TitleCountry(d, start) ?? d.Country(m.Entity) ?? SentenceCountry(d, sentenceStart, start);
            if (country is null)
                continue;
            yield return new Holder(d, person, office, country, qualifier != "current", qualifier, start, m.End);
        }
    }

    /// <summary>
    /// False only when <see cref="Title"/> cannot match: the words before the name do not end with spaces
    /// after a word of ASCII letters that ends with an office's last word (then "-designate" or
    /// "-elect"). Anything else (a word with other letters, whose case the regex folds its own way) is
    /// left to the regex.
    /// </summary>
    private static bool MayEndWithOffice(ReadOnlySpan<char> before)
    {
        if (OfficeEnds.Value is not { } ends)
            return true;
        int end = before.Length;
        while (end > 0 && char.IsWhiteSpace(before[end - 1]))
            end--;
        if (end == before.Length)
            return false;
        int start = end;
        while (start > 0 && !char.IsWhiteSpace(before[start - 1]))
            start--;
        var word = before[start..end];
        foreach (var c in word)
        {
            if (!char.IsAscii(c))
                return true;
        }
        foreach (var suffix in (ReadOnlySpan<string>)["-designate", "-elect"])
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && EndsWithAny(word[..^suffix.Length], ends))
                return true;
        }
        return EndsWithAny(word, ends);
    }

    private static bool EndsWithAny(ReadOnlySpan<char> word, string[] ends)
    {
        foreach (var e in ends)
        {
            if (word.EndsWith(e, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>"prime minister", "Prime  Minister" → "prime minister".</summary>
    private static string Canonical(string office) => string.Join(' ', office.ToLowerInvariant().Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The country named right before the title's first word ("Iraq's caretaker prime minister", "Iraqi acting President").</summary>
    private static string? TitleCountry(StoryText d, int titleStart)
    {
        foreach (var m in d.Mentions)
        {
            if (m.End > titleStart || m.End < titleStart - 4 || d.Type(m.Entity) is not ("GPE" or "LOC"))
                continue;
            if (TitleGap().IsMatch(d.Text[m.End..titleStart]))
                return d.Country(m.Entity) ?? d.Key(m.Entity);
        }
        return null;
    }

    [GeneratedRegex(@"^(?:'s|’s|')?\s*$", RegexOptions.CultureInvariant, RegexTimeouts.Milliseconds)]
    private static partial Regex TitleGap();

    /// <summary>The country named last in the sentence before the title, when the sentence names one.</summary>
    private static string? SentenceCountry(StoryText d, int sentenceStart, int titleStart)
    {
        string? found = null;
        foreach (var m in d.Mentions)
        {
            if (m.Start >= sentenceStart && m.End <= titleStart && d.Type(m.Entity) == "GPE")
                found = d.Country(m.Entity) ?? d.Key(m.Entity) ?? found;
        }
        return found;
    }

    internal sealed record Holder(StoryText Document, string Person, string Office, string Country, bool Interim, string Qualifier, int Start, int End);
}
