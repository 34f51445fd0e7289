using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Engine;
using Sitrep.Storage;
using Sitrep.Stories;

namespace Sitrep.Bench;

/// <summary>
/// <c>stories-regroup STORE OUT.json [name=value ...]</c>: groups the articles of an analysed store
/// into stories again from scratch, with the given <see cref="StoryOptions"/> (JoinThreshold=0.3,
/// MergeThreshold=0.5, …), on a copy of the store; writes the analysis JSON of every document and
/// prints how long grouping alone took. What the story figures in the README were measured and tuned with.
/// </summary>
public static class StoriesBench
{
    public static int Regroup(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: stories-regroup STORE OUT.json [Option=value ...]");
            return 2;
        }
        var options = StoryOptions.Default;
        foreach (var pair in args[2..])
        {
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var property = typeof(StoryOptions).GetProperty(name) ?? throw new ArgumentException($"no option {name}");
            var copy = options with { };
            property.SetValue(copy, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
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
            var clock = Stopwatch.StartNew();
            var failures = engine.CatchUp();
            clock.Stop();
            int count = engine.Store.Count();
            Console.WriteLine($"grouped {count:N0} articles in {clock.Elapsed.TotalSeconds:F1} s ({count / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):F0}/s), {failures.Count} failures; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MB");
            using var output = File.Create(args[1]);
            engine.WriteAnalysisJson(output, engine.Store.Ids());
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
