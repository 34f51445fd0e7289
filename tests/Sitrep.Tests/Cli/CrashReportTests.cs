using Sitrep.Cli;

namespace Sitrep.Tests.Cli;

/// <summary>An internal error's details go to a file the one-line message names: what a bug report needs, off the terminal.</summary>
public sealed class CrashReportTests
{
    [Fact]
    public void The_crash_file_holds_the_error_its_stack_trace_and_the_command()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("the ledger is corrupt");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        var path = CrashReport.Write(thrown);

        Assert.NotNull(path);
        try
        {
            Assert.StartsWith(Path.GetTempPath(), path, StringComparison.Ordinal);
            Assert.Contains("sitrep-crash-", Path.GetFileName(path), StringComparison.Ordinal);
            var text = File.ReadAllText(path);
            Assert.Contains("System.InvalidOperationException: the ledger is corrupt", text, StringComparison.Ordinal);
            Assert.Contains(nameof(The_crash_file_holds_the_error_its_stack_trace_and_the_command), text, StringComparison.Ordinal);
            Assert.Contains("command:", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
