using System.CommandLine;

namespace Sitrep.Cli.Commands;

internal static class StoreOptions
{
    public static Option<FileInfo> Database() => new("--db")
    {
        Description = "The store: a SQLite file, created if missing.",
        DefaultValueFactory = _ => new FileInfo("sitrep.db"),
    };
}
