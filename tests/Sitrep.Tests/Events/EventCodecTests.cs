using Sitrep.Events;

namespace Sitrep.Tests.Events;

/// <summary>The stored events layer reads back exactly what was written, and refuses anything else.</summary>
public sealed class EventCodecTests
{
    [Fact]
    public void Every_field_survives_the_store()
    {
        Event[] events =
        [
            new("ASSAULT", "firearms", EventStatus.Threatened, 10, 18, 0, 40, 2, 3, 1, "2020-01-03", null, null, false, 0),
            new("PROTEST", null, EventStatus.Asserted, 50, 58, 41, 90, Date: null, From: "2020-03-01", To: "2020-03-31"),
            new("COERCE", "arrest", EventStatus.Denied, 95, 103, 91, 120, Date: "2020-01-08", DateInferred: true),
        ];

        var back = EventCodec.FromJson(EventCodec.ToJson(events));

        Assert.Equal(events, back);
    }

    [Fact]
    public void A_layer_of_another_shape_is_refused()
    {
        Assert.Throws<FormatException>(() => EventCodec.FromJson("""[{"t":"ASSAULT"}]"""));
        Assert.Throws<FormatException>(() => EventCodec.FromJson("""[{"t":"ASSAULT","st":"maybe","c":[0,1],"s":[0,2]}]"""));
    }
}
