using Spectre.Console;

namespace Sitrep.Cli;

/// <summary>Error lines: to standard error, so they never end up inside piped output (tests pass a console that records both).</summary>
internal static class Errors
{
    public static void Write(IAnsiConsole console, string message)
    {
        if (ReferenceEquals(console, AnsiConsole.Console))
            Console.Error.WriteLine($"sitrep: {message}");
        else
            console.WriteLine($"sitrep: {message}");
    }
}
