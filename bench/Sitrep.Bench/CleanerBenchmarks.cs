using BenchmarkDotNet.Attributes;
using Sitrep.Cleaning;

namespace Sitrep.Bench;

/// <summary>The plain-text cleaner on one invented page of chrome and prose.</summary>
[MemoryDiagnoser]
public class CleanerBenchmarks
{
    private readonly PlainTextCleaner _cleaner = new();
    private string _page = "";

    [GlobalSetup]
    public void Setup()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 25).Select(i =>
            $"Paragraph {i}: officials in Aldmere said on Tuesday that the crossing at the Serin Bridge would stay closed while inspectors checked the damage, and traders waited for news."));
        _page = "Skip to content\nMenu\nBorder crossing stays shut as inspectors check damage\nBy Jane Roe\n\n" + body + "\n\nRead More:\nTalks open in Bellamar\nTraders count losses\n\nShare this article";
    }

    [Benchmark]
    public int Clean() => _cleaner.Clean(_page).Text.Length;
}
