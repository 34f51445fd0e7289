using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Stories;

namespace Sitrep.Bench;

/// <summary>
/// <c>stories-regroup STORE OUT.json [name=value ...]</c>: groups the articles of an analysed store
/// into stories again from scratch, with the given <see cref="StoryOptions"/> (JoinThreshold=0.3,
/// MergeThreshold=0.5, …), on a copy of the store; writes the analysis JSON of every document and
/// prints how long grouping alone took. What the story figures in the README and docs/stories-notes.md were measured and tuned with.
/// </summary>
public static class StoriesBench
{
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static List<InputFailure> InBatches(SitrepEngine engine, StoryOptions options, int batch)
    {
        var grouper = new StoryGrouper(engine.Store.Feature<IStoryIndex>()!, engine.Store, options);
        var failures = new List<InputFailure>();
        int done = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var cursor = new OneBatch(engine.Store.Changes.Cursor(grouper.Name, grouper.DependsOn), batch);
            failures.AddRange(grouper.Update(cursor, CancellationToken.None));
            if (cursor.Taken == 0)
                return failures;
            int before = done / 2000;
            done += cursor.Taken;
            if (done / 2000 != before)
            {
                var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"  up to {done,6:N0}: {clock.Elapsed.TotalSeconds,6:F1} s, CPU {used,6:F1} s since the last line");
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                clock.Restart();
            }
        }
    }

    /// <summary>A cursor that yields one batch of changes, then none: one Update call per batch.</summary>
    private sealed class OneBatch(IChangeCursor inner, int limit) : IChangeCursor
    {
        public int Taken { get; private set; }

        public string Consumer => inner.Consumer;

        public IReadOnlyList<DocumentChange> Next(int max)
        {
            if (Taken > 0)
                return [];
            var changes = inner.Next(Math.Min(max, limit));
            Taken = changes.Count;
            return changes;
        }

        public void Commit(long position, Action work) => inner.Commit(position, work);

        public void Append(string documentId, ChangeKind kind, IReadOnlyList<string>? layers) => inner.Append(documentId, kind, layers);
    }

    public static int Regroup(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: stories-regroup STORE OUT.json [Option=value ...]");
            return 2;
        }
        var options = StoryOptions.Default;
        // batch=N: one Update per N changes, as `sitrep analyze` calls the stage after each stored batch
        // (its caches then last only as long as the stage keeps them between calls); the cost of every
        // 2,000 articles is printed, to show whether it grows with the store.
        int batch = 0;
        foreach (var pair in args[2..])
        {
            if (pair.StartsWith("batch=", StringComparison.Ordinal))
            {
                batch = int.Parse(pair[6..], CultureInfo.InvariantCulture);
                continue;
            }
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var property = typeof(StoryOptions).GetProperty(name) ?? throw new ArgumentException($"no option {name}");
            var copy = options with { };
            property.SetValue(copy, Convert.ChangeType(value, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, CultureInfo.InvariantCulture));
            options = copy;
        }
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-regroup-{Environment.ProcessId}.db");
        File.Copy(args[0], path, overwrite: true);
        try
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE IF NOT EXISTS stories (id INTEGER);
                    CREATE TABLE IF NOT EXISTS story_members (document TEXT);
                    CREATE TABLE IF NOT EXISTS story_terms (term TEXT);
                    CREATE TABLE IF NOT EXISTS story_frequencies (term TEXT);
                    DELETE FROM stories; DELETE FROM story_members; DELETE FROM story_terms; DELETE FROM story_frequencies;
                    DELETE FROM feed_positions WHERE consumer = 'stories';
                    """;
                command.ExecuteNonQuery();
            }
            var features = Features.All.Select(f => f is StoriesFeature ? new StoriesFeature(options) : f).ToList();
            using var engine = SitrepEngine.Open(codecs => StoreFactory.Open(path, codecs), EngineOptions.Default with { Features = features });
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var failures = batch > 0 ? InBatches(engine, options, batch) : engine.CatchUp();
            clock.Stop();
            // CPU time too: on a shared machine the wall clock says more about the neighbours.
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            int count = engine.Store.Count();
            Console.WriteLine($"grouped {count:N0} articles in {clock.Elapsed.TotalSeconds:F1} s ({count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):F0}/s), CPU {used:F1} s ({count / Math.Max(used, 1e-3):F0}/CPU-s), {failures.Count} failures; load average {LoadAverage()}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MB");
            if (args[1].EndsWith(".tsv", StringComparison.Ordinal))
            {
                // Only who is with whom: enough to compare two groupings, and quick to write.
                var index = engine.Store.Feature<IStoryIndex>()!;
                File.WriteAllLines(args[1], engine.Store.Ids().Order(StringComparer.Ordinal).Select(id => $"{id}\t{index.MemberOf(id)?.Story}"));
            }
            else if (args[1] != "-")
            {
                using var output = File.Create(args[1]);
                engine.WriteAnalysisJson(output, engine.Store.Ids());
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
