using Sitrep.Documents;

namespace Sitrep.Tests.Documents;

/// <summary>
/// The content hash decides whether a re-run stores an input again: it must depend on the input's
/// format, raw text and stated fields, and on nothing that can change without the input changing.
/// </summary>
public sealed class ContentHashTests
{
    private static ArticleInput Input(string raw, StatedMetadata stated) =>
        new("a.txt", "a", InputFormat.PlainText, raw, stated, []);

    [Fact]
    public void The_stated_fields_enter_the_hash_in_a_fixed_written_out_form()
    {
        var stated = new StatedMetadata { Title = "Ferries resume", Outlet = "Harbor Ledger", Published = "2025-03-03" };

        // The form stores were hashed with: changing it marks every stored input as updated.
        Assert.Equal(
            "StatedMetadata { Title = Ferries resume, Byline = , Outlet = Harbor Ledger, Published = 2025-03-03, Url =  }",
            stated.HashKey);
        Assert.Equal(Input("Ferries ran.", stated).ContentHash, Input("Ferries ran.", stated with { }).ContentHash);
    }

    [Fact]
    public void Each_stated_field_and_the_text_change_the_hash()
    {
        var stated = new StatedMetadata { Title = "Ferries resume" };
        string hash = Input("Ferries ran.", stated).ContentHash;

        Assert.NotEqual(hash, Input("Ferries ran!", stated).ContentHash);
        Assert.NotEqual(hash, Input("Ferries ran.", stated with { Byline = "Mirela Tasch" }).ContentHash);
        Assert.NotEqual(hash, Input("Ferries ran.", stated with { Url = "https://example.org/a" }).ContentHash);
        Assert.NotEqual(hash, new ArticleInput("a.txt", "a", InputFormat.Html, "Ferries ran.", stated, []).ContentHash);
        // Notes on decoding are not content.
        Assert.Equal(hash, new ArticleInput("a.txt", "a", InputFormat.PlainText, "Ferries ran.", stated, ["decoded as windows-1252"]).ContentHash);
    }
}
