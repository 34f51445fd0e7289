using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sitrep.Entities;
using Sitrep.Text;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval ner FILE --out PRED</c>: tags a CoNLL file and writes it back with a predicted
/// column, for ../shared/tools/score_ner.py; prints its own F1 and the tagging speed.
/// </summary>
internal static class NerEvalCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var input = new Argument<FileInfo>("file") { Description = "A CoNLL-format file (word first, gold tag last)." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the file with the predicted column.", Required = true };
        var modelFile = new Option<FileInfo?>("--model") { Description = "A model file; the shipped model by default." };
        var command = new Command("ner", """
            Tag a CoNLL-format file with the named-entity model and write it back with a predicted column.

            Example:
              sitrep eval ner ../shared/data/ner/conll2003pp/conllpp_test.txt --out pred.txt
              python3 ../shared/tools/score_ner.py pred.txt
            """);
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(modelFile);
        command.SetAction(parse => Run(console, parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(modelFile)));
        return command;
    }

    /// <summary>Why the file is not CoNLL text (binary data, not UTF-8), from its first 64 KB; null when it may be.</summary>
    private static string? NotConll(string path)
    {
        var head = new byte[65536];
        int read;
        using (var file = File.OpenRead(path))
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, read);
        if (bytes.Contains((byte)0))
            return "binary data (NUL bytes), not a CoNLL file";
        // A full buffer may end inside a character: back up to the start of the last one.
        int end = read;
        if (read == head.Length)
        {
            while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80)
                end--;
            if (end > 0 && bytes[end - 1] >= 0xC0)
                end--;
        }
        var check = bytes[..end];
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(check);
        }
        catch (DecoderFallbackException)
        {
            return "not UTF-8 text, not a CoNLL file";
        }
        return null;
    }

    private static int Run(IAnsiConsole console, FileInfo input, FileInfo output, FileInfo? modelFile)
    {
        if (!input.Exists)
        {
            console.WriteLine($"sitrep: no file at {input.FullName}");
            return ExitCodes.NothingRead;
        }
        if (NotConll(input.FullName) is { } why)
        {
            Errors.Write(console, $"{input.FullName}: {why}");
            return ExitCodes.NothingRead;
        }
        var sentences = ConllReader.ReadFile(input.FullName);
        if (!sentences.Any(s => s.Lines.Any(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 2)))
        {
            Errors.Write(console, $"{input.FullName}: {(sentences.Count == 0 ? "no tokens in it" : "no line has a word and a tag")}: not a CoNLL file");
            return ExitCodes.NothingRead;
        }
        var model = modelFile is null ? NerModel.Default : NerModel.Load(modelFile.FullName);
        int tokenCount = sentences.Sum(s => s.Words.Length);

        // Warm up once so the timing is of the tagger, not of the JIT.
        PerceptronTrainer.Predict(model, sentences.Take(300).ToList());
        // Processor time beside the wall clock: on a shared, busy machine the wall-clock figure says
        // more about the other processes than about the tagger (tagging runs on one thread).
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var predicted = PerceptronTrainer.Predict(model, sentences);
        double tagSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double tagCpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;

        using (var writer = new StreamWriter(output.FullName, false, new UTF8Encoding(false)))
            ConllWriter.Write(writer, sentences, predicted);

        // The end-to-end figure: the same words as running text, through tokenizer, sentence splitter and
        // tagger. A whole pass first (the JIT's optimised code arrives after a few hundred calls, and its
        // background compiling would count as this thread's processor time), then the median of three.
        var text = string.Join("\n\n", sentences.Select(s => string.Join(' ', s.Words)));
        List<EntityMention> mentions = model.Recognize(text);
        int tokenTotal = 0;
        var passes = new List<(double Wall, double Cpu)>();
        for (int pass = 0; pass < 3; pass++)
        {
            process.Refresh();
            cpu = process.TotalProcessorTime;
            clock.Restart();
            var tokens = Tokenizer.Tokenize(text);
            var split = SentenceSplitter.Split(text, tokens);
            mentions = model.Recognize(text, tokens, split);
            double wall = clock.Elapsed.TotalSeconds;
            process.Refresh();
            passes.Add((wall, (process.TotalProcessorTime - cpu).TotalSeconds));
            tokenTotal = tokens.Length;
        }
        double pipelineSeconds = passes.Select(p => p.Wall).Order().ElementAt(1);
        double pipelineCpuSeconds = passes.Select(p => p.Cpu).Order().ElementAt(1);

        var score = NerScore.Compute([.. sentences.Select(s => s.Tags)], predicted);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tagged {sentences.Count} sentences, {tokenCount} tokens: {tokenCount / tagSeconds:0} tokens/s (tagging; {tokenCount / tagCpuSeconds:0} per processor second)"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokenize + sentences + NER on the same text (median of 3 passes): {tokenTotal} tokens, {mentions.Count} names, {tokenTotal / pipelineSeconds:0} tokens/s ({tokenTotal / pipelineCpuSeconds:0} per processor second)"));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"F1 {score.F1:0.0000} (P {score.Precision:0.0000} R {score.Recall:0.0000}; {score.Gold} gold, {score.Predicted} predicted); wrote {output.FullName}"));
        return ExitCodes.Ok;
    }
}
