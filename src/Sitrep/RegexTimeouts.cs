namespace Sitrep;

/// <summary>
/// How long a generated regex may run on one input before it gives up. Article text is untrusted: a
/// pattern with nested quantifiers can backtrack for minutes on a hostile line (fuzzing once found a
/// line of comma-separated ids that did); the stage that ran it is run once more from the start (the
/// time-out is wall-clock time, see below), and a second time-out notes the failure on that document
/// ("clean: failed: RegexMatchTimeoutException: …", its layers dropped and the stages that need them
/// skipped) and the batch goes on. The time tagger, which runs its patterns in windows of the text, reads a
/// window once more in the same way and then loses only the window a pattern gave up on and says so ("times:
/// the time pattern 'MonthDay' gave up after 10 s on characters 1200-1290; times there may be missing").
/// The time-out is wall-clock time (.NET checks it against the tick count), not the thread's processor
/// time, so a descheduled thread or a garbage collection counts against it. On 2026-12-05 a 1 s limit
/// fired on ordinary articles at load average 57-73 on two cores, one article in one run only. Measured on the 3,000 articles of the allsides
/// sample (bench `regex-time`: each pattern over each raw text, whole and line by line, this thread's
/// processor time), the slowest single call of a cleaner pattern is 24 ms, of any pattern 142 ms (the
/// contradictions' title pattern over a whole long article, more than it is ever given at once), first-use
/// compilation included; 10 s leaves room for a thread that gets 1/70 of a core while still stopping a
/// runaway pattern.
/// </summary>
internal static class RegexTimeouts
{
    public const int Milliseconds = 10_000;
}
