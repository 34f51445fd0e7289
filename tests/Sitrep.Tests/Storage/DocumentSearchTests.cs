using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Storage;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Storage;

/// <summary>
/// Full-text search over titles and texts (schema v7, FTS5): ranked, with snippets, kept in step with
/// every store, update and deletion; and whatever a user types is a query, never a syntax error.
/// </summary>
public sealed class DocumentSearchTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SqliteDocumentStore _store;

    public DocumentSearchTests()
    {
        _store = SqliteDocumentStore.Open(_dir.File("s.db"));
        _store.SaveBatch(
        [
            Doc("crossing", "Border crossing reopens", "Trucks queued at the border crossing near Hollin Ford on Monday, officials said."),
            Doc("reverse", "Talks in Bellamar", "The envoys met far from the crossing; the border itself stayed quiet, officials said."),
            Doc("possessive", "Minister's warning", "Valdoria's defence minister Anselm Ruvane said the al-Marren brigade's fighters had withdrawn."),
            Doc("accent", "Commander speaks", "In a video, Rastin Kolvár repeated the militia's demands."),
            Doc("unrelated", "Grain prices", "Grain prices in Dravik fell for a third week as the harvest came in."),
        ]);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private IDocumentCatalog Catalog => _store.Feature<IDocumentCatalog>()!;

    [Fact]
    public void Words_find_every_document_with_all_of_them_and_a_quoted_phrase_only_where_they_stand_together()
    {
        Assert.Equal(["crossing", "reverse"], Ids(Catalog.Search("border crossing", 20)).Order().ToList());
        Assert.Equal(["crossing"], Ids(Catalog.Search("\"border crossing\"", 20)));
        Assert.Empty(Ids(Catalog.Search("border harvest", 20)));
    }

    [Fact]
    public void A_title_word_ranks_its_document_first_and_the_snippet_marks_the_words_found()
    {
        var result = Catalog.Search("crossing", 20);

        Assert.Equal("crossing", result.Hits[0].Document.Id);
        Assert.Equal("Border crossing reopens", result.Hits[0].Document.Title);
        Assert.Contains($"{SearchResult.MarkStart}crossing{SearchResult.MarkEnd}", result.Hits[0].Snippet, StringComparison.Ordinal);
        Assert.Equal(2, result.Total);
    }

    [Theory]
    [InlineData("Valdoria's", "possessive")]
    [InlineData("Valdoria’s defence", "possessive")]
    [InlineData("brigade's", "possessive")]
    [InlineData("al-Marren", "possessive")]
    [InlineData("\"al-Marren brigade's fighters\"", "possessive")]
    [InlineData("Kolvar", "accent")]
    [InlineData("Kolvár", "accent")]
    [InlineData("Kolv*", "accent")]
    [InlineData("\"Rastin Kolvar", "accent")]
    [InlineData("Rastin\" Kolvar", "accent")]
    [InlineData("grain OR nothing-here", "unrelated")]
    public void What_a_user_types_is_read_as_they_mean_it(string query, string expected)
    {
        Assert.Equal([expected], Ids(Catalog.Search(query, 20)));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("'")]
    [InlineData("-")]
    [InlineData("AND")]
    [InlineData("OR")]
    [InlineData("NOT border")]
    [InlineData("border NEAR crossing")]
    [InlineData("title:border")]
    [InlineData("(border")]
    [InlineData("border)")]
    [InlineData("^border")]
    [InlineData("border*crossing")]
    [InlineData("{border}")]
    [InlineData("'; DROP TABLE documents; --")]
    [InlineData("\"\"\"")]
    [InlineData("** OR **")]
    public void No_text_a_user_types_is_a_syntax_error(string query)
    {
        var result = Catalog.Search(query, 20);

        Assert.True(result.Total >= 0);
        Assert.Equal(5, _store.Count());
    }

    [Fact]
    public void Text_with_no_word_in_it_is_no_query()
    {
        var result = Catalog.Search(" \" ' - * ", 20);

        Assert.Null(result.RunQuery);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void The_index_follows_an_update_and_a_deletion()
    {
        _store.SaveBatch([Doc("unrelated", "Grain prices", "Rice prices in Dravik rose for a third week.", source: "src-unrelated", hash: "changed")]);
        Assert.Empty(Ids(Catalog.Search("harvest", 20)));
        Assert.Equal(["unrelated"], Ids(Catalog.Search("rice", 20)));

        Assert.True(_store.Delete("crossing"));
        Assert.Equal(["reverse"], Ids(Catalog.Search("border", 20)));
    }

    [Fact]
    public void A_batch_naming_one_source_twice_leaves_only_its_last_text_searchable()
    {
        // The batch's new documents are indexed together at its end: the second copy, an update of the first,
        // must take out of the index the text the first put in, not text the index never held.
        _store.SaveBatch(
        [
            Doc("ferry", "Ferry sails", "The ferry to Bellamar sailed at noon.", source: "src-ferry", hash: "first"),
            Doc("ferry", "Ferry delayed", "The crossing to Bellamar waited out a storm.", source: "src-ferry", hash: "second"),
            Doc("harbor", "Harbor opens", "The new harbor at Hollin Ford opened its gates.", source: "src-harbor"),
        ]);

        Assert.Empty(Ids(Catalog.Search("sailed noon", 20)));
        Assert.Equal(["ferry"], Ids(Catalog.Search("storm Bellamar", 20)));
        Assert.Equal(["harbor"], Ids(Catalog.Search("gates", 20)));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("s.db")};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        // Fails with SQLITE_CORRUPT_VTAB when the index and the documents disagree.
        check.CommandText = "INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')";
        check.ExecuteNonQuery();
    }

    [Fact]
    public void A_failed_batch_leaves_nothing_of_it_searchable_and_the_next_batch_is_indexed()
    {
        Assert.ThrowsAny<Exception>(() => _store.InOneTransaction(() =>
        {
            _store.SaveBatch([Doc("lost", "Lost", "The lighthouse keeper of Dravik retired.", source: "src-lost")]);
            throw new InvalidOperationException("the batch fails after its save");
        }));
        _store.SaveBatch([Doc("kept", "Kept", "A lighthouse on Hollin Ford was repainted.", source: "src-kept")]);

        Assert.Equal(["kept"], Ids(Catalog.Search("lighthouse", 20)));
    }

    [Fact]
    public void A_store_from_before_search_is_indexed_when_opened()
    {
        var path = _dir.File("v6.db");
        SqliteDocumentStore.CreateAtVersion(path, 6);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO documents (id, seq, source, format, raw_text, text, offset_map, title, published_inferred, stated, removed, captions, notes,
                    content_hash, text_hash, pipeline_version, stored_at)
                VALUES ('old', 1, 'old.txt', 'PlainText', 'x', 'The ferry to Bellamar sailed at noon.', '[]', 'Ferry', 0, '{}', '[]', '[]', '[]', 'h', 't', '1', '2025-01-01')
                """;
            insert.ExecuteNonQuery();
        }

        using var upgraded = SqliteDocumentStore.Open(path);

        Assert.Equal(["old"], Ids(upgraded.Feature<IDocumentCatalog>()!.Search("ferry Bellamar", 20)));
    }

    [Fact]
    public void Lists_filter_by_outlet_ignoring_case_and_by_inclusive_dates_newest_first()
    {
        var path = _dir.File("list.db");
        using var store = SqliteDocumentStore.Open(path);
        store.SaveBatch(
        [
            Doc("a", "A", "Text one about the border.", outlet: "Harbor Ledger", published: "2025-03-03"),
            Doc("b", "B", "Text two about the border.", outlet: "harbor ledger", published: "2025-03-07T10:00:00Z"),
            Doc("c", "C", "Text three about the border.", outlet: "Radio Bellamar", published: "2025-03-08"),
            Doc("d", "D", "Text four about the border.", outlet: "Harbor Ledger"),
        ]);
        var catalog = store.Feature<IDocumentCatalog>()!;

        Assert.Equal(["b", "a", "d"], catalog.List(new DocumentQuery { Outlet = "HARBOR LEDGER" }).Select(d => d.Id).ToList());
        Assert.Equal(["b", "a"], catalog.List(new DocumentQuery { From = "2025-03-03", To = "2025-03-07" }).Select(d => d.Id).ToList());
        Assert.Equal(["c", "b", "a"], catalog.List(new DocumentQuery { From = "2025-03" }).Select(d => d.Id).ToList());
        Assert.Equal(2, catalog.Count(new DocumentQuery { Outlet = "harbor ledger", To = "2025-03-07" }));
        Assert.Single(catalog.List(new DocumentQuery { Limit = 1 }));
    }

    private static List<string> Ids(SearchResult result) => [.. result.Hits.Select(h => h.Document.Id)];

    private static Document Doc(string id, string title, string text, string? source = null, string? hash = null, string? outlet = null, string? published = null) =>
        TestDocuments.Plain(source ?? "src-" + id, id, text, hash) with
        {
            Metadata = new DocumentMetadata { Title = title, Outlet = outlet, Published = published },
        };
}
