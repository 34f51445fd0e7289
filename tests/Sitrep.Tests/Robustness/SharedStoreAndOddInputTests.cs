using System.Diagnostics;
using System.Globalization;
using Sitrep.Cli;
using Sitrep.Ingest;
using Sitrep.Tests.TestSupport;

namespace Sitrep.Tests.Robustness;

/// <summary>
/// Two runs on one store, a page with no text, a named pipe in a folder and counts or dates that mean nothing
/// (docs/measurements.md, "Hardening: hostile input"): each a one-line reason, nothing lost, nothing hung.
/// </summary>
public sealed class SharedStoreAndOddInputTests
{
    [Fact]
    public void A_second_analyze_on_a_store_in_use_stops_before_any_work_and_names_the_other_run()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "record locks and python3's fcntl: Linux");
        using var dir = new TempDir();
        var article = dir.Write("a.txt", InventedNews.Article(1));
        var store = dir.File("s.db");
        // Another process holds the store's run lock, as a running 'sitrep analyze' does (a record lock on byte 0).
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import fcntl,os,sys\nf=open(sys.argv[1],'a+')\nfcntl.lockf(f,fcntl.LOCK_EX|fcntl.LOCK_NB,1,0)\nf.write(str(os.getpid()));f.flush()\nprint('held',flush=True)\nsys.stdin.read()");
        info.ArgumentList.Add(StoreLock.PathFor(store));
        using var holder = Process.Start(info)!;
        Assert.Equal("held", holder.StandardOutput.ReadLine());

        var (code, output) = CliRunner.Run("analyze", article, "--db", store);

        Assert.Equal(3, code);
        Assert.Contains($"the store {store} is in use by another sitrep run (pid {holder.Id.ToString(CultureInfo.InvariantCulture)}); wait for it to end or use another --db", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.DoesNotContain("database is locked", output, StringComparison.Ordinal);
        Assert.False(File.Exists(store));

        holder.StandardInput.Close();
        holder.WaitForExit();
        // The lock goes with the process that held it: the same command now stores the article.
        var (again, _) = CliRunner.Run("analyze", article, "--db", store);
        Assert.Equal(0, again);
        Assert.Contains("1 document.", CliRunner.Run("documents", "list", "--db", store).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_held_by_a_run_in_this_process_refuses_analyze_and_reanalyze_and_is_free_again_after()
    {
        Assert.SkipWhen(OperatingSystem.IsMacOS(), ".NET has no record locks on macOS");
        using var dir = new TempDir();
        var store = dir.File("s.db");
        Assert.Equal(0, CliRunner.Run("analyze", dir.Write("a.txt", InventedNews.Article(1)), "--db", store).ExitCode);

        using (var held = StoreLock.TryTake(store, out var none))
        {
            Assert.NotNull(held);
            Assert.Null(none);
            var (code, output) = CliRunner.Run("analyze", dir.Write("b.txt", InventedNews.Article(2)), "--db", store);
            Assert.Equal(3, code);
            Assert.Contains("is in use by another sitrep run", output, StringComparison.Ordinal);
            var (reanalyzed, reanalyzeOutput) = CliRunner.Run("reanalyze", "--db", store);
            Assert.Equal(3, reanalyzed);
            Assert.Contains("is in use by another sitrep run", reanalyzeOutput, StringComparison.Ordinal);
            // Readers are not kept out.
            Assert.Equal(0, CliRunner.Run("documents", "list", "--db", store).ExitCode);
        }

        Assert.Equal(0, CliRunner.Run("analyze", dir.File("b.txt"), "--db", store).ExitCode);
        Assert.Contains("2 documents.", CliRunner.Run("documents", "list", "--db", store).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_of_only_scripts_and_styles_is_reported_not_stored_empty()
    {
        using var dir = new TempDir();
        dir.Write("in/good.txt", InventedNews.Article(1));
        dir.Write("in/scripts.html", "<html><head>" + string.Concat(Enumerable.Repeat("<script>var a = 1;</script>", 200)) + "<style>p { color: red }</style></head><body>  </body></html>");
        var store = dir.File("s.db");

        var (code, output) = CliRunner.Run("analyze", dir.File("in"), "--db", store);

        Assert.Equal(0, code);
        Assert.Contains("scripts.html: no text in the page (only markup, scripts or styles)", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.Contains("1 document.", CliRunner.Run("documents", "list", "--db", store).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_in_a_folder_is_skipped_with_a_reason_not_waited_on()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "mkfifo");
        using var dir = new TempDir();
        dir.Write("in/a.txt", InventedNews.Article(1));
        using (var mkfifo = Process.Start("mkfifo", dir.File("in/pipe.txt")))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Before, opening the pipe waited for a writer for ever.
        var items = await FolderReading.ItemsOrFailAsync(dir.File("in"));
        Assert.Equal(["a.txt"], items.Where(i => i.Article is not null).Select(i => Path.GetFileName(i.Article!.Source)));
        var failure = Assert.Single(items, i => i.Failure is not null).Failure!;
        Assert.EndsWith("pipe.txt", failure.Source, StringComparison.Ordinal);
        Assert.Contains("not a file (a named pipe); skipped", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_linked_into_a_folder_is_refused_after_the_size_limit_not_read_for_ever()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/dev/zero"), "/dev/zero");
        using var dir = new TempDir();
        dir.Write("in/a.txt", InventedNews.Article(1));
        // Each reader of the folder: a text file, a page, a JSON-lines dump and a feed. Before, the text file and the
        // page were read by File.ReadAllBytes (length 0, so no size check) until memory ran out.
        foreach (var name in new[] { "zero.txt", "zero.html", "zero.jsonl", "zero.rss" })
            File.CreateSymbolicLink(dir.File("in/" + name), "/dev/zero");

        var items = await FolderReading.ItemsOrFailAsync(dir.File("in"));

        Assert.Equal(["a.txt"], items.Where(i => i.Article is not null).Select(i => Path.GetFileName(i.Article!.Source)));
        var failures = items.Where(i => i.Failure is not null).Select(i => i.Failure!).ToList();
        Assert.Equal(4, failures.Count);
        Assert.All(failures, f => Assert.Contains("zero.", f.Source, StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Source.EndsWith("zero.txt", StringComparison.Ordinal) && f.Reason.Contains("more than 10 MB read from a file that says it is 0 bytes long", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Source.EndsWith("zero.rss", StringComparison.Ordinal) && f.Reason.Contains("more than 64 MB read", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("search", "--top", "-5", "--top -5: give a count of 1 or more")]
    [InlineData("search", "--top", "0", "--top 0: give a count of 1 or more")]
    [InlineData("stats", "--outlets", "-1", "--outlets -1: give a count of 0 or more")]
    [InlineData("documents list", "--from", "2025-13-45", "--from 2025-13-45: not a date")]
    [InlineData("documents list", "--to", "2025-02-30", "--to 2025-02-30: not a date")]
    [InlineData("documents list", "--from", "2025-13", "--from 2025-13: not a date")]
    public void A_count_or_date_that_means_nothing_is_a_usage_error(string command, string option, string value, string message)
    {
        using var dir = new TempDir();
        var store = dir.File("s.db");
        Assert.Equal(0, CliRunner.Run("analyze", dir.Write("a.txt", InventedNews.Article(1)), "--db", store).ExitCode);
        var args = command.Split(' ').ToList();
        if (command == "search")
            args.Add("Members");
        args.AddRange(["--db", store, option, value]);

        var (code, output) = CliRunner.Run([.. args]);

        Assert.Equal(1, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("documents.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_partial_date_is_still_accepted()
    {
        using var dir = new TempDir();
        var store = dir.File("s.db");
        Assert.Equal(0, CliRunner.Run("analyze", dir.Write("a.txt", InventedNews.Article(1)), "--db", store).ExitCode);
        foreach (var date in new[] { "2025", "2025-02", "2024-02-29" })
            Assert.Equal(0, CliRunner.Run("documents", "list", "--db", store, "--from", date).ExitCode);
    }

    [Fact]
    public void Eval_ner_refuses_binary_data_and_a_file_without_tags()
    {
        using var dir = new TempDir();
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        var binary = dir.WriteBytes("random.bin", bytes);
        var (code, output) = CliRunner.Run("eval", "ner", binary, "--out", dir.File("p.txt"));
        Assert.Equal(2, code);
        Assert.Contains("binary data (NUL bytes), not a CoNLL file", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.txt")));

        var words = dir.Write("words.txt", "Valdoria\nreopened\ncrossings\n");
        (code, output) = CliRunner.Run("eval", "ner", words, "--out", dir.File("p.txt"));
        Assert.Equal(2, code);
        Assert.Contains("no line has a word and a tag: not a CoNLL file", InventedNews.Flat(output), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("p.txt")));
    }
}
