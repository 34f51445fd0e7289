namespace Sitrep;

/// <summary>
/// How long a generated regex may run on one input before it gives up. Article text is untrusted: a
/// pattern with nested quantifiers can backtrack for minutes on a hostile line (fuzzing once found a
/// line of comma-separated ids that did). One second is thousands of times what any pattern needs on
/// real text (all of them together take well under a millisecond per article), so a timeout only ever
/// fires on such a line; the stage that ran it notes the failure on that document and the batch goes on.
/// </summary>
internal static class RegexTimeouts
{
    public const int Milliseconds = 1000;
}
