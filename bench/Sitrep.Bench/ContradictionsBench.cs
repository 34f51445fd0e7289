using System.Diagnostics;
using Sitrep.Contradictions;
using Sitrep.Engine;
using Sitrep.Storage;
using Sitrep.Stories;

namespace Sitrep.Bench;

/// <summary>
/// <c>contradictions STORE</c>: what contradictions, agreement and citations cost on an analysed
/// store. Every story of two articles or more is read twice: once as the stories feature reads it
/// (documents and statements), once more with contradictions, agreement and citations computed on
/// top; the difference in processor time is their cost. Citations across the whole store are timed
/// apart. Compare with the grouping time that <c>stories-regroup</c> prints for the same store.
/// </summary>
public static class ContradictionsBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: contradictions STORE [--show]");
            return 2;
        }
        using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(args[0], codecs), EngineOptions.Default);
        var store = engine.Store;
        var index = store.Feature<IStoryIndex>() ?? throw new InvalidOperationException("the store keeps no stories");
        var stories = index.List().Where(s => s.Size > 1).Select(s => s.Id).ToList();
        int articles = 0;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        foreach (var id in stories)
            articles += StoryView.Read(store, index, id)?.Documents.Count ?? 0;
        process.Refresh();
        var read = (process.TotalProcessorTime - cpu).TotalSeconds;
        bool show = args.Contains("--show");
        int contradictions = 0, statements = 0, citations = 0;
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        cpu = process.TotalProcessorTime;
        foreach (var id in stories)
        {
            if (StoryView.Read(store, index, id) is not { } story)
                continue;
            foreach (var c in StoryContradictions.Of([.. story.Documents.TakeLast(StoryView.StatementDocuments)], store))
            {
                contradictions++;
                kinds[c.KindName] = kinds.GetValueOrDefault(c.KindName) + 1;
                // For reading what was found (the timing is then not clean).
                if (show)
                    Console.WriteLine($"{StoryIds.Format(id)} {c.KindName}: {c.About}\n    " + string.Join("\n    ", c.Sides.Select(s => $"{s.Document}: «{s.Text}»")));
            }
            statements += StoryAgreement.Of(story, store).Count;
            citations += Citations.Of(story.Documents, store).Count;
        }
        process.Refresh();
        var both = (process.TotalProcessorTime - cpu).TotalSeconds;
        cpu = process.TotalProcessorTime;
        int whole = Citations.Of(store.LoadAll(), store).Count;
        process.Refresh();
        var storeCitations = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{stories.Count:N0} stories of 2+ articles ({articles:N0} articles): reading them {read:F1} CPU-s; with contradictions, agreement and citations {both:F1} CPU-s, so those cost {Math.Max(0, both - read):F1} CPU-s");
        Console.WriteLine($"found {contradictions:N0} contradictions ({string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))}), {statements:N0} statements with agreement, {citations:N0} story citation rows");
        Console.WriteLine($"citations across the whole store ({store.Count():N0} articles, {whole:N0} rows): {storeCitations:F1} CPU-s");
        return 0;
    }
}
