using System.Reflection;
using System.Text.RegularExpressions;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// Article text is untrusted: every generated pattern in the product either cannot backtrack
/// (NonBacktracking) or gives up after a match timeout, so one hostile line costs a stage failure
/// on one document, never a hung batch. A pattern added without either fails here.
/// </summary>
public sealed class RegexSafetyTests
{
    private static readonly Assembly[] ProductAssemblies =
    [
        typeof(Features).Assembly,
        typeof(Sitrep.Storage.StoreFactory).Assembly,
        typeof(Sitrep.Cli.ExitCodes).Assembly,
    ];

    public static TheoryData<string> GeneratedPatterns()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in AllGenerated())
            data.Add(name);
        return data;
    }

    [Fact]
    public void The_product_has_generated_patterns_to_check()
    {
        // A reflection walk that finds nothing would make the theory below vacuous.
        Assert.True(AllGenerated().Count() > 50, "expected the product's generated regexes to be found");
    }

    [Theory]
    [MemberData(nameof(GeneratedPatterns))]
    public void Every_generated_pattern_is_non_backtracking_or_has_a_match_timeout(string name)
    {
        var regex = AllGenerated().Single(g => g.Name == name).Regex;
        bool safe = (regex.Options & RegexOptions.NonBacktracking) != 0 || regex.MatchTimeout != Regex.InfiniteMatchTimeout;
        Assert.True(safe, $"{name} ({regex}) can backtrack without limit on article text: add RegexOptions.NonBacktracking or a match timeout");
        if (regex.MatchTimeout != Regex.InfiniteMatchTimeout)
            Assert.InRange(regex.MatchTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 600_000)]
    public async Task Every_generated_pattern_survives_long_runs_of_what_its_quantifiers_repeat()
    {
        // Long runs of letters, capitalised words, spaces, digits with separators, dots and dashes,
        // and quote marks, each left without the closing token a pattern might wait for. A timeout
        // counts as no match (the stage notes it); anything else thrown is a defect.
        string[] runs =
        [
            new string('a', 4000) + "!",
            string.Concat(Enumerable.Repeat("Abc ", 1000)) + "1",
            new string(' ', 4000) + "x",
            string.Concat(Enumerable.Repeat("12,", 1300)) + "z",
            string.Concat(Enumerable.Repeat(".-", 2000)) + "q",
            string.Concat(Enumerable.Repeat("\u201Ca ", 800)) + "b",
            string.Concat(Enumerable.Repeat("<a ", 1300)) + ">",
        ];
        var timedOut = new List<string>();
        await Task.Run(() =>
        {
            foreach (var (name, regex) in AllGenerated())
            {
                foreach (var run in runs)
                {
                    try
                    {
                        regex.IsMatch(run);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        timedOut.Add(name);
                    }
                }
            }
        }, TestContext.Current.CancellationToken);
        // Reported, not failed: the guarantee is that a slow pattern stops, which it did.
        TestContext.Current.SendDiagnosticMessage($"patterns that timed out on an adversarial run: {string.Join(", ", timedOut.Distinct())}");
    }

    [Fact(Timeout = 60_000)]
    public void A_line_of_spaced_parts_that_is_no_breadcrumb_is_answered_without_a_timeout()
    {
        // Each part may end in the spaces the separator's \s+ also takes: with backtracking, ten parts
        // that fail only at the last one (longer than a part may be) split those spaces in 9^10 ways.
        string hostile = string.Concat(Enumerable.Repeat("Ab   |   ", 10)) + new string('x', 40);
        Assert.DoesNotMatch(Sitrep.Cleaning.ChromePatterns.Breadcrumb(), hostile);
        Assert.Matches(Sitrep.Cleaning.ChromePatterns.Breadcrumb(), "News | Border Affairs");
        Assert.Matches(Sitrep.Cleaning.ChromePatterns.Breadcrumb(), "World › Europe › France");
        Assert.DoesNotMatch(Sitrep.Cleaning.ChromePatterns.Breadcrumb(), "Officials said on Tuesday that talks would resume.");
    }

    [Fact(Timeout = 120_000)]
    public async Task Hostile_lines_are_analysed_without_a_failed_stage_or_a_hang()
    {
        // Shapes that make nested quantifiers backtrack: long runs of capitalised words, of
        // separators, of quote marks and digits with no closing token a pattern waits for.
        string[] hostile =
        [
            string.Join(' ', Enumerable.Repeat("Al-Aqsa Ibn", 400)) + " !",
            string.Concat(Enumerable.Repeat("“a ", 600)) + "said",
            string.Concat(Enumerable.Repeat("1,", 2000)) + "x",
            string.Concat(Enumerable.Repeat("B.C. ", 500)) + "in",
            string.Concat(Enumerable.Repeat("(Reuters, ", 300)) + "March",
            new string('-', 5000) + "x",
        ];
        var pipeline = Features.Default;
        foreach (var line in hostile)
        {
            var text = "Officials in the capital said on Tuesday that talks would resume.\n\n" + line + "\n\nThe ministry said the next round would start on Friday.";
            var input = new ArticleInput("hostile.txt", "hostile", InputFormat.PlainText, text, StatedMetadata.None, []);
            var document = await Task.Run(() => pipeline.Analyze(input), TestContext.Current.CancellationToken);
            Assert.DoesNotContain(document.StageNotes, n => n.Contains("failed", StringComparison.Ordinal));
            Assert.Contains("next round", document.Text, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<(string Name, Regex Regex)> AllGenerated()
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var assembly in ProductAssemblies)
        {
            foreach (var type in assembly.GetTypes())
            {
                foreach (var method in type.GetMethods(Any))
                {
                    if (method.GetCustomAttribute<GeneratedRegexAttribute>() is not null && method.GetParameters().Length == 0)
                        yield return ($"{type.FullName}.{method.Name}", (Regex)method.Invoke(null, null)!);
                }
                foreach (var property in type.GetProperties(Any))
                {
                    if (property.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
                        yield return ($"{type.FullName}.{property.Name}", (Regex)property.GetValue(null)!);
                }
            }
        }
    }
}
