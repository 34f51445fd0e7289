using System.CommandLine;
using System.Globalization;
using Sitrep.Entities;
using Sitrep.Entities.Resolution;
using Sitrep.Ingest;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep entities list|show|merge|split</c>: look at the resolved entities and correct them.</summary>
internal static class EntitiesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("entities", """
            The people, organisations, places and media across every stored article, one entity per
            referent: list and show them, and correct resolution where it erred. Corrections are kept
            in the store and hold when articles are analysed again.

            Examples:
              sitrep entities list --search Zurfi
              sitrep entities show E12
              sitrep entities merge E12 E40        (E40 is the same as E12)
              sitrep entities split E12 "Zarif"    (the name Zarif is someone else)
            """);
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Show(console));
        command.Subcommands.Add(Merge(console));
        command.Subcommands.Add(Split(console));
        return command;
    }

    private static Command List(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var search = new Option<string?>("--search", "-s") { Description = "Only entities with a name containing this text." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "Entities by how many articles name them.");
        command.Options.Add(db);
        command.Options.Add(search);
        command.Options.Add(top);
        command.SetAction(parse => WithStore(console, parse.GetValue(db)!, store =>
        {
            var table = new Table().AddColumns("id", "name", "type", "articles");
            foreach (var e in Catalog(store).List(parse.GetValue(search), Math.Max(1, parse.GetValue(top))))
                table.AddRow(Id(e.Id), Markup.Escape(e.Name), e.Type, e.Documents.ToString("N0", CultureInfo.InvariantCulture));
            console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var id = new Argument<string>("id") { Description = "The entity id, e.g. E12." };
        var command = new Command("show", "An entity's names, roles, articles and corrections.");
        command.Options.Add(db);
        command.Arguments.Add(id);
        command.SetAction(parse => WithStore(console, parse.GetValue(db)!, store =>
        {
            if (Find(console, store, parse.GetValue(id)!) is not { } entity)
                return ExitCodes.Usage;
            console.MarkupLineInterpolated($"[bold]{Id(entity.Id)}[/] {entity.Name} ({entity.Type}), named in {entity.Documents:N0} articles");
            var aliases = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (document, local) in Catalog(store).Links(entity.Id))
            {
                var doc = store.Load(document);
                if (doc is null || local >= doc.Entities().Count)
                    continue;
                foreach (var a in doc.Entities()[local].Aliases)
                    aliases[a] = aliases.GetValueOrDefault(a) + 1;
                foreach (var role in doc.Entities()[local].Roles)
                    console.MarkupLineInterpolated($"  role: {role}  [grey]({document})[/]");
                console.MarkupLineInterpolated($"  article: {document}");
            }
            console.MarkupLineInterpolated($"  names: {string.Join(", ", aliases.Select(a => $"{a.Key} ({a.Value})"))}");
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
}
