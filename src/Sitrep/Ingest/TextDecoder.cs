using System.Text;
using Sitrep.Pipeline;

namespace Sitrep.Ingest;

/// <summary>
/// Turns the bytes of a file into text without losing any: a byte-order mark decides where there
/// is one, strict UTF-8 next, and Windows-1252 (which maps every byte) last, noted as a fallback.
/// Binary data is refused rather than decoded into noise.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; notes say what had to be assumed.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (bytes.IsEmpty)
            throw new InputRejectedException("empty file");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Strict(bytes[3..], notes);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return CheckText(new UTF32Encoding(false, true).GetString(bytes[4..]));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return CheckText(Encoding.Unicode.GetString(bytes[2..]));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return CheckText(Encoding.BigEndianUnicode.GetString(bytes[2..]));
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Contains((byte)0))
            throw new InputRejectedException("binary file (contains NUL bytes), not text");
        return Strict(bytes, notes);
    }

    /// <summary>
    /// Decodes an HTML page: a byte-order mark, then valid UTF-8, then the charset the page
    /// declares in its first bytes, then Windows-1252.
    /// </summary>
    public static string DecodeHtml(ReadOnlySpan<byte> bytes, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (bytes.IsEmpty)
            throw new InputRejectedException("empty file");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Decode(bytes, notes);
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Contains((byte)0))
            throw new InputRejectedException("binary file (contains NUL bytes), not HTML");
        try
        {
            return CheckText(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            var declared = DeclaredCharset(bytes[..Math.Min(bytes.Length, 4096)]);
            Encoding? encoding = null;
            if (declared is not null)
            {
                try
                {
                    encoding = Encoding.GetEncoding(declared);
                }
                catch (ArgumentException)
                {
                    notes.Add($"declared charset '{declared}' is unknown");
                }
            }
            encoding ??= Encoding.GetEncoding(1252);
            notes.Add($"not valid UTF-8; decoded as {encoding.WebName}");
            return CheckText(encoding.GetString(bytes));
        }
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var m = System.Text.RegularExpressions.Regex.Match(ascii, @"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_:.-]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string Strict(ReadOnlySpan<byte> bytes, List<string> notes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding(1252).GetString(bytes);
            notes.Add("not valid UTF-8; decoded as Windows-1252");
        }
        return CheckText(text);
    }

    /// <summary>Text has few control characters; a file that is mostly control characters is binary whatever its name.</summary>
    private static string CheckText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new InputRejectedException("empty file (only white space)");
        int sample = Math.Min(text.Length, 8192), control = 0;
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
                control++;
        }
        if (control > sample / 20)
            throw new InputRejectedException($"binary file ({control} control characters in the first {sample}), not text");
        return text;
    }
}
