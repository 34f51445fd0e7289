namespace Sitrep.Documents;

/// <summary>The body's language as detected (ISO 639-1), or null when the text is too short or unclear to tell.</summary>
public sealed record DetectedLanguage(string? Code)
{
    public static readonly DetectedLanguage Unknown = new((string?)null);
}
