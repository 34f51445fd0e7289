using System.Globalization;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Storage;
using Xunit;

namespace Sitrep.Tests.Storage;

public sealed class SqliteDocumentStoreRoundTripTests : IDisposable
{
    // Offsets:   0         1         2         3         4         5         6
    //            0123456789012345678901234567890123456789012345678901234567890123456789
    private const string Raw = "Title line\nFirst paragraph.\nBUY NOW\nSecond \"para\" — café\nPhoto: a cat";

    private readonly TempStorePath _file = new();

    public void Dispose() => _file.Dispose();

    private static Document FullDocument()
    {
        var builder = new BodyBuilder(Raw);
        builder.AppendRaw(new TextRange(11, 27));
        builder.AppendSeparator("\n\n");
        builder.AppendRaw(new TextRange(36, 56));
        var (text, map) = builder.Build();
        return new Document
        {
            Id = "article-1",
            Source = "inbox/article-1.txt",
            Format = InputFormat.Html,
            RawText = Raw,
            Text = text,
            Map = map,
            Metadata = new DocumentMetadata
            {
                Title = "Title line",
                Byline = "By A. Writer",
                Outlet = "The Outlet",
                OriginalPublisher = "Wire Service",
                Published = "2024-03-05",
                PublishedInferred = true,
                Genre = Genre.Opinion,
                Language = "en",
                Url = "https://example.com/a?x=1&y=\"2\"",
            },
            Stated = new StatedMetadata { Title = "Stated title", Outlet = "Stated outlet", Url = "https://example.com/a" },
            Removed =
            [
                new RemovedBlock("Title line", RemovalReason.Title, new TextRange(0, 10)),
                new RemovedBlock("BUY NOW", RemovalReason.Advertisement, new TextRange(28, 35)),
                new RemovedBlock("Photo: a cat", RemovalReason.PullQuote, new TextRange(57, 69)),
            ],
            Captions = [new Caption("Photo: a cat", new TextRange(57, 69))],
            InputNotes = ["decoded as windows-1252", "line two\twith \"quotes\" and ünïcode"],
            StageNotes = ["entities: not English; no names tagged"],
            Stages = new Dictionary<string, string> { ["clean"] = "1", ["ner"] = "2+abc" },
            ContentHash = "0123abcd",
            PipelineVersion = "0.1.0+test",
        };
    }

    [Fact]
    public void A_full_document_is_rebuilt_field_for_field_after_reopening()
    {
        using (var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs))
            Assert.Equal(new StoreOutcome(StoreStatus.Stored, "article-1", null), store.Save(FullDocument()));

        using var reopened = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        var doc = reopened.Load("article-1");

        Assert.NotNull(doc);
        Assert.Equal("article-1", doc.Id);
        Assert.Equal("inbox/article-1.txt", doc.Source);
        Assert.Equal(InputFormat.Html, doc.Format);
        Assert.Equal(Raw, doc.RawText);
        Assert.Equal("First paragraph.\n\nSecond \"para\" — café", doc.Text);
        Assert.Equal([new OffsetMap.Segment(0, 11, 16), new OffsetMap.Segment(18, 36, 20)], doc.Map.Segments);
        Assert.Equal(40, doc.Map.ToRaw(22));
        Assert.Equal(
            new DocumentMetadata
            {
                Title = "Title line",
                Byline = "By A. Writer",
                Outlet = "The Outlet",
                OriginalPublisher = "Wire Service",
                Published = "2024-03-05",
                PublishedInferred = true,
                Genre = Genre.Opinion,
                Language = "en",
                Url = "https://example.com/a?x=1&y=\"2\"",
            },
            doc.Metadata);
        Assert.Equal(new StatedMetadata { Title = "Stated title", Outlet = "Stated outlet", Url = "https://example.com/a" }, doc.Stated);
        Assert.Equal(
            [
                new RemovedBlock("Title line", RemovalReason.Title, new TextRange(0, 10)),
                new RemovedBlock("BUY NOW", RemovalReason.Advertisement, new TextRange(28, 35)),
                new RemovedBlock("Photo: a cat", RemovalReason.PullQuote, new TextRange(57, 69)),
            ],
            doc.Removed);
        Assert.Equal([new Caption("Photo: a cat", new TextRange(57, 69))], doc.Captions);
        Assert.Equal(["decoded as windows-1252", "line two\twith \"quotes\" and ünïcode"], doc.InputNotes);
        Assert.Equal(["entities: not English; no names tagged"], doc.StageNotes);
        Assert.Equal(new Dictionary<string, string> { ["clean"] = "1", ["ner"] = "2+abc" }, doc.Stages);
        Assert.Equal("0123abcd", doc.ContentHash);
        Assert.Equal("0.1.0+test", doc.PipelineVersion);
        Assert.Null(doc.DuplicateOf);
    }

    [Fact]
    public void Unknown_metadata_stays_null_and_empty_lists_stay_empty()
    {
        using var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs);
        store.Save(TestDocuments.Plain("a.txt", "a", "Body."));

        var doc = store.Load("a");

        Assert.NotNull(doc);
        Assert.Equal(new DocumentMetadata(), doc.Metadata);
        Assert.Equal(StatedMetadata.None, doc.Stated);
        Assert.Empty(doc.Removed);
        Assert.Empty(doc.Captions);
        Assert.Empty(doc.Notes);
        Assert.Equal(InputFormat.PlainText, doc.Format);
    }

    [Fact]
    public void The_stored_columns_are_readable_without_Sitrep()
    {
        using (var store = SqliteDocumentStore.Open(_file.Path, Sitrep.Tests.TestSupport.TestPipelines.Full.Codecs))
            store.Save(FullDocument());

        using var raw = _file.OpenRaw(Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT offset_map, removed, genre, published_inferred, text_hash, stored_at, seq FROM documents";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        Assert.Equal("[[0,11,16],[18,36,20]]", reader.GetString(0));
        Assert.Contains("\"reason\":\"pull-quote\"", reader.GetString(1), StringComparison.Ordinal);
        Assert.Equal("Opinion", reader.GetString(2));
        Assert.Equal(1, reader.GetInt64(3));
        Assert.Equal(Sha256Hex("First paragraph.\n\nSecond \"para\" — café"), reader.GetString(4));
        var storedAt = DateTime.ParseExact(reader.GetString(5), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.InRange(storedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(1, reader.GetInt64(6));
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
