using Sitrep.Tests.TestSupport;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

/// <summary>
/// The shortcuts of the temporal tagger find what the plain searches would: all trigger sets found in one
/// pass give the positions each set's own search gives, and the cheap part a pattern is pre-checked with
/// (its core) is held by every match of the pattern, so no window that has a match is skipped.
/// </summary>
public sealed class TriggersTests
{
    /// <summary>Invented lines with the words of every set, in several cases, inside and after other words and characters.</summary>
    private const string Invented = """
        On Monday, March 3, 2021, at 9:30 a.m. EST the ministry met for two hours; a 44-year-old man waited 3 DAYS.
        "Today's talks," said Ana Mayer (Mayor of Dravno), "follow the 1990s, the '80s and the 2000’s." Thanksgiving week,
        New Year's Eve, Eid al-Fitr, Ramadan and Nowruz fell in the fall of 2020; Q1 and 2H profits rose twice a year.
        Éric ſecond ıt Ünal wrote at noon, midnight and five o'clock in the morning; per day, every week, once a month.
        Sept. 11, 2001; 11 and 14 March; mid-2019; the past few years; a decade-long, centuries-old, millennia ago.
        Earlier this week, the past year and the end of last month beat next quarter; it was up this year as last. In the
        coming months, for years, the next few decades ahead, in recent weeks and several minutes, then the fiscal year.
        The next day, that week, the same morning and the day before; later in the day and in the evening. At 1400 GMT,
        10.30pm, 7 AM and 0900 hours local time, fiscal 1990, in 1998-99 and the end of 2019, 40 percent of 2,000 voters.
        AMID THE MARKET DECISION, SEPARATE OCTOPI MAY SUNBATHE:NOW,LATE,PAST-FUTURE 12:00 13h 1h 24/7 1/2/2020
        """;

    private static IEnumerable<string> Texts() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.txt").Select(File.ReadAllText).Prepend(Invented).Append("").Append("a").Append(":");

    [Fact]
    public void One_pass_finds_every_set_where_its_own_search_does()
    {
        int found = 0;
        foreach (var text in Texts())
        {
            var all = Triggers.FindAll(text);
            Assert.Equal(Triggers.Count, Triggers.Sets.Count);
            foreach (var set in Triggers.Sets)
            {
                Assert.Equal(set.Find(text), all[set.Id]);
                found += all[set.Id].Count;
            }
        }
        // Equal to the searches on texts where they find something, not only on texts where nothing is found.
        Assert.True(found > 100, $"{found} trigger positions");
    }

    [Fact]
    public void Every_match_of_a_pattern_holds_its_core()
    {
        int checkedMatches = 0;
        foreach (var text in Texts())
        {
            foreach (var pattern in TimexRecognizer.Patterns)
            {
                if (pattern.Core is not { } core)
                    continue;
                foreach (System.Text.RegularExpressions.Match m in pattern.Regex.Matches(text))
                {
                    // With the words a lookbehind of the pattern reads ("this year as last": "last").
                    int from = Math.Max(0, m.Index - 40);
                    Assert.True(core.IsMatch(text.AsSpan(from, m.Index + m.Length - from)), $"{pattern.Name}: '{m.Value}' lacks its core");
                    checkedMatches++;
                }
            }
        }
        Assert.True(checkedMatches > 20);
    }

    [Fact]
    public void The_cores_skip_no_time()
    {
        var plain = TimexRecognizer.Patterns.Select(p => p with { Core = null }).ToList();
        int times = 0;
        foreach (var text in Texts().SelectMany(t => t.Split('\n').Prepend(t)))
        {
            var tokens = Sitrep.Text.Tokenizer.Tokenize(text);
            var sentences = Sitrep.Text.SentenceSplitter.Split(text, tokens);
            var withCores = TimeExpressions.Find(text, tokens, sentences, "2021-03-03", null, null, TimexRecognizer.Patterns);
            var without = TimeExpressions.Find(text, tokens, sentences, "2021-03-03", null, null, plain);
            Assert.Equal(without, withCores);
            times += withCores.Count;
        }
        Assert.True(times > 20, $"{times} times found");
    }

    [Theory]
    [InlineData("The market may decide in May.", "May")]
    [InlineData("Among Americans, 40 percent agreed.", null)]
    [InlineData("They met at 9 a.m. in America.", "9 a.m.")]
    [InlineData("The talks lasted two full days, and the 44-year-old left three years ago.", "two full days")]
    public void A_window_without_the_core_finds_nothing_and_one_with_it_finds_the_time(string text, string? expected)
    {
        var found = TimeExpressions.Find(text, "2021-03-03").Select(t => t.Text(text)).ToList();
        if (expected is null)
            Assert.Empty(found);
        else
            Assert.Contains(expected, found);
    }
}
