using System.Text;
using System.Text.Json;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

public sealed class TimeCodecTests
{
    private const string Text = "Last Friday, in early January and for two weeks, officials met every Friday.";

    private static IReadOnlyList<TimeExpression> Times() => TimeExpressions.Find(Text, "2020-03-31");

    [Fact]
    public void The_store_form_reads_back_the_same_records()
    {
        var times = Times();

        var back = TimeCodec.FromJson(TimeCodec.ToJson(times));

        Assert.Equal(times, back);
        Assert.Equal(4, back.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"s\":0}]")]
    [InlineData("[{\"s\":0,\"e\":4,\"t\":\"WHEN\",\"v\":\"2020\"}]")]
    public void A_store_form_that_is_not_one_is_a_format_error(string json)
    {
        Assert.Throws<FormatException>(() => TimeCodec.FromJson(json));
    }

    [Fact]
    public void The_contract_gives_text_type_value_mod_range_and_anchor()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            TimeCodec.WriteContract(json, Text, Times(), _ => null);
            json.WriteEndObject();
        }
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var times = doc.RootElement.GetProperty("times").EnumerateArray().ToList();

        var friday = times[0];
        Assert.Equal("Last Friday", friday.GetProperty("text").GetString());
        Assert.Equal("DATE", friday.GetProperty("type").GetString());
        Assert.Equal("2020-03-27", friday.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, friday.GetProperty("mod").ValueKind);
        Assert.Equal(JsonValueKind.Null, friday.GetProperty("range").ValueKind);
        Assert.Equal("published", friday.GetProperty("anchor").GetString());

        var january = times[1];
        Assert.Equal("early January", january.GetProperty("text").GetString());
        Assert.Equal("2020-01", january.GetProperty("value").GetString());
        Assert.Equal("START", january.GetProperty("mod").GetString());
        Assert.Equal("2020-01-01", january.GetProperty("range").GetProperty("from").GetString());
        Assert.Equal("2020-01-10", january.GetProperty("range").GetProperty("to").GetString());

        var weeks = times[2];
        Assert.Equal("DURATION", weeks.GetProperty("type").GetString());
        Assert.Equal("P2W", weeks.GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, weeks.GetProperty("anchor").ValueKind);

        var every = times[3];
        Assert.Equal("SET", every.GetProperty("type").GetString());
        Assert.Equal("XXXX-WXX-5", every.GetProperty("value").GetString());
    }
}
