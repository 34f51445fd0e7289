using System.CommandLine;
using Sitrep.Entities.Actors;
using Sitrep.Entities.Resolution;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train actors</c>: rebuilds the actor tables of resources/actors from the PETRARCH2 dictionaries.</summary>
internal static class ActorListCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var actors = new Option<DirectoryInfo>("--actors")
        {
            Description = "Folder with the PETRARCH2 Phoenix actor and agent dictionaries.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "actors", "petrarch2")),
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write actors.tsv, given-names.tsv and agent-nouns.tsv into.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("resources", "actors")),
        };
        var command = new Command("actors", """
            Build the actor tables that give entities a type, sector and country (resources/actors)
            from the PETRARCH2 dictionaries in ../shared/data/actors/petrarch2.
            """);
        command.Options.Add(actors);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var source = parse.GetValue(actors)!;
            if (!source.Exists)
            {
                Errors.Write(console, $"{source.FullName} not found");
                return ExitCodes.NothingRead;
            }
            var target = parse.GetValue(output)!;
            int count = ActorListBuilder.Build(source.FullName, target.FullName, CountryTable.Default);
            console.MarkupLineInterpolated($"{count} actor names written to {target.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
