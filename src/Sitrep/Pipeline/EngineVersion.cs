namespace Sitrep.Pipeline;

public static class EngineVersion
{
    /// <summary>
    /// Bumped whenever a stage's output changes for the same input, so stored documents
    /// analysed by an older pipeline can be found and analysed again, never silently mixed.
    /// </summary>
    public const string Pipeline = "1";
}
