using Sitrep.Documents;
using Sitrep.Entities.Resolution;

namespace Sitrep.Quotes;

/// <summary>How a document takes in the channels its quote layer found (<see cref="QuoteLayer.Channels"/>).</summary>
public static class QuoteChannels
{
    /// <summary>
    /// Appends each channel to the document's entities as a MEDIA entity (in order, so entity index
    /// <see cref="QuoteLayer.ChannelBase"/> + i is channel i and every index of the layer holds) and
    /// adds its spans to the mentions, in text order, where no name already stands. Call it with the
    /// entities the finder was given, before the entities are resolved across documents.
    /// </summary>
    public static void AddTo(QuoteLayer layer, List<Mention> mentions, List<DocumentEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count != layer.ChannelBase)
            throw new InvalidOperationException($"the quote layer was found over {layer.ChannelBase} entities, not {entities.Count}");
        foreach (var channel in layer.Channels)
        {
            int index = entities.Count;
            entities.Add(new DocumentEntity(channel.Name, "MEDIA", null, [channel.Name], []));
            foreach (var span in channel.Spans)
            {
                if (mentions.Exists(m => m.Start < span.End && span.Start < m.End))
                    continue;
                int at = mentions.FindIndex(m => m.Start > span.Start);
                var mention = new Mention(span.Start, span.End, "MEDIA") { Entity = index };
                if (at < 0)
                    mentions.Add(mention);
                else
                    mentions.Insert(at, mention);
            }
        }
    }
}
