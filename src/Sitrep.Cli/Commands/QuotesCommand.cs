using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Ingest;
using Sitrep.Quotes;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep quotes</c>: who said what across the stored articles.</summary>
internal static class QuotesCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database();
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes of this speaker: an entity id (E12) or a name (any case, part of it will do)." };
        var cited = new Option<string?>("--cited") { Description = "Only quotes whose words appeared in this outlet or channel: an entity id or a name (Twitter, Tasnim)." };
        var document = new Option<string?>("--document") { Description = "Only quotes of this stored document." };
        var attribution = new Option<string?>("--attribution") { Description = "Only quotes of this kind of attribution: speech (words said or written), thought, evidential or action." };
        var top = new Option<int>("--top") { Description = "How many to list.", DefaultValueFactory = _ => 100 }.AtLeast(1);
        var json = new Option<bool>("--json") { Description = "Write the quotes as JSON (one array) instead of a table." };
        var command = new Command("quotes", """
            Who said what in the stored articles: each quote with its speaker, its words, where and
            when they appeared (the cited outlet or channel and the date) and the article.

            Examples:
              sitrep quotes --speaker Kolvar
              sitrep quotes --speaker E12 --cited Twitter
              sitrep quotes --speaker Kolvar --attribution speech
              sitrep quotes --document harbor-ledger_2025-03-03 --json
            """);
        command.Options.Add(db);
        command.Options.Add(speaker);
        command.Options.Add(cited);
        command.Options.Add(document);
        command.Options.Add(attribution);
        command.Options.Add(top);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var engine = StoreOptions.OpenExisting(console, parse.GetValue(db)!, out int exitCode);
            if (engine is null)
                return exitCode;
            var store = engine.Store;
            QuoteAttribution? kind = null;
            if (Blank(parse.GetValue(attribution)) is { } name && (kind = CueClasses.Parse(name)) is null)
            {
                Errors.Write(console, $"unknown attribution '{name}': speech, thought, evidential or action");
                return ExitCodes.Usage;
            }
            var query = new QuoteQuery(Blank(parse.GetValue(speaker)), Blank(parse.GetValue(cited)), Blank(parse.GetValue(document))) { Attribution = kind };
            if (query.Document is { } id && store.Load(id) is null)
            {
                Errors.Write(console, $"no document {id} in the store {store.Location} ('sitrep documents list' or 'sitrep search' finds ids)");
                return ExitCodes.NothingRead;
            }
            int limit = Math.Max(1, parse.GetValue(top));
            // One more than shown, to say whether there are more.
            var quotes = StoredQuotes.Find(store, query).Take(limit + 1).ToList();
            bool more = quotes.Count > limit;
            if (more)
                quotes.RemoveAt(quotes.Count - 1);
            if (parse.GetValue(json))
            {
                // Through the console's own writer: standard output, and what a test reads.
                using var buffer = new MemoryStream();
                WriteJson(buffer, quotes);
                console.Profile.Out.Writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                console.Profile.Out.Writer.Flush();
                return ExitCodes.Ok;
            }
            if (quotes.Count == 0)
            {
                console.MarkupLine("No quote found.");
                return ExitCodes.Ok;
            }
            var titles = store.Feature<IDocumentCatalog>()?.Summaries(quotes.Select(q => q.Document).Distinct(StringComparer.Ordinal)) ?? new Dictionary<string, DocumentSummary>();
            var table = new Table().Border(TableBorder.Rounded).AddColumns("speaker", "words", "cited", "date", "article");
            foreach (var q in quotes)
            {
                var summary = titles.GetValueOrDefault(q.Document);
                table.AddRow(
                    Markup.Escape(q.Speaker is null ? "(unattributed)" : q.Speaker + (q.SpeakerId is { } e ? $" ({e})" : "")),
                    Markup.Escape((q.Quote.Kind == QuoteKind.Indirect ? "" : "“") + StoredQuote.Shorten(q.Words, 160) + (q.Quote.Kind == QuoteKind.Indirect ? "" : "”")
                        + (q.Quote.IsSpeech ? "" : " (" + CueClasses.Name(q.Quote.Attribution) + ")")),
                    Markup.Escape(q.CitedName ?? ""),
                    Markup.Escape(q.Date ?? ""),
                    Markup.Escape(q.Document + (summary?.Outlet is { } outlet ? $" ({outlet})" : "")));
            }
            console.Write(table);
            console.MarkupLineInterpolated($"{ViewRenderer.Count(quotes.Count, "quote", "quotes")}{(more ? " shown (--top N lists more)" : "")}; words in quotation marks are quoted, the others reported; a thought, evidence or deed, not words, is marked so.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void WriteJson(Stream output, IReadOnlyList<StoredQuote> quotes)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var q in quotes)
        {
            json.WriteStartObject();
            json.WriteString("document", q.Document);
            json.WriteNumber("quote", q.Index);
            json.WriteString("kind", QuoteJson.KindName(q.Quote.Kind));
            json.WriteString("attribution", CueClasses.Name(q.Quote.Attribution));
            json.WriteString("text", q.Words);
            if (q.Speaker is null)
            {
                json.WriteNull("speaker");
            }
            else
            {
                json.WriteStartObject("speaker");
                json.WriteString("name", q.Speaker);
                json.WriteString("text", q.SpeakerWords);
                WriteOrNull(json, "entity", q.SpeakerId);
                json.WriteEndObject();
            }
            WriteOrNull(json, "cue", q.Cue);
            if (q.Quote.Cited is null)
            {
                json.WriteNull("cited");
            }
            else
            {
                json.WriteStartObject("cited");
                WriteOrNull(json, "source", q.CitedName);
                WriteOrNull(json, "entity", q.CitedId);
                WriteOrNull(json, "date", q.Date);
                json.WriteEndObject();
            }
            json.WriteNumber("statement", q.Quote.Statement);
            if (q.Quote.Within >= 0)
                json.WriteNumber("within", q.Quote.Within);
            else
                json.WriteNull("within");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.Flush();
        output.Write("\n"u8);
    }

    private static void WriteOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }

}
