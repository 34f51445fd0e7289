using System.CommandLine;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class StoreOptions
{
    public static Option<FileInfo> Database() => new("--db")
    {
        Description = "The store: a SQLite file, created if missing.",
        DefaultValueFactory = _ => new FileInfo("sitrep.db"),
    };

    /// <summary>Opens a store that must exist already; says why on the console and gives the exit code when it cannot.</summary>
    public static SqliteDocumentStore? OpenExisting(IAnsiConsole console, FileInfo db, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        if (!db.Exists)
        {
            console.WriteLine($"sitrep: no store at {db.FullName}");
            exitCode = ExitCodes.NothingRead;
            return null;
        }
        try
        {
            return SqliteDocumentStore.Open(db.FullName);
        }
        catch (StoreException e)
        {
            console.WriteLine($"sitrep: {e.Message}");
            exitCode = ExitCodes.StoreError;
            return null;
        }
    }
}
