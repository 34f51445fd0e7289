using System.CommandLine;
using Sitrep.Engine;
using Sitrep.Ingest;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal static class StoreOptions
{
    /// <summary>The store option; only <c>analyze</c> creates a missing store, every other command reads one that exists.</summary>
    public static Option<FileInfo> Database(bool createsStore = false) => new("--db")
    {
        Description = createsStore ? "The store: a SQLite file, created if missing." : "The store: a SQLite file that 'sitrep analyze' made.",
        DefaultValueFactory = _ => new FileInfo("sitrep.db"),
    };

    /// <summary>Opens the engine over a store, creating it if missing; says why on standard error and gives the exit code when it cannot.</summary>
    public static SitrepEngine? OpenEngine(IAnsiConsole console, FileInfo db, EngineOptions options, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        try
        {
            // An older store is upgraded as it opens, which can take a minute: say so before, on standard error.
            if (StoreFactory.UpgradeNotice(db.FullName) is { } notice)
                Errors.Write(console, notice);
            return SitrepEngine.Open(codecs => StoreFactory.Open(db.FullName, codecs), options);
        }
        catch (StoreException e)
        {
            Errors.Write(console, e.Message);
            exitCode = ExitCodes.StoreError;
            return null;
        }
    }

    /// <summary>Opens the engine over a store that must exist already.</summary>
    public static SitrepEngine? OpenExisting(IAnsiConsole console, FileInfo db, out int exitCode, EngineOptions? options = null)
    {
        exitCode = ExitCodes.Ok;
        if (Directory.Exists(db.FullName))
        {
            Errors.Write(console, $"--db {db.FullName}: is a folder; name the store's file");
            exitCode = ExitCodes.Usage;
            return null;
        }
        if (!File.Exists(db.FullName))
        {
            Errors.Write(console, $"no store at {db.FullName} (sitrep analyze creates one)");
            exitCode = ExitCodes.NothingRead;
            return null;
        }
        return OpenEngine(console, db, options ?? EngineOptions.Default, out exitCode);
    }

    /// <summary>Removes a store this command created and left empty, with SQLite's side files.</summary>
    public static void DeleteStoreFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind, empty: nothing is lost.
            }
        }
    }

    /// <summary>Removes the run lock's file (<see cref="StoreLock"/>) beside a store this command created and removed, or never opened.</summary>
    public static void DeleteLockFile(string path)
    {
        try
        {
            File.Delete(StoreLock.PathFor(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, empty: only the lock on it counts.
        }
    }

    /// <summary>The store's document catalog (lists, search, counts); every store Sitrep opens keeps one.</summary>
    public static IDocumentCatalog Documents(SitrepEngine engine) =>
        engine.Catalog ?? throw new InvalidOperationException($"the store {engine.Store.Location} keeps no document catalog");

    /// <summary>The store's entity catalog; every store Sitrep opens keeps one.</summary>
    public static Sitrep.Entities.Resolution.IEntityCatalog Entities(IDocumentStore store) =>
        store.Feature<Sitrep.Entities.Resolution.IEntityCatalog>() ?? throw new InvalidOperationException($"the store {store.Location} keeps no entities");
}
