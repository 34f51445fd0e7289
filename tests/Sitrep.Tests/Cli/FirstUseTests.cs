using Microsoft.Data.Sqlite;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Cli;

/// <summary>
/// A new user's first mistakes (issue 14): a wrong option, an output path into a missing folder, a
/// run that reads nothing, another program's database, a field of the wrong kind, a URL of another
/// scheme. Each is a clear one-line message, no stack trace, and nothing is created or changed.
/// </summary>
public sealed class FirstUseTests
{
    private const string Article = """
        Valdoria reopens two Serin crossings

        ALDMERE — Valdoria reopened two of its seven road crossings with Korveth on Monday, ten days after a militia raid on a border post, the interior ministry said.

        Trucks began moving across the Serin Bridge shortly after dawn, and officials said the remaining crossings would open once new inspection posts were ready.
        """;

    [Fact]
    public void An_unknown_option_is_a_usage_error_that_creates_no_store()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("analyze", "--bogus", dir.Write("a.txt", Article), "--db", dir.File("s.db"));

        Assert.Equal(1, code);
        Assert.Contains("unknown option '--bogus'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.db")));
        Assert.DoesNotContain("no such file", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--timeout", "-3")]
    [InlineData("--timeout", "0")]
    [InlineData("--host-interval", "-1")]
    public void A_negative_wait_is_a_usage_error_that_creates_no_store(string option, string value)
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("analyze", dir.Write("a.txt", Article), "--db", dir.File("s.db"), option, value);

        Assert.Equal(1, code);
        Assert.Contains($"{option} {value}: give a number of seconds", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--db")]
    public void An_output_path_in_a_missing_folder_is_a_usage_error_before_anything_is_read_or_created(string option)
    {
        using var dir = new TempDir();
        var input = dir.Write("a.txt", Article);
        var missing = dir.File("no-such-folder/out.file");
        var args = option == "--db" ? new[] { "analyze", input, "--db", missing } : ["analyze", input, "--db", dir.File("s.db"), option, missing];

        var (code, output) = CliRunner.Run(args);

        Assert.Equal(1, code);
        Assert.Contains($"{option} {missing}: the folder {dir.File("no-such-folder")} does not exist", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("no-such-folder")), "the missing folder was created");
        Assert.False(File.Exists(dir.File("s.db")), "a store was created although the command was refused");
    }

    [Fact]
    public void Json_onto_a_folder_is_a_usage_error_in_one_line()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("out"));
        var (code, output) = CliRunner.Run("analyze", dir.Write("a.txt", Article), "--db", dir.File("s.db"), "--json", dir.File("out"));

        Assert.Equal(1, code);
        Assert.Contains($"--json {dir.File("out")}: is a folder", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public void Export_into_a_missing_folder_or_onto_a_folder_is_a_usage_error()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run("analyze", dir.Write("in/a.txt", Article), "--db", dir.File("s.db")).ExitCode);

        var (missingCode, missingOutput) = CliRunner.Run("export", "--db", dir.File("s.db"), "--out", dir.File("nowhere/x.jsonl"));
        var (folderCode, folderOutput) = CliRunner.Run("export", "--db", dir.File("s.db"), "--out", dir.File("in"));

        Assert.Equal(1, missingCode);
        Assert.Contains("does not exist", missingOutput, StringComparison.Ordinal);
        Assert.Equal(1, folderCode);
        Assert.Contains("is a folder", folderOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missingOutput + folderOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("nowhere")));
    }

    [Fact]
    public void A_run_that_read_nothing_leaves_no_new_store_behind()
    {
        using var dir = new TempDir();
        dir.Write("empty.txt", "");

        var (missing, _) = CliRunner.Run("analyze", dir.File("no-such-file.txt"), "--db", dir.File("a.db"));
        var (failed, _) = CliRunner.Run("analyze", dir.File("empty.txt"), "--db", dir.File("b.db"));

        Assert.Equal(2, missing);
        Assert.Equal(2, failed);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.db*"));
    }

    [Fact]
    public void A_run_that_read_nothing_keeps_a_store_that_existed_before()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run("analyze", dir.Write("a.txt", Article), "--db", dir.File("s.db")).ExitCode);

        Assert.Equal(2, CliRunner.Run("analyze", dir.File("no-such-file.txt"), "--db", dir.File("s.db")).ExitCode);

        Assert.True(File.Exists(dir.File("s.db")));
        Assert.Contains("1 document.", CliRunner.Run("documents", "list", "--db", dir.File("s.db")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_programs_sqlite_database_is_refused_and_left_byte_for_byte_as_it_was_not_even_switched_to_wal()
    {
        using var dir = new TempDir();
        var db = dir.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = DELETE; CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');";
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(db);

        var (code, output) = CliRunner.Run("analyze", dir.Write("a.txt", Article), "--db", db);

        Assert.Equal(3, code);
        Assert.Contains("not a Sitrep store", output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db));
        // Bytes 18 and 19 of the header say the journal mode: 1 is the rollback journal, 2 would be WAL.
        Assert.Equal(1, File.ReadAllBytes(db)[18]);
        Assert.False(File.Exists(db + "-wal"));
    }

    [Fact]
    public void A_url_of_another_scheme_is_reported_as_such_not_as_a_missing_file()
    {
        using var dir = new TempDir();
        var (code, output) = CliRunner.Run("analyze", "ftp://files.example/article.txt", "--db", dir.File("s.db"));

        Assert.Equal(2, code);
        Assert.Contains("ftp://files.example/article.txt: unsupported URL scheme 'ftp'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jsonl_text_that_is_a_number_is_refused_and_a_broken_line_says_only_its_real_line()
    {
        using var dir = new TempDir();
        var input = dir.Write("dump.jsonl", "{\"title\": \"A number\", \"text\": 42}\n{\"title\": \"broken\", \"text\": \"unterminated\n" + "{\"text\": [\"a\", \"list\"]}\n");

        var (code, output) = CliRunner.Run("analyze", input, "--db", dir.File("s.db"));

        Assert.Equal(2, code);
        Assert.Contains("dump.jsonl:1: field \"text\" is a number, not text", output, StringComparison.Ordinal);
        Assert.Contains("dump.jsonl:2: not JSON:", output, StringComparison.Ordinal);
        Assert.Contains("dump.jsonl:3: field \"text\" is a list, not text", output, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public void A_command_without_its_subcommand_or_with_a_wrong_value_is_a_usage_error_without_a_stack_trace()
    {
        var (noCommand, noCommandOutput) = CliRunner.Run("documents");
        var (badFormat, badFormatOutput) = CliRunner.Run("export", "--format", "xml");

        Assert.Equal(1, noCommand);
        Assert.Equal(1, badFormat);
        Assert.Contains("sitrep: ", badFormatOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", noCommandOutput + badFormatOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("documents", "list")]
    [InlineData("stats")]
    [InlineData("report")]
    [InlineData("reanalyze")]
    [InlineData("entities", "merge")]
    public void A_command_that_reads_the_store_does_not_promise_to_create_one_in_its_help(params string[] command)
    {
        var (code, output) = CliRunner.Run([.. command, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("--db", output, StringComparison.Ordinal);
        Assert.DoesNotContain("created if missing", output, StringComparison.Ordinal);
        Assert.Contains("'sitrep analyze' made", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_help_says_it_creates_the_store_and_names_every_exit_code()
    {
        var (code, output) = CliRunner.Run("analyze", "--help");
        var flat = string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, code);
        Assert.Contains("created if missing", flat, StringComparison.Ordinal);
        Assert.Contains("4 on a bug", flat, StringComparison.Ordinal);
        Assert.Contains("where the time and the memory went", flat, StringComparison.Ordinal);
    }
}
