namespace Sitrep.Report;

/// <summary>Every item of a report with the section it is in and the characters it comes from: what each format links, and what tests compare.</summary>
internal static class ReportItems
{
    public const string Summary = "summary";
    public const string Timeline = "timeline";
    public const string Statements = "statements";
    public const string Citations = "citations";
    public const string Framing = "framing";
    public const string Contradictions = "contradictions";

    public static IEnumerable<(string Section, Evidence Evidence)> Of(StoryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var e in report.Summary.People.Concat(report.Summary.Organisations).Concat(report.Summary.Places))
            yield return (Summary, e.Evidence);
        foreach (var t in report.Timeline)
            yield return (Timeline, t.Evidence);
        foreach (var s in report.Statements)
        {
            yield return (Statements, s.FirstSaid.Evidence);
            foreach (var q in s.Statements)
                yield return (Statements, q.Evidence);
        }
        foreach (var c in report.Citations)
            yield return (Citations, c.Evidence);
        foreach (var a in report.Framing.Actors)
            yield return (Framing, a.Evidence);
        foreach (var t in report.Framing.Terms)
            yield return (Framing, t.Evidence);
        foreach (var v in report.Framing.Voices)
            yield return (Framing, v.Evidence);
        foreach (var side in report.Contradictions.SelectMany(c => c.Sides))
            yield return (Contradictions, side.Evidence);
    }
}
