using Sitrep.Cli;
using Spectre.Console;

namespace Sitrep.Tests.TestSupport;

/// <summary>Runs the sitrep command line in-process and keeps what it printed.</summary>
public static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        int code = Program.Run(args, console, writer);
        return (code, writer.ToString());
    }
}
