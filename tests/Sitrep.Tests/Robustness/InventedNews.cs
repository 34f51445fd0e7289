using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// Invented articles (invented towns, people and bodies), generated so that every one differs,
/// and small readers of what the sitrep command printed and wrote.
/// </summary>
internal static class InventedNews
{
    private static readonly string[] Towns = ["Velmora", "Orrin Gate", "Castelbrun", "Tavisk", "Lunhallow", "Brennick", "Saltmere", "Quorra", "Dunvale", "Ystrel", "Harrowmoor", "Fennick Cross"];
    private static readonly string[] People = ["Mayor Odile Varnet", "Councillor Besim Araldo", "Harbourmaster Inge Polwarth", "Judge Tamsin Orlec", "Minister Radek Solvane", "Commissioner Aurelie Fenn", "Engineer Casimir Dolt", "Governor Yara Pemberlin"];
    private static readonly string[] Bodies = ["the river authority", "the regional council", "the ferry cooperative", "the grain board", "the transit commission", "the water trust"];
    private static readonly string[] Subjects = ["a new ferry timetable", "repairs to the old canal lock", "a ban on night fishing", "the price of winter grain", "a second bridge over the Ostra", "flood barriers along the quay", "a rail link to the salt works", "school buses for the hill villages"];

    /// <summary>A plain-text article, title first, that differs from every other index.</summary>
    public static string Article(int i)
    {
        var town = Towns[i % Towns.Length];
        var person = People[i / Towns.Length % People.Length];
        var body = Bodies[i % Bodies.Length];
        var subject = Subjects[i / 7 % Subjects.Length];
        int votes = 11 + (i % 17);
        return $"""
            {town} weighs {subject} after vote number {i}

            {town.ToUpperInvariant()} — Members of {body} voted {votes} to {i % 9 + 2} on Tuesday to study {subject}, a plan that {person} has argued for since the spring floods closed the lower quay for {i % 40 + 3} days.

            Traders in the market square said the delay had cost them dearly, and {person} told a meeting in the town hall that the proposal numbered {i.ToString(CultureInfo.InvariantCulture)} would be costed before the harvest festival.

            "We cannot keep patching what the river takes every year," {person} said, adding that the council would publish its figures within a month.
            """;
    }

    /// <summary>What <see cref="Article"/>'s body begins with, to find it again in the analysis.</summary>
    public static string BodyStart(int i) => Towns[i % Towns.Length].ToUpperInvariant() + " — Members of";

    public static string Url(int i) => $"https://news.example.invalid/{2025 + i % 3}/story-{i.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>One JSONL line carrying an article with its url and title.</summary>
    public static string JsonlRecord(int i) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["url"] = Url(i),
        ["title"] = $"{Towns[i % Towns.Length]} weighs {Subjects[i / 7 % Subjects.Length]} after vote number {i}",
        ["outlet"] = "The Ostra Courier",
        ["text"] = Article(i),
    });

    public static string Jsonl(int count, int start = 0)
    {
        var sb = new StringBuilder();
        for (int i = start; i < start + count; i++)
            sb.Append(JsonlRecord(i)).Append('\n');
        return sb.ToString();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>The output with line wrapping undone, so a long failure line is found whole.</summary>
    public static string Flat(string output) => Regex.Replace(output, @"\s+", " ");

    /// <summary>A number in the summary table's row <paramref name="row"/> (e.g. "stored", "already stored").</summary>
    public static int SummaryCount(string output, string row)
    {
        var m = Regex.Match(output, @"(?m)^│\s*" + Regex.Escape(row) + @"\s*│\s*([\d,]+)\s*│");
        Assert.True(m.Success, $"no '{row}' row in the summary:\n{output}");
        return int.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    /// <summary>The documents of an analysis JSON file, in its order.</summary>
    public static List<JsonElement> DocumentList(string jsonPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        return [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.Clone())];
    }

    /// <summary>The documents of an analysis JSON file, by id.</summary>
    public static Dictionary<string, JsonElement> Documents(string jsonPath) =>
        DocumentList(jsonPath).ToDictionary(d => d.GetProperty("id").GetString()!, StringComparer.Ordinal);

    /// <summary>What a gzip reader gets out of a cut file before it stops (quietly or with an error).</summary>
    public static byte[] Decompressible(byte[] cutGzip)
    {
        using var gzip = new GZipStream(new MemoryStream(cutGzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = gzip.Read(buffer)) > 0)
                output.Write(buffer, 0, n);
        }
        catch (InvalidDataException)
        {
            // What came before the error still counts.
        }
        return output.ToArray();
    }
}
