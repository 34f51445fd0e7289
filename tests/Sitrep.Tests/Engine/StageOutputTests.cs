using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Tests.TestSupport;
using Sitrep.Text;

namespace Sitrep.Tests.Engine;

/// <summary>
/// Versions reanalysis can trust: a hash of what each stage of the default pipeline produces on the
/// example corpus and the reference articles is kept in <c>stage-outputs.tsv</c> beside the stage's
/// version. A stage whose output changes while its version (and the versions before it) stay the same
/// fails here: stored documents would never be found behind. After a deliberate change with a new
/// version, run with SITREP_UPDATE_STAGE_OUTPUTS=1 to record the new hashes.
/// </summary>
public sealed class StageOutputTests
{
    private static readonly string Golden = Path.Combine(RepoPaths.Root, "tests", "Sitrep.Tests", "Engine", "stage-outputs.tsv");

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    [Fact]
    public void Every_stage_changes_its_output_only_with_its_version()
    {
        var corpora = new List<(string Name, string Path)> { ("examples", RepoPaths.Examples) };
        if (RepoPaths.Shared is null)
            RepoPaths.RequireSharedOrContinue();
        else
            corpora.Add(("seeds", Path.Combine(RepoPaths.Shared, "corpus", "seeds")));

        var pipeline = Features.Default;
        var measured = corpora.SelectMany(c => Measure(pipeline, c.Name, c.Path)).ToList();
        var update = Environment.GetEnvironmentVariable("SITREP_UPDATE_STAGE_OUTPUTS") == "1";
        var recorded = File.Exists(Golden) ? Read(Golden) : [];
        if (update)
        {
            // Rows of a corpus not measured here (no ../shared) are kept as they were.
            var kept = recorded.Where(r => !corpora.Any(c => c.Name == r.Corpus));
            File.WriteAllLines(Golden, [
                "# corpus\tstage\tversion\tsha256 of the stage's output (StageOutputTests; SITREP_UPDATE_STAGE_OUTPUTS=1 rewrites it)",
                .. kept.Concat(measured).OrderBy(r => r.Corpus, StringComparer.Ordinal).ThenBy(r => r.Order).Select(r => $"{r.Corpus}\t{r.Stage}\t{r.Version}\t{r.Hash}")]);
            return;
        }

        var problems = new List<string>();
        foreach (var corpus in measured.GroupBy(m => m.Corpus))
        {
            var upstreamChanged = false;
            foreach (var now in corpus.OrderBy(r => r.Order))
            {
                var then = recorded.FirstOrDefault(r => r.Corpus == now.Corpus && r.Stage == now.Stage);
                if (then is null)
                {
                    problems.Add($"{now.Corpus}/{now.Stage}: no recorded output (a new stage): record it with SITREP_UPDATE_STAGE_OUTPUTS=1");
                    upstreamChanged = true;
                    continue;
                }
                bool versionChanged = then.Version != now.Version;
                if (then.Hash != now.Hash && !versionChanged && !upstreamChanged)
                    problems.Add($"{now.Corpus}/{now.Stage}: its output changed but its version is still {now.Version}: bump the stage's version, then record with SITREP_UPDATE_STAGE_OUTPUTS=1");
                else if (then.Hash != now.Hash || versionChanged)
                    problems.Add($"{now.Corpus}/{now.Stage}: version {then.Version} -> {now.Version}: record the new output with SITREP_UPDATE_STAGE_OUTPUTS=1");
                upstreamChanged |= versionChanged;
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_hash_sees_a_change_of_output()
    {
        var pipeline = Features.Build(Features.All, ["text"]);
        var before = Measure(pipeline, "examples", RepoPaths.Examples).Single(r => r.Stage == "metadata").Hash;
        var altered = new PipelineBuilder().UseText().Build();

        Assert.Equal(before, Measure(altered, "examples", RepoPaths.Examples).Single(r => r.Stage == "metadata").Hash);
        using var dir = new TempDir();
        foreach (var file in Directory.GetFiles(RepoPaths.Examples))
            File.Copy(file, dir.File(Path.GetFileName(file)));
        // One article with a stated title of its own changes the metadata stage's output.
        File.AppendAllText(Path.Combine(dir.Path, "feed.jsonl"), "{\"title\": \"Ferry talks stall in Bellamar\", \"text\": \"Talks on the ferry service stalled in Bellamar on Friday, officials said.\"}\n");
        Assert.NotEqual(before, Measure(pipeline, "examples", dir.Path).Single(r => r.Stage == "metadata").Hash);
    }

    private sealed record Row(string Corpus, int Order, string Stage, string Version, string Hash);

    private static List<Row> Read(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0 && l[0] != '#').Select((l, i) =>
        {
            var f = l.Split('\t');
            return new Row(f[0], i, f[1], f[2], f[3]);
        })];

    /// <summary>Runs the stages one by one over every input of a corpus and hashes what each one produced.</summary>
    private static IEnumerable<Row> Measure(DocumentPipeline pipeline, string corpus, string path)
    {
        var hashes = pipeline.Stages.Select(_ => IncrementalHash.CreateHash(HashAlgorithmName.SHA256)).ToArray();
        using (var inputs = new InputResolver([path]))
        {
            foreach (var item in inputs.Items())
            {
                if (item.Article is not { } input)
                    continue;
                var context = new DocumentContext(input);
                for (int s = 0; s < pipeline.Stages.Length; s++)
                {
                    var stage = pipeline.Stages[s];
                    stage.Process(context);
                    var text = new StringBuilder(input.Id).Append('\n');
                    foreach (var layer in stage.Produces)
                        text.Append(layer.Name).Append('=').Append(Serialize(pipeline, layer, context)).Append('\n');
                    hashes[s].AppendData(Encoding.UTF8.GetBytes(text.ToString()));
                }
            }
        }
        for (int s = 0; s < pipeline.Stages.Length; s++)
            yield return new Row(corpus, s, pipeline.Stages[s].Name, pipeline.Stages[s].Version, Convert.ToHexStringLower(hashes[s].GetHashAndReset()));
    }

    private static string Serialize(DocumentPipeline pipeline, Layer layer, DocumentContext context)
    {
        var value = context.Layers[layer.Name];
        if (pipeline.Codecs.TryGetValue(layer.Name, out var codec))
            return codec.Write(value);
        return value switch
        {
            CleanedBody body => JsonSerializer.Serialize(new { body.Text, Map = body.Map.Segments, body.Removed, body.Captions }, Json),
            _ => JsonSerializer.Serialize(value, value.GetType(), Json),
        };
    }
}
