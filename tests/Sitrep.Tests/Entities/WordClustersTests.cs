using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public sealed class WordClustersTests
{
    [Fact]
    public void Shipped_model_carries_clusters_and_finds_an_unseen_spelling_through_the_capitalised_form()
    {
        var clusters = NerModel.Default.Clusters;
        Assert.True(clusters.Count > 10_000);

        uint asWritten = clusters.Lookup("Tuesday", FeatureHash.Cased("Tuesday"));
        Assert.NotEqual(0u, asWritten);
        Assert.Equal(asWritten, clusters.Lookup("tUESDAY", FeatureHash.Cased("tUESDAY")));
        Assert.Equal(0u, clusters.Lookup("Xqzvwyk", FeatureHash.Cased("Xqzvwyk")));
    }

    [Fact]
    public void Clusters_survive_saving_and_loading_the_model()
    {
        using var stream = new MemoryStream();
        NerModel.Default.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);

        Assert.Equal(NerModel.Default.Clusters.Count, loaded.Clusters.Count);
        Assert.Equal(
            NerModel.Default.Clusters.Lookup("Reuters", FeatureHash.Cased("Reuters")),
            loaded.Clusters.Lookup("Reuters", FeatureHash.Cased("Reuters")));
    }
}
