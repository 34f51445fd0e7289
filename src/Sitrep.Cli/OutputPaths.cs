using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>
/// Paths a command writes to (<c>--json</c>, <c>--out</c>, <c>--db</c>), checked before any input is
/// read: a folder that does not exist, or a folder where a file is meant, is a usage error with a
/// one-line message, and nothing is created.
/// </summary>
internal static class OutputPaths
{
    /// <summary>Why <paramref name="path"/> cannot be a file written by <paramref name="option"/>, or null when it can.</summary>
    public static string? FileProblem(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return $"{option} {path}: is a folder; name a file";
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            return $"{option} {path}: the folder {folder} does not exist";
        return null;
    }

    /// <summary>Why <paramref name="path"/> cannot be a folder written into by <paramref name="option"/> (created when only it is missing), or null.</summary>
    public static string? FolderProblem(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            return $"{option} {path}: is a file; name a folder (one CSV file is written per table)";
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar));
        if (!Directory.Exists(full) && !string.IsNullOrEmpty(parent) && !Directory.Exists(parent))
            return $"{option} {path}: the folder {parent} does not exist";
        return null;
    }

    /// <summary>Writes the first problem of the files named and returns false; true when every one can be written.</summary>
    public static bool CheckFiles(IAnsiConsole console, params (string Option, string? Path)[] files)
    {
        foreach (var (option, path) in files)
        {
            if (path is not null && FileProblem(option, path) is { } problem)
            {
                Errors.Write(console, problem);
                return false;
            }
        }
        return true;
    }
}
