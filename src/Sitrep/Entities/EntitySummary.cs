using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Entities.Resolution;

namespace Sitrep.Entities;

/// <summary>
/// Collects, while documents are written, what the "entities" array says of each entity they name:
/// its stored name and type, the forms used with how often, the roles each document gives it, its
/// sector and country (what most of its documents say), and the documents. Entities are listed in the order they are first named.
/// </summary>
internal sealed class EntitySummary
{
    private readonly IEntityDirectory _directory;
    private readonly Dictionary<long, Entry> _entries = [];
    private readonly List<long> _order = [];

    private readonly bool _collect;

    /// <param name="directory">Where document entities are resolved.</param>
    /// <param name="collect">False when only each document's ids are wanted (an export line by line): nothing accumulates.</param>
    public EntitySummary(IEntityDirectory directory, bool collect = true)
    {
        _directory = directory;
        _collect = collect;
    }

    /// <summary>Takes in a document; returns what each of its own entities resolved to.</summary>
    public IReadOnlyList<ResolvedEntity?> Add(Document document)
    {
        var entities = document.Entities();
        var ids = new ResolvedEntity?[entities.Count];
        var stored = new long?[entities.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            stored[i] = _directory.EntityOf(document.Id, i);
            if (stored[i] is { } id)
            {
                // A merged entity is written under the entity that absorbed it.
                var entity = _directory.Get(id);
                stored[i] = entity.Id;
                ids[i] = new ResolvedEntity(Format(entity.Id), entity.Type);
                if (!_collect)
                    continue;
                var entry = EntryFor(entity);
                if (entry.DocumentSet.Add(document.Id))
                    entry.Documents.Add(document.Id);
                foreach (var role in entities[i].Roles)
                {
                    if (entry.RoleSet.Add((role, document.Id)))
                        entry.Roles.Add((role, document.Id));
                }
            }
        }
        if (!_collect)
            return ids;
        foreach (var mention in document.Mentions())
        {
            // A nationality word links to its country but is none of its names.
            if (!mention.Demonym && mention.Entity >= 0 && mention.Entity < stored.Length && stored[mention.Entity] is { } id)
            {
                var aliases = _entries[id].Aliases;
                var text = mention.Text(document.Text);
                aliases[text] = aliases.GetValueOrDefault(text) + 1;
            }
        }
        return ids;
    }

    public void Write(Utf8JsonWriter json)
    {
        foreach (var id in _order)
        {
            // A writer over a stream keeps what it is given until flushed: every entity of a whole store's export
            // (one line of ~300 MB for 37,554 articles) would otherwise be held in memory at once.
            if (json.BytesPending > 1 << 16)
                json.Flush();
            var e = _entries[id];
            json.WriteStartObject();
            json.WriteString("id", Format(id));
            json.WriteString("name", e.Entity.Name);
            json.WriteString("type", e.Entity.Type);
            json.WriteStartArray("aliases");
            foreach (var (text, count) in e.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("text", text);
                json.WriteNumber("count", count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("roles");
            foreach (var (role, document) in e.Roles)
            {
                json.WriteStartObject();
                json.WriteString("role", role);
                json.WriteString("document", document);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            var (sector, country) = _directory.Affiliation(id);
            if (sector is null)
                json.WriteNull("sector");
            else
                json.WriteString("sector", sector);
            if (country is null)
                json.WriteNull("country");
            else
                json.WriteString("country", country);
            json.WriteStartArray("documents");
            foreach (var d in e.Documents)
                json.WriteStringValue(d);
            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    public static string Format(long id) => "E" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Entry EntryFor(StoredEntity entity)
    {
        if (!_entries.TryGetValue(entity.Id, out var entry))
        {
            _entries[entity.Id] = entry = new Entry(entity);
            _order.Add(entity.Id);
        }
        return entry;
    }

    private sealed record Entry(StoredEntity Entity)
    {
        public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);
        public List<(string Role, string Document)> Roles { get; } = [];
        public HashSet<(string Role, string Document)> RoleSet { get; } = [];
        public List<string> Documents { get; } = [];
        public HashSet<string> DocumentSet { get; } = new(StringComparer.Ordinal);
    }
}
