using System.Text.Json;
using Sitrep.Analysis;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;

namespace Sitrep.Entities;

/// <summary>
/// The entities feature's part of the analysis JSON: each document's <c>mentions</c> with their
/// entity ids, and the top-level <c>entities</c> (name, type, aliases, roles, sector, country, documents) of the
/// entities the written documents name. Without an entity directory (no store), mentions carry no id.
/// </summary>
public sealed class EntitiesJsonPart : IAnalysisJsonPart
{
    public IAnalysisJsonSection Open(AnalysisJsonSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new Section(session.Store?.Feature<IEntityDirectory>(), session.TopLevel);
    }

    /// <summary>One analysis JSON's entity section; later parts (quotes) ask it for the stored id of a document's entity.</summary>
    public sealed class Section : IAnalysisJsonSection
    {
        private readonly EntitySummary? _summary;
        private string? _document;
        private IReadOnlyList<ResolvedEntity?> _resolved = [];

        internal Section(IEntityDirectory? directory, bool collect) => _summary = directory is null ? null : new EntitySummary(directory, collect);

        public IReadOnlyList<string> DocumentFields => ["mentions"];

        public IReadOnlyList<string> TopLevelFields => ["entities"];

        /// <summary>What the current document's own entity <paramref name="local"/> resolved to, or null.</summary>
        public ResolvedEntity? Resolved(string documentId, int local) =>
            documentId == _document && local >= 0 && local < _resolved.Count ? _resolved[local] : null;

        public void WriteDocument(Utf8JsonWriter json, Document document)
        {
            ArgumentNullException.ThrowIfNull(json);
            ArgumentNullException.ThrowIfNull(document);
            _document = document.Id;
            _resolved = _summary?.Add(document) ?? [];
            var mentions = document.Mentions();
            json.WriteStartArray("mentions");
            foreach (var mention in mentions)
            {
                json.WriteStartObject();
                json.WriteNumber("start", mention.Start);
                json.WriteNumber("end", mention.End);
                json.WriteString("text", mention.Text(document.Text));
                // A resolved mention takes its entity's type: one entity, one type, even where this
                // article alone made it something else (a militia read as a person in one article).
                var resolved = Resolved(document.Id, mention.Entity);
                json.WriteString("type", resolved?.Type ?? mention.Type);
                if (resolved is not null)
                    json.WriteString("entity", resolved.Id);
                else
                    json.WriteNull("entity");
                // "Iraqi", "Americans": a nationality word linked to its country, not a name of it.
                if (mention.Demonym)
                    json.WriteBoolean("demonym", true);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        public void WriteTopLevel(Utf8JsonWriter json)
        {
            ArgumentNullException.ThrowIfNull(json);
            json.WriteStartArray("entities");
            _summary?.Write(json);
            json.WriteEndArray();
        }
    }
}
