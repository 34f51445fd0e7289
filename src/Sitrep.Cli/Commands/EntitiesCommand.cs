using System.CommandLine;
using System.Globalization;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep entities list|show|merge|split|rename|retype</c>: look at the resolved entities and correct them.</summary>
internal static class EntitiesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("entities", """
            The people, organisations, places and media across every stored article, one entity per
            referent: list and show them, and correct resolution where it erred. Corrections are kept
            in the store and hold when articles are analysed again.

            Examples:
              sitrep entities list --search Kolvar
              sitrep entities show E12
              sitrep entities merge E12 E40        (E40 is the same as E12)
              sitrep entities split E12 "Zarif"    (the name Zarif is someone else)
              sitrep entities rename E12 "Mohammad Javad Zarif"
              sitrep entities retype E40 ORG       (a militia the articles read as a person)
            """);
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Merge(console));
        command.Subcommands.Add(Split(console));
        command.Subcommands.Add(Rename(console));
        command.Subcommands.Add(Retype(console));
        return command;
    }

    private static Command List(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var search = new Option<string?>("--search", "-s") { Description = "Only entities with a name containing this text." };
        var type = new Option<string?>("--type", "-t") { Description = $"Only entities of this type: {string.Join(", ", Types)}." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 50 }.AtLeast(1);
        var command = new Command("list", "Entities by how many articles name them.");
        command.Options.Add(db);
        command.Options.Add(search);
        command.Options.Add(type);
        command.Options.Add(top);
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(type)?.ToUpperInvariant();
            if (wanted is not null && !Types.Contains(wanted))
            {
                Errors.Write(console, $"--type {parse.GetValue(type)}: no such type; the types are {string.Join(", ", Types)}");
                return ExitCodes.Usage;
            }
            return WithStore(console, parse.GetValue(db)!, store =>
            {
                var entities = Catalog(store).List(parse.GetValue(search), wanted, Math.Max(1, parse.GetValue(top)));
                if (entities.Count == 0)
                {
                    console.MarkupLine("No entity found.");
                    return ExitCodes.Ok;
                }
                var table = new Table().Border(TableBorder.Rounded).AddColumns("id", "name", "type").AddColumn(new TableColumn("articles").RightAligned());
                foreach (var e in entities)
                    table.AddRow(Id(e.Id), Markup.Escape(e.Name), e.Type, e.Documents.ToString("N0", CultureInfo.InvariantCulture));
                console.Write(table);
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Show(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The entity id, e.g. E12." };
        var top = new Option<int>("--top") { Description = "How many articles to list.", DefaultValueFactory = _ => 50 }.AtLeast(1);
        var command = new Command("show", "An entity's names, and the articles that name it (title, outlet, date) with the roles each gives it; its corrections.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Options.Add(top);
        command.SetAction(parse => WithStore(console, parse.GetValue(db)!, store =>
        {
            if (Find(console, store, parse.GetValue(id)!) is not { } entity)
                return ExitCodes.NothingRead;
            console.MarkupLineInterpolated($"[bold]{Id(entity.Id)}[/] {entity.Name} ({entity.Type}), named in {Sitrep.Cli.ViewRenderer.Count(entity.Documents, "article", "articles")}");
            // One article once, however many of its own entities link here; its roles beside it.
            var aliases = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var articles = new List<(string Document, List<string> Roles)>();
            var byDocument = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (document, local) in Catalog(store).Links(entity.Id))
            {
                if (!byDocument.TryGetValue(document, out var roles))
                {
                    roles = [];
                    byDocument[document] = roles;
                    articles.Add((document, roles));
                }
                var own = store.Feature<Sitrep.Entities.Resolution.IEntityIndex>()?.DocumentEntities(document);
                if (own is null || local >= own.Count)
                    continue;
                foreach (var a in own[local].Aliases)
                    aliases[a] = aliases.GetValueOrDefault(a) + 1;
                foreach (var role in own[local].Roles)
                {
                    if (!roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                        roles.Add(role);
                }
            }
            if (aliases.Count > 0)
                console.MarkupLineInterpolated($"  written as: {string.Join(", ", aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} ({a.Value})"))}");
            var shown = articles.Take(Math.Max(1, parse.GetValue(top))).ToList();
            var summaries = store.Feature<IDocumentCatalog>()?.Summaries(shown.Select(a => a.Document)) ?? new Dictionary<string, DocumentSummary>();
            var table = new Table().Border(TableBorder.Rounded).AddColumns("published", "outlet", "title", "roles", "id");
            foreach (var (document, roles) in shown)
            {
                var d = summaries.GetValueOrDefault(document);
                table.AddRow(
                    Markup.Escape(d?.Published is { } p ? (p.Length > 10 ? p[..10] : p) : ""),
                    Markup.Escape(d?.Outlet ?? ""),
                    Markup.Escape(d?.Title ?? "(no title)"),
                    Markup.Escape(string.Join("; ", roles)),
                    Markup.Escape(document));
            }
            if (shown.Count > 0)
                console.Write(table);
            if (shown.Count < articles.Count)
                console.MarkupLineInterpolated($"… and {Sitrep.Cli.ViewRenderer.Count(articles.Count - shown.Count, "more article", "more articles")} (--top N lists more).");
            foreach (var (kind, e, other, detail, at) in Catalog(store).Corrections(entity.Id))
                console.MarkupLineInterpolated($"  correction: {kind} {Id(e)}{(other is { } o ? " " + Id(o) : "")} {detail ?? ""} [grey]{at}[/]");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Merge(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var kept = new Argument<string>("kept") { Description = "The entity that stays, e.g. E12." };
        var absorbed = new Argument<string>("absorbed") { Description = "The entity that is the same and goes into it, e.g. E40." };
        var command = new Command("merge", "Say two entities are one: the second goes into the first, and stays there after re-analysis.");
        command.Options.Add(db);
        command.Arguments.Add(kept);
        command.Arguments.Add(absorbed);
        command.SetAction(parse => WithStore(console, parse.GetValue(db)!, store =>
        {
            if (Find(console, store, parse.GetValue(kept)!) is not { } a || Find(console, store, parse.GetValue(absorbed)!) is not { } b)
                return ExitCodes.Usage;
            if (a.Id == b.Id)
            {
                console.MarkupLineInterpolated($"{Id(a.Id)} and {Id(b.Id)} are already one entity.");
                return ExitCodes.Ok;
            }
            Catalog(store).MergeByUser(a.Id, b.Id);
            console.MarkupLineInterpolated($"{Id(b.Id)} ({b.Name}) merged into {Id(a.Id)} ({a.Name}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Split(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The entity that wrongly took in some names, e.g. E12." };
        var aliases = new Argument<string[]>("names") { Description = "The names that are someone or something else.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("split", "Say some names of an entity are another: they get an entity of their own, also after re-analysis.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Arguments.Add(aliases);
        command.SetAction(parse => WithStore(console, parse.GetValue(db)!, store =>
        {
            if (Find(console, store, parse.GetValue(id)!) is not { } entity)
                return ExitCodes.Usage;
            var names = parse.GetValue(aliases) ?? [];
            long created = Catalog(store).Split(entity.Id, names, CountryTable.Default);
            var result = Catalog(store).Get(created);
            console.MarkupLineInterpolated($"{string.Join(", ", names)} split from {Id(entity.Id)} ({entity.Name}) into {Id(created)}, named in {result.Documents:N0} articles.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Rename(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The entity, e.g. E12." };
        var name = new Argument<string>("name") { Description = "The name it should be shown by." };
        var command = new Command("rename", "Give an entity the name it should be shown by; the name holds after re-analysis and merges.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Arguments.Add(name);
        command.SetAction(parse =>
        {
            var newName = parse.GetValue(name)?.Trim();
            if (string.IsNullOrEmpty(newName))
            {
                Errors.Write(console, "rename: the new name is empty");
                return ExitCodes.Usage;
            }
            return WithStore(console, parse.GetValue(db)!, store =>
            {
                if (Find(console, store, parse.GetValue(id)!) is not { } entity)
                    return ExitCodes.Usage;
                Catalog(store).Rename(entity.Id, newName);
                console.MarkupLineInterpolated($"{Id(entity.Id)} ({entity.Name}) is now named {newName}.");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static Command Retype(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The entity, e.g. E12." };
        var type = new Argument<string>("type") { Description = $"Its type: {string.Join(", ", Types)}." };
        var command = new Command("retype", "Give an entity its type; the type holds against the articles' votes, after re-analysis too.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.Arguments.Add(type);
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(type)?.Trim().ToUpperInvariant() ?? "";
            if (!Types.Contains(wanted))
            {
                Errors.Write(console, $"retype: no type {parse.GetValue(type)}; the types are {string.Join(", ", Types)}");
                return ExitCodes.Usage;
            }
            return WithStore(console, parse.GetValue(db)!, store =>
            {
                if (Find(console, store, parse.GetValue(id)!) is not { } entity)
                    return ExitCodes.Usage;
                Catalog(store).Retype(entity.Id, wanted);
                console.MarkupLineInterpolated($"{Id(entity.Id)} ({entity.Name}) is now {wanted} (was {entity.Type}).");
                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static StoredEntity? Find(IAnsiConsole console, IDocumentStore store, string text)
    {
        var digits = text.StartsWith('E') || text.StartsWith('e') ? text[1..] : text;
        if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && Catalog(store).Find(id) is { } entity)
            return entity;
        Errors.Write(console, $"no entity {text} in the store");
        return null;
    }

    private static IEntityCatalog Catalog(IDocumentStore store) => StoreOptions.Entities(store);

    private static int WithStore(IAnsiConsole console, FileInfo db, Func<IDocumentStore, int> action)
    {
        using var engine = StoreOptions.OpenExisting(console, db, out int exitCode);
        if (engine is null)
            return exitCode;
        return action(engine.Store);
    }

    private static string Id(long id) => "E" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The entity types Sitrep gives.</summary>
    private static readonly string[] Types = ["PERSON", "ORG", "GPE", "LOC", "FACILITY", "MEDIA", "MISC"];
}
