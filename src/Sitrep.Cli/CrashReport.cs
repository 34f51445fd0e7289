using System.Globalization;

namespace Sitrep.Cli;

/// <summary>
/// The details of an internal error (its type, message and stack trace, the command line, the version), written to a
/// file in the temporary folder: the terminal shows one line, and whoever reports the bug has the trace to send.
/// </summary>
internal static class CrashReport
{
    /// <summary>Writes the report; its path, or null when it could not be written (a crash report must not crash).</summary>
    public static string? Write(Exception e)
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"sitrep-crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.txt"));
            var version = typeof(CrashReport).Assembly.GetName().Version?.ToString() ?? "unknown";
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
                $"sitrep {version}, {DateTime.UtcNow:O}\ncommand: {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}\n\n{e}\n"));
            return path;
        }
#pragma warning disable CA1031 // Whatever went wrong here, the user still gets the one-line error.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
