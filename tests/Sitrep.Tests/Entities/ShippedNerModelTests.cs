using Sitrep.Entities;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Entities;

public sealed class ShippedNerModelTests
{
    [Fact]
    public void Tags_the_obvious_person_and_place_in_an_invented_news_sentence()
    {
        const string text = "Foreign Minister Anna Kowalczyk arrived in Berlin on Tuesday for talks on the border dispute, her office said.";

        var mentions = NerModel.Default.Recognize(text);

        Assert.Contains(mentions, m => m.Type == EntityTypes.Person && m.Text(text) == "Anna Kowalczyk");
        Assert.Contains(mentions, m => m.Type == EntityTypes.Location && m.Text(text) == "Berlin");
    }

    [Fact]
    public void Geo_name_lists_load_countries_cities_and_demonyms()
    {
        var geo = Path.Combine(RepoPaths.RequireShared(), "data", "geo");
        var gazetteer = Gazetteer.LoadGeo(geo);
        var (text, tokens) = NerModel.Join(["Troops", "left", "United", "Arab", "Emirates", "and", "Iraqi", "towns"]);
        var codes = new byte[tokens.Length];

        gazetteer.Annotate(text, tokens, codes);

        Assert.Equal(Gazetteer.Country | 0x10, codes[2] & (Gazetteer.Country | 0x10));
        Assert.Equal(0x20, codes[4] & 0x20);
        Assert.Equal(Gazetteer.Demonym, codes[6] & Gazetteer.Demonym);
        Assert.Equal(0, codes[0]);
    }
}
